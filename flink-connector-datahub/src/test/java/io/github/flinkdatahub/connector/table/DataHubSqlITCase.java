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
 * plan, planning errors, commercial DDL that reads and writes, and the catalog (create, list,
 * write, read, alter, drop) with its bound factory.
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
        client.createTupleTopic(
                "sql",
                "commercial",
                2,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT),
                        Field.of("amount", FieldType.DECIMAL)),
                "commercial DDL");
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
    void explainShowsProjectionMetadataAndWatermarkPushedIntoTheSource() {
        createOrders("orders", "orders");
        String plan = env.explainSql("SELECT id, stored FROM orders WHERE id > 1");
        // One TableSourceScan carries the projection, the metadata and the watermark: the
        // planner removed its own projection and watermark assigner.
        String optimized = plan.substring(plan.indexOf("== Optimized Physical Plan =="));
        assertThat(optimized)
                .contains("TableSourceScan(table=[[default_catalog, default_database, orders,")
                .contains("watermark=[-(ts, 1000:INTERVAL SECOND)]")
                .contains("metadata=[system-time]")
                .containsPattern("project=\\[id, ts\\]")
                .doesNotContain("WatermarkAssigner")
                .doesNotContain(SECRET);
    }

    @Test
    void aFailingCommercialDdlNeverPrintsTheAccessKey() {
        // Flink lists a failing table's options and masks 'access-key-secret' but not the
        // commercial 'accessKey': the factory defers its error past that listing.
        for (String query :
                new String[] {
                    "SELECT * FROM leaky", "INSERT INTO leaky VALUES (CAST(1 AS BIGINT), 1.00)"
                }) {
            env.executeSql("DROP TEMPORARY TABLE IF EXISTS leaky");
            env.executeSql(
                    String.format(
                            "CREATE TEMPORARY TABLE leaky (id BIGINT NOT NULL, amount"
                                    + " DECIMAL(12, 2)) WITH ('connector' = 'datahub',"
                                    + " 'endPoint' = '%s', 'project' = 'sql', 'topic' ="
                                    + " 'commercial', 'accessId' = '%s', 'accessKey' = '%s',"
                                    + " 'maxFetchSize' = '0', 'batchCount' = '0')",
                            EMULATOR.endpoint(), ACCESS_ID, SECRET));
            assertThatThrownBy(() -> env.executeSql(query).await())
                    .as(query)
                    .satisfies(
                            e ->
                                    assertThat(all(e))
                                            .containsPattern("maxFetchSize|batchCount")
                                            .doesNotContain(SECRET));
        }
    }

    @Test
    void aMissingTopicFailsAtPlanningNamingIt() {
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
    void commercialDdlReadsAndWritesUnchanged() throws Exception {
        env.getConfig().set("parallelism.default", "1");
        // The same commercial DDL writes ('batchCount', 'batchSize', 'flushInterval',
        // 'CompressType', 'hashFields') ...
        env.executeSql(
                String.format(
                        "CREATE TABLE cw (id BIGINT NOT NULL, amount DECIMAL(12, 2)) WITH ("
                                + " 'connector' = 'datahub', 'endPoint' = '%s', 'project' = 'sql',"
                                + " 'topic' = 'commercial', 'accessId' = '%s', 'accessKey' = '%s',"
                                + " 'batchCount' = '10', 'batchSize' = '65536',"
                                + " 'flushInterval' = '100', 'CompressType' = 'deflate',"
                                + " 'hashFields' = 'id', 'retryTimeout' = '5000')",
                        EMULATOR.endpoint(), ACCESS_ID, SECRET));
        env.executeSql("INSERT INTO cw VALUES (CAST(1 AS BIGINT), 1.50), (2, 2.25), (3, 3.00)")
                .await();
        // ... and reads from 'startTime' with 'subId' (offsets commit on checkpoints).
        String subscription = client.createSubscription("sql", "commercial", "commercial ddl");
        env.executeSql(
                String.format(
                        "CREATE TABLE cr (id BIGINT NOT NULL, amount DECIMAL(12, 2)) WITH ("
                                + " 'connector' = 'datahub', 'endPoint' = '%s', 'project' = 'sql',"
                                + " 'topic' = 'commercial', 'accessId' = '%s', 'accessKey' = '%s',"
                                + " 'subId' = '%s', 'startTime' = '2020-01-01 00:00:00',"
                                + " 'maxFetchSize' = '2',"
                                + " 'fetchLatestDelay' = '20', 'lengthCheck' = 'PAD',"
                                + " 'CompressType' = '', 'timeZone' = 'Asia/Shanghai',"
                                + " 'retryTimeout' = '5000', 'retryInterval' = '100')",
                        EMULATOR.endpoint(), ACCESS_ID, SECRET, subscription));
        env.executeSql("INSERT INTO cw VALUES (CAST(4 AS BIGINT), 4.75)").await();
        assertThat(sortedRows("SELECT * FROM cr /*+ OPTIONS('scan.bounded.mode'='latest') */"))
                .containsExactly("+I[1, 1.50]", "+I[2, 2.25]", "+I[3, 3.00]", "+I[4, 4.75]");
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
        // sign every request (the emulator refuses unsigned ones). Write, then read back.
        env.getConfig().set("parallelism.default", "1");
        env.executeSql(
                        "INSERT INTO dh.shop.orders VALUES (CAST(7 AS BIGINT), 12.34,"
                                + " TO_TIMESTAMP_LTZ(1700000000123, 3), 'seven'), (8, CAST(NULL AS"
                                + " DECIMAL(10, 2)), CAST(NULL AS TIMESTAMP_LTZ(6)), CAST(NULL AS"
                                + " STRING))")
                .await();
        assertThat(
                        sortedRows(
                                "SELECT id, amount, ts, note, `_shard_id` FROM dh.shop.orders"
                                        + " /*+ OPTIONS('scan.bounded.mode'='latest') */"))
                .hasSize(2)
                .anySatisfy(
                        r ->
                                assertThat(r)
                                        .startsWith(
                                                "+I[7, 12.340000000000000000,"
                                                        + " 2023-11-14T22:13:20.123Z, seven, "))
                .anySatisfy(r -> assertThat(r).startsWith("+I[8, null, null, null, "));
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

    private List<String> sortedRows(String sql) throws Exception {
        List<String> rows = rows(sql);
        java.util.Collections.sort(rows);
        return rows;
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
