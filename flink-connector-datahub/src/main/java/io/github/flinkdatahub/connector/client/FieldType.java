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
import java.util.Locale;

/** The column types of a DataHub TUPLE topic and the Java value class each one carries. */
public enum FieldType {
    TINYINT(Byte.class),
    SMALLINT(Short.class),
    INTEGER(Integer.class),
    BIGINT(Long.class),
    FLOAT(Float.class),
    DOUBLE(Double.class),
    /** Exact decimal; the text form is kept digit for digit (scale included). */
    DECIMAL(BigDecimal.class),
    BOOLEAN(Boolean.class),
    STRING(String.class),
    /** Microseconds since the epoch, carried as a {@link Long}. */
    TIMESTAMP(Long.class);

    private final Class<?> javaClass;

    FieldType(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    /** The class of a (normalised) value of this type inside a {@link TupleRecord}. */
    public Class<?> javaClass() {
        return javaClass;
    }

    /**
     * Parses a type name as written by any SDK: Java and Go write upper case, Python lower case.
     *
     * @throws IllegalArgumentException naming the allowed types when the name is unknown
     */
    public static FieldType parse(String name) {
        if (name != null) {
            String upper = name.trim().toUpperCase(Locale.ROOT);
            for (FieldType type : values()) {
                if (type.name().equals(upper)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown DataHub field type '"
                        + name
                        + "'; allowed: TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL,"
                        + " BOOLEAN, STRING, TIMESTAMP");
    }
}
