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

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Protobuf record bodies (protocol §5). Put requests are written straight from the model into the
 * final frame array (sizes computed first, no intermediate message objects); GetRecords responses
 * are decoded straight into records ({@link PbGetRecordsDecoder}), PutRecords responses with the
 * generated classes.
 */
final class PbRecordCodec {

    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private PbRecordCodec() {}

    /** A framed {@code PutRecordsRequest}. */
    static byte[] encodePutRecords(List<PutRecord> records) {
        int n = records.size();
        Entry[] entries = new Entry[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            entries[i] = new Entry(records.get(i));
            total += entries[i].fieldSize();
        }
        byte[] frame = new byte[DhubFrame.HEADER_SIZE + total];
        CodedOutputStream out = CodedOutputStream.newInstance(frame, DhubFrame.HEADER_SIZE, total);
        for (Entry entry : entries) {
            entry.writeField(out);
        }
        checkNoSpaceLeft(out);
        DhubFrame.finish(frame);
        return frame;
    }

    /** A framed {@code PutRecordsRequest} of records encoded before. */
    static byte[] encodePutRecords(EncodedRecords records) {
        return records.frame();
    }

    /** The record measured for its {@code PutRecordsRequest.records} field, ready to write. */
    static Entry entry(PutRecord record) {
        return new Entry(record);
    }

    private static void checkNoSpaceLeft(CodedOutputStream out) {
        try {
            out.checkNoSpaceLeft();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("PutRecordsRequest size miscalculated", e);
        }
    }

    /**
     * One record's entry, measured before it is written. Values are UTF-8 bytes converted once
     * ({@code String.getBytes} is the JDK's intrinsic, far cheaper for ASCII text than protobuf's
     * char-by-char encoder, and the size is then the array's length).
     */
    static final class Entry {
        private final PutRecord record;
        private final List<Map.Entry<String, String>> attributes;
        private final byte[][] values;
        private final int dataSize;
        private final int attributesSize;
        private final int bodySize;

        Entry(PutRecord record) {
            this.record = record;
            this.attributes = sortedAttributes(record.attributes());
            this.values = wireValues(record.payload());
            int data = 0;
            for (byte[] value : values) {
                data += delimitedSize(1, value == null ? 0 : bytesSize(1, value.length));
            }
            this.dataSize = data;
            this.attributesSize = attributesSize(attributes);
            int body = 0;
            if (record.shardId() != null) {
                body += CodedOutputStream.computeStringSize(1, record.shardId());
            }
            if (record.hashKey() != null) {
                body += CodedOutputStream.computeStringSize(2, record.hashKey());
            }
            if (record.partitionKey() != null) {
                body += CodedOutputStream.computeStringSize(3, record.partitionKey());
            }
            if (!attributes.isEmpty()) {
                body += delimitedSize(8, attributesSize);
            }
            body += delimitedSize(9, dataSize);
            this.bodySize = body;
        }

        /** Bytes of the field: tag, length and entry. */
        int fieldSize() {
            return delimitedSize(1, bodySize);
        }

        /** Writes the field into {@code out} at {@code offset}, which has room for it. */
        void writeTo(byte[] out, int offset) {
            CodedOutputStream stream = CodedOutputStream.newInstance(out, offset, fieldSize());
            writeField(stream);
            checkNoSpaceLeft(stream);
        }

        void writeField(CodedOutputStream out) {
            try {
                out.writeTag(1, LEN);
                out.writeUInt32NoTag(bodySize);
                if (record.shardId() != null) {
                    out.writeString(1, record.shardId());
                }
                if (record.hashKey() != null) {
                    out.writeString(2, record.hashKey());
                }
                if (record.partitionKey() != null) {
                    out.writeString(3, record.partitionKey());
                }
                if (!attributes.isEmpty()) {
                    out.writeTag(8, LEN);
                    out.writeUInt32NoTag(attributesSize);
                    for (Map.Entry<String, String> a : attributes) {
                        out.writeTag(1, LEN);
                        out.writeUInt32NoTag(pairSize(a.getKey(), a.getValue()));
                        out.writeString(1, a.getKey());
                        out.writeString(2, a.getValue());
                    }
                }
                out.writeTag(9, LEN);
                out.writeUInt32NoTag(dataSize);
                for (byte[] value : values) {
                    out.writeTag(1, LEN);
                    if (value == null) {
                        out.writeUInt32NoTag(0); // unset FieldData.value = null
                    } else {
                        out.writeUInt32NoTag(bytesSize(1, value.length));
                        out.writeTag(1, LEN);
                        out.writeUInt32NoTag(value.length);
                        out.writeRawBytes(value);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("PutRecordsRequest size miscalculated", e);
            }
        }
    }

    /** Tuple values as UTF-8 wire text (null stays null); a blob as its single byte array. */
    private static byte[][] wireValues(RecordPayload payload) {
        if (payload instanceof BlobRecord blob) {
            return new byte[][] {blob.unsafeData()};
        }
        TupleRecord tuple = (TupleRecord) payload;
        byte[][] out = new byte[tuple.size()][];
        for (int i = 0; i < out.length; i++) {
            Object value = tuple.get(i);
            out[i] =
                    value == null
                            ? null
                            : ValueCodec.toText(value).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static int bytesSize(int fieldNumber, int length) {
        return CodedOutputStream.computeTagSize(fieldNumber)
                + CodedOutputStream.computeUInt32SizeNoTag(length)
                + length;
    }

    /**
     * Attributes in key order, so that the same record always encodes to the same bytes (a map's
     * iteration order may differ between JVMs).
     */
    private static List<Map.Entry<String, String>> sortedAttributes(Map<String, String> map) {
        if (map.size() <= 1) {
            return List.copyOf(map.entrySet());
        }
        List<Map.Entry<String, String>> sorted = new ArrayList<>(map.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        return sorted;
    }

    private static int attributesSize(List<Map.Entry<String, String>> attributes) {
        int size = 0;
        for (Map.Entry<String, String> a : attributes) {
            size += delimitedSize(1, pairSize(a.getKey(), a.getValue()));
        }
        return size;
    }

    private static int pairSize(String key, String value) {
        return CodedOutputStream.computeStringSize(1, key)
                + CodedOutputStream.computeStringSize(2, value);
    }

    private static int delimitedSize(int fieldNumber, int length) {
        return CodedOutputStream.computeTagSize(fieldNumber)
                + CodedOutputStream.computeUInt32SizeNoTag(length)
                + length;
    }

    /** A framed {@code GetRecordsRequest}. */
    static byte[] encodeGetRecords(String cursor, int limit) {
        return DhubFrame.frame(
                DatahubProtos.GetRecordsRequest.newBuilder()
                        .setCursor(cursor)
                        .setLimit(limit)
                        .build()
                        .toByteArray());
    }

    static PutRecordsResult decodePutRecordsResponse(ByteBuffer payload)
            throws InvalidProtocolBufferException {
        DatahubProtos.PutRecordsResponse response =
                DatahubProtos.PutRecordsResponse.parseFrom(payload);
        List<PutRecordsResult.FailedRecord> failed =
                new ArrayList<>(response.getFailedRecordsCount());
        for (DatahubProtos.FailedRecord f : response.getFailedRecordsList()) {
            failed.add(
                    new PutRecordsResult.FailedRecord(
                            f.getIndex(),
                            f.hasErrorCode() ? f.getErrorCode() : null,
                            f.hasErrorMessage() ? f.getErrorMessage() : null));
        }
        return new PutRecordsResult(failed);
    }

    /**
     * Decoded without the generated message classes, see {@link PbGetRecordsDecoder}.
     *
     * @param schema the topic schema, or null to read every record as a BLOB
     */
    static GetRecordsResult decodeGetRecordsResponse(
            ByteBuffer payload, String shardId, RecordSchema schema)
            throws InvalidProtocolBufferException {
        return PbGetRecordsDecoder.decode(payload, shardId, schema);
    }
}
