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

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The typed column values of one TUPLE record, validated against its {@link RecordSchema} when
 * built (type, range and NOT NULL, with messages naming the field).
 *
 * <p>Values are held as the field type's Java class ({@link FieldType#javaClass()}); TIMESTAMP is a
 * {@code Long} of microseconds.
 */
public final class TupleRecord implements RecordPayload {

    private final RecordSchema schema;
    private final Object[] values;

    private TupleRecord(RecordSchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /** Validates and copies the values, one per schema field in schema order. */
    public static TupleRecord of(RecordSchema schema, Object... values) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(values, "values");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException(
                    "Expected "
                            + schema.size()
                            + " values (one per schema field) but got "
                            + values.length);
        }
        Object[] normalized = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            normalized[i] = ValueCodec.normalize(schema.field(i), values[i]);
        }
        return new TupleRecord(schema, normalized);
    }

    /** For decoders: the values are already parsed by type and owned by the new record. */
    static TupleRecord trusted(RecordSchema schema, Object[] values) {
        return new TupleRecord(schema, values);
    }

    /** Starts a builder whose unset fields are null. */
    public static Builder builder(RecordSchema schema) {
        return new Builder(schema);
    }

    /** The schema the values follow. */
    public RecordSchema schema() {
        return schema;
    }

    /** The number of values (the schema's field count). */
    public int size() {
        return values.length;
    }

    /** The value at the 0-based index, or null. */
    public Object get(int index) {
        return values[index];
    }

    /** The value of the named field, or null. */
    public Object get(String fieldName) {
        return values[requireIndex(fieldName)];
    }

    /** Whether the value at the index is SQL NULL. */
    public boolean isNull(int index) {
        return values[index] == null;
    }

    /** The TINYINT value at the index, or null. */
    public Byte getByte(int index) {
        return (Byte) values[index];
    }

    /** The SMALLINT value at the index, or null. */
    public Short getShort(int index) {
        return (Short) values[index];
    }

    /** The FLOAT value at the index, or null. */
    public Float getFloat(int index) {
        return (Float) values[index];
    }

    /** The BIGINT or TIMESTAMP (microseconds) value at the index, or null. */
    public Long getLong(int index) {
        return (Long) values[index];
    }

    /** The INTEGER value at the index, or null. */
    public Integer getInt(int index) {
        return (Integer) values[index];
    }

    /** The DOUBLE value at the index, or null. */
    public Double getDouble(int index) {
        return (Double) values[index];
    }

    /** The DECIMAL value at the index, or null. */
    public BigDecimal getDecimal(int index) {
        return (BigDecimal) values[index];
    }

    /** The BOOLEAN value at the index, or null. */
    public Boolean getBoolean(int index) {
        return (Boolean) values[index];
    }

    /** The STRING value at the index, or null. */
    public String getString(int index) {
        return (String) values[index];
    }

    /** A copy of all values in schema order. */
    public Object[] values() {
        return values.clone();
    }

    private int requireIndex(String fieldName) {
        int index = schema.indexOf(fieldName);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "No field '" + fieldName + "' in schema " + schema.fields());
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleRecord other
                && schema.equals(other.schema)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TupleRecord" + Arrays.toString(values);
    }

    /** Sets values by field name; {@link #build()} validates like {@link TupleRecord#of}. */
    public static final class Builder {
        private final RecordSchema schema;
        private final Object[] values;

        private Builder(RecordSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.values = new Object[schema.size()];
        }

        /** Sets the value of the named field; unknown names are rejected. */
        public Builder set(String fieldName, Object value) {
            int index = schema.indexOf(fieldName);
            if (index < 0) {
                throw new IllegalArgumentException(
                        "No field '" + fieldName + "' in schema " + schema.fields());
            }
            values[index] = value;
            return this;
        }

        /**
         * Sets the value of the field at {@code index} (0-based).
         *
         * @throws IllegalArgumentException when the index is not in {@code 0..schema.size()-1}
         */
        public Builder set(int index, Object value) {
            if (index < 0 || index >= values.length) {
                throw new IllegalArgumentException(
                        "Field index "
                                + index
                                + " is out of range: the schema has "
                                + values.length
                                + " fields (0.."
                                + (values.length - 1)
                                + ") "
                                + schema.fields());
            }
            values[index] = value;
            return this;
        }

        /** Builds the record, validating each value like {@link TupleRecord#of}. */
        public TupleRecord build() {
            return TupleRecord.of(schema, values);
        }
    }
}
