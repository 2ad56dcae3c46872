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

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.sink.DataHubSinkContext;
import io.github.flinkdatahub.connector.sink.DataHubSinkRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.StartingPosition;
import io.github.flinkdatahub.connector.source.StoppingPosition;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL layer's RowData (de)serialization schemas and the option-to-builder mapping. */
class DataHubRowDataSchemasTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING));

    private static final RowType PHYSICAL =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
                                    DataTypes.FIELD("name", DataTypes.STRING()))
                            .getLogicalType();

    private static DataHubRowDataSerializationSchema serializer(
            SinkPartitioner partitioner, List<String> metadata, int... hashFields)
            throws Exception {
        FakeDataHub fake = new FakeDataHub();
        fake.createTupleTopic("p", "t", 3, SCHEMA);
        DataHubRowDataSerializationSchema s =
                new DataHubRowDataSerializationSchema(
                        PHYSICAL,
                        metadata,
                        null,
                        ZoneOffset.UTC,
                        partitioner,
                        hashFields,
                        fake.factory());
        s.open(null, new DataHubSinkContext("p", "t", RecordType.TUPLE, SCHEMA));
        return s;
    }

    private static GenericRowData row(long id, String name, Object... metadata) {
        GenericRowData row = new GenericRowData(2 + metadata.length);
        row.setField(0, id);
        row.setField(1, name == null ? null : StringData.fromString(name));
        for (int i = 0; i < metadata.length; i++) {
            row.setField(2 + i, metadata[i]);
        }
        return row;
    }

    private static MapData map(String... kv) {
        Map<StringData, StringData> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(
                    StringData.fromString(kv[i]),
                    kv[i + 1] == null ? null : StringData.fromString(kv[i + 1]));
        }
        return new GenericMapData(m);
    }

    @Test
    void hashPartitionerKeysByTheHashFieldsOnly() throws Exception {
        DataHubRowDataSerializationSchema s = serializer(SinkPartitioner.HASH, List.of(), 1);
        DataHubSinkRecord a = s.serialize(row(1, "x"));
        DataHubSinkRecord b = s.serialize(row(2, "x"));
        DataHubSinkRecord c = s.serialize(row(1, "y"));
        assertThat(a.partitionKey()).isEqualTo(b.partitionKey()).isNotEqualTo(c.partitionKey());
        assertThat(((TupleRecord) a.payload()).get("id")).isEqualTo(1L);
        // NULL and the empty string are different keys.
        assertThat(s.serialize(row(1, null)).partitionKey())
                .isNotEqualTo(s.serialize(row(1, "")).partitionKey());
    }

    @Test
    void attributesPartitionKeyAndHashKeyColumns() throws Exception {
        DataHubRowDataSerializationSchema pk =
                serializer(SinkPartitioner.PARTITION_KEY, List.of("attributes", "partition-key"));
        DataHubSinkRecord r =
                pk.serialize(
                        row(1, "n", map("a", "1", "dropped", null), StringData.fromString("k")));
        assertThat(r.attributes()).isEqualTo(Map.of("a", "1"));
        assertThat(r.partitionKey()).isEqualTo("k");
        assertThatThrownBy(() -> pk.serialize(row(1, "n", null, null)))
                .hasMessageContaining("'partition-key' metadata column is NULL");

        DataHubRowDataSerializationSchema hk =
                serializer(SinkPartitioner.ROUND_ROBIN, List.of("hash-key"));
        assertThat(hk.routesByHashKey()).isTrue();
        assertThat(hk.serialize(row(1, "n", StringData.fromString("7F"))).hashKey())
                .isEqualTo("7F");
        assertThat(serializer(SinkPartitioner.ROUND_ROBIN, List.of()).routesByHashKey()).isFalse();
    }

    @Test
    void fixedPartitionerGivesEachWriterTheFirstKeyOfOneActiveShard() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(serializer(SinkPartitioner.FIXED, List.of()).serialize(row(1, "n")).hashKey());
        }
        // Three writers, three shards: each its own shard, one key per writer for every row.
        assertThat(keys).doesNotHaveDuplicates();
        DataHubRowDataSerializationSchema s = serializer(SinkPartitioner.FIXED, List.of());
        assertThat(s.serialize(row(1, "a")).hashKey())
                .isEqualTo(s.serialize(row(2, "b")).hashKey());
    }

    private static DataHubRecord tupleRecord(Object... values) {
        return new DataHubRecord(
                "t",
                new ReadRecord(
                        "2",
                        41,
                        1_700_000_000_123L,
                        "c",
                        "n",
                        Map.of("k", "v"),
                        TupleRecord.of(SCHEMA, values)));
    }

    private static List<RowData> read(DataHubRowDataDeserializationSchema d, DataHubRecord r)
            throws Exception {
        List<RowData> out = new ArrayList<>();
        d.deserialize(
                r,
                new Collector<>() {
                    @Override
                    public void collect(RowData row) {
                        out.add(row);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void readsProjectedColumnsThenMetadata() throws Exception {
        RowType nameOnly =
                (RowType)
                        DataTypes.ROW(DataTypes.FIELD("name", DataTypes.STRING())).getLogicalType();
        DataHubRowDataDeserializationSchema d =
                new DataHubRowDataDeserializationSchema(
                        nameOnly,
                        List.of(
                                DataHubMetadata.SHARD_ID,
                                DataHubMetadata.SEQUENCE,
                                DataHubMetadata.SYSTEM_TIME,
                                DataHubMetadata.ATTRIBUTES),
                        null,
                        false,
                        new int[] {1},
                        ZoneOffset.UTC,
                        LengthCheck.NONE,
                        InternalTypeInfo.of(nameOnly));
        RowData row = read(d, tupleRecord(5L, "five")).get(0);
        assertThat(row.getArity()).isEqualTo(5);
        assertThat(row.getString(0).toString()).isEqualTo("five");
        assertThat(row.getLong(1)).isEqualTo(2L);
        assertThat(row.getString(2).toString()).isEqualTo("41");
        assertThat(row.getTimestamp(3, 3))
                .isEqualTo(TimestampData.fromEpochMillis(1_700_000_000_123L));
        assertThat(row.getMap(4).keyArray().getString(0).toString()).isEqualTo("k");
    }

    @Test
    void blobBytesWithAnEmptyProjection() throws Exception {
        RowType none = (RowType) DataTypes.ROW().getLogicalType();
        DataHubRowDataDeserializationSchema d =
                new DataHubRowDataDeserializationSchema(
                        none,
                        List.of(DataHubMetadata.SEQUENCE),
                        null,
                        true,
                        new int[0],
                        ZoneOffset.UTC,
                        LengthCheck.NONE,
                        InternalTypeInfo.of(none));
        DataHubRecord blob =
                new DataHubRecord(
                        "t",
                        new ReadRecord(
                                "0", 3, 1, "c", "n", Map.of(), BlobRecord.of(new byte[] {1})));
        RowData row = read(d, blob).get(0);
        assertThat(row.getArity()).isEqualTo(1);
        assertThat(row.getString(0).toString()).isEqualTo("3");
    }

    @Test
    void optionsMapOntoStartAndStopPositions() {
        TreeMap<String, Long> seqs = new TreeMap<>(Map.of("0", 42L));
        SourceOptions subscription =
                new SourceOptions(
                        ScanStartupMode.SUBSCRIPTION,
                        null,
                        null,
                        "sub",
                        StartupFallback.LATEST,
                        ScanBoundedMode.SPECIFIC_SEQUENCES,
                        null,
                        seqs,
                        Duration.ofSeconds(30),
                        1000,
                        Duration.ofMillis(500),
                        ExpiredPositionStrategy.FAIL,
                        LengthCheck.NONE,
                        ZoneOffset.UTC,
                        null);
        assertThat(RuntimeWiring.startingPosition(subscription))
                .isEqualTo(StartingPosition.subscription(StartingPosition.Fallback.LATEST));
        assertThat(RuntimeWiring.stoppingPosition(subscription))
                .isEqualTo(StoppingPosition.sequences(Map.of("0", 42L)));
        SourceOptions timestamps =
                new SourceOptions(
                        ScanStartupMode.TIMESTAMP,
                        5L,
                        null,
                        null,
                        StartupFallback.EARLIEST,
                        ScanBoundedMode.TIMESTAMP,
                        9L,
                        null,
                        Duration.ofSeconds(30),
                        1000,
                        Duration.ofMillis(500),
                        ExpiredPositionStrategy.EARLIEST,
                        LengthCheck.NONE,
                        ZoneOffset.UTC,
                        null);
        assertThat(RuntimeWiring.startingPosition(timestamps))
                .isEqualTo(StartingPosition.timestamp(5));
        assertThat(RuntimeWiring.stoppingPosition(timestamps))
                .isEqualTo(StoppingPosition.timestamp(9));
        SourceOptions sequences =
                new SourceOptions(
                        ScanStartupMode.SPECIFIC_SEQUENCES,
                        null,
                        seqs,
                        null,
                        StartupFallback.EARLIEST,
                        ScanBoundedMode.UNBOUNDED,
                        null,
                        null,
                        Duration.ofSeconds(30),
                        1000,
                        Duration.ofMillis(500),
                        ExpiredPositionStrategy.FAIL,
                        LengthCheck.NONE,
                        ZoneOffset.UTC,
                        null);
        assertThat(RuntimeWiring.startingPosition(sequences))
                .isEqualTo(
                        StartingPosition.sequences(
                                Map.of("0", 42L), StartingPosition.Fallback.EARLIEST));
        assertThat(RuntimeWiring.stoppingPosition(sequences)).isNull();
    }
}
