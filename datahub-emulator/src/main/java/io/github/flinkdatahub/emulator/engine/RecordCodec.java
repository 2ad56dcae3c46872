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

package io.github.flinkdatahub.emulator.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact byte form of a stored record (also its journal form): a kind byte, varint-prefixed
 * attributes, then either varint-prefixed tuple values (length+1, 0 = NULL) or the raw blob.
 *
 * <p>A batch (batch binary mode: one sequence, several records) is kind {@code 2}: varints for the
 * record count, the topic's field count at write time and the length + 1 of the client's wire form
 * (0 = not kept), that wire form, then per record its schema version + 1 (varint) and its
 * single-record form, length prefixed.
 */
final class RecordCodec {

    private static final byte TUPLE = 0;
    static final byte BLOB = 1;
    private static final byte BATCH = 2;

    private RecordCodec() {}

    /** A decoded record body. */
    record Body(Map<String, String> attributes, List<String> values, byte[] blob) {}

    static byte[] encode(Map<String, String> attributes, List<String> values, byte[] blob) {
        return encodeCounted(attributes, values, blob).data();
    }

    /** A stored form and its content size: the UTF-8 bytes of attributes, values and blob. */
    record Encoded(byte[] data, long contentBytes) {}

    /**
     * Encodes a record: each string is converted to UTF-8 once and the result is sized exactly and
     * written in place (no growing buffer, no copy).
     */
    static Encoded encodeCounted(Map<String, String> attributes, List<String> values, byte[] blob) {
        Parts parts = parts(attributes, values, blob);
        byte[] out = new byte[parts.size];
        parts.write(out, 0);
        return new Encoded(out, parts.content);
    }

    /**
     * A record's single-record form, prepared (strings converted to UTF-8, size known) but not yet
     * written, so a batch can write all its records into one array.
     */
    static final class Parts {
        private final byte[][] strings;
        private final int[] offsets; // null: every string is its whole array
        private final int[] lengths;
        private final int attrCount;
        private final int valueCount;
        private final byte[] blob;
        private final int size;
        private final long content;

        private Parts(byte[][] strings, int attrCount, int valueCount, byte[] blob) {
            this(strings, null, null, attrCount, valueCount, blob);
        }

        /**
         * Strings as ranges: string {@code i} is {@code strings[i][offsets[i], offsets[i] +
         * lengths[i])}, or null.
         */
        Parts(
                byte[][] strings,
                int[] offsets,
                int[] lengths,
                int attrCount,
                int valueCount,
                byte[] blob) {
            this.strings = strings;
            this.offsets = offsets;
            this.lengths = lengths;
            this.attrCount = attrCount;
            this.valueCount = valueCount;
            this.blob = blob;
            long c = blob == null ? 0 : blob.length;
            int n = 1 + varintSize(attrCount) + (blob == null ? varintSize(valueCount) : 0);
            for (int i = 0; i < strings.length; i++) {
                int len = length(i);
                n += len < 0 ? 1 : varintSize(len + 1) + len;
                c += Math.max(0, len);
            }
            this.size = n + (blob == null ? 0 : blob.length);
            this.content = c;
        }

        private int length(int i) {
            if (strings[i] == null) {
                return -1;
            }
            return lengths == null ? strings[i].length : lengths[i];
        }

        /** Bytes of the single-record form. */
        int size() {
            return size;
        }

        /** UTF-8 bytes of attributes, values and blob (what the record size limit counts). */
        long contentBytes() {
            return content;
        }

        /** Writes the single-record form at {@code pos}; returns the position after it. */
        int write(byte[] out, int pos) {
            out[pos] = blob != null ? BLOB : TUPLE;
            int p = putVarint(out, pos + 1, attrCount);
            for (int i = 0; i < 2 * attrCount; i++) {
                p = putPart(out, p, i);
            }
            if (blob != null) {
                System.arraycopy(blob, 0, out, p, blob.length);
                return p + blob.length;
            }
            p = putVarint(out, p, valueCount);
            for (int i = 2 * attrCount; i < strings.length; i++) {
                p = putPart(out, p, i);
            }
            return p;
        }

        private int putPart(byte[] out, int pos, int i) {
            int len = length(i);
            if (len < 0) {
                return putVarint(out, pos, 0);
            }
            int p = putVarint(out, pos, len + 1);
            System.arraycopy(strings[i], offsets == null ? 0 : offsets[i], out, p, len);
            return p + len;
        }
    }

    /** Prepares a record's single-record form. */
    static Parts parts(Map<String, String> attributes, List<String> values, byte[] blob) {
        Map<String, String> attrs = attributes == null ? Map.of() : attributes;
        byte[][] strings = new byte[2 * attrs.size() + (blob == null ? values.size() : 0)][];
        int k = 0;
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            strings[k++] = utf8(e.getKey());
            strings[k++] = utf8(e.getValue());
        }
        if (blob == null) {
            for (String v : values) {
                strings[k++] = utf8(v);
            }
        }
        return new Parts(strings, attrs.size(), blob == null ? values.size() : 0, blob);
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** One record of a stored batch: the schema version it names (-1 for BLOB) and its body. */
    record BatchBody(int schemaVersion, Body body) {}

    /**
     * Encodes a batch; {@code versions} and {@code bodies} (single-record forms) are parallel.
     * {@code wire} (nullable) is the batch exactly as the client sent it, kept so batch reads can
     * serve it unchanged while {@code fieldCount} (the topic's field count when it was written)
     * still matches the topic.
     */
    static byte[] encodeBatch(
            List<Integer> versions, List<Parts> bodies, int fieldCount, byte[] wire) {
        // Sized exactly and written in place: batches are large, so no growing buffer or copy.
        int wireField = wire == null ? 0 : wire.length + 1;
        int size =
                1
                        + varintSize(bodies.size())
                        + varintSize(fieldCount)
                        + varintSize(wireField)
                        + (wire == null ? 0 : wire.length);
        for (int i = 0; i < bodies.size(); i++) {
            int len = bodies.get(i).size();
            size += varintSize(versions.get(i) + 1) + varintSize(len) + len;
        }
        byte[] out = new byte[size];
        out[0] = BATCH;
        int p = putVarint(out, 1, bodies.size());
        p = putVarint(out, p, fieldCount);
        p = putVarint(out, p, wireField);
        if (wire != null) {
            System.arraycopy(wire, 0, out, p, wire.length);
            p += wire.length;
        }
        for (int i = 0; i < bodies.size(); i++) {
            Parts body = bodies.get(i);
            p = putVarint(out, p, versions.get(i) + 1);
            p = putVarint(out, p, body.size());
            p = body.write(out, p);
        }
        return out;
    }

    private static int varintSize(int value) {
        int n = 1;
        for (int v = value; (v & ~0x7F) != 0; v >>>= 7) {
            n++;
        }
        return n;
    }

    private static int putVarint(byte[] out, int pos, int value) {
        int p = pos;
        int v = value;
        while ((v & ~0x7F) != 0) {
            out[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[p++] = (byte) v;
        return p;
    }

    /** Whether a stored payload is a batch. */
    static boolean isBatch(byte[] data) {
        return data[0] == BATCH;
    }

    /** The number of records a stored payload holds (1 unless it is a batch). */
    static int recordCount(byte[] data) {
        return data[0] == BATCH ? readVarint(data, new int[] {1}) : 1;
    }

    /**
     * The client's wire form of a stored batch if it was kept and the topic still has {@code
     * fieldCount} fields (an AppendField since changes the layout readers expect), else null.
     */
    static byte[] batchWire(byte[] data, int currentFieldCount) {
        int[] pos = {1};
        readVarint(data, pos);
        int fieldCount = readVarint(data, pos);
        int len = readVarint(data, pos) - 1;
        if (len < 0 || fieldCount != currentFieldCount) {
            return null;
        }
        byte[] wire = new byte[len];
        System.arraycopy(data, pos[0], wire, 0, len);
        return wire;
    }

    /** Decodes the records of a batch payload. */
    static List<BatchBody> decodeBatch(byte[] data) {
        int[] pos = {1};
        int count = readVarint(data, pos);
        readVarint(data, pos);
        int wireLength = readVarint(data, pos) - 1;
        pos[0] += Math.max(0, wireLength);
        List<BatchBody> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int version = readVarint(data, pos) - 1;
            int len = readVarint(data, pos);
            byte[] body = new byte[len];
            System.arraycopy(data, pos[0], body, 0, len);
            pos[0] += len;
            out.add(new BatchBody(version, decode(body)));
        }
        return out;
    }

    static Body decode(byte[] data) {
        int[] pos = {1};
        int attrCount = readVarint(data, pos);
        Map<String, String> attrs = attrCount == 0 ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < attrCount; i++) {
            String k = readString(data, pos);
            attrs.put(k, readString(data, pos));
        }
        attrs = attrCount == 0 ? attrs : Collections.unmodifiableMap(attrs);
        if (data[0] == BLOB) {
            byte[] blob = new byte[data.length - pos[0]];
            System.arraycopy(data, pos[0], blob, 0, blob.length);
            return new Body(attrs, null, blob);
        }
        int count = readVarint(data, pos);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(data, pos));
        }
        return new Body(attrs, values, null);
    }

    private static String readString(byte[] data, int[] pos) {
        int len = readVarint(data, pos);
        if (len == 0) {
            return null;
        }
        String s = new String(data, pos[0], len - 1, StandardCharsets.UTF_8);
        pos[0] += len - 1;
        return s;
    }

    static int readVarint(byte[] data, int[] pos) {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = data[pos[0]++];
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }
}
