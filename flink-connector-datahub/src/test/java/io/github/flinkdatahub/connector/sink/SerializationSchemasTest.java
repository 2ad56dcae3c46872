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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ready-made serialization schemas. */
class SerializationSchemasTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT),
                    Field.of("name", FieldType.STRING),
                    Field.of("amount", FieldType.DECIMAL),
                    Field.of("ts", FieldType.TIMESTAMP),
                    Field.of("small", FieldType.INTEGER),
                    Field.of("ratio", FieldType.DOUBLE));

    private static final DataHubSinkContext TUPLE =
            new DataHubSinkContext("p", "t", RecordType.TUPLE, SCHEMA);
    private static final DataHubSinkContext BLOB =
            new DataHubSinkContext("p", "b", RecordType.BLOB, null);

    private static RowType rowType(org.apache.flink.table.types.DataType type) {
        return (RowType) type.getLogicalType();
    }

    @Test
    void rowDataMapsColumnsByNameWithExactDecimalsAndMicroseconds() throws Exception {
        RowType type =
                rowType(
                        DataTypes.ROW(
                                DataTypes.FIELD("TS", DataTypes.TIMESTAMP(6)),
                                DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
                                DataTypes.FIELD("amount", DataTypes.DECIMAL(38, 18)),
                                DataTypes.FIELD("small", DataTypes.SMALLINT()),
                                DataTypes.FIELD("name", DataTypes.STRING())));
        RowDataSerializationSchema s =
                RowDataSerializationSchema.builder(type).setPartitionKeyColumn("name").build();
        s.open(null, TUPLE);
        BigDecimal amount = new BigDecimal("12345678901234567890.123456789012345678");
        LocalDateTime ts = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
        GenericRowData row =
                GenericRowData.of(
                        TimestampData.fromLocalDateTime(ts),
                        7L,
                        DecimalData.fromBigDecimal(amount, 38, 18),
                        (short) 3,
                        StringData.fromString("alice"));
        DataHubSinkRecord r = s.serialize(row);
        TupleRecord t = (TupleRecord) r.payload();
        assertThat(t.getLong(0)).isEqualTo(7L);
        assertThat(t.getString(1)).isEqualTo("alice");
        assertThat(t.getDecimal(2)).isEqualByComparingTo(amount);
        assertThat(t.getDecimal(2).toPlainString())
                .isEqualTo("12345678901234567890.123456789012345678");
        assertThat(t.getLong(3)).isEqualTo(-1L); // one microsecond before the epoch
        assertThat(t.getInt(4)).isEqualTo(3);
        assertThat(t.get(5)).isNull();
        assertThat(r.partitionKey()).isEqualTo("alice");
    }

    @Test
    void rowDataTimestampKeepsEveryMicrosecond() {
        TimestampData ts = TimestampData.fromInstant(Instant.parse("2026-12-01T10:11:12.123456Z"));
        assertThat(RowDataSerializationSchema.toMicros(ts)).isEqualTo(1_796_119_872_123_456L);
    }

    @Test
    void rowDataRejectsMismatchesAtOpenNamingTopicAndField() {
        assertThatThrownBy(
                        () ->
                                DataHubRecordSerializationSchema.rowData(
                                                rowType(
                                                        DataTypes.ROW(
                                                                DataTypes.FIELD(
                                                                        "id", DataTypes.STRING()))))
                                        .open(null, TUPLE))
                .hasMessageContainingAll("Column 'id'", "STRING", "field 'id'", "BIGINT", "p/t");
        assertThatThrownBy(
                        () ->
                                DataHubRecordSerializationSchema.rowData(
                                                rowType(
                                                        DataTypes.ROW(
                                                                DataTypes.FIELD(
                                                                        "nope", DataTypes.INT()))))
                                        .open(null, TUPLE))
                .hasMessageContainingAll("Column 'nope'", "no field in topic p/t");
        assertThatThrownBy(
                        () ->
                                DataHubRecordSerializationSchema.rowData(
                                                rowType(
                                                        DataTypes.ROW(
                                                                DataTypes.FIELD(
                                                                        "name",
                                                                        DataTypes.STRING()))))
                                        .open(null, TUPLE))
                .hasMessageContainingAll("Field 'id'", "NOT NULL");
        assertThatThrownBy(
                        () ->
                                DataHubRecordSerializationSchema.rowData(
                                                rowType(
                                                        DataTypes.ROW(
                                                                DataTypes.FIELD(
                                                                        "id", DataTypes.BIGINT()),
                                                                DataTypes.FIELD(
                                                                        "ts",
                                                                        DataTypes.TIMESTAMP(9)))))
                                        .open(null, TUPLE))
                .hasMessageContainingAll("Column 'ts'", "TIMESTAMP(6)");
        assertThatThrownBy(
                        () ->
                                DataHubRecordSerializationSchema.rowData(
                                                rowType(
                                                        DataTypes.ROW(
                                                                DataTypes.FIELD(
                                                                        "id", DataTypes.BIGINT()))))
                                        .open(null, BLOB))
                .hasMessageContainingAll("BLOB topic", "blob(");
    }

    @Test
    void rowDataNullInANotNullFieldNamesTheFieldAndTopic() throws Exception {
        RowDataSerializationSchema s =
                DataHubRecordSerializationSchema.rowData(
                        rowType(DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT()))));
        s.open(null, TUPLE);
        assertThatThrownBy(() -> s.serialize(GenericRowData.of((Object) null)))
                .hasMessageContainingAll("topic p/t", "Field 'id'", "NOT NULL");
    }

    /** A POJO with a public field and getters. */
    public static final class Order {
        public long id;
        private final String name;
        private final Instant ts;

        public Order(long id, String name, Instant ts) {
            this.id = id;
            this.name = name;
            this.ts = ts;
        }

        public String getName() {
            return name;
        }

        public Instant getTs() {
            return ts;
        }

        public Object getAmount() {
            return 1.5d; // a Double for a DECIMAL field: wrong type
        }
    }

    @Test
    void pojoByFieldNameAndAWrongValueTypeIsNamed() throws Exception {
        DataHubRecordSerializationSchema<Order> s =
                DataHubRecordSerializationSchema.pojo(Order.class);
        s.open(null, TUPLE);
        assertThatThrownBy(() -> s.serialize(new Order(1, "bob", Instant.EPOCH)))
                .hasMessageContainingAll(
                        "topic p/t", "Field 'amount'", "DECIMAL", "java.lang.Double");
    }

    /** A POJO whose values all fit. */
    public static final class GoodOrder {
        public long id = 5;
        public String name = "carol";
        public BigDecimal amount = new BigDecimal("1.10");
        public LocalDateTime ts = LocalDateTime.of(1970, 1, 1, 0, 0, 1);
        public int small = 2;
        public double ratio = 0.5;
    }

    @Test
    void pojoValuesConvert() throws Exception {
        DataHubRecordSerializationSchema<GoodOrder> s =
                DataHubRecordSerializationSchema.pojo(GoodOrder.class);
        s.open(null, TUPLE);
        TupleRecord t = (TupleRecord) s.serialize(new GoodOrder()).payload();
        assertThat(t.values())
                .containsExactly(5L, "carol", new BigDecimal("1.10"), 1_000_000L, 2, 0.5d);
    }

    @Test
    void rowByName() throws Exception {
        DataHubRecordSerializationSchema<Row> s = DataHubRecordSerializationSchema.row();
        s.open(null, TUPLE);
        Row row = Row.withNames();
        row.setField("ID", 9L);
        row.setField("name", "dan");
        TupleRecord t = (TupleRecord) s.serialize(row).payload();
        assertThat(t.getLong(0)).isEqualTo(9L);
        assertThat(t.getString(1)).isEqualTo("dan");
        assertThat(t.get(2)).isNull();
    }

    @Test
    void blobWrapsAnySerializationSchemaAndRejectsTupleTopics() throws Exception {
        DataHubRecordSerializationSchema<String> s =
                DataHubRecordSerializationSchema.blob(new SimpleStringSchema());
        s.open(null, BLOB);
        assertThat(((BlobRecord) s.serialize("h\u00e9").payload()).data())
                .isEqualTo("h\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> s.open(null, TUPLE)).hasMessageContainingAll("TUPLE topic", "p/t");
    }
}
