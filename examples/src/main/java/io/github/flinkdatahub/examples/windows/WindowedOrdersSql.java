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

package io.github.flinkdatahub.examples.windows;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

import java.util.List;

/**
 * The SQL example: the same pipeline as {@link WindowedOrdersJob}, written as {@code CREATE TABLE}
 * and {@code INSERT INTO} with a windowing table-valued function.
 *
 * <p>Without {@code --endpoint} it starts an embedded DataHub emulator. Same flags as the
 * DataStream example ({@link ExampleArgs#USAGE}).
 *
 * <pre>{@code
 * ./mvnw -Prun-example -pl examples -am verify -DskipTests \
 *     -Dexample.mainClass=io.github.flinkdatahub.examples.windows.WindowedOrdersSql
 * }</pre>
 */
public final class WindowedOrdersSql {

    private WindowedOrdersSql() {}

    /** Runs the example; see {@link ExampleArgs#USAGE}. */
    public static void main(String[] args) throws Exception {
        ExampleArgs a = ExampleArgs.parse(args);
        if (a.help) {
            System.out.println(ExampleArgs.USAGE);
            return;
        }
        if (a.endpoint() != null) {
            run(a, WindowedOrdersJob.remoteConfig(a.endpoint()));
            return;
        }
        try (DataHubEmulator emulator = DataHubEmulator.builder().port(0).build().start()) {
            System.out.println("Started an embedded DataHub emulator at " + emulator.endpoint());
            run(a, DataHubClientConfig.builder().endpoint(emulator.endpoint()).build());
        }
    }

    private static void run(ExampleArgs a, DataHubClientConfig config) throws Exception {
        List<Order> orders = OrderTopics.sampleOrders(a.records, a.window, 1);
        try (DataHubClient client = DataHubClient.create(config)) {
            OrderTopics.createTopics(client, a);
            OrderTopics.produce(client, a.project, a.inputTopic, orders);
            System.out.printf(
                    "Produced %d orders to %s/%s%n", orders.size(), a.project, a.inputTopic);
        }

        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.getConfig().set("execution.checkpointing.interval", a.checkpointMillis + " ms");
        tEnv.getConfig().set("pipeline.name", "datahub-order-windows-sql");
        for (String ddl : statements(a, config.endpoint())) {
            if (ddl.startsWith("INSERT")) {
                tEnv.executeSql(ddl).await();
            } else {
                tEnv.executeSql(ddl);
            }
        }

        if (a.report && !a.unbounded) {
            try (DataHubClient client = DataHubClient.create(config)) {
                List<WindowResult> results =
                        OrderTopics.readResults(client, a.project, a.outputTopic);
                long in =
                        OrderTopics.readAll(client, a.project, a.inputTopic, OrderTopics.ORDERS)
                                .size();
                boolean matches =
                        a.records == 0
                                || results.equals(OrderTopics.expectedResults(orders, a.window));
                OrderTopics.printReport(System.out, results, in, matches);
            }
        }
    }

    /** The two CREATE TABLE statements and the INSERT INTO of the pipeline. */
    public static List<String> statements(ExampleArgs a, String endpoint) {
        String common =
                "  'connector' = 'datahub',\n"
                        + "  'endpoint' = '"
                        + endpoint
                        + "',\n"
                        + "  'project' = '"
                        + a.project
                        + "',\n"
                        + credentials();
        String orders =
                "CREATE TABLE orders (\n"
                        + "  order_id BIGINT NOT NULL,\n"
                        + "  customer STRING,\n"
                        + "  amount_cents BIGINT,\n"
                        + "  event_time TIMESTAMP(3),\n"
                        + "  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND\n"
                        + ") WITH (\n"
                        + common
                        + "  'topic' = '"
                        + a.inputTopic
                        + "',\n"
                        + (a.unbounded ? "" : "  'scan.bounded.mode' = 'latest',\n")
                        + "  'scan.startup.mode' = 'earliest'\n"
                        + ")";
        String windows =
                "CREATE TABLE order_windows (\n"
                        + "  customer STRING,\n"
                        + "  window_start TIMESTAMP(3),\n"
                        + "  window_end TIMESTAMP(3),\n"
                        + "  order_count BIGINT,\n"
                        + "  total_cents BIGINT\n"
                        + ") WITH (\n"
                        + common
                        + "  'topic' = '"
                        + a.outputTopic
                        + "',\n"
                        + "  'sink.partitioner' = 'hash',\n"
                        + "  'sink.hash-fields' = 'customer',\n"
                        + "  'sink.delivery-guarantee' = '"
                        + (a.exactlyOnce ? "exactly-once" : "at-least-once")
                        + "'\n"
                        + ")";
        String insert =
                "INSERT INTO order_windows\n"
                        + "SELECT customer, window_start, window_end, COUNT(*), SUM(amount_cents)\n"
                        + "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(event_time), INTERVAL '"
                        + a.window.toSeconds()
                        + "' SECOND))\n"
                        + "GROUP BY customer, window_start, window_end";
        return List.of(orders, windows, insert);
    }

    private static String credentials() {
        String id = System.getenv("DATAHUB_ACCESS_ID");
        String key = System.getenv("DATAHUB_ACCESS_KEY");
        if (id == null || key == null) {
            return "";
        }
        return "  'access-key-id' = '" + id + "',\n  'access-key-secret' = '" + key + "',\n";
    }
}
