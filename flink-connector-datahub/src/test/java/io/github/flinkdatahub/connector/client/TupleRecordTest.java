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

package io.github.flinkdatahub.connector.client;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client-side validation of tuple values (type, range, NOT NULL) with messages naming fields. */
class TupleRecordTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("t", FieldType.TINYINT),
                    Field.of("s", FieldType.SMALLINT),
                    Field.of("i", FieldType.INTEGER),
                    Field.notNull("b", FieldType.BIGINT),
                    Field.of("f", FieldType.FLOAT),
                    Field.of("d", FieldType.DOUBLE),
                    Field.of("dec", FieldType.DECIMAL),
                    Field.of("bool", FieldType.BOOLEAN),
                    Field.of("str", FieldType.STRING),
                    Field.of("ts", FieldType.TIMESTAMP));

    @Test
    void normalisesIntegralValuesThatFit() {
        TupleRecord record =
                TupleRecord.of(
                        SCHEMA, 1, 2, (short) 3, 4, 1.5f, 2.5f, BigDecimal.ONE, true, "x", 5);
        assertThat(record.get(0)).isEqualTo((byte) 1);
        assertThat(record.get(1)).isEqualTo((short) 2);
        assertThat(record.get(2)).isEqualTo(3);
        assertThat(record.get("B")).isEqualTo(4L);
        assertThat(record.getDouble(5)).isEqualTo(2.5d);
        assertThat(record.get(9)).isEqualTo(5L);
    }

    @Test
    void rejectsNullInNotNullField() {
        assertThatThrownBy(() -> TupleRecord.builder(SCHEMA).build())
                .hasMessage("Field 'b' is NOT NULL but the value is null");
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> TupleRecord.builder(SCHEMA).set("b", 1L).set("t", 128).build())
                .hasMessageContaining("'t'")
                .hasMessageContaining("TINYINT");
        assertThatThrownBy(() -> TupleRecord.builder(SCHEMA).set("b", Long.MIN_VALUE).build())
                .hasMessageContaining("'b'");
        assertThatThrownBy(
                        () ->
                                TupleRecord.builder(SCHEMA)
                                        .set("b", 1L)
                                        .set("ts", ValueCodec.TIMESTAMP_MAX + 1)
                                        .build())
                .hasMessageContaining("'ts'");
    }

    @Test
    void rejectsWrongTypes() {
        assertThatThrownBy(() -> TupleRecord.builder(SCHEMA).set("b", "1").build())
                .hasMessageContaining(
                        "Field 'b' of type BIGINT expects a Long but got a java.lang.String");
        assertThatThrownBy(() -> TupleRecord.builder(SCHEMA).set("b", 1L).set("dec", 1.0d).build())
                .hasMessageContaining("'dec'");
        assertThatThrownBy(() -> TupleRecord.builder(SCHEMA).set("nope", 1))
                .hasMessageContaining("No field 'nope'");
        assertThatThrownBy(() -> TupleRecord.of(SCHEMA, 1))
                .hasMessageContaining("Expected 10 values");
    }
}
