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

import io.github.flinkdatahub.protocol.DatahubProtos;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The batch binary format ({@code application/x-binary}, protocol §6): a 26-byte little-endian
 * version-0 header (magic {@code DHUB}, version, length, raw size, CRC-32C of the stored record
 * area, attributes = 0x08 | compression, record count) followed by the record area, compressed
 * inside the batch with none, deflate (zlib stream) or LZ4 (raw block). As the Java SDK does, a
 * batch whose compressed area would be larger than the raw one is stored uncompressed.
 *
 * <p>On the wire one batch travels as the {@code data} of a {@code BinaryRecordEntry}, inside a
 * {@code DHUB}-framed {@code PutBinaryRecordsRequest} (one batch per request, like the SDK) or
 * {@code GetBinaryRecordsResponse} (one entry per stored batch, all records of an entry sharing its
 * sequence, system time and cursor).
 */
final class BatchCodec {

    static final String BATCH_TYPE = "application/x-binary";
    static final int HEADER_SIZE = 26;
    private static final int MAGIC = 0x42554844; // "DHUB" read little-endian
    private static final int ATTR_ALWAYS = 0x08;

    private BatchCodec() {}

    /** The compression bits of the header attributes. */
    static int compressionBits(CompressionType type) {
        switch (type) {
            case NONE:
                return 0;
            case DEFLATE:
                return 1;
            case LZ4:
                return 2;
            default:
                throw new IllegalStateException("Unhandled compression " + type);
        }
    }

    /** Encodes the records as one batch; TUPLE records name this registry schema version. */
    static byte[] encodeBatch(List<PutRecord> records, CompressionType compression, int version) {
        List<BatchRecordWriter> writers = new ArrayList<>(records.size());
        int raw = 0;
        for (PutRecord record : records) {
            BatchRecordWriter w = new BatchRecordWriter(record, version);
            writers.add(w);
            raw += w.size();
        }
        byte[] area = new byte[raw];
        ByteBuffer out = BatchRecordWriter.littleEndian(area);
        for (BatchRecordWriter w : writers) {
            w.writeTo(out);
        }
        byte[] stored = area;
        CompressionType used = compression;
        if (compression != CompressionType.NONE) {
            byte[] compressed =
                    compression == CompressionType.LZ4
                            ? Lz4Codec.INSTANCE.compressor.compress(area)
                            : deflate(area);
            if (compressed.length > raw) {
                used = CompressionType.NONE;
            } else {
                stored = compressed;
            }
        }
        byte[] batch = new byte[HEADER_SIZE + stored.length];
        System.arraycopy(stored, 0, batch, HEADER_SIZE, stored.length);
        ByteBuffer header = BatchRecordWriter.littleEndian(batch);
        header.putInt(MAGIC)
                .putInt(0)
                .putInt(batch.length)
                .putInt(raw)
                .putInt((int) DhubFrame.crc32c(batch, HEADER_SIZE, stored.length))
                .putShort((short) (ATTR_ALWAYS | compressionBits(used)))
                .putInt(records.size());
        return batch;
    }

    /** A framed {@code PutBinaryRecordsRequest} carrying one batch of the records. */
    static byte[] encodePutRequest(
            List<PutRecord> records, CompressionType compression, int version) {
        byte[] batch = encodeBatch(records, compression, version);
        return DhubFrame.frame(
                DatahubProtos.PutBinaryRecordsRequest.newBuilder()
                        .addRecords(
                                DatahubProtos.BinaryRecordEntry.newBuilder()
                                        .setData(UnsafeByteOperations.unsafeWrap(batch)))
                        .build()
                        .toByteArray());
    }

    /** Decodes one batch's records. */
    static List<BatchRecordReader.Decoded> decodeBatch(
            byte[] batch,
            int offset,
            int length,
            RecordSchema schema,
            BatchRecordReader.SchemaVersions versions) {
        require(length >= HEADER_SIZE, "a batch needs at least 26 bytes but has " + length);
        ByteBuffer h = ByteBuffer.wrap(batch, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        require(h.getInt(offset) == MAGIC, "bad batch magic (expected DHUB)");
        int version = h.getInt(offset + 4);
        require(version == 0, "batch header version " + version + " is not supported (only 0)");
        int total = h.getInt(offset + 8);
        require(total == length, "batch header says " + total + " bytes but has " + length);
        int rawSize = h.getInt(offset + 12);
        int crc = h.getInt(offset + 16);
        int attributes = h.getShort(offset + 20) & 0xffff;
        int count = h.getInt(offset + 22);
        int storedLength = length - HEADER_SIZE;
        if (crc != 0) {
            int actual = (int) DhubFrame.crc32c(batch, offset + HEADER_SIZE, storedLength);
            require(
                    actual == crc,
                    "batch CRC-32C mismatch: header "
                            + Integer.toHexString(crc)
                            + ", computed "
                            + Integer.toHexString(actual));
        }
        require(rawSize >= 0 && rawSize <= 64 * 1024 * 1024, "batch raw size " + rawSize);
        byte[] area;
        int areaOffset;
        switch (attributes & 0x03) {
            case 0:
                area = batch;
                areaOffset = offset + HEADER_SIZE;
                require(rawSize == storedLength, "uncompressed batch raw size " + rawSize);
                break;
            case 1:
                area = inflate(batch, offset + HEADER_SIZE, storedLength, rawSize);
                areaOffset = 0;
                break;
            case 2:
                area = lz4(batch, offset + HEADER_SIZE, storedLength, rawSize);
                areaOffset = 0;
                break;
            default:
                // Python's ZLIB (a zlib stream) or Go's ZSTD share the value 3.
                require(
                        storedLength > 0 && (batch[offset + HEADER_SIZE] & 0x0f) == 8,
                        "batch compression 3 is not a zlib stream (ZSTD is not supported)");
                area = inflate(batch, offset + HEADER_SIZE, storedLength, rawSize);
                areaOffset = 0;
                break;
        }
        ByteBuffer view =
                ByteBuffer.wrap(area, areaOffset, rawSize).slice().order(ByteOrder.LITTLE_ENDIAN);
        BatchRecordReader reader = new BatchRecordReader(view, schema, versions);
        require(count >= 0 && count <= rawSize / 24 + 1, "batch claims " + count + " records");
        List<BatchRecordReader.Decoded> records = new ArrayList<>(count);
        int pos = 0;
        for (int i = 0; i < count; i++) {
            records.add(reader.read(pos));
            pos = reader.end();
        }
        require(pos == rawSize, "batch has " + (rawSize - pos) + " bytes after its records");
        return records;
    }

    /**
     * Decodes a {@code GetBinaryRecordsResponse} payload: every record of an entry gets the entry's
     * sequence, system time and cursors, and its index within the batch.
     */
    static GetRecordsResult decodeGetResponse(
            ByteBuffer payload,
            String shardId,
            RecordSchema schema,
            BatchRecordReader.SchemaVersions versions)
            throws InvalidProtocolBufferException {
        DatahubProtos.GetBinaryRecordsResponse response =
                DatahubProtos.GetBinaryRecordsResponse.parseFrom(payload);
        List<ReadRecord> records = new ArrayList<>();
        for (DatahubProtos.BinaryRecordEntry entry : response.getRecordsList()) {
            ByteString data = entry.getData();
            byte[] batch = data.toByteArray();
            List<BatchRecordReader.Decoded> decoded =
                    decodeBatch(batch, 0, batch.length, schema, versions);
            for (int i = 0; i < decoded.size(); i++) {
                BatchRecordReader.Decoded d = decoded.get(i);
                records.add(
                        new ReadRecord(
                                shardId,
                                entry.getSequence(),
                                entry.getSystemTime(),
                                entry.getCursor(),
                                entry.getNextCursor(),
                                d.attributes(),
                                d.payload(),
                                i,
                                decoded.size()));
            }
        }
        return new GetRecordsResult(
                response.getNextCursor(),
                response.getStartSequence(),
                response.getLatestSequence(),
                response.getLatestTime(),
                records);
    }

    private static byte[] deflate(byte[] raw) {
        // BEST_SPEED as the Java SDK, so that both write the same bytes.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] in, int offset, int length, int rawSize) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, offset, length);
            byte[] out = new byte[rawSize];
            int n = 0;
            while (n < rawSize && !inflater.finished()) {
                int got = inflater.inflate(out, n, rawSize - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            require(n == rawSize, "deflate batch inflated to " + n + " bytes, header " + rawSize);
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("Malformed batch: corrupt deflate data", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] lz4(byte[] in, int offset, int length, int rawSize) {
        byte[] out = new byte[rawSize];
        try {
            int n = Lz4Codec.INSTANCE.decompressor.decompress(in, offset, length, out, 0, rawSize);
            require(n == rawSize, "LZ4 batch decoded to " + n + " bytes, header " + rawSize);
        } catch (net.jpountz.lz4.LZ4Exception e) {
            throw new IllegalArgumentException("Malformed batch: corrupt LZ4 data", e);
        }
        return out;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Malformed batch: " + problem);
        }
    }
}
