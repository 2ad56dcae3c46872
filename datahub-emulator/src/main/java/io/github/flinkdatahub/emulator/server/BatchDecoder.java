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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.BatchValues;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.EngineException;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes one batch of the batch binary mode (section 6, "version 0" header as the Java and Python
 * SDKs write it): header checks (magic, version, length, CRC-32C of the stored record area,
 * compression 0 none, 1 deflate and 3 zlib (both a zlib stream: Java's DEFLATE, Python's ZLIB), 2
 * LZ4 raw block), then each record by the schema its header names. Tuple values come out as text
 * (integers and booleans in decimal, FLOAT and DOUBLE as Java prints them), so the engine validates
 * them like PB values.
 *
 * <p>Errors: a bad header is {@code InvalidParameter}; a record that cannot be decoded (record
 * count, sizes, offsets, an unknown schema version) is {@code MalformedRecord}.
 */
final class BatchDecoder {

    static final int HEADER_SIZE = 26;
    static final int RECORD_HEADER_SIZE = 16;
    static final int MAGIC = 0x42554844; // "DHUB" read little-endian

    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

    private BatchDecoder() {}

    /**
     * Decodes {@code batch}; {@code schemaOf} gives the fields of a schema version (it throws for
     * an unknown one) and is only asked for TUPLE records (version >= 0).
     */
    static List<BatchRecord> decode(byte[] batch, IntFunction<List<FieldSpec>> schemaOf) {
        if (batch.length < HEADER_SIZE) {
            throw bad("is " + batch.length + " bytes, shorter than the 26-byte batch header");
        }
        ByteBuffer h = ByteBuffer.wrap(batch, 0, HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt() != MAGIC) {
            throw bad("does not start with the magic bytes DHUB");
        }
        int version = h.getInt();
        if (version != 0) {
            throw bad("has header version " + version + "; the emulator reads version 0");
        }
        int length = h.getInt();
        int rawSize = h.getInt();
        int crc = h.getInt();
        int attributes = h.getShort() & 0xFFFF;
        int count = h.getInt();
        if (length != batch.length) {
            throw bad("header says " + length + " bytes but the batch is " + batch.length);
        }
        if (crc != 0) {
            CRC32C c = new CRC32C();
            c.update(batch, HEADER_SIZE, batch.length - HEADER_SIZE);
            if ((int) c.getValue() != crc) {
                throw bad(
                        String.format(
                                "fails its CRC-32C check (header %08x, computed %08x)",
                                crc, (int) c.getValue()));
            }
        }
        if (rawSize < 0 || rawSize > RequestLimits.MAX_BODY_BYTES * 4) {
            throw bad("has an invalid raw size " + rawSize);
        }
        byte[] area = records(batch, attributes & 0x03, rawSize);
        if (count < 0) {
            throw malformed("the batch header has a negative record count " + count);
        }
        List<BatchRecord> out = new ArrayList<>(Math.min(count, 10_000));
        ByteBuffer buf = ByteBuffer.wrap(area).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        for (int i = 0; i < count; i++) {
            if (area.length - pos < RECORD_HEADER_SIZE) {
                throw malformed(
                        "the batch header says " + count + " records but it holds only " + i);
            }
            int size = buf.getInt(pos + 8);
            if (size < RECORD_HEADER_SIZE + 8 || size > area.length - pos) {
                throw malformed("record " + i + " has an invalid total size " + size);
            }
            try {
                out.add(record(buf, pos, size, schemaOf));
            } catch (IndexOutOfBoundsException e) {
                throw malformed("record " + i + " has a field or attribute outside the record");
            } catch (EngineException e) {
                throw new EngineException(
                        e.httpStatus(), e.errorCode(), "Batch record " + i + ": " + e.getMessage());
            }
            pos += size;
        }
        if (pos != area.length) {
            throw malformed(
                    "the batch header says "
                            + count
                            + " records but "
                            + (area.length - pos)
                            + " bytes follow them");
        }
        return out;
    }

    /** Whether a batch that passed {@link #decode} carries a CRC (writers may leave it 0). */
    static boolean hasCrc(byte[] batch) {
        return ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN).getInt(16) != 0;
    }

    private static byte[] records(byte[] batch, int compression, int rawSize) {
        int n = batch.length - HEADER_SIZE;
        switch (compression) {
            case 0:
                byte[] copy = new byte[n];
                System.arraycopy(batch, HEADER_SIZE, copy, 0, n);
                return copy;
            case 1: // Java's DEFLATE: a zlib stream
            case 3: // Python's ZLIB
                return inflate(batch, rawSize);
            case 2:
                byte[] out = new byte[rawSize];
                try {
                    int written = LZ4.decompress(batch, HEADER_SIZE, n, out, 0, rawSize);
                    if (written != rawSize) {
                        throw bad("LZ4 data decompresses to " + written + " bytes, not " + rawSize);
                    }
                } catch (LZ4Exception | ArrayIndexOutOfBoundsException e) {
                    throw bad("holds no valid LZ4 block of raw size " + rawSize);
                }
                return out;
            default:
                throw new IllegalStateException("two bits hold 0-3");
        }
    }

    private static byte[] inflate(byte[] batch, int rawSize) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(batch, HEADER_SIZE, batch.length - HEADER_SIZE);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, rawSize));
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw bad("holds a truncated deflate (zlib) stream");
                }
                out.write(buf, 0, n);
                if (out.size() > rawSize) {
                    break;
                }
            }
            if (out.size() != rawSize) {
                throw bad("deflate data decompresses to " + out.size() + " bytes, not " + rawSize);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw bad("holds no valid deflate (zlib) stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static BatchRecord record(
            ByteBuffer buf, int start, int size, IntFunction<List<FieldSpec>> schemaOf) {
        int schemaVersion = buf.getInt(start + 4);
        int attrOffset = buf.getInt(start + 12);
        List<FieldSpec> fields = schemaVersion < 0 ? null : schemaOf.apply(schemaVersion);
        int n = fields == null ? 1 : fields.size();
        int bitmap = ((n + 63) >> 6) << 3;
        int slots = RECORD_HEADER_SIZE + 4 + bitmap;
        if (attrOffset < slots + 8 * n || attrOffset > size - 4) {
            throw malformed("the attribute offset " + attrOffset + " is outside the record");
        }
        int end = start + attrOffset; // the variable area ends where the attributes start
        BatchValues values = fields == null ? null : new BatchValues(buf.array(), n);
        byte[] blob = null;
        for (int i = 0; i < n; i++) {
            boolean present =
                    (buf.get(start + RECORD_HEADER_SIZE + 4 + (i >> 3)) & (1 << (i & 7))) != 0;
            long slot = buf.getLong(start + slots + 8 * i);
            if (fields == null) {
                if (!present) {
                    throw malformed("the BLOB record has no data");
                }
                blob = bytes(buf, start, end, slot);
                continue;
            }
            if (present) {
                value(values, i, fields.get(i), buf, start, end, slot);
            }
        }
        int p = start + attrOffset;
        int limit = start + size;
        int attrCount = buf.getInt(p);
        p += 4;
        if (attrCount < 0 || attrCount > size) {
            throw malformed("the attribute count " + attrCount + " is invalid");
        }
        Map<String, String> attrs = attrCount == 0 ? Map.of() : new LinkedHashMap<>();
        for (int a = 0; a < attrCount; a++) {
            String key = string(buf, p, limit);
            p += 4 + buf.getInt(p);
            String value = string(buf, p, limit);
            p += 4 + buf.getInt(p);
            attrs.put(key, value);
        }
        return new BatchRecord(schemaVersion, attrs, values, blob);
    }

    /**
     * Sets value {@code i}: integers as numbers, strings and decimals as their UTF-8 range (the
     * engine copies it once), FLOAT and DOUBLE as Java prints them, booleans as true/false.
     */
    private static void value(
            BatchValues values, int i, FieldSpec f, ByteBuffer buf, int start, int end, long slot) {
        switch (f.type()) {
            case "STRING":
            case "DECIMAL":
                if ((slot & (0x80L << 56)) != 0) {
                    values.setText(
                            i, new String(bytes(buf, start, end, slot), StandardCharsets.UTF_8));
                    return;
                }
                int len = (int) slot;
                int off = start + RECORD_HEADER_SIZE + (int) (slot >>> 32);
                if (len < 0 || (slot >>> 32) > Integer.MAX_VALUE || off + (long) len > end) {
                    throw malformed("a value points outside its record");
                }
                values.setBytes(i, off, len);
                return;
            case "FLOAT":
                values.setText(i, Float.toString(Float.intBitsToFloat((int) slot)));
                return;
            case "DOUBLE":
                values.setText(i, Double.toString(Double.longBitsToDouble(slot)));
                return;
            case "BOOLEAN":
                values.setText(i, slot != 0 ? "true" : "false");
                return;
            case "TINYINT":
            case "SMALLINT":
            case "INTEGER":
            case "BIGINT":
            case "TIMESTAMP":
                values.setLong(i, slot);
                return;
            default:
                throw malformed(
                        "field '"
                                + f.name()
                                + "' has type "
                                + f.type()
                                + ", which batch records cannot carry");
        }
    }

    /** A string/decimal/blob slot: inline when the top bit is set, else length + offset. */
    private static byte[] bytes(ByteBuffer buf, int start, int end, long slot) {
        if ((slot & (0x80L << 56)) != 0) {
            int len = (int) ((slot >>> 56) & 0x07);
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) {
                b[i] = (byte) (slot >>> (8 * i));
            }
            return b;
        }
        int len = (int) slot;
        int off = start + RECORD_HEADER_SIZE + (int) (slot >>> 32);
        if (len < 0 || (slot >>> 32) > Integer.MAX_VALUE || off + (long) len > end) {
            throw malformed("a value points outside its record");
        }
        return Arrays.copyOfRange(buf.array(), off, off + len);
    }

    private static String string(ByteBuffer buf, int p, int limit) {
        int len = buf.getInt(p);
        if (len < 0 || p + 4 + (long) len > limit) {
            throw malformed("an attribute runs past the end of its record");
        }
        return new String(buf.array(), p + 4, len, StandardCharsets.UTF_8);
    }

    static EngineException bad(String what) {
        return EngineException.invalidParameter("The batch " + what + ".");
    }

    static EngineException malformed(String what) {
        return new EngineException(
                400, "MalformedRecord", "The record is not well-formed: " + what + ".");
    }
}
