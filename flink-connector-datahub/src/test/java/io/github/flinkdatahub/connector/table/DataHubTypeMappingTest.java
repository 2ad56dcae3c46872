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
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.table.DataHubTypeMapping.Access;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DataHub field types to Flink types and back, and the planning-time schema check. */
class DataHubTypeMappingTest {

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
                    Field.of("f_timestamp", FieldType.TIMESTAMP));

    private static TopicInfo tuple(RecordSchema schema) {
        return new TopicInfo("p", "t", RecordType.TUPLE, schema, 1, 1, null, null, null, null);
    }

    private static final TopicInfo BLOB =
            new TopicInfo("p", "b", RecordType.BLOB, null, 1, 1, null, null, null, null);

    private static RowType row(Object... nameAndType) {
        DataTypes.Field[] fields = new DataTypes.Field[nameAndType.length / 2];
        for (int i = 0; i < fields.length; i++) {
            fields[i] =
                    DataTypes.FIELD((String) nameAndType[2 * i], (DataType) nameAndType[2 * i + 1]);
        }
        return (RowType) DataTypes.ROW(fields).getLogicalType();
    }

    /** The table's row with the default mapping of every field. */
    private static RowType defaultRow(RecordSchema schema) {
        Object[] columns = new Object[schema.size() * 2];
        for (int i = 0; i < schema.size(); i++) {
            columns[2 * i] = schema.field(i).name();
            columns[2 * i + 1] = DataHubTypeMapping.toDataType(schema.field(i));
        }
        return row(columns);
    }

    @Test
    void defaultMapping() {
        assertThat(types(SCHEMA))
                .containsExactly(
                        DataTypes.TINYINT().getLogicalType(),
                        DataTypes.SMALLINT().getLogicalType(),
                        DataTypes.INT().getLogicalType(),
                        DataTypes.BIGINT().notNull().getLogicalType(),
                        DataTypes.FLOAT().getLogicalType(),
                        DataTypes.DOUBLE().getLogicalType(),
                        DataTypes.DECIMAL(38, 18).getLogicalType(),
                        DataTypes.BOOLEAN().getLogicalType(),
                        DataTypes.STRING().getLogicalType(),
                        DataTypes.TIMESTAMP_LTZ(6).getLogicalType());
    }

    private static List<LogicalType> types(RecordSchema schema) {
        return schema.fields().stream()
                .map(f -> DataHubTypeMapping.toDataType(f).getLogicalType())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(FieldType.class)
    void everyFieldTypeRoundTrips(FieldType type) {
        LogicalType flink = DataHubTypeMapping.toDataType(type).getLogicalType();
        assertThat(DataHubTypeMapping.toFieldType("c", flink)).isEqualTo(type);
    }

    @Test
    void moreFlinkTypesMapBack() {
        assertThat(DataHubTypeMapping.toFieldType("c", DataTypes.VARCHAR(10).getLogicalType()))
                .isEqualTo(FieldType.STRING);
        assertThat(DataHubTypeMapping.toFieldType("c", DataTypes.CHAR(3).getLogicalType()))
                .isEqualTo(FieldType.STRING);
        assertThat(DataHubTypeMapping.toFieldType("c", DataTypes.TIMESTAMP(3).getLogicalType()))
                .isEqualTo(FieldType.TIMESTAMP);
        assertThat(DataHubTypeMapping.toFieldType("c", DataTypes.DECIMAL(5, 0).getLogicalType()))
                .isEqualTo(FieldType.DECIMAL);
        assertThatThrownBy(
                        () ->
                                DataHubTypeMapping.toFieldType(
                                        "tags",
                                        DataTypes.ARRAY(DataTypes.STRING()).getLogicalType()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Column 'tags' has type ARRAY<STRING>")
                .hasMessageContaining("supported: TINYINT, SMALLINT, INT, BIGINT");
    }

    @Test
    void theDefaultRowMatchesBothWays() {
        RowType row = defaultRow(SCHEMA);
        for (Access access : Access.values()) {
            assertThatCode(
                            () ->
                                    DataHubTypeMapping.validate(
                                            "t", tuple(SCHEMA), row, false, access))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void acceptedAlternativeTypes() {
        RowType row =
                row(
                        "F_BIGINT", DataTypes.BIGINT().notNull(), // names are case-insensitive
                        "f_decimal", DataTypes.DECIMAL(10, 2),
                        "f_string", DataTypes.VARCHAR(20),
                        "f_timestamp", DataTypes.TIMESTAMP(3));
        for (Access access : Access.values()) {
            assertThatCode(
                            () ->
                                    DataHubTypeMapping.validate(
                                            "t", tuple(SCHEMA), row, false, access))
                    .doesNotThrowAnyException();
        }
        // A source may read a subset of the fields; its NOT NULL column reads a NOT NULL field.
        assertThatCode(
                        () ->
                                DataHubTypeMapping.validate(
                                        "t",
                                        tuple(SCHEMA),
                                        row("f_string", DataTypes.STRING()),
                                        false,
                                        Access.SOURCE))
                .doesNotThrowAnyException();
    }

    @Test
    void everyMismatchIsListedInOneException() {
        RowType row =
                row(
                        "f_tinyint", DataTypes.INT(),
                        "f_bigint", DataTypes.BIGINT(),
                        "f_string", DataTypes.BYTES(),
                        "f_timestamp", DataTypes.DATE(),
                        "missing", DataTypes.STRING(),
                        "F_Tinyint", DataTypes.TINYINT());
        assertThatThrownBy(
                        () ->
                                DataHubTypeMapping.validate(
                                        "`c`.`d`.`t`", tuple(SCHEMA), row, false, Access.SINK))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Table `c`.`d`.`t` does not match topic 'p.t'")
                .hasMessageContaining(
                        "column 'f_tinyint' INT vs field 'f_tinyint' TINYINT: incompatible types;"
                                + " use TINYINT")
                .hasMessageContaining(
                        "column 'f_bigint' BIGINT vs field 'f_bigint' BIGINT NOT NULL: a nullable"
                                + " column cannot be written to a NOT NULL field")
                .hasMessageContaining(
                        "column 'f_string' BYTES vs field 'f_string' STRING: incompatible types;"
                                + " use STRING")
                .hasMessageContaining(
                        "column 'f_timestamp' DATE vs field 'f_timestamp' TIMESTAMP: incompatible"
                                + " types; use TIMESTAMP_LTZ(6) or TIMESTAMP(6)")
                .hasMessageContaining("column 'missing' STRING has no field in the topic")
                .hasMessageContaining(
                        "columns 'f_tinyint' and 'F_Tinyint' both map to field 'f_tinyint'");
    }

    @Test
    void nullabilityPerDirection() {
        RowType notNullColumn =
                row(
                        "f_string",
                        DataTypes.STRING().notNull(),
                        "f_bigint",
                        DataTypes.BIGINT().notNull());
        assertThatThrownBy(
                        () ->
                                DataHubTypeMapping.validate(
                                        "t", tuple(SCHEMA), notNullColumn, false, Access.SOURCE))
                .hasMessageContaining(
                        "column 'f_string' STRING NOT NULL vs field 'f_string' STRING: a NOT NULL"
                                + " column cannot read a nullable field");
        // Writing NOT NULL values into a nullable field is fine.
        assertThatCode(
                        () ->
                                DataHubTypeMapping.validate(
                                        "t", tuple(SCHEMA), notNullColumn, false, Access.SINK))
                .doesNotThrowAnyException();
        // A sink must cover every NOT NULL field.
        assertThatThrownBy(
                        () ->
                                DataHubTypeMapping.validate(
                                        "t",
                                        tuple(SCHEMA),
                                        row("f_string", DataTypes.STRING()),
                                        false,
                                        Access.SINK))
                .hasMessageContaining(
                        "field 'f_bigint' BIGINT NOT NULL has no column, so it would be written as"
                                + " NULL");
    }

    @Test
    void blobTopics() {
        for (Access access : Access.values()) {
            assertThatCode(
                            () ->
                                    DataHubTypeMapping.validate(
                                            "t",
                                            BLOB,
                                            row("payload", DataTypes.BYTES()),
                                            false,
                                            access))
                    .doesNotThrowAnyException();
            assertThatCode(
                            () ->
                                    DataHubTypeMapping.validate(
                                            "t",
                                            BLOB,
                                            row("a", DataTypes.INT(), "b", DataTypes.STRING()),
                                            true,
                                            access))
                    .doesNotThrowAnyException();
            assertThatThrownBy(
                            () ->
                                    DataHubTypeMapping.validate(
                                            "t",
                                            BLOB,
                                            row("a", DataTypes.INT(), "b", DataTypes.STRING()),
                                            false,
                                            access))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(
                            "a BLOB topic needs 'format' (e.g. 'json', 'raw') or exactly one BYTES"
                                    + " column")
                    .hasMessageContaining("ROW<`a` INT, `b` STRING>");
            assertThatThrownBy(
                            () ->
                                    DataHubTypeMapping.validate(
                                            "t", tuple(SCHEMA), defaultRow(SCHEMA), true, access))
                    .hasMessageContaining("'format' is only for BLOB topics");
        }
    }
}
