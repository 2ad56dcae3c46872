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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The values of the record {@link PbGetRecordsDecoder} is parsing, as positions in the response
 * body, and their conversion to a payload once the record is complete. Reused for every record of
 * one response; not thread-safe.
 */
final class PbRecordValues implements IntFunction<String> {

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buf;
    private int[] start = new int[16];
    private int[] length = new int[16];
    private int count;

    /** Values located in {@code buf}, the response body. */
    PbRecordValues(byte[] buf) {
        this.buf = buf;
    }

    /** Forgets the previous record's values. */
    void clear() {
        count = 0;
    }

    /**
     * Adds the next value.
     *
     * @param valueStart offset of the value's bytes in the body, or -1 for an unset value (SQL
     *     NULL)
     */
    void add(int valueStart, int valueLength) {
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            length = Arrays.copyOf(length, count * 2);
        }
        start[count] = valueStart;
        length[count] = valueLength;
        count++;
    }

    /** How many values the record has. */
    int count() {
        return count;
    }

    /** The single value as a BLOB (a copy; an unset value reads as empty, as before). */
    BlobRecord blob() {
        int s = start[0];
        return BlobRecord.wrap(s < 0 ? new byte[0] : Arrays.copyOfRange(buf, s, s + length[0]));
    }

    /** As {@link TupleDecoding#decode}, parsing plain integers and booleans without a String. */
    TupleRecord tuple(RecordSchema schema) {
        if (count > schema.size()) {
            throw new SchemaChangedException(schema.size(), count);
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < count; i++) {
            if (start[i] >= 0) {
                Field field = schema.field(i);
                Object quick = quickValue(field.type(), start[i], length[i]);
                values[i] = quick != null ? quick : TupleDecoding.value(field, apply(i));
            }
        }
        return TupleRecord.trusted(schema, values);
    }

    /**
     * The value of the common plain forms (a BIGINT or TIMESTAMP of at most 18 ASCII digits with an
     * optional '-', exactly "true", "false", "1" or "0" for a BOOLEAN), equal to what {@link
     * ValueCodec#fromText} returns for them; null for everything else, which takes the text path.
     */
    private Object quickValue(FieldType type, int from, int size) {
        if (type == FieldType.BIGINT || type == FieldType.TIMESTAMP) {
            int i = from;
            int end = from + size;
            boolean negative = size > 1 && buf[i] == '-';
            if (negative) {
                i++;
            }
            if (end - i < 1 || end - i > 18) {
                return null;
            }
            long v = 0;
            for (; i < end; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }
        if (type == FieldType.BOOLEAN && size <= 5) {
            if (matches(from, size, TRUE)) {
                return Boolean.TRUE;
            }
            if (matches(from, size, FALSE)) {
                return Boolean.FALSE;
            }
            if (size == 1) {
                return buf[from] == '1' ? Boolean.TRUE : buf[from] == '0' ? Boolean.FALSE : null;
            }
        }
        return null;
    }

    private boolean matches(int from, int size, byte[] expected) {
        return size == expected.length && Arrays.equals(buf, from, from + size, expected, 0, size);
    }

    /** The wire text of value {@code i}, null for an unset value. */
    @Override
    public String apply(int i) {
        int s = start[i];
        return s < 0 ? null : new String(buf, s, length[i], StandardCharsets.UTF_8);
    }
}
