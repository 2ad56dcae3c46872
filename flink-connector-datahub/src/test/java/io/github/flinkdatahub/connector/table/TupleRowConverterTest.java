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

import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values between TUPLE records and rows, edge values and nulls included. */
class TupleRowConverterTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("f_tinyint", FieldType.TINYINT),
                    Field.of("f_smallint", FieldType.SMALLINT),
                    Field.of("f_integer", FieldType.INTEGER),
                    Field.notNull("f_bigint", FieldType.BIGINT),
                    Field.of("f_float", FieldType.FLOAT),
                    Field.of("f_double", FieldType.DOUBLE),
                    Field.of("f_decimal", FieldType.DECIMAL),
                    Field.of("f_boolean", FieldType.BOOLEAN),
                    Field.of("f_string", FieldType.STRING),
                    Field.of("f_ts", FieldType.TIMESTAMP),
                    Field.of("f_ts_ltz", FieldType.TIMESTAMP),
                    Field.of("f_unmapped", FieldType.STRING));

    /** Columns in another order than the fields, by name, without f_unmapped. */
    private static final RowType ROW =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("f_string", DataTypes.STRING()),
                                    DataTypes.FIELD("f_tinyint", DataTypes.TINYINT()),
                                    DataTypes.FIELD("f_smallint", DataTypes.SMALLINT()),
                                    DataTypes.FIELD("f_integer", DataTypes.INT()),
                                    DataTypes.FIELD("f_bigint", DataTypes.BIGINT().notNull()),
                                    DataTypes.FIELD("f_float", DataTypes.FLOAT()),
                                    DataTypes.FIELD("f_double", DataTypes.DOUBLE()),
                                    DataTypes.FIELD("f_decimal", DataTypes.DECIMAL(38, 18)),
                                    DataTypes.FIELD("f_boolean", DataTypes.BOOLEAN()),
                                    DataTypes.FIELD("f_ts", DataTypes.TIMESTAMP(6)),
                                    DataTypes.FIELD("f_ts_ltz", DataTypes.TIMESTAMP_LTZ(6)))
                            .getLogicalType();

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void edgeValuesRoundTripLosslessly() {
        long micros = -62_135_596_800_000_000L + 1; // 0001-01-01T00:00:00.000001Z
        TupleRecord record =
                TupleRecord.of(
                        SCHEMA,
                        Byte.MIN_VALUE,
                        Short.MAX_VALUE,
                        Integer.MIN_VALUE,
                        Long.MAX_VALUE,
                        Float.MIN_VALUE,
                        -Double.MAX_VALUE,
                        new BigDecimal("12345678901234567890.123456789012345678"),
                        true,
                        "ünïcödé 字",
                        1_700_000_000_123_456L,
                        micros,
                        "dropped");
        TupleRowConverter converter = new TupleRowConverter(SCHEMA, ROW, SHANGHAI);
        RowData row = converter.toRowData(record);
        assertThat(row.getString(0)).isEqualTo(StringData.fromString("ünïcödé 字"));
        assertThat(row.getByte(1)).isEqualTo(Byte.MIN_VALUE);
        assertThat(row.getLong(4)).isEqualTo(Long.MAX_VALUE);
        assertThat(row.getDecimal(7, 38, 18).toBigDecimal())
                .isEqualByComparingTo("12345678901234567890.123456789012345678");
        // TIMESTAMP(6) is the instant's local time in 'time-zone'; TIMESTAMP_LTZ(6) the instant.
        assertThat(row.getTimestamp(9, 6).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2023, 11, 15, 6, 13, 20, 123_456_000));
        assertThat(row.getTimestamp(10, 6).toInstant())
                .isEqualTo(Instant.parse("0001-01-01T00:00:00.000001Z"));

        TupleRecord back = converter.toTuple(row);
        for (int i = 0; i < SCHEMA.size() - 1; i++) {
            Object expected = record.get(i);
            if (expected instanceof BigDecimal d) {
                assertThat((BigDecimal) back.get(i)).isEqualByComparingTo(d);
            } else {
                assertThat(back.get(i)).as(SCHEMA.field(i).name()).isEqualTo(expected);
            }
        }
        assertThat(back.get("f_unmapped")).isNull();
    }

    @Test
    void nullsStayNull() {
        TupleRecord record = TupleRecord.builder(SCHEMA).set("f_bigint", 1L).build();
        TupleRowConverter converter = new TupleRowConverter(SCHEMA, ROW, SHANGHAI);
        RowData row = converter.toRowData(record);
        for (int i = 0; i < ROW.getFieldCount(); i++) {
            assertThat(row.isNullAt(i)).isEqualTo(i != 4);
        }
        assertThat(converter.toTuple(row)).isEqualTo(record);
    }

    @Test
    void decimalsAreNeverRounded() {
        RowType narrow =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("f_bigint", DataTypes.BIGINT().notNull()),
                                        DataTypes.FIELD("f_decimal", DataTypes.DECIMAL(5, 2)))
                                .getLogicalType();
        TupleRowConverter converter = new TupleRowConverter(SCHEMA, narrow, SHANGHAI);
        TupleRecord fits =
                TupleRecord.builder(SCHEMA)
                        .set("f_bigint", 1L)
                        .set("f_decimal", new BigDecimal("123.4"))
                        .build();
        assertThat(converter.toRowData(fits).getDecimal(1, 5, 2))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("123.40"), 5, 2));
        TupleRecord tooFine =
                TupleRecord.builder(SCHEMA)
                        .set("f_bigint", 1L)
                        .set("f_decimal", new BigDecimal("1.005"))
                        .build();
        assertThatThrownBy(() -> converter.toRowData(tooFine))
                .hasMessageContaining(
                        "DECIMAL value 1.005 of field 'f_decimal' has more than 2 fractional"
                                + " digits")
                .hasMessageContaining("values are not rounded");
        TupleRecord tooLarge =
                TupleRecord.builder(SCHEMA)
                        .set("f_bigint", 1L)
                        .set("f_decimal", new BigDecimal("1234.5"))
                        .build();
        assertThatThrownBy(() -> converter.toRowData(tooLarge))
                .hasMessageContaining(
                        "DECIMAL value 1234.5 of field 'f_decimal' does not fit column 'f_decimal'"
                                + " DECIMAL(5, 2)");
    }

    @Test
    void timestampPrecisionRules() {
        RowType millis =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("f_bigint", DataTypes.BIGINT().notNull()),
                                        DataTypes.FIELD("f_ts_ltz", DataTypes.TIMESTAMP_LTZ(3)))
                                .getLogicalType();
        TupleRowConverter converter = new TupleRowConverter(SCHEMA, millis, ZoneId.of("UTC"));
        TupleRecord before1970 =
                TupleRecord.builder(SCHEMA).set("f_bigint", 1L).set("f_ts_ltz", -1L).build();
        // -1 µs is 1969-12-31T23:59:59.999999Z: cut to milliseconds towards the past.
        assertThat(converter.toRowData(before1970).getTimestamp(1, 3).toInstant())
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
        assertThat(TupleRowConverter.micros(Instant.parse("2026-01-01T00:00:00.123456789Z")))
                .isEqualTo(1_767_225_600_123_456L);
        GenericRowData nanos =
                GenericRowData.of(
                        1L,
                        TimestampData.fromInstant(Instant.parse("1970-01-01T00:00:00.000001999Z")));
        assertThat(converter.toTuple(nanos).get("f_ts_ltz")).isEqualTo(1L);
    }
}
