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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema JSON as the SDKs write and read it (protocol §4.2). */
class RecordSchemaTest {

    @Test
    void writesExactlyWhatTheJavaSdkWrites() {
        RecordSchema schema =
                RecordSchema.of(
                        Field.of("f_str", FieldType.STRING),
                        new Field("F_Big", FieldType.BIGINT, false, "a comment"));
        assertThat(schema.toJson())
                .isEqualTo(
                        "{\"fields\":[{\"name\":\"f_str\",\"type\":\"STRING\"},"
                                + "{\"name\":\"f_big\",\"type\":\"BIGINT\",\"notnull\":true,"
                                + "\"comment\":\"a comment\"}]}");
    }

    @Test
    void parsesPythonAndGoStyle() {
        String python =
                "{\"fields\":[{\"name\":\"a\",\"type\":\"bigint\",\"notnull\":false,\"comment\":\"\"},"
                    + "{\"name\":\"b\",\"type\":\"Decimal\",\"notnull\":true,\"comment\":\"c\"},"
                    + "{\"name\":\"c\",\"type\":\"timestamp\"}]}";
        RecordSchema schema = RecordSchema.fromJson(python);
        assertThat(schema.fields())
                .containsExactly(
                        new Field("a", FieldType.BIGINT, true, null),
                        new Field("b", FieldType.DECIMAL, false, "c"),
                        new Field("c", FieldType.TIMESTAMP, true, null));
    }

    @Test
    void roundTripsEveryType() {
        Field[] fields = new Field[FieldType.values().length];
        for (int i = 0; i < fields.length; i++) {
            FieldType type = FieldType.values()[i];
            fields[i] = new Field("f_" + i, type, i % 2 == 0, i % 3 == 0 ? "comment " + i : null);
        }
        RecordSchema schema = RecordSchema.of(fields);
        assertThat(RecordSchema.fromJson(schema.toJson())).isEqualTo(schema);
    }

    @Test
    void rejectsBadSchemas() {
        assertThatThrownBy(
                        () ->
                                RecordSchema.fromJson(
                                        "{\"fields\":[{\"name\":\"a\",\"type\":\"JSON\"}]}"))
                .hasMessageContaining("Unknown DataHub field type 'JSON'")
                .hasMessageContaining("TIMESTAMP");
        assertThatThrownBy(() -> RecordSchema.fromJson("not json"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(
                        () ->
                                RecordSchema.of(
                                        Field.of("a", FieldType.STRING),
                                        Field.of("A", FieldType.BIGINT)))
                .hasMessageContaining("Duplicate field name 'a'");
        assertThatThrownBy(() -> Field.of("1abc", FieldType.STRING)).hasMessageContaining("'1abc'");
    }

    @Test
    void looksUpFieldsCaseInsensitively() {
        RecordSchema schema = RecordSchema.of(Field.of("Name", FieldType.STRING));
        assertThat(schema.indexOf("NAME")).isZero();
        assertThat(schema.indexOf("other")).isEqualTo(-1);
    }
}
