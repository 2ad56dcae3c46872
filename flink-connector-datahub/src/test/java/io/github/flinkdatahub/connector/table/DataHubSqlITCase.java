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

package io.github.flinkdatahub.connector.table;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SECRET;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL through a TableEnvironment (the real planner) against the emulator: DDL, push-downs in the
 * plan, planning errors, the catalog and its bound factory. Execution stops at the TODO of the
 * missing runtime wiring.
 */
class DataHubSqlITCase {

    private static final String ACCESS_ID = "sql-id";

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.credentials(ACCESS_ID, SECRET));

    private static DataHubClient client;
    private TableEnvironment env;

    @BeforeAll
    static void topics() {
        client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .credentials(ACCESS_ID, SECRET)
                                .build());
        client.createProject("sql", "sql tests");
        client.createTupleTopic(
                "sql",
                "orders",
                1,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT),
                        Field.of("amount", FieldType.DECIMAL),
                        Field.of("ts", FieldType.TIMESTAMP)),
                "orders");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void env() {
        env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    private String with(String topic) {
        return String.format(
                "'connector' = 'datahub', 'endpoint' = '%s', 'project' = 'sql', 'topic' = '%s',"
                        + " 'access-key-id' = '%s', 'access-key-secret' = '%s',"
                        + " 'retry.timeout' = '0 s'",
                EMULATOR.endpoint(), topic, ACCESS_ID, SECRET);
    }

    private void createOrders(String name, String topic) {
        env.executeSql(
                "CREATE TABLE "
                        + name
                        + " (id BIGINT NOT NULL, amount DECIMAL(12, 2), ts TIMESTAMP(3),"
                        + " seq STRING METADATA FROM 'sequence' VIRTUAL,"
                        + " stored TIMESTAMP_LTZ(3) METADATA FROM 'system-time' VIRTUAL,"
                        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
                        + with(topic)
                        + ")");
    }

    private static String all(Throwable e) {
        return String.join("\n", messages(e));
    }

    @Test
    void aProjectedWatermarkedQueryOptimisesUpToTheMissingWiring() {
        // EXPLAIN also translates to a stream graph, so it stops at the TODO as well: this shows
        // that the planner's projection, metadata and watermark push-down into the source
        // succeed (they run during optimisation, before the runtime provider is asked for).
        createOrders("orders", "orders");
        assertThatThrownBy(() -> env.explainSql("SELECT id, stored FROM orders WHERE id > 1"))
                .satisfies(
                        e ->
                                assertThat(all(e))
                                        .contains("TODO(issue 9): wire DataHubSource")
                                        .doesNotContain(SECRET));
    }

    @Test
    void executionReachesTheMissingWiringAfterTheTopicCheck() {
        createOrders("orders", "orders");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM orders").collect().close())
                .satisfies(
                        e ->
                                assertThat(all(e))
                                        .contains("TODO(issue 9): wire DataHubSource")
                                        .doesNotContain(SECRET));
        createOrders("wrong", "no_such_topic");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM wrong").collect().close())
                .satisfies(
                        e ->
                                assertThat(all(e))
                                        .contains("topic 'sql.no_such_topic' does not exist")
                                        .doesNotContain(SECRET));
    }

    @Test
    void anUpdatingQueryFailsAtPlanningSayingTheSinkIsInsertOnly() {
        env.executeSql(
                "CREATE TABLE counts (id BIGINT NOT NULL, amount DECIMAL(12, 2)) WITH ("
                        + with("orders")
                        + ")");
        assertThatThrownBy(
                        () ->
                                env.executeSql(
                                        "INSERT INTO counts SELECT a, CAST(COUNT(*) AS DECIMAL(12,"
                                            + " 2)) FROM (VALUES (CAST(1 AS BIGINT)), (2)) AS v(a)"
                                            + " GROUP BY a"))
                .satisfies(e -> assertThat(all(e)).contains("The DataHub sink is insert-only"));
    }

    @Test
    void commercialDdlPlans() {
        env.executeSql(
                String.format(
                        "CREATE TABLE c (id BIGINT NOT NULL, amount DECIMAL(12, 2)) WITH ("
                                + " 'connector' = 'datahub', 'endPoint' = '%s', 'project' = 'sql',"
                                + " 'topic' = 'orders', 'accessId' = '%s', 'accessKey' = '%s',"
                                + " 'subId' = 'x', 'startTime' = '2026-01-01 00:00:00',"
                                + " 'maxFetchSize' = '100', 'lengthCheck' = 'PAD',"
                                + " 'retryTimeout' = '0')",
                        EMULATOR.endpoint(), ACCESS_ID, SECRET));
        // Options valid, topic found and signed with the commercial credentials: up to the TODO.
        assertThatThrownBy(() -> env.explainSql("SELECT id FROM c"))
                .satisfies(e -> assertThat(all(e)).contains("TODO(issue 9): wire DataHubSource"));
    }

    @Test
    void catalogThroughSql() throws Exception {
        client.createProject("home", "home");
        env.executeSql(
                String.format(
                        "CREATE CATALOG dh WITH ('type' = 'datahub', 'endpoint' = '%s',"
                                + " 'default-database' = 'home', 'access-key-id' = '%s',"
                                + " 'access-key-secret' = '%s', 'retry.timeout' = '0 s')",
                        EMULATOR.endpoint(), ACCESS_ID, SECRET));
        env.executeSql("CREATE DATABASE dh.shop COMMENT 'shop'");
        env.executeSql(
                "CREATE TABLE dh.shop.orders (id BIGINT NOT NULL COMMENT 'the id', amount"
                        + " DECIMAL(10, 2), ts TIMESTAMP_LTZ(6)) COMMENT 'orders' WITH"
                        + " ('shard-count' = '2', 'lifecycle' = '3')");
        assertThat(rows("SHOW TABLES IN dh.shop")).containsExactly("+I[orders]");
        assertThat(rows("SHOW DATABASES IN dh")).contains("+I[shop]", "+I[home]");
        env.executeSql("ALTER TABLE dh.shop.orders ADD note STRING");
        String ddl = String.join("\n", rows("SHOW CREATE TABLE dh.shop.orders"));
        assertThat(ddl)
                .contains("`note` VARCHAR(2147483647)")
                .contains(
                        "`_system_time` TIMESTAMP(3) WITH LOCAL TIME ZONE NOT NULL METADATA FROM"
                                + " 'system-time' VIRTUAL")
                .contains("'endpoint' = '" + EMULATOR.endpoint() + "'")
                .contains("'shard-count' = '2'")
                .doesNotContain(SECRET)
                .doesNotContain(ACCESS_ID)
                .doesNotContain("access-key");
        // No WITH clause needed: the planner uses the catalog's bound factory, whose credentials
        // sign the planning-time topic check (the emulator refuses unsigned requests).
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM dh.shop.orders").collect().close())
                .satisfies(
                        e ->
                                assertThat(all(e))
                                        .contains("TODO(issue 9): wire DataHubSource")
                                        .doesNotContain(SECRET));
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE dh.shop.orders DROP note"))
                .satisfies(
                        e ->
                                assertThat(all(e))
                                        .contains(
                                                "The DataHub catalog supports ALTER TABLE ..."
                                                        + " ADD"));
        env.executeSql("DROP TABLE dh.shop.orders");
        assertThat(rows("SHOW TABLES IN dh.shop")).isEmpty();
        env.executeSql("DROP DATABASE dh.shop");
        assertThat(rows("SHOW DATABASES IN dh")).doesNotContain("+I[shop]");
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        TableResult result = env.executeSql(sql);
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
