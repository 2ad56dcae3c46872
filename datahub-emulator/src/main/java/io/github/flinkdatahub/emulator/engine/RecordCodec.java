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

import java.io.ByteArrayOutputStream;
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
 * <p>A batch (batch binary mode: one sequence, several records) is kind {@code 2}: a varint record
 * count, then per record its schema version + 1 (varint) and its single-record form, length
 * prefixed.
 */
final class RecordCodec {

    private static final byte TUPLE = 0;
    private static final byte BLOB = 1;
    private static final byte BATCH = 2;

    private RecordCodec() {}

    /** A decoded record body. */
    record Body(Map<String, String> attributes, List<String> values, byte[] blob) {}

    static byte[] encode(Map<String, String> attributes, List<String> values, byte[] blob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(blob != null ? BLOB : TUPLE);
        Map<String, String> attrs = attributes == null ? Map.of() : attributes;
        writeVarint(out, attrs.size());
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        if (blob != null) {
            out.writeBytes(blob);
        } else {
            writeVarint(out, values.size());
            for (String v : values) {
                writeString(out, v);
            }
        }
        return out.toByteArray();
    }

    /** One record of a stored batch: the schema version it names (-1 for BLOB) and its body. */
    record BatchBody(int schemaVersion, Body body) {}

    /** Encodes a batch; {@code versions} and {@code bodies} (single-record forms) are parallel. */
    static byte[] encodeBatch(List<Integer> versions, List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * bodies.size() + 8);
        out.write(BATCH);
        writeVarint(out, bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            writeVarint(out, versions.get(i) + 1);
            writeVarint(out, bodies.get(i).length);
            out.writeBytes(bodies.get(i));
        }
        return out.toByteArray();
    }

    /** Whether a stored payload is a batch. */
    static boolean isBatch(byte[] data) {
        return data[0] == BATCH;
    }

    /** The number of records a stored payload holds (1 unless it is a batch). */
    static int recordCount(byte[] data) {
        return data[0] == BATCH ? readVarint(data, new int[] {1}) : 1;
    }

    /** Decodes a batch payload. */
    static List<BatchBody> decodeBatch(byte[] data) {
        int[] pos = {1};
        int count = readVarint(data, pos);
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

    private static void writeString(ByteArrayOutputStream out, String s) {
        if (s == null) {
            writeVarint(out, 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, b.length + 1);
        out.writeBytes(b);
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

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(byte[] data, int[] pos) {
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
