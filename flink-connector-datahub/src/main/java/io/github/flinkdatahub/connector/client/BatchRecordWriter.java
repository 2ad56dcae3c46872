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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes one record of a batch (protocol §6.2, little-endian): a 16-byte header (encode type 0,
 * schema version, total size, attribute offset), a field count, the not-null bitmap, one 8-byte
 * slot per field, the 8-aligned variable area and the attributes.
 *
 * <p>Like the Java SDK 2.21.6 this writes 0 as the field count (Python writes the real count;
 * readers use the schema), and string/blob values of up to 7 bytes inline in their slot. Unlike the
 * SDK, attribute lengths are UTF-8 byte counts: the SDK writes character counts, which equal the
 * byte counts only for ASCII and make its own reader lose its place after a non-ASCII attribute.
 */
final class BatchRecordWriter {

    static final int RECORD_HEADER_SIZE = 16;
    private static final int SLOT = 8;
    private static final int INLINE_MAX = 7;

    /** The values of one record, measured once so that it can be written into a sized array. */
    private final int schemaVersion;

    private final FieldType[] types;
    private final Object[] values; // normalised tuple values or the blob's byte array
    private final byte[][] varBytes; // UTF-8/blob bytes of out-of-slot values, else null
    private final byte[][] attrBytes; // key, value, key, value...
    private final int fixedSize;
    private final int attrOffset;
    private final int totalSize;

    BatchRecordWriter(PutRecord record, int tupleSchemaVersion) {
        RecordPayload payload = record.payload();
        if (payload instanceof BlobRecord blob) {
            schemaVersion = -1;
            types = null;
            values = new Object[] {blob.unsafeData()};
        } else {
            TupleRecord tuple = (TupleRecord) payload;
            schemaVersion = tupleSchemaVersion;
            types = new FieldType[tuple.size()];
            values = new Object[tuple.size()];
            for (int i = 0; i < values.length; i++) {
                types[i] = tuple.schema().field(i).type();
                values[i] = tuple.get(i);
            }
        }
        int n = values.length;
        fixedSize = RECORD_HEADER_SIZE + 4 + bitmapSize(n) + n * SLOT;
        varBytes = new byte[n][];
        int var = 0;
        for (int i = 0; i < n; i++) {
            byte[] bytes = variableBytes(i);
            if (bytes != null && bytes.length > INLINE_MAX) {
                varBytes[i] = bytes;
                var += align8(bytes.length);
            } else if (bytes != null) {
                varBytes[i] = bytes; // inline, still kept to avoid encoding twice
            }
        }
        attrOffset = fixedSize + var;
        Map<String, String> attributes = record.attributes();
        attrBytes = new byte[attributes.size() * 2][];
        int attr = 4;
        int k = 0;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            attrBytes[k] = a.getKey().getBytes(StandardCharsets.UTF_8);
            attrBytes[k + 1] = a.getValue().getBytes(StandardCharsets.UTF_8);
            attr += 8 + attrBytes[k].length + attrBytes[k + 1].length;
            k += 2;
        }
        totalSize = attrOffset + attr;
    }

    /**
     * The record's size in a batch without encoding it: never below what {@link #size()} gives (an
     * unpaired surrogate counts 3 bytes, see {@link PbRecordSizes#utf8Length}).
     */
    static int estimatedSize(PutRecord record) {
        RecordPayload payload = record.payload();
        int n;
        int var = 0;
        if (payload instanceof BlobRecord blob) {
            n = 1;
            int len = blob.unsafeData().length;
            var = len > INLINE_MAX ? align8(len) : 0;
        } else {
            TupleRecord tuple = (TupleRecord) payload;
            n = tuple.size();
            for (int i = 0; i < n; i++) {
                Object value = tuple.get(i);
                FieldType type = tuple.schema().field(i).type();
                if (value != null && (type == FieldType.STRING || type == FieldType.DECIMAL)) {
                    int len = PbRecordSizes.utf8Length(ValueCodec.toText(value));
                    var += len > INLINE_MAX ? align8(len) : 0;
                }
            }
        }
        int attr = 4;
        for (Map.Entry<String, String> a : record.attributes().entrySet()) {
            attr +=
                    8
                            + PbRecordSizes.utf8Length(a.getKey())
                            + PbRecordSizes.utf8Length(a.getValue());
        }
        return RECORD_HEADER_SIZE + 4 + bitmapSize(n) + n * SLOT + var + attr;
    }

    /** Bytes of the not-null bitmap for n fields: whole 64-bit words. */
    static int bitmapSize(int fieldCount) {
        return ((fieldCount + 63) >> 6) << 3;
    }

    static int align8(int size) {
        return (size + 7) & ~7;
    }

    /** The encoded size of this record. */
    int size() {
        return totalSize;
    }

    private byte[] variableBytes(int i) {
        Object value = values[i];
        if (value == null) {
            return null;
        }
        if (types == null) {
            return (byte[]) value;
        }
        switch (types[i]) {
            case STRING:
            case DECIMAL:
                return ValueCodec.toText(value).getBytes(StandardCharsets.UTF_8);
            default:
                return null;
        }
    }

    /** Writes the record at the buffer's position (the buffer must be little-endian). */
    void writeTo(ByteBuffer out) {
        int start = out.position();
        int n = values.length;
        out.putInt(0); // encode type
        out.putInt(schemaVersion);
        out.putInt(totalSize);
        out.putInt(attrOffset);
        out.putInt(0); // field count: left 0 like the Java SDK
        int bitmap = out.position();
        for (int i = 0; i < bitmapSize(n); i++) {
            out.put((byte) 0);
        }
        int slots = out.position();
        int varPos = start + fixedSize;
        for (int i = 0; i < n; i++) {
            int slot = slots + i * SLOT;
            Object value = values[i];
            if (value == null) {
                out.putLong(slot, 0L);
                continue;
            }
            int bit = bitmap + (i >> 3);
            out.put(bit, (byte) (out.get(bit) | (1 << (i & 7))));
            byte[] bytes = varBytes[i];
            if (bytes != null) {
                if (bytes.length <= INLINE_MAX) {
                    for (int b = 0; b < INLINE_MAX; b++) {
                        out.put(slot + b, b < bytes.length ? bytes[b] : 0);
                    }
                    out.put(slot + INLINE_MAX, (byte) (0x80 | bytes.length));
                } else {
                    long offset = varPos - start - RECORD_HEADER_SIZE;
                    out.putLong(slot, (offset << 32) | bytes.length);
                    out.put(varPos, bytes);
                    for (int p = bytes.length; p < align8(bytes.length); p++) {
                        out.put(varPos + p, (byte) 0);
                    }
                    varPos += align8(bytes.length);
                }
                continue;
            }
            writeFixed(out, slot, types[i], value);
        }
        out.position(start + attrOffset);
        out.putInt(attrBytes.length / 2);
        for (byte[] part : attrBytes) {
            out.putInt(part.length);
            out.put(part);
        }
    }

    private static void writeFixed(ByteBuffer out, int slot, FieldType type, Object value) {
        switch (type) {
            case FLOAT:
                out.putFloat(slot, (Float) value);
                out.putInt(slot + 4, 0);
                break;
            case DOUBLE:
                out.putDouble(slot, (Double) value);
                break;
            case BOOLEAN:
                out.putLong(slot, ((Boolean) value) ? 1L : 0L);
                break;
            default: // TINYINT, SMALLINT, INTEGER, BIGINT, TIMESTAMP: sign-extended int64
                out.putLong(slot, ((Number) value).longValue());
                break;
        }
    }

    /** A little-endian view of an array, for writers. */
    static ByteBuffer littleEndian(byte[] array) {
        return ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
    }
}
