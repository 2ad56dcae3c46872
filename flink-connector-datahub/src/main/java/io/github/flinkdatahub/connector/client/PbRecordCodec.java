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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Protobuf record bodies (protocol §5). Put requests are written straight from the model into the
 * final frame array (sizes computed first, no intermediate message objects); responses are parsed
 * with the generated classes and converted once.
 */
final class PbRecordCodec {

    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private PbRecordCodec() {}

    /** A framed {@code PutRecordsRequest}. */
    static byte[] encodePutRecords(List<PutRecord> records) {
        int n = records.size();
        Object[][] texts = new Object[n][];
        int[] dataSizes = new int[n];
        int[] attrSizes = new int[n];
        int[] entrySizes = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            PutRecord record = records.get(i);
            texts[i] = wireValues(record.payload());
            dataSizes[i] = recordDataSize(texts[i]);
            attrSizes[i] = attributesSize(record.attributes());
            int entry = 0;
            if (record.shardId() != null) {
                entry += CodedOutputStream.computeStringSize(1, record.shardId());
            }
            if (record.hashKey() != null) {
                entry += CodedOutputStream.computeStringSize(2, record.hashKey());
            }
            if (record.partitionKey() != null) {
                entry += CodedOutputStream.computeStringSize(3, record.partitionKey());
            }
            if (!record.attributes().isEmpty()) {
                entry += delimitedSize(8, attrSizes[i]);
            }
            entry += delimitedSize(9, dataSizes[i]);
            entrySizes[i] = entry;
            total += delimitedSize(1, entry);
        }
        byte[] frame = new byte[DhubFrame.HEADER_SIZE + total];
        CodedOutputStream out = CodedOutputStream.newInstance(frame, DhubFrame.HEADER_SIZE, total);
        try {
            for (int i = 0; i < n; i++) {
                PutRecord record = records.get(i);
                out.writeTag(1, LEN);
                out.writeUInt32NoTag(entrySizes[i]);
                if (record.shardId() != null) {
                    out.writeString(1, record.shardId());
                }
                if (record.hashKey() != null) {
                    out.writeString(2, record.hashKey());
                }
                if (record.partitionKey() != null) {
                    out.writeString(3, record.partitionKey());
                }
                if (!record.attributes().isEmpty()) {
                    out.writeTag(8, LEN);
                    out.writeUInt32NoTag(attrSizes[i]);
                    for (Map.Entry<String, String> a : record.attributes().entrySet()) {
                        out.writeTag(1, LEN);
                        out.writeUInt32NoTag(pairSize(a.getKey(), a.getValue()));
                        out.writeString(1, a.getKey());
                        out.writeString(2, a.getValue());
                    }
                }
                out.writeTag(9, LEN);
                out.writeUInt32NoTag(dataSizes[i]);
                for (Object value : texts[i]) {
                    out.writeTag(1, LEN);
                    if (value == null) {
                        out.writeUInt32NoTag(0); // unset FieldData.value = null
                    } else if (value instanceof String s) {
                        out.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, s));
                        out.writeString(1, s);
                    } else {
                        byte[] bytes = (byte[]) value;
                        out.writeUInt32NoTag(CodedOutputStream.computeByteArraySize(1, bytes));
                        out.writeByteArray(1, bytes);
                    }
                }
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("PutRecordsRequest size miscalculated", e);
        }
        DhubFrame.finish(frame);
        return frame;
    }

    /** Tuple values as wire text (null stays null); a blob as its single byte array. */
    private static Object[] wireValues(RecordPayload payload) {
        if (payload instanceof BlobRecord blob) {
            return new Object[] {blob.unsafeData()};
        }
        TupleRecord tuple = (TupleRecord) payload;
        Object[] out = new Object[tuple.size()];
        for (int i = 0; i < out.length; i++) {
            Object value = tuple.get(i);
            out[i] = value == null ? null : ValueCodec.toText(value);
        }
        return out;
    }

    private static int recordDataSize(Object[] values) {
        int size = 0;
        for (Object value : values) {
            int inner;
            if (value == null) {
                inner = 0;
            } else if (value instanceof String s) {
                inner = CodedOutputStream.computeStringSize(1, s);
            } else {
                inner = CodedOutputStream.computeByteArraySize(1, (byte[]) value);
            }
            size += delimitedSize(1, inner);
        }
        return size;
    }

    private static int attributesSize(Map<String, String> attributes) {
        int size = 0;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
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
