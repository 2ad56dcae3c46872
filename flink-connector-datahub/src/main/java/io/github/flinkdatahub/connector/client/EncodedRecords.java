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

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records encoded once, as the protobuf {@code records} fields of a PutRecordsRequest (protocol
 * notes section 5.2), to be put by shard later without encoding them again: a writer that must hold
 * records before sending them (the sink's EXACTLY_ONCE staging) encodes each record as it arrives
 * and {@link RecordClient#putRecordsByShardAsync(String, String, String, EncodedRecords)} sends the
 * bytes as they are. The bytes are exactly what {@link RecordClient#putRecordsByShard} sends for
 * the same records in protobuf. Immutable once built.
 */
public final class EncodedRecords {

    /** Field 1, length-delimited: {@code PutRecordsRequest.records}. */
    private static final int RECORDS_TAG = (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private final RecordSchema schema;
    private final int count;
    private final CompressionType compression;
    private final int rawSize;
    private final byte[] bytes;

    private EncodedRecords(
            RecordSchema schema,
            int count,
            CompressionType compression,
            int rawSize,
            byte[] bytes) {
        this.schema = schema;
        this.count = count;
        this.compression = compression;
        this.rawSize = rawSize;
        this.bytes = bytes;
    }

    /**
     * A builder for records of one topic.
     *
     * @param schema the topic schema for TUPLE records, null for BLOB (used by {@link #decode()})
     */
    public static Builder builder(RecordSchema schema) {
        return new Builder(schema, 16 * 1024);
    }

    /**
     * A builder for records of one topic that starts with room for about {@code expectedBytes} (it
     * grows beyond when needed).
     *
     * @param schema the topic schema for TUPLE records, null for BLOB
     */
    public static Builder builder(RecordSchema schema, int expectedBytes) {
        return new Builder(schema, Math.max(64, expectedBytes));
    }

    /**
     * Wraps bytes written by a {@link Builder} (for example read back from a checkpoint), checking
     * that they hold exactly {@code count} well-formed fields.
     *
     * @throws IllegalArgumentException when they do not
     */
    public static EncodedRecords of(RecordSchema schema, int count, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int found = countFields(bytes);
        if (found != count) {
            throw new IllegalArgumentException(
                    "Encoded records hold " + found + " records, expected " + count);
        }
        return new EncodedRecords(schema, count, CompressionType.NONE, bytes.length, bytes);
    }

    /**
     * Wraps a compressed request body made by {@link #compress} (for example read back from a
     * checkpoint). Checked when it is decoded or sent: the frame's CRC-32C covers the entries, and
     * the service checks it too.
     *
     * @param rawSize the uncompressed size of the body (DHUB frame header and entries)
     * @throws IllegalArgumentException for {@link CompressionType#NONE} (use {@link #of}) or an
     *     impossible size
     */
    public static EncodedRecords ofCompressed(
            RecordSchema schema,
            int count,
            CompressionType compression,
            int rawSize,
            byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (Objects.requireNonNull(compression, "compression") == CompressionType.NONE) {
            throw new IllegalArgumentException("Uncompressed entries are wrapped with of(...)");
        }
        if (count < 0
                || rawSize < DhubFrame.HEADER_SIZE
                || rawSize > PutRecord.MAX_REQUEST_BYTES * 4L) {
            throw new IllegalArgumentException(
                    "Impossible compressed records: " + count + " records, raw size " + rawSize);
        }
        return new EncodedRecords(schema, count, compression, rawSize, bytes);
    }

    /**
     * These records as the request body compressed with {@code type}, as a client with that
     * compression sends it; this instance itself when {@code type} is NONE, when it is compressed
     * already, or when compressing would not make the body smaller (a client then sends it
     * uncompressed too).
     */
    public EncodedRecords compress(CompressionType type) {
        if (type == CompressionType.NONE || compression != CompressionType.NONE) {
            return this;
        }
        byte[] frame = PbRecordCodec.encodePutRecords(this);
        byte[] compressed = BodyCodecs.compress(type, frame);
        if (compressed.length >= frame.length) {
            return this;
        }
        return new EncodedRecords(schema, count, type, frame.length, compressed);
    }

    /**
     * NONE for the entries themselves, else how the request body in {@link #unsafeBytes} is
     * compressed.
     */
    public CompressionType compression() {
        return compression;
    }

    /**
     * The uncompressed size: of the entries for NONE, else of the request body (entries plus the
     * {@link PutRecord#REQUEST_OVERHEAD_BYTES} of the DHUB frame).
     */
    public int rawSize() {
        return rawSize;
    }

    /** The request body (DHUB frame): built around the entries, or decompressed and checked. */
    byte[] frame() {
        if (compression == CompressionType.NONE) {
            byte[] frame = new byte[DhubFrame.HEADER_SIZE + bytes.length];
            System.arraycopy(bytes, 0, frame, DhubFrame.HEADER_SIZE, bytes.length);
            DhubFrame.finish(frame);
            return frame;
        }
        byte[] frame = decompressed();
        DhubFrame.unframe(frame); // checks the magic, the length and the CRC-32C
        return frame;
    }

    private byte[] decompressed() {
        try {
            return BodyCodecs.decompress(compression.headerValue(), bytes, rawSize);
        } catch (IOException e) {
            throw new IllegalStateException("Compressed records cannot be decompressed", e);
        }
    }

    /** The topic schema given to the builder (null for BLOB). */
    public RecordSchema schema() {
        return schema;
    }

    /** How many records. */
    public int count() {
        return count;
    }

    /**
     * Bytes held: the entries (the request body is these plus {@link
     * PutRecord#REQUEST_OVERHEAD_BYTES}), or the compressed body.
     */
    public int sizeInBytes() {
        return bytes.length;
    }

    /** The encoded bytes themselves, not a copy: callers must not modify them. */
    public byte[] unsafeBytes() {
        return bytes;
    }

    /** The records decoded again (their payloads, attributes and routing fields). */
    public List<PutRecord> decode() {
        DatahubProtos.PutRecordsRequest request;
        try {
            request =
                    compression == CompressionType.NONE
                            ? DatahubProtos.PutRecordsRequest.parseFrom(bytes)
                            : DatahubProtos.PutRecordsRequest.parseFrom(
                                    DhubFrame.unframe(decompressed()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Encoded records cannot be decoded", e);
        }
        List<PutRecord> out = new ArrayList<>(request.getRecordsCount());
        for (DatahubProtos.RecordEntry entry : request.getRecordsList()) {
            out.add(toPutRecord(entry));
        }
        return out;
    }

    private PutRecord toPutRecord(DatahubProtos.RecordEntry entry) {
        List<DatahubProtos.FieldData> data = entry.getData().getDataList();
        RecordPayload payload;
        if (schema == null) {
            payload = BlobRecord.wrap(data.get(0).getValue().toByteArray());
        } else {
            payload =
                    TupleDecoding.decode(
                            schema,
                            data.size(),
                            i ->
                                    data.get(i).hasValue()
                                            ? data.get(i).getValue().toStringUtf8()
                                            : null);
        }
        Map<String, String> attributes = new HashMap<>();
        for (DatahubProtos.StringPair pair : entry.getAttributes().getAttributesList()) {
            attributes.put(pair.getKey(), pair.getValue());
        }
        return new PutRecord(
                payload,
                attributes,
                entry.getShardId(),
                entry.getHashKey(),
                entry.getPartitionKey());
    }

    private static int countFields(byte[] bytes) {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int n = 0;
        try {
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                if (tag != RECORDS_TAG) {
                    throw new IllegalArgumentException(
                            "Encoded records hold an unexpected protobuf tag " + tag);
                }
                in.skipRawBytes(in.readRawVarint32());
                n++;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Encoded records are truncated", e);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedRecords e
                && count == e.count
                && rawSize == e.rawSize
                && compression == e.compression
                && Objects.equals(schema, e.schema)
                && Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * count + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedRecords{records="
                + count
                + ", bytes="
                + bytes.length
                + ", compression="
                + compression
                + "}";
    }

    /** Appends records one at a time; not thread-safe. */
    public static final class Builder {
        private final RecordSchema schema;
        private byte[] buffer;
        private int size;
        private int count;

        private Builder(RecordSchema schema, int capacity) {
            this.schema = schema;
            this.buffer = new byte[capacity];
        }

        /**
         * Encodes and appends the record.
         *
         * @return the bytes it took (its exact share of the request body)
         * @throws IllegalArgumentException when its payload does not fit the builder's schema
         */
        public int add(PutRecord record) {
            Objects.requireNonNull(record, "record");
            checkPayload(record.payload());
            PbRecordCodec.Entry entry = PbRecordCodec.entry(record);
            int added = entry.fieldSize();
            if (size + added > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(size + added, buffer.length * 2));
            }
            entry.writeTo(buffer, size);
            size += added;
            count++;
            return added;
        }

        private void checkPayload(RecordPayload payload) {
            if (schema == null && !(payload instanceof BlobRecord)) {
                throw new IllegalArgumentException(
                        "A builder without schema (BLOB topic) got a TUPLE record");
            }
            if (schema != null
                    && !(payload instanceof TupleRecord t
                            && (t.schema() == schema || t.schema().equals(schema)))) {
                throw new IllegalArgumentException(
                        "The record is not a TUPLE of the builder's schema " + schema);
            }
        }

        /** Records added so far. */
        public int count() {
            return count;
        }

        /** Bytes encoded so far. */
        public int sizeInBytes() {
            return size;
        }

        /** The records added so far (the builder can go on). */
        public EncodedRecords build() {
            return new EncodedRecords(
                    schema, count, CompressionType.NONE, size, Arrays.copyOf(buffer, size));
        }
    }
}
