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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Encodes records as one batch of the batch binary mode, laid out as the Java SDK 2.21.6 writes it
 * (version 0 header, attribute bit 0x08 set, field count left 0, 8-aligned variable area). The
 * record area is left uncompressed (compression bits 0): every SDK reader accepts that, and on a
 * local emulator compressing would only cost CPU.
 */
final class BatchEncoder {

    private static final int HEADER = BatchDecoder.HEADER_SIZE;
    private static final LZ4Compressor LZ4 = LZ4Factory.fastestInstance().fastCompressor();

    private BatchEncoder() {}

    /**
     * Encodes {@code records}; {@code schemas} gives the fields of each TUPLE schema version the
     * records name.
     */
    static byte[] encode(
            List<BatchRecord> records, Map<Integer, List<FieldSpec>> schemas, boolean lz4) {
        List<byte[]> encoded = new ArrayList<>(records.size());
        int raw = 0;
        for (BatchRecord r : records) {
            byte[] b = record(r, r.blob() != null ? null : schemas.get(r.schemaVersion()));
            encoded.add(b);
            raw += b.length;
        }
        byte[] out = new byte[HEADER + raw];
        int p = HEADER;
        for (byte[] b : encoded) {
            System.arraycopy(b, 0, out, p, b.length);
            p += b.length;
        }
        int compression = 0;
        if (lz4 && raw > 0) {
            byte[] c = new byte[HEADER + LZ4.maxCompressedLength(raw)];
            int n = LZ4.compress(out, HEADER, raw, c, HEADER);
            if (n < raw) { // as the SDK writers: keep it only when it is smaller
                out = Arrays.copyOf(c, HEADER + n);
                compression = 2;
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out, HEADER, out.length - HEADER);
        ByteBuffer.wrap(out, 0, HEADER)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(BatchDecoder.MAGIC)
                .putInt(0)
                .putInt(out.length)
                .putInt(raw)
                .putInt((int) crc.getValue())
                .putShort((short) (0x08 | compression))
                .putInt(records.size());
        return out;
    }

    /** One record; {@code fields} null for BLOB. */
    static byte[] record(BatchRecord r, List<FieldSpec> fields) {
        int n = fields == null ? 1 : fields.size();
        int bitmap = ((n + 63) >> 6) << 3;
        int slots = BatchDecoder.RECORD_HEADER_SIZE + 4 + bitmap;
        int fixed = slots + 8 * n;
        byte[][] big = new byte[n][];
        long[] slot = new long[n];
        boolean[] present = new boolean[n];
        int variable = 0;
        for (int i = 0; i < n; i++) {
            if (fields == null) {
                present[i] = r.blob() != null;
                if (present[i]) {
                    variable += bytesSlot(r.blob(), i, slot, big, fixed + variable);
                }
                continue;
            }
            String v = i < r.tupleValues().size() ? r.tupleValues().get(i) : null;
            present[i] = v != null;
            if (v == null) {
                continue;
            }
            switch (fields.get(i).type()) {
                case "STRING":
                case "DECIMAL":
                    variable +=
                            bytesSlot(
                                    v.getBytes(StandardCharsets.UTF_8),
                                    i,
                                    slot,
                                    big,
                                    fixed + variable);
                    break;
                case "FLOAT":
                    slot[i] = Float.floatToRawIntBits(Float.parseFloat(v)) & 0xFFFFFFFFL;
                    break;
                case "DOUBLE":
                    slot[i] = Double.doubleToRawLongBits(Double.parseDouble(v));
                    break;
                case "BOOLEAN":
                    slot[i] = Boolean.parseBoolean(v) ? 1 : 0;
                    break;
                default:
                    slot[i] = Long.parseLong(v);
            }
        }
        int attrOffset = fixed + variable;
        List<byte[]> attrBytes = new ArrayList<>();
        int attrSize = 4;
        if (r.attributes() != null) {
            for (Map.Entry<String, String> a : r.attributes().entrySet()) {
                byte[] k = a.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] v = a.getValue().getBytes(StandardCharsets.UTF_8);
                attrBytes.add(k);
                attrBytes.add(v);
                attrSize += 8 + k.length + v.length;
            }
        }
        int total = attrOffset + attrSize;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(r.schemaVersion()).putInt(total).putInt(attrOffset).putInt(0);
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                int at = BatchDecoder.RECORD_HEADER_SIZE + 4 + (i >> 3);
                b.put(at, (byte) (b.get(at) | (1 << (i & 7))));
            }
            b.putLong(slots + 8 * i, slot[i]);
        }
        int p = fixed;
        for (int i = 0; i < n; i++) {
            if (big[i] != null) {
                b.put(p, big[i]);
                p += (big[i].length + 7) & ~7;
            }
        }
        b.position(attrOffset);
        b.putInt(attrBytes.size() / 2);
        for (byte[] x : attrBytes) {
            b.putInt(x.length).put(x);
        }
        return b.array();
    }

    /** Fills the slot of a string/decimal/blob value; returns the variable bytes it takes. */
    private static int bytesSlot(byte[] value, int i, long[] slot, byte[][] big, int offset) {
        if (value.length <= 7) {
            long s = (long) (value.length | 0x80) << 56;
            for (int k = 0; k < value.length; k++) {
                s |= (value[k] & 0xFFL) << (8 * k);
            }
            slot[i] = s;
            return 0;
        }
        slot[i] = ((long) (offset - BatchDecoder.RECORD_HEADER_SIZE) << 32) | value.length;
        big[i] = value;
        return (value.length + 7) & ~7;
    }
}
