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

package io.github.flinkdatahub.connector.source.deserializer;

import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeserializersTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("id", FieldType.BIGINT),
                    Field.of("name", FieldType.STRING),
                    Field.of("price", FieldType.DECIMAL),
                    Field.of("ts", FieldType.TIMESTAMP),
                    Field.of("ok", FieldType.BOOLEAN));

    private static DataHubRecord record(Object... values) {
        return new DataHubRecord(
                "t",
                new ReadRecord("0", 3, 1000, "c", "n", Map.of(), TupleRecord.of(SCHEMA, values)));
    }

    private static <T> List<T> run(DataHubRecordDeserializationSchema<T> schema, DataHubRecord r)
            throws Exception {
        List<T> out = new ArrayList<>();
        schema.deserialize(
                r,
                new Collector<>() {
                    @Override
                    public void collect(T record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void rowDataByNameWithLosslessTimestampAndExactDecimal() throws Exception {
        RowType type =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("ts", DataTypes.TIMESTAMP(6)),
                                        DataTypes.FIELD("price", DataTypes.DECIMAL(10, 4)),
                                        DataTypes.FIELD("name", DataTypes.STRING()),
                                        DataTypes.FIELD("missing", DataTypes.INT()),
                                        DataTypes.FIELD("id", DataTypes.BIGINT()))
                                .getLogicalType();
        long micros = 1_700_000_000_123_456L;
        RowData row =
                run(
                                DataHubRecordDeserializationSchema.rowData(type),
                                record(7L, "x", new BigDecimal("12.50"), micros, true))
                        .get(0);
        TimestampData ts = row.getTimestamp(0, 6);
        assertThat(ts.getMillisecond()).isEqualTo(1_700_000_000_123L);
        assertThat(ts.getNanoOfMillisecond()).isEqualTo(456_000);
        assertThat(row.getDecimal(1, 10, 4))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("12.5000"), 10, 4));
        assertThat(row.getString(2)).isEqualTo(StringData.fromString("x"));
        assertThat(row.isNullAt(3)).isTrue();
        assertThat(row.getLong(4)).isEqualTo(7L);
    }

    @Test
    void negativeMicrosecondsConvertLosslessly() {
        Object v =
                TupleToRowDataConverter.convertValue(
                        "ts", FieldType.TIMESTAMP, -1L, DataTypes.TIMESTAMP(6).getLogicalType());
        assertThat(((TimestampData) v).toInstant()).isEqualTo(Instant.EPOCH.minusNanos(1000));
    }

    @Test
    void decimalIsNeverRounded() {
        assertThatThrownBy(
                        () ->
                                TupleToRowDataConverter.convertValue(
                                        "price",
                                        FieldType.DECIMAL,
                                        new BigDecimal("1.23456"),
                                        DataTypes.DECIMAL(10, 2).getLogicalType()))
                .hasMessageContaining("Column price")
                .hasMessageContaining("never rounded");
        assertThatThrownBy(
                        () ->
                                TupleToRowDataConverter.convertValue(
                                        "price",
                                        FieldType.DECIMAL,
                                        new BigDecimal("123456"),
                                        DataTypes.DECIMAL(4, 0).getLogicalType()))
                .hasMessageContaining("does not fit");
    }

    @Test
    void typeMismatchNamesTheColumn() {
        assertThatThrownBy(
                        () ->
                                TupleToRowDataConverter.convertValue(
                                        "name",
                                        FieldType.STRING,
                                        "x",
                                        DataTypes.BIGINT().getLogicalType()))
                .hasMessage("Column name: DataHub type STRING cannot be read as Flink type BIGINT");
    }

    /** A POJO for the test. */
    public static class Order {
        public long id;
        public String name;
        public BigDecimal price;
        public Instant ts;
        public Boolean ok;
    }

    @Test
    void pojoAndRowByFieldName() throws Exception {
        DataHubRecord r = record(7L, "x", new BigDecimal("1.5"), 1_000_001L, null);
        Order o = run(DataHubRecordDeserializationSchema.pojo(Order.class), r).get(0);
        assertThat(o.id).isEqualTo(7L);
        assertThat(o.name).isEqualTo("x");
        assertThat(o.price).isEqualByComparingTo("1.5");
        assertThat(o.ts).isEqualTo(Instant.ofEpochSecond(1, 1000));
        assertThat(o.ok).isNull();

        RowTypeInfo info =
                new RowTypeInfo(
                        new org.apache.flink.api.common.typeinfo.TypeInformation<?>[] {
                            Types.STRING, Types.LONG, Types.INSTANT
                        },
                        new String[] {"name", "id", "ts"});
        Row row = run(DataHubRecordDeserializationSchema.row(info), r).get(0);
        assertThat(row.getField("name")).isEqualTo("x");
        assertThat(row.getField("id")).isEqualTo(7L);
        assertThat(row.getField("ts")).isEqualTo(Instant.ofEpochSecond(1, 1000));
    }

    @Test
    void recordViewExposesMetadata() {
        DataHubRecord r = record(1L, null, null, null, null);
        assertThat(r.topic()).isEqualTo("t");
        assertThat(r.shardId()).isEqualTo("0");
        assertThat(r.sequence()).isEqualTo(3);
        assertThat(r.systemTime()).isEqualTo(1000);
        assertThat(r.isTuple()).isTrue();
        assertThatThrownBy(r::blob).hasMessageContaining("is a TUPLE");
    }
}
