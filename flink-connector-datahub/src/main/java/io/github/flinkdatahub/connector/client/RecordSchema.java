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

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered, immutable list of fields of a TUPLE topic.
 *
 * <p>{@link #toJson()} writes the same JSON string the Java SDK sends on CreateTopic; {@link
 * #fromJson(String)} also accepts what the Python and Go SDKs write.
 */
public final class RecordSchema {

    private final List<Field> fields;
    private final Map<String, Integer> indexByName;

    private RecordSchema(List<Field> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A record schema needs at least one field");
        }
        this.fields = List.copyOf(fields);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Field field = this.fields.get(i);
            if (indexByName.put(field.name(), i) != null) {
                throw new IllegalArgumentException(
                        "Duplicate field name '" + field.name() + "' in record schema");
            }
        }
    }

    /** A schema of the given fields, in order. */
    public static RecordSchema of(List<Field> fields) {
        return new RecordSchema(Objects.requireNonNull(fields, "fields"));
    }

    /** A schema of the given fields, in order. */
    public static RecordSchema of(Field... fields) {
        return of(Arrays.asList(fields));
    }

    /** Parses the {@code RecordSchema} JSON string of a topic. */
    public static RecordSchema fromJson(String json) {
        return SchemaJson.parse(json);
    }

    /** The JSON string DataHub expects as {@code RecordSchema} on CreateTopic. */
    public String toJson() {
        return SchemaJson.write(this);
    }

    /** The fields, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The number of fields. */
    public int size() {
        return fields.size();
    }

    /** The field at the 0-based index. */
    public Field field(int index) {
        return fields.get(index);
    }

    /** Index of the field with this name (case-insensitive), or -1. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name.toLowerCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSchema other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "RecordSchema" + fields;
    }
}
