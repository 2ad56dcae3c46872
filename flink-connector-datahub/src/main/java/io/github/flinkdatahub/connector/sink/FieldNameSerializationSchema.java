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

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.types.Row;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A POJO (public fields or getters) or a {@link Row} onto a TUPLE topic, values matched to topic
 * fields by name (case-insensitive). {@code Instant}, {@code LocalDateTime} (as UTC) and {@code
 * java.sql.Timestamp} become TIMESTAMP microseconds; other values must already be the field type's
 * Java class (integers widen, as in {@link TupleRecord#of}).
 */
final class FieldNameSerializationSchema<T> implements DataHubRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> pojoType; // null for Row

    private transient RecordSchema schema;
    private transient Accessor[] accessors;
    private transient String topicPath;

    private FieldNameSerializationSchema(Class<T> pojoType) {
        this.pojoType = pojoType;
    }

    static <T> FieldNameSerializationSchema<T> forPojo(Class<T> type) {
        return new FieldNameSerializationSchema<>(
                Objects.requireNonNull(type, "POJO class must not be null"));
    }

    static FieldNameSerializationSchema<Row> forRow() {
        return new FieldNameSerializationSchema<>(null);
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, DataHubSinkContext sink) {
        schema = sink.requireTupleSchema(pojoType == null ? "row()" : "pojo(" + pojoType + ")");
        topicPath = sink.topicPath();
        accessors = new Accessor[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            Field field = schema.field(i);
            accessors[i] = pojoType == null ? rowAccessor(field, i) : pojoAccessor(field);
        }
    }

    @Override
    public DataHubSinkRecord serialize(T element) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(schema.field(i), accessors[i].get(element));
        }
        try {
            return DataHubSinkRecord.of(TupleRecord.of(schema, values));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot write a "
                            + element.getClass().getSimpleName()
                            + " to topic "
                            + topicPath
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static Object convert(Field field, Object value) {
        if (field.type() != FieldType.TIMESTAMP || value == null) {
            return value;
        }
        if (value instanceof Instant instant) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        }
        if (value instanceof LocalDateTime ldt) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, ldt.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, ts.toInstant());
        }
        return value;
    }

    private static Accessor rowAccessor(Field field, int position) {
        return element -> {
            Row row = (Row) element;
            Set<String> names = row.getFieldNames(false);
            if (names == null) {
                return row.getField(position); // a positional Row: schema order
            }
            for (String name : names) {
                if (name.equalsIgnoreCase(field.name())) {
                    return row.getField(name);
                }
            }
            return null;
        };
    }

    private Accessor pojoAccessor(Field field) {
        for (java.lang.reflect.Field f : pojoType.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())
                    && f.getName().equalsIgnoreCase(field.name())) {
                return element -> {
                    try {
                        return f.get(element);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                };
            }
        }
        String lower = field.name().toLowerCase(Locale.ROOT);
        for (Method m : pojoType.getMethods()) {
            String n = m.getName().toLowerCase(Locale.ROOT);
            if (m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers())
                    && (n.equals("get" + lower) || n.equals("is" + lower) || n.equals(lower))
                    && m.getDeclaringClass() != Object.class) {
                return element -> {
                    try {
                        return m.invoke(element);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(
                                "Reading " + m + " for field '" + field.name() + "' failed", e);
                    }
                };
            }
        }
        if (!field.nullable()) {
            throw new IllegalArgumentException(
                    "Field '"
                            + field.name()
                            + "' of topic "
                            + topicPath
                            + " is NOT NULL but "
                            + pojoType.getName()
                            + " has no public field or getter of that name");
        }
        return element -> null;
    }

    /** Reads one value of an element. */
    @FunctionalInterface
    private interface Accessor {
        Object get(Object element);
    }
}
