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

import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Flink {@code RowData} onto a TUPLE topic, columns matched to topic fields by name (case
 * insensitive). {@code TIMESTAMP(p <= 6)} and {@code TIMESTAMP_LTZ(p <= 6)} become DataHub
 * microseconds without loss, {@code DECIMAL} is exact. Topic fields without a column are written as
 * null (they must be nullable). Meant to be reused by the SQL table sink.
 */
@PublicEvolving
public final class RowDataSerializationSchema implements DataHubRecordSerializationSchema<RowData> {

    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final String partitionKeyColumn;

    private transient RecordSchema schema;
    private transient Converter[] converters;
    private transient int[] targetIndex;
    private transient int partitionKeyIndex;
    private transient String topicPath;

    private RowDataSerializationSchema(RowType rowType, String partitionKeyColumn) {
        this.rowType = rowType;
        this.partitionKeyColumn = partitionKeyColumn;
    }

    /** Starts a builder for rows of this type. */
    public static Builder builder(RowType rowType) {
        return new Builder(rowType);
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, DataHubSinkContext sink) {
        schema = sink.requireTupleSchema("RowDataSerializationSchema");
        topicPath = sink.topicPath();
        List<RowType.RowField> columns = rowType.getFields();
        converters = new Converter[columns.size()];
        targetIndex = new int[columns.size()];
        boolean[] covered = new boolean[schema.size()];
        partitionKeyIndex = -1;
        for (int i = 0; i < columns.size(); i++) {
            RowType.RowField column = columns.get(i);
            int index = schema.indexOf(column.getName());
            if (index < 0) {
                throw new IllegalArgumentException(
                        "Column '"
                                + column.getName()
                                + "' has no field in topic "
                                + topicPath
                                + " (fields: "
                                + fieldNames(schema)
                                + ")");
            }
            targetIndex[i] = index;
            covered[index] = true;
            converters[i] = converter(column, schema.field(index), i);
            if (column.getName().equalsIgnoreCase(Objects.toString(partitionKeyColumn, ""))) {
                partitionKeyIndex = i;
            }
        }
        if (partitionKeyColumn != null && partitionKeyIndex < 0) {
            throw new IllegalArgumentException(
                    "partitionKeyColumn '"
                            + partitionKeyColumn
                            + "' is not a column of "
                            + rowType);
        }
        for (int f = 0; f < schema.size(); f++) {
            if (!covered[f] && !schema.field(f).nullable()) {
                throw new IllegalArgumentException(
                        "Field '"
                                + schema.field(f).name()
                                + "' of topic "
                                + topicPath
                                + " is NOT NULL but the row type has no such column");
            }
        }
    }

    @Override
    public DataHubSinkRecord serialize(RowData row) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < converters.length; i++) {
            values[targetIndex[i]] = row.isNullAt(i) ? null : converters[i].convert(row);
        }
        TupleRecord tuple;
        try {
            tuple = TupleRecord.of(schema, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot write a row to topic " + topicPath + ": " + e.getMessage(), e);
        }
        DataHubSinkRecord record = DataHubSinkRecord.of(tuple);
        if (partitionKeyIndex >= 0) {
            Object key = values[targetIndex[partitionKeyIndex]];
            record = record.withPartitionKey(key == null ? "" : key.toString());
        }
        return record;
    }

    private Converter converter(RowType.RowField column, Field field, int pos) {
        LogicalType type = column.getType();
        FieldType target = field.type();
        switch (type.getTypeRoot()) {
            case TINYINT:
                return require(column, field, isIntegral(target), r -> r.getByte(pos));
            case SMALLINT:
                return require(
                        column,
                        field,
                        isIntegral(target) && target != FieldType.TINYINT,
                        r -> r.getShort(pos));
            case INTEGER:
                return require(
                        column,
                        field,
                        target == FieldType.INTEGER || target == FieldType.BIGINT,
                        r -> r.getInt(pos));
            case BIGINT:
                return require(column, field, target == FieldType.BIGINT, r -> r.getLong(pos));
            case FLOAT:
                return require(
                        column,
                        field,
                        target == FieldType.FLOAT || target == FieldType.DOUBLE,
                        r -> r.getFloat(pos));
            case DOUBLE:
                return require(column, field, target == FieldType.DOUBLE, r -> r.getDouble(pos));
            case BOOLEAN:
                return require(column, field, target == FieldType.BOOLEAN, r -> r.getBoolean(pos));
            case CHAR:
            case VARCHAR:
                return require(
                        column,
                        field,
                        target == FieldType.STRING,
                        r -> r.getString(pos).toString());
            case DECIMAL:
                DecimalType d = (DecimalType) type;
                int precision = d.getPrecision();
                int scale = d.getScale();
                return require(
                        column,
                        field,
                        target == FieldType.DECIMAL,
                        r -> r.getDecimal(pos, precision, scale).toBigDecimal());
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                int p =
                        type instanceof TimestampType t
                                ? t.getPrecision()
                                : ((LocalZonedTimestampType) type).getPrecision();
                if (p > 6) {
                    throw new IllegalArgumentException(
                            "Column '"
                                    + column.getName()
                                    + "' is "
                                    + type
                                    + " but DataHub TIMESTAMP keeps microseconds; CAST it to"
                                    + " TIMESTAMP(6) to drop the nanoseconds explicitly");
                }
                return require(
                        column,
                        field,
                        target == FieldType.TIMESTAMP,
                        r -> toMicros(r.getTimestamp(pos, p)));
            default:
                throw mismatch(column, field);
        }
    }

    /** Microseconds since the epoch, exact for precision up to 6 (floor for negative times). */
    static long toMicros(TimestampData ts) {
        return Math.addExact(
                Math.multiplyExact(ts.getMillisecond(), 1000L), ts.getNanoOfMillisecond() / 1000);
    }

    private Converter require(
            RowType.RowField column, Field field, boolean compatible, Converter converter) {
        if (!compatible) {
            throw mismatch(column, field);
        }
        return converter;
    }

    private IllegalArgumentException mismatch(RowType.RowField column, Field field) {
        return new IllegalArgumentException(
                "Column '"
                        + column.getName()
                        + "' of type "
                        + column.getType()
                        + " cannot be written to field '"
                        + field.name()
                        + "' of type "
                        + field.type()
                        + " in topic "
                        + topicPath);
    }

    private static boolean isIntegral(FieldType t) {
        return t == FieldType.TINYINT
                || t == FieldType.SMALLINT
                || t == FieldType.INTEGER
                || t == FieldType.BIGINT;
    }

    private static String fieldNames(RecordSchema schema) {
        return schema.fields().stream().map(Field::name).toList().toString();
    }

    /** Reads one column of a row as the field type's Java value. */
    @FunctionalInterface
    private interface Converter extends Serializable {
        Object convert(RowData row);
    }

    /** Collects the options of a {@link RowDataSerializationSchema}. */
    @PublicEvolving
    public static final class Builder {
        private final RowType rowType;
        private String partitionKeyColumn;

        private Builder(RowType rowType) {
            this.rowType = Objects.requireNonNull(rowType, "rowType must not be null");
        }

        /** Uses this column's value (as text) as each record's partition key. */
        public Builder setPartitionKeyColumn(String column) {
            this.partitionKeyColumn = column;
            return this;
        }

        /** Validates the options. */
        public RowDataSerializationSchema build() {
            if (partitionKeyColumn != null
                    && rowType.getFieldNames().stream()
                            .noneMatch(
                                    n ->
                                            n.toLowerCase(Locale.ROOT)
                                                    .equals(
                                                            partitionKeyColumn.toLowerCase(
                                                                    Locale.ROOT)))) {
                throw new IllegalArgumentException(
                        "setPartitionKeyColumn: '"
                                + partitionKeyColumn
                                + "' is not one of the columns "
                                + rowType.getFieldNames());
            }
            return new RowDataSerializationSchema(rowType, partitionKeyColumn);
        }
    }
}
