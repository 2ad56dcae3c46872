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

import java.util.Arrays;

/**
 * A record of a read in its stored form: its attributes and values are byte ranges of the stored
 * payload (UTF-8 text, as validated and canonicalised on the put), so a response encoder copies
 * them instead of decoding them to strings and encoding them again. Values are in the topic's
 * current layout: records written before an AppendField get null for the appended fields.
 */
public final class RawRecord {

    private final long sequence;
    private final long systemTimeMillis;
    private final String cursor;
    private final String nextCursor;
    private final byte[] data;
    private final int offset;
    private final int end;
    private final int padTo;

    /** {@code data[offset, end)} is a single-record form (see RecordCodec). */
    RawRecord(
            long sequence,
            long systemTimeMillis,
            String cursor,
            String nextCursor,
            byte[] data,
            int offset,
            int end,
            int padTo) {
        this.sequence = sequence;
        this.systemTimeMillis = systemTimeMillis;
        this.cursor = cursor;
        this.nextCursor = nextCursor;
        this.data = data;
        this.offset = offset;
        this.end = end;
        this.padTo = padTo;
    }

    /** The record's sequence (shared by all records of a batch). */
    public long sequence() {
        return sequence;
    }

    /** The record's system time in milliseconds. */
    public long systemTimeMillis() {
        return systemTimeMillis;
    }

    /** The cursor of the record. */
    public String cursor() {
        return cursor;
    }

    /** The cursor after the record. */
    public String nextCursor() {
        return nextCursor;
    }

    /** Parses the record's attributes and values into {@code s}, which can be reused. */
    public void slice(Slices s) {
        s.data = data;
        int[] pos = {offset + 1};
        int attrs = RecordCodec.readVarint(data, pos);
        s.attributeCount = 0;
        s.ensure(2 * attrs);
        for (int i = 0; i < attrs; i++) {
            s.put(2 * i, pos);
            s.put(2 * i + 1, pos);
            s.attributeCount++;
        }
        s.blob = data[offset] == RecordCodec.BLOB;
        if (s.blob) {
            s.blobOffset = pos[0];
            s.blobLength = end - pos[0];
            s.valueCount = 0;
            return;
        }
        s.blobOffset = 0; // a TUPLE record read from a BLOB topic serves an empty blob
        s.blobLength = 0;
        int count = RecordCodec.readVarint(data, pos);
        int n = Math.max(count, padTo);
        int base = 2 * attrs;
        s.ensure(base + n);
        for (int i = 0; i < count; i++) {
            s.put(base + i, pos);
        }
        for (int i = count; i < n; i++) {
            s.offsets[base + i] = 0;
            s.lengths[base + i] = -1;
        }
        s.valueCount = n;
    }

    /** A record's byte ranges (reusable; valid until the next {@link #slice}). */
    public static final class Slices {
        private byte[] data;
        private int[] offsets = new int[16];
        private int[] lengths = new int[16];
        private int attributeCount;
        private int valueCount;
        private boolean blob;
        private int blobOffset;
        private int blobLength;

        /** The array every offset refers to. */
        public byte[] data() {
            return data;
        }

        /** Number of attributes. */
        public int attributeCount() {
            return attributeCount;
        }

        /** Offset of attribute {@code i}'s key. */
        public int keyOffset(int i) {
            return offsets[2 * i];
        }

        /** UTF-8 length of attribute {@code i}'s key. */
        public int keyLength(int i) {
            return lengths[2 * i];
        }

        /** Offset of attribute {@code i}'s value. */
        public int attributeValueOffset(int i) {
            return offsets[2 * i + 1];
        }

        /** UTF-8 length of attribute {@code i}'s value. */
        public int attributeValueLength(int i) {
            return lengths[2 * i + 1];
        }

        /** Whether the record is a BLOB record. */
        public boolean isBlob() {
            return blob;
        }

        /** Offset of a BLOB record's bytes. */
        public int blobOffset() {
            return blobOffset;
        }

        /** Length of a BLOB record's bytes. */
        public int blobLength() {
            return blobLength;
        }

        /** Number of tuple values (0 for BLOB). */
        public int valueCount() {
            return valueCount;
        }

        /** Offset of tuple value {@code i}. */
        public int valueOffset(int i) {
            return offsets[2 * attributeCount + i];
        }

        /** UTF-8 length of tuple value {@code i}, or -1 for null. */
        public int valueLength(int i) {
            return lengths[2 * attributeCount + i];
        }

        private void ensure(int n) {
            if (offsets.length < n) {
                int size = Math.max(n, 2 * offsets.length);
                offsets = Arrays.copyOf(offsets, size);
                lengths = Arrays.copyOf(lengths, size);
            }
        }

        /** Reads one string field (varint length + 1, 0 = null) at {@code pos} into slot i. */
        private void put(int i, int[] pos) {
            int len = RecordCodec.readVarint(data, pos) - 1;
            offsets[i] = pos[0];
            lengths[i] = len;
            pos[0] += Math.max(0, len);
        }
    }
}
