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

import io.github.flinkdatahub.connector.client.CompressionType;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.RowKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SCHEMA_WITH_METADATA;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.assertFails;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.options;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.sink;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factory's sink options, metadata and changelog handling. */
class DataHubTableSinkFactoryTest {

    @Test
    void defaults() {
        SinkOptions s = sink(options()).options();
        assertThat(s.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.partitioner()).isEqualTo(SinkPartitioner.ROUND_ROBIN);
        assertThat(s.hashFields()).isEmpty();
        assertThat(s.maxBufferedRows()).isEqualTo(500);
        assertThat(s.maxBufferedBytes()).isEqualTo(512 * 1024);
        assertThat(s.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.parallelism()).isNull();
    }

    @Test
    void everySinkOption() {
        SinkOptions s =
                sink(options(
                                "sink.delivery-guarantee", "exactly-once",
                                "sink.partitioner", "hash",
                                "sink.hash-fields", "id, name",
                                "sink.buffer-flush.max-rows", "10000",
                                "sink.buffer-flush.max-bytes", "4 mb",
                                "sink.buffer-flush.interval", "250 ms",
                                "sink.parallelism", "2"))
                        .options();
        assertThat(s.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(s.partitioner()).isEqualTo(SinkPartitioner.HASH);
        assertThat(s.hashFields()).containsExactly("id", "name");
        assertThat(s.maxBufferedRows()).isEqualTo(10_000);
        assertThat(s.maxBufferedBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(s.flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.parallelism()).isEqualTo(2);
        for (String p : new String[] {"round-robin", "fixed"}) {
            assertThat(sink(options("sink.partitioner", p)).options().partitioner().value())
                    .isEqualTo(p);
        }
        assertThat(sink(options("sink.delivery-guarantee", "none")).options().deliveryGuarantee())
                .isEqualTo(DeliveryGuarantee.NONE);
    }

    @Test
    void hashFieldsAloneSelectTheHashPartitioner() {
        assertThat(sink(options("sink.hash-fields", "id")).options().partitioner())
                .isEqualTo(SinkPartitioner.HASH);
    }

    @Test
    void partitionKeyPartitionerNeedsTheMetadataColumn() {
        DataHubDynamicTableSink sink =
                sink(SCHEMA_WITH_METADATA, options("sink.partitioner", "partition-key"));
        assertThat(sink.options().partitioner()).isEqualTo(SinkPartitioner.PARTITION_KEY);
        assertFails(
                () -> sink(options("sink.partitioner", "partition-key")),
                "sink.partitioner = 'partition-key' needs a column declared as",
                "METADATA FROM 'partition-key'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hash without fields|sink.partitioner|hash|sink.partitioner = 'hash' needs"
                        + " 'sink.hash-fields' (or 'hashFields')|[id, name, ts]",
                "unknown hash field|sink.hash-fields|id,nope|names 'nope', which is not a physical"
                        + " column|allowed: [id, name, ts]",
                "bad partitioner|sink.partitioner|random|sink.partitioner|[round-robin, hash,"
                        + " partition-key, fixed]",
                "bad guarantee|sink.delivery-guarantee|twice|sink.delivery-guarantee|",
                "rows zero|sink.buffer-flush.max-rows|0|'sink.buffer-flush.max-rows' (or"
                        + " 'batchCount') must be between 1 and 10000|",
                "rows too many|sink.buffer-flush.max-rows|10001|between 1 and 10000 (the service"
                        + " limit)|",
                "bytes too many|sink.buffer-flush.max-bytes|5 mb|'sink.buffer-flush.max-bytes' (or"
                    + " 'batchSize') must be between 1 byte and 4 mb (the service's request limit)"
                    + " but was 5242880 bytes|",
                "bytes zero|sink.buffer-flush.max-bytes|0|must be between 1 byte|",
                "interval zero|sink.buffer-flush.interval|0 ms|'sink.buffer-flush.interval' (or"
                        + " 'flushInterval') must be a positive duration|",
                "zero parallelism|sink.parallelism|0|'sink.parallelism' must be >= 1|",
            })
    void invalidSinkOptions(String name, String key, String value, String text1, String text2) {
        assertFails(
                () -> sink(options(key, value)),
                text2 == null ? new String[] {text1} : new String[] {text1, text2});
    }

    @Test
    void hashFieldsWithAnotherPartitioner() {
        assertFails(
                () -> sink(options("sink.partitioner", "round-robin", "sink.hash-fields", "id")),
                "'sink.hash-fields' (or 'hashFields') is only used with sink.partitioner ="
                        + " 'hash', but the partitioner is 'round-robin'");
    }

    @Test
    void theSinkIsInsertOnly() {
        DataHubDynamicTableSink sink = sink(options());
        assertThat(sink.getChangelogMode(ChangelogMode.insertOnly()))
                .isEqualTo(ChangelogMode.insertOnly());
        for (ChangelogMode updating :
                List.of(ChangelogMode.upsert(), ChangelogMode.all(), ChangelogMode.upsert(false))) {
            assertThatThrownBy(() -> sink.getChangelogMode(updating))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("The DataHub sink is insert-only")
                    .hasMessageContaining("default.t1")
                    .hasMessageContaining(RowKind.UPDATE_AFTER.toString());
        }
    }

    @Test
    void metadata() {
        DataHubDynamicTableSource source = source(SCHEMA_WITH_METADATA, options());
        assertThat(source.listReadableMetadata())
                .containsOnlyKeys("shard-id", "sequence", "system-time", "attributes");
        assertThat(source.listReadableMetadata().get("system-time").getLogicalType())
                .isEqualTo(DataTypes.TIMESTAMP_LTZ(3).notNull().getLogicalType());
        assertThat(source.listReadableMetadata().get("shard-id").getLogicalType())
                .isEqualTo(DataTypes.BIGINT().notNull().getLogicalType());
        assertThat(source.listReadableMetadata().get("sequence").getLogicalType())
                .isEqualTo(DataTypes.STRING().notNull().getLogicalType());
        DataHubDynamicTableSink sink = sink(SCHEMA_WITH_METADATA, options());
        assertThat(sink.listWritableMetadata())
                .containsOnlyKeys("attributes", "partition-key", "hash-key");
        assertThat(sink.listWritableMetadata().get("attributes").getLogicalType())
                .isEqualTo(
                        DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.STRING())
                                .getLogicalType());

        var produced =
                DataTypes.ROW(
                        DataTypes.FIELD("name", DataTypes.STRING()),
                        DataTypes.FIELD("shard", DataTypes.BIGINT()));
        source.applyProjection(
                new int[][] {{1}}, DataTypes.ROW(DataTypes.FIELD("name", DataTypes.STRING())));
        source.applyReadableMetadata(List.of("shard-id"), produced);
        assertThat(source.projectedFields()).containsExactly(1);
        assertThat(source.metadataKeys()).containsExactly("shard-id");
        assertThat(source.producedDataType()).isEqualTo(produced);
        DataHubDynamicTableSource copy = (DataHubDynamicTableSource) source.copy();
        assertThat(copy).isEqualTo(source);
        assertThat(copy.projectedFields()).containsExactly(1);
        assertThatThrownBy(() -> source.applyReadableMetadata(List.of("partition-key"), produced))
                .hasMessageContaining("Unknown readable metadata key 'partition-key'");

        sink.applyWritableMetadata(List.of("partition-key", "attributes"), produced);
        assertThat(sink.metadataKeys()).containsExactly("partition-key", "attributes");
        assertThat(sink.copy()).isEqualTo(sink);
        assertThatThrownBy(() -> sink.applyWritableMetadata(List.of("shard-id"), produced))
                .hasMessageContaining("Unknown writable metadata key 'shard-id'");
    }

    @Test
    void catalogDefaultsFillOnlyWhatTheTableDoesNotSet() {
        DataHubDynamicTableFactory bound =
                DataHubDynamicTableFactory.withDefaults(
                        java.util.Map.of(
                                "endpoint", "http://catalog:1",
                                "access-key-id", "cat-id",
                                "access-key-secret", "cat-secret",
                                "compression", "none"));
        var context =
                org.apache.flink.table.factories.utils.FactoryMocks.createTableContext(
                        FactoryTestSupport.SCHEMA,
                        options("endpoint", null, "accessId", "own-id", "accessKey", "own-key"));
        DataHubDynamicTableSource source =
                (DataHubDynamicTableSource) bound.createDynamicTableSource(context);
        assertThat(source.connection().endpoint()).isEqualTo("http://catalog:1");
        assertThat(source.connection().accessKeyId()).isEqualTo("own-id");
        assertThat(source.connection().accessKeySecret()).isEqualTo("own-key");
        assertThat(source.connection().compression()).isEqualTo(CompressionType.NONE);
        // The original table's options are untouched: nothing of the catalog leaks into them.
        assertThat(context.getCatalogTable().getOptions()).doesNotContainKey("endpoint");
        assertThatThrownBy(
                        () ->
                                DataHubDynamicTableFactory.withDefaults(
                                        java.util.Map.of("topic", "x")))
                .hasMessageContaining("not a connection option");
    }

    @Test
    void schemaColumnsReachTheSink() {
        ResolvedSchema schema =
                ResolvedSchema.of(
                        Column.physical("a", DataTypes.INT().notNull()),
                        Column.computed(
                                "b",
                                new org.apache.flink.table.expressions.utils.ResolvedExpressionMock(
                                        DataTypes.INT(), () -> "a + 1")));
        DataHubDynamicTableSink sink = sink(schema, options());
        assertThat(DataType.getFieldNames(sink.physicalDataType())).containsExactly("a");
        assertThat(DataType.getFieldDataTypes(sink.physicalDataType()))
                .containsExactly(DataTypes.INT().notNull());
    }
}
