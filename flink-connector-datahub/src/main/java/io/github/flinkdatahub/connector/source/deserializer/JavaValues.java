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

import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.annotation.Internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Converts DataHub tuple values to plain Java values of a target class (POJO and Row fields). */
@Internal
final class JavaValues {

    private JavaValues() {}

    /** The value of a field by name, converted to {@code target}; null when absent. */
    static Object get(TupleRecord tuple, String name, Class<?> target) {
        int idx = tuple.schema().indexOf(name);
        if (idx < 0 || idx >= tuple.size()) {
            return null;
        }
        Object v = tuple.get(idx);
        if (v == null) {
            return null;
        }
        if (tuple.schema().field(idx).type()
                == io.github.flinkdatahub.connector.client.FieldType.TIMESTAMP) {
            long micros = (Long) v;
            Instant instant =
                    Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1000L);
            if (target == Instant.class) {
                return instant;
            }
            if (target == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            if (target == java.sql.Timestamp.class) {
                return java.sql.Timestamp.from(instant);
            }
        }
        if (target == String.class && !(v instanceof String)) {
            return v.toString();
        }
        if (v instanceof Number n && target != Object.class && !target.isInstance(v)) {
            if (target == Long.class || target == long.class) {
                return n.longValue();
            }
            if (target == Integer.class || target == int.class) {
                return Math.toIntExact(n.longValue());
            }
            if (target == Double.class || target == double.class) {
                return n.doubleValue();
            }
            if (target == Float.class || target == float.class) {
                return n.floatValue();
            }
            if (target == Short.class || target == short.class) {
                return (short) Math.toIntExact(n.longValue());
            }
        }
        return v;
    }
}
