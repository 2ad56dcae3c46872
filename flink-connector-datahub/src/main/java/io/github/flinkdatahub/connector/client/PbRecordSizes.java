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

import com.google.protobuf.CodedOutputStream;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The protobuf size of a {@link PutRecord} as one {@code records} entry of a PutRecordsRequest
 * (protocol notes section 5.2), computed without encoding: strings are measured by their UTF-8
 * length, other tuple values through their wire text. It is the exact size the {@link
 * PbRecordCodec} writes for the entry, so a writer that sums these sizes plus {@link
 * PutRecord#REQUEST_OVERHEAD_BYTES} knows the request body before building it.
 */
final class PbRecordSizes {

    private PbRecordSizes() {}

    /** Tag, length prefix and body of the record's entry in {@code PutRecordsRequest.records}. */
    static int entrySize(PutRecord record) {
        int entry = 0;
        if (record.shardId() != null) {
            entry += stringSize(1, record.shardId());
        }
        if (record.hashKey() != null) {
            entry += stringSize(2, record.hashKey());
        }
        if (record.partitionKey() != null) {
            entry += stringSize(3, record.partitionKey());
        }
        if (!record.attributes().isEmpty()) {
            int attributes = 0;
            for (Map.Entry<String, String> a : record.attributes().entrySet()) {
                attributes += delimited(1, stringSize(1, a.getKey()) + stringSize(2, a.getValue()));
            }
            entry += delimited(8, attributes);
        }
        entry += delimited(9, dataSize(record.payload()));
        return delimited(1, entry);
    }

    private static int dataSize(RecordPayload payload) {
        if (payload instanceof BlobRecord blob) {
            int length = blob.unsafeData().length;
            return delimited(1, delimited(1, length));
        }
        TupleRecord tuple = (TupleRecord) payload;
        int size = 0;
        for (int i = 0; i < tuple.size(); i++) {
            Object value = tuple.get(i);
            int inner = value == null ? 0 : stringSize(1, ValueCodec.toText(value));
            size += delimited(1, inner);
        }
        return size;
    }

    private static int stringSize(int fieldNumber, String value) {
        return delimited(fieldNumber, utf8Length(value));
    }

    /**
     * The UTF-8 length of the string; in strings of up to 64 chars an unpaired surrogate counts 3
     * bytes (the encoder writes one), so the result is never below the encoded length.
     */
    static int utf8Length(String s) {
        int n = s.length();
        if (n > 64) {
            // The JDK's intrinsic encoder (a vectorised check and a copy for ASCII text) is far
            // faster on long strings than a loop over chars, and gives the length the protobuf
            // encoder writes (which uses it too; an unpaired surrogate becomes '?').
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 4 bytes for 2 chars
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    private static int delimited(int fieldNumber, int length) {
        return CodedOutputStream.computeTagSize(fieldNumber)
                + CodedOutputStream.computeUInt32SizeNoTag(length)
                + length;
    }
}
