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

import java.util.function.IntFunction;

/** Builds a {@link TupleRecord} from wire text values, shared by the JSON and protobuf readers. */
final class TupleDecoding {

    private TupleDecoding() {}

    /**
     * Records written before an AppendField carry fewer values; the missing trailing fields read as
     * null, as the service documents.
     *
     * @param textAt the wire text of value i, null for SQL NULL
     * @throws IllegalArgumentException naming the field whose text does not parse
     * @throws SchemaChangedException when the record has more values than the schema has fields
     */
    static TupleRecord decode(RecordSchema schema, int count, IntFunction<String> textAt) {
        if (count > schema.size()) {
            throw new SchemaChangedException(schema.size(), count);
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < count; i++) {
            String text = textAt.apply(i);
            if (text != null) {
                values[i] = value(schema.field(i), text);
            }
        }
        return TupleRecord.trusted(schema, values);
    }

    /**
     * One non-null value from its wire text.
     *
     * @throws IllegalArgumentException naming the field whose text does not parse
     */
    static Object value(Field field, String text) {
        try {
            return ValueCodec.fromText(field.type(), text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Value '"
                            + abbreviate(text)
                            + "' of field '"
                            + field.name()
                            + "' is not a valid "
                            + field.type(),
                    e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
