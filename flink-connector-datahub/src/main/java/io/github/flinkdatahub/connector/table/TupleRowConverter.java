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

import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Converts between a TUPLE topic's records and a table's physical rows, columns matched to fields
 * by name, with the value rules of {@link DataHubTypeMapping}: DECIMAL values are never rounded (a
 * value that does not fit the column fails), timestamps are microseconds since the epoch, cut to
 * the column's precision when read, and a TIMESTAMP without time zone is taken in the table's zone.
 * Call {@link DataHubTypeMapping#validate} first; this class assumes a matching schema.
 *
 * <p>Immutable and serializable, for use in the source's deserializer and the sink's serializer.
 */
public final class TupleRowConverter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RecordSchema schema;
    private final RowType rowType;
    private final ZoneId zone;

    /** For each column, the index of its field in the schema. */
    private final int[] fieldOfColumn;

    /** The converter for a checked table and topic. */
    public TupleRowConverter(RecordSchema schema, RowType rowType, ZoneId zone) {
        this.schema = schema;
        this.rowType = rowType;
        this.zone = zone;
        this.fieldOfColumn = new int[rowType.getFieldCount()];
        for (int i = 0; i < fieldOfColumn.length; i++) {
            String column = rowType.getFieldNames().get(i);
            fieldOfColumn[i] = schema.indexOf(column);
            if (fieldOfColumn[i] < 0) {
                throw new IllegalArgumentException(
                        "Column '" + column + "' has no field in " + schema);
            }
        }
    }

    /** The physical row of a record. */
    public RowData toRowData(TupleRecord record) {
        GenericRowData row = new GenericRowData(fieldOfColumn.length);
        for (int i = 0; i < fieldOfColumn.length; i++) {
            int field = fieldOfColumn[i];
            Object value = field < record.size() ? record.get(field) : null;
            row.setField(i, value == null ? null : toInternal(i, rowType.getTypeAt(i), value));
        }
        return row;
    }

    /** The record of a physical row; fields without a column are null. */
    public TupleRecord toTuple(RowData row) {
        TupleRecord.Builder builder = TupleRecord.builder(schema);
        for (int i = 0; i < fieldOfColumn.length; i++) {
            if (!row.isNullAt(i)) {
                builder.set(fieldOfColumn[i], toExternal(rowType.getTypeAt(i), row, i));
            }
        }
        return builder.build();
    }

    private Object toInternal(int column, LogicalType type, Object value) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return StringData.fromString((String) value);
            case DECIMAL:
                return decimal(column, (DecimalType) type, (BigDecimal) value);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return TimestampData.fromLocalDateTime(
                        LocalDateTime.ofInstant(
                                instant(
                                        truncate(
                                                (Long) value,
                                                ((TimestampType) type).getPrecision())),
                                zone));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TimestampData.fromInstant(
                        instant(
                                truncate(
                                        (Long) value,
                                        ((LocalZonedTimestampType) type).getPrecision())));
            default:
                // TINYINT..DOUBLE, BOOLEAN: DataHub's Java values are Flink's internal ones.
                return value;
        }
    }

    private DecimalData decimal(int column, DecimalType type, BigDecimal value) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(type.getScale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    String.format(
                            "DECIMAL value %s of field '%s' has more than %d fractional digits,"
                                    + " the scale of column '%s' %s; declare a larger scale"
                                    + " (values are not rounded).",
                            value.toPlainString(),
                            schema.field(fieldOfColumn[column]).name(),
                            type.getScale(),
                            rowType.getFieldNames().get(column),
                            type.asSummaryString()));
        }
        DecimalData data = DecimalData.fromBigDecimal(scaled, type.getPrecision(), type.getScale());
        if (data == null) {
            throw new IllegalArgumentException(
                    String.format(
                            "DECIMAL value %s of field '%s' does not fit column '%s' %s; declare"
                                    + " a larger precision.",
                            value.toPlainString(),
                            schema.field(fieldOfColumn[column]).name(),
                            rowType.getFieldNames().get(column),
                            type.asSummaryString()));
        }
        return data;
    }

    private Object toExternal(LogicalType type, RowData row, int i) {
        switch (type.getTypeRoot()) {
            case TINYINT:
                return row.getByte(i);
            case SMALLINT:
                return row.getShort(i);
            case INTEGER:
                return row.getInt(i);
            case BIGINT:
                return row.getLong(i);
            case FLOAT:
                return row.getFloat(i);
            case DOUBLE:
                return row.getDouble(i);
            case BOOLEAN:
                return row.getBoolean(i);
            case CHAR:
            case VARCHAR:
                return row.getString(i).toString();
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                return row.getDecimal(i, decimal.getPrecision(), decimal.getScale()).toBigDecimal();
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                TimestampData local = row.getTimestamp(i, ((TimestampType) type).getPrecision());
                return micros(local.toLocalDateTime().atZone(zone).toInstant());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                TimestampData instant =
                        row.getTimestamp(i, ((LocalZonedTimestampType) type).getPrecision());
                return micros(instant.toInstant());
            default:
                throw new IllegalStateException("Unchecked column type " + type);
        }
    }

    /** Drops the digits below the precision (floor, so that instants before 1970 agree). */
    static long truncate(long micros, int precision) {
        if (precision >= 6) {
            return micros;
        }
        long unit = (long) Math.pow(10, 6 - precision);
        return Math.floorDiv(micros, unit) * unit;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Microseconds of an instant; nanoseconds below a microsecond are dropped (floor). */
    static long micros(Instant instant) {
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000L);
    }
}
