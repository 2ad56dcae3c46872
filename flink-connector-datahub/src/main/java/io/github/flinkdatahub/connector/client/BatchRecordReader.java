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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the records of a decompressed batch record area (protocol §6.2), the counterpart of {@link
 * BatchRecordWriter}. Slots are read as the Java SDK reads them: INTEGER as int32, SMALLINT as
 * int16, TINYINT as the low byte of an int32, BOOLEAN as a non-zero int64. A non-zero field count
 * in the record (Python writers) decides the layout; 0 (Java writers) means "the schema's count".
 */
final class BatchRecordReader {

    /** A decoded record of a batch. */
    record Decoded(int schemaVersion, Map<String, String> attributes, RecordPayload payload) {}

    /** Finds the schema of a registry version other than 0. */
    @FunctionalInterface
    interface SchemaVersions {
        /** The schema registered as this version of the topic. */
        RecordSchema schema(int version);
    }

    private static final int HEADER = BatchRecordWriter.RECORD_HEADER_SIZE;

    private final ByteBuffer area; // little-endian, the whole record area
    private final RecordSchema readerSchema;
    private final SchemaVersions versions;

    BatchRecordReader(ByteBuffer area, RecordSchema readerSchema, SchemaVersions versions) {
        this.area = area;
        this.readerSchema = readerSchema;
        this.versions = versions;
    }

    /** Reads the record starting at {@code start}; returns it, {@link #end} tells where it ends. */
    Decoded read(int start) {
        require(area.limit() - start >= HEADER + 4, "record header at byte " + start + " is cut");
        int encodeType = area.getInt(start);
        require(encodeType == 0, "record encode type " + encodeType + " is not supported (only 0)");
        int version = area.getInt(start + 4);
        int totalSize = area.getInt(start + 8);
        int attrOffset = area.getInt(start + 12);
        require(
                totalSize >= HEADER + 8 && totalSize <= area.limit() - start,
                "record at byte " + start + " claims " + totalSize + " bytes");
        require(
                attrOffset >= HEADER + 4 && attrOffset + 4 <= totalSize,
                "record at byte " + start + " has attribute offset " + attrOffset);
        lastEnd = start + totalSize;
        int storedCount = area.getInt(start + HEADER);
        RecordPayload payload;
        if (version == -1) {
            int n = storedCount > 0 ? storedCount : 1;
            byte[] data = isNull(start, 0) ? new byte[0] : bytes(start, n, 0, totalSize);
            payload = BlobRecord.wrap(data);
        } else {
            payload = tuple(start, version, storedCount, totalSize);
        }
        return new Decoded(version, attributes(start + attrOffset, start + totalSize), payload);
    }

    private int lastEnd;

    /** The end of the record last read. */
    int end() {
        return lastEnd;
    }

    private TupleRecord tuple(int start, int version, int storedCount, int totalSize) {
        if (readerSchema == null) {
            throw new IllegalArgumentException(
                    "A TUPLE record (schema version "
                            + version
                            + ") cannot be read as BLOB: pass the topic schema");
        }
        RecordSchema written = version == 0 ? readerSchema : versions.schema(version);
        int n = storedCount > 0 ? storedCount : written.size();
        if (n > written.size()) {
            throw new SchemaChangedException(written.size(), n);
        }
        if (storedCount == 0) {
            // Written before an AppendField: fewer slots than the schema has fields. The missing
            // fields' not-null bits are clear, so they read as null.
            int attrOffset = area.getInt(start + 12);
            while (n > 0 && fixedSize(n) > attrOffset) {
                n--;
            }
        }
        int fixed = fixedSize(n);
        require(fixed <= totalSize, "record at byte " + start + " is shorter than its slots");
        if (storedCount == 0) {
            checkNoExtraFields(start, n, fixed, written);
        }
        Object[] values = new Object[written.size()];
        for (int i = 0; i < n; i++) {
            if (!isNull(start, i)) {
                values[i] = value(start, n, i, written.field(i), totalSize);
            }
        }
        return TupleRecord.trusted(readerSchema, adapt(version, written, values));
    }

    /**
     * A Java-written record has no field count: one written with more fields than the schema it is
     * read with (an AppendField since) shows as more bytes between the slots and the attributes
     * than the out-of-slot values of the known fields take (writers place those values
     * contiguously, each 8-aligned). Reading on would silently drop the new fields, so this fails
     * as {@link SchemaChangedException}, like the PB and JSON readers do.
     */
    private void checkNoExtraFields(int start, int n, int fixed, RecordSchema schema) {
        int attrOffset = area.getInt(start + 12);
        long variable = 0;
        for (int i = 0; i < n; i++) {
            FieldType type = schema.field(i).type();
            if ((type == FieldType.STRING || type == FieldType.DECIMAL) && !isNull(start, i)) {
                int slot = slot(start, n, i);
                if ((area.get(slot + 7) & 0x80) == 0) {
                    variable += BatchRecordWriter.align8((int) area.getLong(slot));
                }
            }
        }
        long extra = attrOffset - fixed - variable;
        if (extra >= 8) {
            throw new SchemaChangedException(n, n + (int) Math.max(1, extra / 8));
        }
    }

    /**
     * Values written with another schema version are placed into the reader's schema when that
     * schema starts with the same fields (an AppendField later); otherwise reading fails.
     */
    private Object[] adapt(int version, RecordSchema written, Object[] values) {
        if (written == readerSchema || written.equals(readerSchema)) {
            return values;
        }
        if (written.size() > readerSchema.size()) {
            throw new SchemaChangedException(readerSchema.size(), written.size());
        }
        for (int i = 0; i < written.size(); i++) {
            Field w = written.field(i);
            Field r = readerSchema.field(i);
            if (!w.name().equalsIgnoreCase(r.name()) || w.type() != r.type()) {
                throw new IllegalArgumentException(
                        "A record written with schema version "
                                + version
                                + " has field "
                                + i
                                + " '"
                                + w.name()
                                + "' "
                                + w.type()
                                + " but the reader's schema has '"
                                + r.name()
                                + "' "
                                + r.type());
            }
        }
        Object[] out = new Object[readerSchema.size()];
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }

    private static int fixedSize(int n) {
        return HEADER + 4 + BatchRecordWriter.bitmapSize(n) + n * 8;
    }

    private boolean isNull(int start, int field) {
        int b = area.get(start + HEADER + 4 + (field >> 3));
        return (b & (1 << (field & 7))) == 0;
    }

    private int slot(int start, int n, int field) {
        return start + HEADER + 4 + BatchRecordWriter.bitmapSize(n) + field * 8;
    }

    private Object value(int start, int n, int i, Field field, int totalSize) {
        int slot = slot(start, n, i);
        switch (field.type()) {
            case TINYINT:
                return (byte) area.getInt(slot);
            case SMALLINT:
                return area.getShort(slot);
            case INTEGER:
                return area.getInt(slot);
            case BIGINT:
            case TIMESTAMP:
                return area.getLong(slot);
            case FLOAT:
                return area.getFloat(slot);
            case DOUBLE:
                return area.getDouble(slot);
            case BOOLEAN:
                return area.getLong(slot) != 0;
            case STRING:
                return new String(bytes(start, n, i, totalSize), StandardCharsets.UTF_8);
            case DECIMAL:
                String text = new String(bytes(start, n, i, totalSize), StandardCharsets.UTF_8);
                try {
                    return new BigDecimal(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "Value '" + text + "' of field '" + field.name() + "' is no DECIMAL",
                            e);
                }
            default:
                throw new IllegalStateException("Unhandled type " + field.type());
        }
    }

    /** A string/decimal/blob value: inline (last byte 0x80 | length) or at an offset. */
    private byte[] bytes(int start, int n, int i, int totalSize) {
        int slot = slot(start, n, i);
        int last = area.get(slot + 7) & 0xff;
        if ((last & 0x80) != 0) {
            int len = last & 0x7f;
            require(len <= 7, "inline value of field " + i + " claims " + len + " bytes");
            byte[] out = new byte[len];
            area.get(slot, out);
            return out;
        }
        long word = area.getLong(slot);
        int len = (int) word;
        long offset = (word >>> 32) + HEADER;
        require(
                len >= 0 && offset + len <= totalSize,
                "value of field " + i + " (" + len + " bytes at " + offset + ") is out of bounds");
        byte[] out = new byte[len];
        area.get(start + (int) offset, out);
        return out;
    }

    private Map<String, String> attributes(int at, int end) {
        int count = area.getInt(at);
        if (count == 0) {
            return Map.of();
        }
        require(count > 0 && count <= (end - at) / 8, "record has " + count + " attributes");
        Map<String, String> out = new HashMap<>(count * 2);
        int p = at + 4;
        for (int i = 0; i < count; i++) {
            String key = string(p, end);
            p += 4 + area.getInt(p);
            String value = string(p, end);
            p += 4 + area.getInt(p);
            out.put(key, value);
        }
        return out;
    }

    private String string(int p, int end) {
        require(p + 4 <= end, "attribute at byte " + p + " is cut");
        int len = area.getInt(p);
        require(len >= 0 && p + 4 + len <= end, "attribute at byte " + p + " claims " + len);
        byte[] bytes = new byte[len];
        area.get(p + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Malformed batch: " + problem);
        }
    }
}
