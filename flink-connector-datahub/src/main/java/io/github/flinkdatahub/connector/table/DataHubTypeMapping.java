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

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps DataHub field types to Flink types and back, and checks a table's columns against a topic's
 * schema at planning time.
 *
 * <p>Default mapping (used by the catalog): TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE,
 * BOOLEAN to the same Flink types, STRING to STRING, TIMESTAMP (microseconds since the epoch) to
 * TIMESTAMP_LTZ(6), DECIMAL to DECIMAL(38, 18), a BLOB topic's payload to BYTES.
 *
 * <p>A DDL column may also use: CHAR/VARCHAR of any length for STRING; TIMESTAMP(p) or
 * TIMESTAMP_LTZ(p) for TIMESTAMP (a TIMESTAMP without time zone is read and written in the table's
 * 'time-zone'); precision 6 is exact, a smaller precision (e.g. 3 for a watermark) drops the finer
 * digits when reading, a larger one drops the nanoseconds when writing; any DECIMAL(p, s) for
 * DECIMAL: DataHub decimals have no declared precision (protocol notes section 8: arbitrary
 * precision, text kept verbatim), so writing is exact and reading a value that does not fit into
 * (p, s) without rounding fails instead of being rounded or turned into NULL.
 */
public final class DataHubTypeMapping {

    /** Precision and scale of the catalog's DECIMAL columns (Flink's maximum precision). */
    public static final int DEFAULT_DECIMAL_PRECISION = 38;

    /** Scale of the catalog's DECIMAL columns. */
    public static final int DEFAULT_DECIMAL_SCALE = 18;

    /** DataHub TIMESTAMP resolution: microseconds. */
    public static final int TIMESTAMP_PRECISION = 6;

    /** Which way data flows through the table being checked. */
    public enum Access {
        /** The table is read: every column needs a field the value can be read into. */
        SOURCE,
        /** The table is written: every column needs a field that can hold its values. */
        SINK
    }

    private DataHubTypeMapping() {}

    /** The Flink type of a DataHub field (nullability included). */
    public static DataType toDataType(Field field) {
        DataType type = toDataType(field.type());
        return field.nullable() ? type.nullable() : type.notNull();
    }

    /** The default Flink type of a DataHub field type. */
    public static DataType toDataType(FieldType type) {
        switch (type) {
            case TINYINT:
                return DataTypes.TINYINT();
            case SMALLINT:
                return DataTypes.SMALLINT();
            case INTEGER:
                return DataTypes.INT();
            case BIGINT:
                return DataTypes.BIGINT();
            case FLOAT:
                return DataTypes.FLOAT();
            case DOUBLE:
                return DataTypes.DOUBLE();
            case DECIMAL:
                return DataTypes.DECIMAL(DEFAULT_DECIMAL_PRECISION, DEFAULT_DECIMAL_SCALE);
            case BOOLEAN:
                return DataTypes.BOOLEAN();
            case STRING:
                return DataTypes.STRING();
            case TIMESTAMP:
                return DataTypes.TIMESTAMP_LTZ(TIMESTAMP_PRECISION);
            default:
                throw new IllegalStateException("Unhandled DataHub type " + type);
        }
    }

    /**
     * The DataHub field type that stores a column of this Flink type.
     *
     * @throws ValidationException naming the column and the supported types
     */
    public static FieldType toFieldType(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
                return FieldType.TINYINT;
            case SMALLINT:
                return FieldType.SMALLINT;
            case INTEGER:
                return FieldType.INTEGER;
            case BIGINT:
                return FieldType.BIGINT;
            case FLOAT:
                return FieldType.FLOAT;
            case DOUBLE:
                return FieldType.DOUBLE;
            case DECIMAL:
                return FieldType.DECIMAL;
            case BOOLEAN:
                return FieldType.BOOLEAN;
            case CHAR:
            case VARCHAR:
                return FieldType.STRING;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return FieldType.TIMESTAMP;
            default:
                throw new ValidationException(
                        String.format(
                                "Column '%s' has type %s, which no DataHub field type stores;"
                                        + " supported: TINYINT, SMALLINT, INT, BIGINT, FLOAT,"
                                        + " DOUBLE, DECIMAL(p, s), BOOLEAN, CHAR/VARCHAR/STRING,"
                                        + " TIMESTAMP(p), TIMESTAMP_LTZ(p).",
                                column, type.asSummaryString()));
        }
    }

    /** Whether a column of this type may map to a field of this DataHub type. */
    static boolean compatible(LogicalType column, FieldType field) {
        switch (field) {
            case STRING:
                return column.getTypeRoot() == LogicalTypeRoot.CHAR
                        || column.getTypeRoot() == LogicalTypeRoot.VARCHAR;
            case TIMESTAMP:
                return column instanceof TimestampType || column instanceof LocalZonedTimestampType;
            default:
                try {
                    return toFieldType("", column) == field;
                } catch (ValidationException e) {
                    return false;
                }
        }
    }

    /**
     * Checks a table's physical columns against a topic at planning time and lists every problem in
     * one exception.
     *
     * <p>TUPLE topic: columns are matched to fields by name (case-insensitively, as DataHub stores
     * names in lower case); each column needs a field of a compatible type; a nullable column may
     * not write a NOT NULL field and a NOT NULL column may not read a nullable field; a sink must
     * cover every NOT NULL field. 'format' is refused. BLOB topic: with a 'format' any columns;
     * without one, exactly one BYTES/VARBINARY column.
     *
     * @param table the table's name for messages
     * @param hasFormat whether the table has a 'format'
     * @throws ValidationException naming each column, its type and the field's type
     */
    public static void validate(
            String table, TopicInfo topic, RowType physical, boolean hasFormat, Access access) {
        String where = String.format("topic '%s.%s'", topic.project(), topic.name());
        List<String> problems = new ArrayList<>();
        if (topic.recordType() == RecordType.BLOB) {
            if (!hasFormat) {
                boolean oneBytes =
                        physical.getFieldCount() == 1
                                && (physical.getTypeAt(0).getTypeRoot() == LogicalTypeRoot.VARBINARY
                                        || physical.getTypeAt(0).getTypeRoot()
                                                == LogicalTypeRoot.BINARY);
                if (!oneBytes) {
                    problems.add(
                            "a BLOB topic needs 'format' (e.g. 'json', 'raw') or exactly one"
                                    + " BYTES column, but the columns are "
                                    + physical.asSummaryString());
                }
            }
        } else {
            if (hasFormat) {
                problems.add(
                        "'format' is only for BLOB topics; a TUPLE topic maps columns to fields"
                                + " by name, so remove 'format'");
            }
            checkTuple(topic.schema(), physical, access, problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(
                    String.format(
                            "Table %s does not match %s (%s):%n  - %s",
                            table,
                            where,
                            topic.recordType() == RecordType.BLOB
                                    ? "BLOB"
                                    : describe(topic.schema()),
                            String.join(String.format("%n  - "), problems)));
        }
    }

    private static void checkTuple(
            RecordSchema schema, RowType physical, Access access, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        boolean[] covered = new boolean[schema.size()];
        for (RowType.RowField column : physical.getFields()) {
            String name = column.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            String previous = seen.put(lower, name);
            if (previous != null) {
                problems.add(
                        String.format(
                                "columns '%s' and '%s' both map to field '%s' (DataHub names are"
                                        + " case-insensitive)",
                                previous, name, lower));
                continue;
            }
            LogicalType type = column.getType();
            int index = schema.indexOf(lower);
            if (index < 0) {
                problems.add(
                        String.format(
                                "column '%s' %s has no field in the topic",
                                name, type.asSummaryString()));
                continue;
            }
            covered[index] = true;
            Field field = schema.field(index);
            String both =
                    String.format(
                            "column '%s' %s vs field '%s' %s%s",
                            name,
                            type.asSummaryString(),
                            field.name(),
                            field.type(),
                            field.nullable() ? "" : " NOT NULL");
            if (!compatible(type, field.type())) {
                problems.add(
                        both
                                + ": incompatible types; use "
                                + toDataType(field.type()).getLogicalType().asSummaryString()
                                + (field.type() == FieldType.TIMESTAMP ? " or TIMESTAMP(6)" : "")
                                + (field.type() == FieldType.DECIMAL ? " (any precision)" : ""));
            } else if (access == Access.SINK && type.isNullable() && !field.nullable()) {
                problems.add(both + ": a nullable column cannot be written to a NOT NULL field");
            } else if (access == Access.SOURCE && !type.isNullable() && field.nullable()) {
                problems.add(both + ": a NOT NULL column cannot read a nullable field");
            }
        }
        if (access == Access.SINK) {
            for (int i = 0; i < schema.size(); i++) {
                Field field = schema.field(i);
                if (!covered[i] && !field.nullable()) {
                    problems.add(
                            String.format(
                                    "field '%s' %s NOT NULL has no column, so it would be"
                                            + " written as NULL",
                                    field.name(), field.type()));
                }
            }
        }
    }

    private static String describe(RecordSchema schema) {
        List<String> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            fields.add(field.name() + " " + field.type() + (field.nullable() ? "" : " NOT NULL"));
        }
        return String.join(", ", fields);
    }
}
