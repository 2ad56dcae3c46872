/*
 * Copyright 2026 The flink-connector-datahub Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.flinkdatahub.e2e;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.examples.windows.ExampleArgs;
import io.github.flinkdatahub.examples.windows.Order;
import io.github.flinkdatahub.examples.windows.OrderTopics;
import io.github.flinkdatahub.examples.windows.WindowResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a SQL script through the SQL client (gateway mode, against a SQL gateway process) on the
 * standalone cluster, with only the shaded {@code flink-sql-connector-datahub} jar added ({@code
 * ADD JAR}): a {@code CREATE TABLE} source, a window aggregation written into a table of a {@code
 * datahub} catalog, and that catalog table read back into another topic.
 */
class SqlClientE2ECase {

    private static final String PROJECT = "e2e_sql";
    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sqlScriptWithTheShadedJarReadsAndWritesDataHubIncludingACatalogTable() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start();
                FlinkCluster cluster = FlinkCluster.start("sql-client", 2);
                DataHubClient client =
                        DataHubClient.create(
                                DataHubClientConfig.builder()
                                        .endpoint(emulator.endpoint())
                                        .build())) {
            OrderTopics.createTopics(client, ExampleArgs.parse("--project", PROJECT));
            OrderTopics.createTopics(
                    client,
                    ExampleArgs.parse(
                            "--project",
                            PROJECT,
                            "--input-topic",
                            "orders",
                            "--output-topic",
                            "order_windows_copy"));
            List<Order> orders = OrderTopics.sampleOrders(400, WINDOW, 1);
            OrderTopics.produce(client, PROJECT, "orders", orders);

            cluster.startSqlGateway();
            Path script = cluster.dir().resolve("pipeline.sql");
            Files.writeString(script, script(emulator.endpoint()));
            Processes.Result run = cluster.sqlClient(script, Duration.ofMinutes(3));

            // The SQL client exits with 0 even when a statement fails.
            assertThat(run.output()).as(run.output()).doesNotContain("[ERROR]");
            assertThat(run.exitCode()).as(run.output()).isZero();

            List<WindowResult> expected = OrderTopics.expectedResults(orders, WINDOW);
            assertThat(OrderTopics.readResults(client, PROJECT, "order_windows"))
                    .containsExactlyElementsOf(expected);
            assertThat(OrderTopics.readResults(client, PROJECT, "order_windows_copy"))
                    .containsExactlyElementsOf(expected);
        }
    }

    private static String script(String endpoint) {
        String jar = E2EPaths.sqlJar().toString();
        return String.join(
                "\n",
                "ADD JAR '" + jar + "';",
                "SET 'table.dml-sync' = 'true';",
                "SET 'execution.checkpointing.interval' = '1 s';",
                "SET 'table.local-time-zone' = 'UTC';",
                "SET 'parallelism.default' = '2';",
                "CREATE CATALOG dh WITH (",
                "  'type' = 'datahub',",
                "  'endpoint' = '" + endpoint + "',",
                "  'default-database' = '" + PROJECT + "'",
                ");",
                "CREATE TABLE orders (",
                "  order_id BIGINT NOT NULL,",
                "  customer STRING,",
                "  amount_cents BIGINT,",
                "  event_time TIMESTAMP(3),",
                "  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND",
                ") WITH (",
                "  'connector' = 'datahub',",
                "  'endpoint' = '" + endpoint + "',",
                "  'project' = '" + PROJECT + "',",
                "  'topic' = 'orders',",
                "  'scan.bounded.mode' = 'latest'",
                ");",
                "CREATE TABLE window_copy (",
                "  customer STRING,",
                "  window_start TIMESTAMP_LTZ(6),",
                "  window_end TIMESTAMP_LTZ(6),",
                "  order_count BIGINT,",
                "  total_cents BIGINT",
                ") WITH (",
                "  'connector' = 'datahub',",
                "  'endpoint' = '" + endpoint + "',",
                "  'project' = '" + PROJECT + "',",
                "  'topic' = 'order_windows_copy',",
                "  'sink.delivery-guarantee' = 'exactly-once'",
                ");",
                "INSERT INTO dh." + PROJECT + ".order_windows",
                "SELECT customer, CAST(window_start AS TIMESTAMP_LTZ(6)),",
                "       CAST(window_end AS TIMESTAMP_LTZ(6)), COUNT(*), SUM(amount_cents)",
                "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(event_time), INTERVAL '10' SECOND))",
                "GROUP BY customer, window_start, window_end;",
                "INSERT INTO window_copy",
                "SELECT customer, window_start, window_end, order_count, total_cents",
                "FROM dh."
                        + PROJECT
                        + ".order_windows /*+ OPTIONS('scan.bounded.mode' = 'latest') */;",
                "");
    }
}
