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

import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Converts DataHub tuple values to Flink {@link RowData} fields of a {@link RowType}, columns
 * matched by name (a column missing in the DataHub schema is null). Shared with the SQL table
 * source.
 *
 * <p>Mapping: TINYINT/SMALLINT/INTEGER/BIGINT/FLOAT/DOUBLE/BOOLEAN to the same Flink types (wider
 * integer targets accepted), STRING to STRING/VARCHAR/CHAR, DECIMAL exactly to DECIMAL(p, s) (a
 * value that does not fit fails, it is never rounded), TIMESTAMP (DataHub microseconds since the
 * epoch) losslessly to TIMESTAMP(p)/TIMESTAMP_LTZ(p), or as the raw microseconds to BIGINT.
 *
 * <p>Not thread-safe: one instance per reader (it caches the index mapping of the last schema).
 */
@Internal
public final class TupleToRowDataConverter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final List<String> names;
    private transient RecordSchema cachedSchema;
    private transient int[] cachedIndexes;

    /** A converter producing rows of this type. */
    public TupleToRowDataConverter(RowType rowType) {
        this.rowType = rowType;
        this.names = rowType.getFieldNames();
    }

    /** Converts one tuple into a new row of the configured type. */
    public GenericRowData convert(TupleRecord tuple) {
        int[] indexes = indexes(tuple.schema());
        GenericRowData row = new GenericRowData(names.size());
        for (int i = 0; i < indexes.length; i++) {
            int idx = indexes[i];
            if (idx >= 0 && idx < tuple.size()) {
                FieldType type = tuple.schema().field(idx).type();
                row.setField(
                        i, convertValue(names.get(i), type, tuple.get(idx), rowType.getTypeAt(i)));
            }
        }
        return row;
    }

    /** The row type rows are produced in. */
    public RowType rowType() {
        return rowType;
    }

    private int[] indexes(RecordSchema schema) {
        if (schema != cachedSchema) {
            int[] idx = new int[names.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = indexOfIgnoreCase(schema, names.get(i));
            }
            cachedIndexes = idx;
            cachedSchema = schema;
        }
        return cachedIndexes;
    }

    private static int indexOfIgnoreCase(RecordSchema schema, String name) {
        int exact = schema.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < schema.size(); i++) {
            if (schema.field(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Converts one DataHub value to the internal Flink representation of {@code target}. */
    public static Object convertValue(
            String column, FieldType source, Object value, LogicalType target) {
        if (value == null) {
            return null;
        }
        switch (target.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return integral(column, source, value, target);
            case FLOAT:
                return ((Number) value).floatValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case BOOLEAN:
                return (Boolean) value;
            case CHAR:
            case VARCHAR:
                return StringData.fromString(value.toString());
            case DECIMAL:
                DecimalType dt = (DecimalType) target;
                BigDecimal bd =
                        value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                DecimalData d =
                        DecimalData.fromBigDecimal(
                                exact(bd, dt, column), dt.getPrecision(), dt.getScale());
                if (d == null) {
                    throw new IllegalArgumentException(
                            "Column " + column + ": DECIMAL value " + bd + " does not fit " + dt);
                }
                return d;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                if (source != FieldType.TIMESTAMP) {
                    throw mismatch(column, source, target);
                }
                long micros = (Long) value;
                return TimestampData.fromEpochMillis(
                        Math.floorDiv(micros, 1000L), (int) Math.floorMod(micros, 1000L) * 1000);
            default:
                throw mismatch(column, source, target);
        }
    }

    private static BigDecimal exact(BigDecimal value, DecimalType type, String column) {
        if (value.scale() > type.getScale()) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > type.getScale()) {
                throw new IllegalArgumentException(
                        "Column "
                                + column
                                + ": DECIMAL value "
                                + value
                                + " has more fraction digits than "
                                + type
                                + " (it is never rounded)");
            }
            return stripped.setScale(type.getScale());
        }
        return value;
    }

    private static Object integral(String column, FieldType source, Object value, LogicalType t) {
        if (!(value instanceof Byte
                || value instanceof Short
                || value instanceof Integer
                || value instanceof Long)) {
            throw mismatch(column, source, t);
        }
        long v = ((Number) value).longValue();
        switch (t.getTypeRoot()) {
            case TINYINT:
                checkRange(column, v, Byte.MIN_VALUE, Byte.MAX_VALUE, t);
                return (byte) v;
            case SMALLINT:
                checkRange(column, v, Short.MIN_VALUE, Short.MAX_VALUE, t);
                return (short) v;
            case INTEGER:
                checkRange(column, v, Integer.MIN_VALUE, Integer.MAX_VALUE, t);
                return (int) v;
            default:
                return v;
        }
    }

    private static void checkRange(String column, long v, long min, long max, LogicalType t) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "Column " + column + ": value " + v + " does not fit Flink type " + t);
        }
    }

    private static IllegalArgumentException mismatch(String column, FieldType s, LogicalType t) {
        return new IllegalArgumentException(
                "Column " + column + ": DataHub type " + s + " cannot be read as Flink type " + t);
    }
}
