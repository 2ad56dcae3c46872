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
import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.types.Row;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * INSERT then SELECT through the real planner and a MiniCluster against the emulator: every type
 * with nulls and edge values, metadata columns, BLOB topics with formats, bounded batch queries and
 * watermarks with windows.
 */
class DataHubSqlRoundTripITCase {

    private static final String ACCESS_ID = "rt-id";

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.credentials(ACCESS_ID, SECRET));

    private static DataHubClient client;

    @BeforeAll
    static void topics() {
        client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .credentials(ACCESS_ID, SECRET)
                                .build());
        client.createProject("rtrip", "round trips");
        client.createTupleTopic(
                "rtrip",
                "all_types",
                1,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT),
                        Field.of("f_tinyint", FieldType.TINYINT),
                        Field.of("f_smallint", FieldType.SMALLINT),
                        Field.of("f_int", FieldType.INTEGER),
                        Field.of("f_bigint", FieldType.BIGINT),
                        Field.of("f_float", FieldType.FLOAT),
                        Field.of("f_double", FieldType.DOUBLE),
                        Field.of("f_decimal", FieldType.DECIMAL),
                        Field.of("f_bool", FieldType.BOOLEAN),
                        Field.of("f_string", FieldType.STRING),
                        Field.of("f_ts", FieldType.TIMESTAMP),
                        Field.of("f_ts_ltz", FieldType.TIMESTAMP)),
                "all types");
        client.createTupleTopic(
                "rtrip",
                "events",
                4,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING)),
                "metadata");
        client.createTupleTopic(
                "rtrip",
                "clicks",
                2,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT), Field.of("ts", FieldType.TIMESTAMP)),
                "windows");
        client.createTupleTopic(
                "rtrip",
                "routed",
                2,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING)),
                "fixed and hash-key routing");
        client.createBlobTopic("rtrip", "json_blobs", 1, 1, "json");
        client.createBlobTopic("rtrip", "raw_blobs", 1, 1, "raw");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static String with(String topic, String... more) {
        StringBuilder b =
                new StringBuilder(
                        String.format(
                                "'connector' = 'datahub', 'endpoint' = '%s', 'project' = 'rtrip',"
                                        + " 'topic' = '%s', 'access-key-id' = '%s',"
                                        + " 'access-key-secret' = '%s', 'retry.timeout' = '5 s',"
                                        + " 'sink.buffer-flush.interval' = '50 ms',"
                                        + " 'scan.idle-fetch-delay' = '20 ms'",
                                EMULATOR.endpoint(), topic, ACCESS_ID, SECRET));
        for (int i = 0; i < more.length; i += 2) {
            b.append(", '").append(more[i]).append("' = '").append(more[i + 1]).append('\'');
        }
        return b.toString();
    }

    private static final String ALL_TYPES_COLUMNS =
            "id BIGINT NOT NULL, f_tinyint TINYINT, f_smallint SMALLINT, f_int INT, f_bigint"
                    + " BIGINT, f_float FLOAT, f_double DOUBLE, f_decimal DECIMAL(38, 18), f_bool"
                    + " BOOLEAN, f_string STRING, f_ts TIMESTAMP(6), f_ts_ltz TIMESTAMP_LTZ(6)";

    private static final String ALL_TYPES_VALUES =
            "VALUES"
                    + " (CAST(1 AS BIGINT), CAST(-128 AS TINYINT), CAST(-32768 AS SMALLINT),"
                    + " -2147483648, -9223372036854775807, CAST('-3.4028235E38' AS FLOAT),"
                    + " CAST('NaN' AS DOUBLE),"
                    + " CAST('-99999999999999999999.999999999999999999' AS DECIMAL(38, 18)),"
                    + " FALSE, '', TIMESTAMP '1969-12-31 23:59:59.999999',"
                    + " TO_TIMESTAMP_LTZ(0, 3)),"
                    + " (CAST(2 AS BIGINT), CAST(127 AS TINYINT), CAST(32767 AS SMALLINT),"
                    + " 2147483647, 9223372036854775807, CAST('1.4E-45' AS FLOAT),"
                    + " CAST('Infinity' AS DOUBLE),"
                    + " CAST('99999999999999999999.999999999999999999' AS DECIMAL(38, 18)),"
                    + " TRUE, 'unicode: \u00e4\u00f6\u00fc \u4e2d\u6587 \ud83d\ude00 \"q\" ''s''',"
                    + " TIMESTAMP '2026-12-01 10:11:12.123456',"
                    + " CAST(TIMESTAMP '2026-12-01 10:11:12.654321' AS TIMESTAMP_LTZ(6))),"
                    + " (CAST(3 AS BIGINT), CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT),"
                    + " CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS FLOAT),"
                    + " CAST('-Infinity' AS DOUBLE), CAST(NULL AS DECIMAL(38, 18)),"
                    + " CAST(NULL AS BOOLEAN), CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP(6)),"
                    + " CAST(NULL AS TIMESTAMP_LTZ(6))),"
                    + " (CAST(4 AS BIGINT), CAST(0 AS TINYINT), CAST(0 AS SMALLINT), 0,"
                    + " CAST(0 AS BIGINT), CAST(0.0 AS FLOAT), CAST(-0.0 AS DOUBLE),"
                    + " CAST('0.000000000000000001' AS DECIMAL(38, 18)), TRUE, 'x',"
                    + " TIMESTAMP '1970-01-01 00:00:00.000001',"
                    + " CAST(TIMESTAMP '9999-12-31 15:59:59' AS TIMESTAMP_LTZ(6)))";

    @Test
    void everyTypeRoundTripsWithNullsAndEdgeValues() throws Exception {
        SqlTestEnv sql = SqlTestEnv.streaming();
        sql.env.getConfig().set("table.local-time-zone", "UTC");
        sql.sql(
                "CREATE TABLE t ("
                        + ALL_TYPES_COLUMNS
                        + ") WITH ("
                        + with("all_types", "scan.bounded.mode", "latest")
                        + ")");
        sql.insert("INSERT INTO t " + ALL_TYPES_VALUES);

        List<Row> expected = sql.rows("SELECT * FROM (" + ALL_TYPES_VALUES + ")");
        List<Row> read = sql.rows("SELECT * FROM t");
        assertThat(read).hasSize(4);
        assertThat(sorted(read).toString()).isEqualTo(sorted(expected).toString());

        Row max = sorted(read).get(1);
        assertThat(max.getField("f_decimal"))
                .isEqualTo(new BigDecimal("99999999999999999999.999999999999999999"));
        assertThat(max.getField("f_ts"))
                .isEqualTo(LocalDateTime.parse("2026-12-01T10:11:12.123456"));
        assertThat(max.getField("f_ts_ltz"))
                .isEqualTo(Instant.parse("2026-12-01T10:11:12.654321Z"));
        assertThat(max.getField("f_bigint")).isEqualTo(Long.MAX_VALUE);
        assertThat(max.getField("f_string")).asString().contains("\ud83d\ude00").contains("'s'");
        assertThat((Double) max.getField("f_double")).isInfinite();
        assertThat((Double) sorted(read).get(0).getField("f_double")).isNaN();
        assertThat(sorted(read).get(2).getField("f_decimal")).isNull();
        assertThat(sorted(read).get(3).getField("f_ts"))
                .isEqualTo(LocalDateTime.parse("1970-01-01T00:00:00.000001"));

        // What reached DataHub: the microseconds as stored, the decimal text exactly.
        List<String> stored =
                sql.strings("SELECT f_ts_ltz, CAST(f_decimal AS STRING) FROM t WHERE id = 2");
        assertThat(stored)
                .containsExactly(
                        "+I[2026-12-01T10:11:12.654321Z, 99999999999999999999.999999999999999999]");
    }

    @Test
    void metadataIsReadAndWrittenAndPartitionKeysLandWhereTheServiceRoutesThem() throws Exception {
        SqlTestEnv sql = SqlTestEnv.streaming();
        sql.sql(
                "CREATE TABLE w (id BIGINT NOT NULL, name STRING,"
                        + " attrs MAP<STRING, STRING> METADATA FROM 'attributes',"
                        + " pk STRING METADATA FROM 'partition-key') WITH ("
                        + with("events", "sink.partitioner", "partition-key")
                        + ")");
        sql.sql(
                "CREATE TABLE r (id BIGINT NOT NULL, name STRING,"
                        + " shard BIGINT METADATA FROM 'shard-id' VIRTUAL,"
                        + " seq STRING METADATA FROM 'sequence' VIRTUAL,"
                        + " stored TIMESTAMP_LTZ(3) METADATA FROM 'system-time' VIRTUAL,"
                        + " attrs MAP<STRING, STRING> METADATA FROM 'attributes') WITH ("
                        + with("events", "scan.bounded.mode", "latest")
                        + ")");
        long before = System.currentTimeMillis();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            values.append(i == 0 ? "" : ", ")
                    .append(
                            String.format(
                                    "(CAST(%d AS BIGINT), 'n%d', MAP['k', 'v%d', 'src', 'sql'],"
                                            + " 'key-%d')",
                                    i, i, i, i % 7));
        }
        sql.insert("INSERT INTO w VALUES " + values);
        long after = System.currentTimeMillis();

        List<ShardInfo> active =
                client.listShards("rtrip", "events").stream()
                        .filter(s -> s.state() == ShardState.ACTIVE)
                        .collect(Collectors.toList());
        List<Row> rows = sql.rows("SELECT id, name, shard, seq, stored, attrs FROM r");
        assertThat(rows).hasSize(40);
        Map<Long, List<Long>> sequencesPerShard =
                rows.stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> (Long) r.getField("shard"),
                                        Collectors.mapping(
                                                r -> Long.parseLong((String) r.getField("seq")),
                                                Collectors.toList())));
        for (Row row : rows) {
            long id = (Long) row.getField("id");
            String key = "key-" + (id % 7);
            ShardInfo owner = HashKeyRange.ownerOf(active, HashKeyRange.partitionKeyHash(key));
            assertThat(row.getField("shard"))
                    .as("shard of id %d (partition key %s)", id, key)
                    .isEqualTo(Long.parseLong(owner.shardId()));
            assertThat(row.getField("attrs")).isEqualTo(Map.of("k", "v" + id, "src", "sql"));
            Instant stored = (Instant) row.getField("stored");
            assertThat(stored.toEpochMilli()).isBetween(before - 1000, after + 1000);
        }
        assertThat(sequencesPerShard.keySet()).hasSizeGreaterThan(1);
        sequencesPerShard
                .values()
                .forEach(seqs -> assertThat(seqs).doesNotHaveDuplicates().contains(0L));
    }

    @Test
    void blobTopicsWithJsonAndRawFormats() throws Exception {
        SqlTestEnv sql = SqlTestEnv.streaming();
        sql.sql(
                "CREATE TABLE j (user_id BIGINT, action STRING, amount DECIMAL(10, 2)) WITH ("
                        + with("json_blobs", "format", "json", "scan.bounded.mode", "latest")
                        + ")");
        sql.insert(
                "INSERT INTO j VALUES (CAST(1 AS BIGINT), 'buy', CAST(9.99 AS DECIMAL(10, 2))),"
                    + " (CAST(2 AS BIGINT), CAST(NULL AS STRING), CAST(0.01 AS DECIMAL(10, 2)))");
        assertThat(sql.strings("SELECT * FROM j"))
                .containsExactly("+I[1, buy, 9.99]", "+I[2, null, 0.01]");
        // Projection over a BLOB format, and the bytes the format wrote.
        assertThat(sql.strings("SELECT action FROM j")).containsExactly("+I[buy]", "+I[null]");
        sql.sql(
                "CREATE TABLE jb (payload BYTES) WITH ("
                        + with("json_blobs", "scan.bounded.mode", "latest")
                        + ")");
        String first =
                new String(
                        (byte[]) sql.rows("SELECT payload FROM jb").get(0).getField(0),
                        StandardCharsets.UTF_8);
        assertThat(first).contains("\"user_id\":1").contains("\"action\":\"buy\"");

        sql.sql(
                "CREATE TABLE r (line STRING, seq STRING METADATA FROM 'sequence' VIRTUAL) WITH ("
                        + with("raw_blobs", "format", "raw", "scan.bounded.mode", "latest")
                        + ")");
        sql.insert("INSERT INTO r VALUES ('hello \u4e16\u754c'), ('second')");
        assertThat(sql.strings("SELECT line, seq FROM r"))
                .containsExactly("+I[hello \u4e16\u754c, 0]", "+I[second, 1]");
    }

    @Test
    void aBoundedBatchQueryFinishes() throws Exception {
        SqlTestEnv writer = SqlTestEnv.streaming();
        writer.sql(
                "CREATE TABLE w (id BIGINT NOT NULL, ts TIMESTAMP(3)) WITH ("
                        + with("clicks")
                        + ")");
        writer.insert(
                "INSERT INTO w VALUES (CAST(100 AS BIGINT), TIMESTAMP '2026-01-01 00:00:01'),"
                        + " (CAST(101 AS BIGINT), TIMESTAMP '2026-01-01 00:00:02'),"
                        + " (CAST(102 AS BIGINT), TIMESTAMP '2026-01-01 00:00:07'),"
                        + " (CAST(103 AS BIGINT), TIMESTAMP '2026-01-01 00:00:12')");
        SqlTestEnv batch = SqlTestEnv.batch();
        batch.sql(
                "CREATE TABLE c (id BIGINT NOT NULL, ts TIMESTAMP(3)) WITH ("
                        + with("clicks", "scan.bounded.mode", "latest")
                        + ")");
        assertThat(
                        batch.strings(
                                "SELECT COUNT(*), MIN(id), MAX(id) FROM c WHERE id BETWEEN 100 AND"
                                        + " 199"))
                .containsExactly("+I[4, 100, 103]");
        // An unbounded table refuses batch mode with the planner's message.
        batch.sql("CREATE TABLE u (id BIGINT NOT NULL) WITH (" + with("clicks") + ")");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.rows("SELECT * FROM u"))
                .hasStackTraceContaining("unbounded");
    }

    @Test
    void watermarksOnAColumnAndOnSystemTimeDriveTumblingWindows() throws Exception {
        SqlTestEnv sql = SqlTestEnv.streaming();
        sql.sql(
                "CREATE TABLE w (id BIGINT NOT NULL, ts TIMESTAMP(3)) WITH ("
                        + with("clicks", "sink.partitioner", "hash", "sink.hash-fields", "id")
                        + ")");
        sql.insert(
                "INSERT INTO w VALUES (CAST(200 AS BIGINT), TIMESTAMP '2026-02-01 00:00:01'),"
                        + " (CAST(201 AS BIGINT), TIMESTAMP '2026-02-01 00:00:04'),"
                        + " (CAST(202 AS BIGINT), TIMESTAMP '2026-02-01 00:00:06'),"
                        + " (CAST(203 AS BIGINT), TIMESTAMP '2026-02-01 00:00:11')");
        sql.sql(
                "CREATE TABLE c (id BIGINT NOT NULL, ts TIMESTAMP(3),"
                        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
                        + with("clicks", "scan.bounded.mode", "latest")
                        + ")");
        assertThat(
                        sql.strings(
                                "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE c,"
                                        + " DESCRIPTOR(ts), INTERVAL '5' SECOND)) WHERE id >= 200"
                                        + " GROUP BY window_start, window_end"))
                .containsExactlyInAnyOrder(
                        "+I[2026-02-01T00:00, 2]",
                        "+I[2026-02-01T00:00:05, 1]",
                        "+I[2026-02-01T00:00:10, 1]");

        sql.sql(
                "CREATE TABLE s (id BIGINT NOT NULL,"
                        + " stored TIMESTAMP_LTZ(3) METADATA FROM 'system-time' VIRTUAL,"
                        + " WATERMARK FOR stored AS stored) WITH ("
                        + with("clicks", "scan.bounded.mode", "latest")
                        + ")");
        List<String> perWindow =
                sql.strings(
                        "SELECT SUM(cnt) FROM (SELECT window_start, COUNT(*) AS cnt FROM"
                                + " TABLE(TUMBLE(TABLE s, DESCRIPTOR(stored), INTERVAL '1' HOUR))"
                                + " WHERE id >= 200 GROUP BY window_start, window_end)");
        // The retracting outer SUM ends at the total: every row fell into a system-time window.
        assertThat(perWindow.get(perWindow.size() - 1)).endsWith("4]");
    }

    @Test
    void fixedPartitionerAndHashKeyColumnRouteToOneShard() throws Exception {
        SqlTestEnv sql = SqlTestEnv.streaming();
        List<ShardInfo> shards =
                client.listShards("rtrip", "routed").stream()
                        .sorted(Comparator.comparing(ShardInfo::hashKeyRange))
                        .collect(Collectors.toList());
        sql.sql(
                "CREATE TABLE f (id BIGINT NOT NULL, name STRING) WITH ("
                        + with("routed", "sink.partitioner", "fixed")
                        + ")");
        sql.sql(
                "CREATE TABLE h (id BIGINT NOT NULL, name STRING,"
                        + " hk STRING METADATA FROM 'hash-key') WITH ("
                        + with("routed")
                        + ")");
        sql.sql(
                "CREATE TABLE r (id BIGINT NOT NULL, name STRING,"
                        + " shard BIGINT METADATA FROM 'shard-id' VIRTUAL) WITH ("
                        + with("routed", "scan.bounded.mode", "latest")
                        + ")");
        sql.insert("INSERT INTO f VALUES (CAST(1 AS BIGINT), 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        String last = shards.get(1).endHashKey();
        String inLastShard =
                new java.math.BigInteger(last, 16).subtract(java.math.BigInteger.ONE).toString(16);
        sql.insert(
                "INSERT INTO h VALUES (CAST(10 AS BIGINT), 'x', '"
                        + shards.get(0).beginHashKey()
                        + "'), (11, 'y', '"
                        + inLastShard
                        + "')");
        Map<Long, Long> shardOf =
                sql.rows("SELECT id, shard FROM r").stream()
                        .collect(
                                Collectors.toMap(
                                        row -> (Long) row.getField(0),
                                        row -> (Long) row.getField(1)));
        assertThat(shardOf).hasSize(6);
        // 'fixed': every row of the one writer on the same shard.
        assertThat(List.of(shardOf.get(1L), shardOf.get(2L), shardOf.get(3L), shardOf.get(4L)))
                .containsOnly(shardOf.get(1L));
        // 'hash-key': the shard whose range holds the key.
        assertThat(shardOf.get(10L)).isEqualTo(Long.parseLong(shards.get(0).shardId()));
        assertThat(shardOf.get(11L)).isEqualTo(Long.parseLong(shards.get(1).shardId()));
    }

    @Test
    void exactlyOnceWritesCommitOnCheckpoints() throws Exception {
        SqlTestEnv sql = SqlTestEnv.streaming();
        sql.env.getConfig().set("execution.checkpointing.interval", "200 ms");
        client.createTupleTopic(
                "rtrip",
                "exactly",
                2,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING)),
                "exactly-once");
        sql.sql(
                "CREATE TABLE e (id BIGINT NOT NULL, name STRING) WITH ("
                        + with("exactly", "sink.delivery-guarantee", "exactly-once")
                        + ")");
        sql.sql(
                "CREATE TABLE r (id BIGINT NOT NULL, name STRING) WITH ("
                        + with("exactly", "scan.bounded.mode", "latest")
                        + ")");
        sql.insert("INSERT INTO e VALUES (CAST(1 AS BIGINT), 'a'), (2, 'b'), (3, 'c')");
        assertThat(sql.strings("SELECT * FROM r"))
                .containsExactlyInAnyOrder("+I[1, a]", "+I[2, b]", "+I[3, c]");
    }

    private static List<Row> sorted(List<Row> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(r -> (Long) r.getField(0)))
                .collect(Collectors.toList());
    }
}
