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

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a protobuf {@code GetRecordsResponse} straight into {@link ReadRecord}s with a {@link
 * CodedInputStream}, without building the generated message objects: per record only the strings
 * and values the caller gets are allocated (the values are located in the body and decoded once).
 *
 * <p>Faithful to the generated parser it replaces: the last occurrence of a scalar field wins, a
 * repeated sub-message merges (two {@code data} fields concatenate their values), a field with an
 * unexpected wire type or number is skipped as unknown, strings are decoded as UTF-8 with
 * replacement (proto2, no validation), and a missing {@code required} field fails the whole
 * response. Every structural error of the body is reported before a record that does not fit the
 * schema, as when the whole message was parsed first and converted afterwards.
 */
final class PbGetRecordsDecoder {

    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;

    private final byte[] buf;
    private final int base;
    private final CodedInputStream in;
    private final String shardId;
    private final RecordSchema schema;

    /** Missing required fields, null while there are none. */
    private StringBuilder missing;

    /** The first record that failed to convert; thrown once the whole body has parsed. */
    private RuntimeException deferred;

    // The record being parsed.
    private final PbRecordValues values;
    private String entryShardId;
    private String cursor;
    private String nextCursor;
    private long sequence;
    private long systemTime;
    private Map<String, String> attributes;

    // The last next_cursor read, to share with the following record's cursor.
    private String previousNext;
    private int previousNextStart;
    private int previousNextLength;

    private PbGetRecordsDecoder(
            byte[] buf, int base, int length, String shardId, RecordSchema schema) {
        this.buf = buf;
        this.base = base;
        this.in = CodedInputStream.newInstance(buf, base, length);
        this.shardId = shardId;
        this.schema = schema;
        this.values = new PbRecordValues(buf);
    }

    /**
     * @param payload the unframed response
     * @param schema the topic schema, or null to read every record as a BLOB
     * @throws InvalidProtocolBufferException when the body is not a valid response
     * @throws IllegalArgumentException or {@link SchemaChangedException} when a record does not fit
     *     the schema
     */
    static GetRecordsResult decode(ByteBuffer payload, String shardId, RecordSchema schema)
            throws InvalidProtocolBufferException {
        if (!payload.hasArray()) {
            byte[] copy = new byte[payload.remaining()];
            payload.duplicate().get(copy);
            payload = ByteBuffer.wrap(copy);
        }
        try {
            return new PbGetRecordsDecoder(
                            payload.array(),
                            payload.arrayOffset() + payload.position(),
                            payload.remaining(),
                            shardId,
                            schema)
                    .response();
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            // An array-backed stream has no other I/O; kept for the declared exception.
            throw new InvalidProtocolBufferException(e);
        }
    }

    private static int tag(int field, int wireType) {
        return field << 3 | wireType; // WireFormat.makeTag, which is package-private
    }

    private GetRecordsResult response() throws IOException {
        String next = null;
        boolean hasCount = false;
        long startSequence = 0;
        long latestSequence = -1;
        long latestTime = -1;
        List<ReadRecord> records = new ArrayList<>();
        int index = 0;
        boolean more = true;
        while (more) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            } else if (tag == tag(1, LEN)) {
                next = in.readString();
            } else if (tag == tag(2, VARINT)) {
                in.readInt32();
                hasCount = true;
            } else if (tag == tag(3, VARINT)) {
                startSequence = in.readInt64();
            } else if (tag == tag(4, LEN)) {
                entry(records, index++);
            } else if (tag == tag(5, VARINT)) {
                latestSequence = in.readInt64();
            } else if (tag == tag(6, VARINT)) {
                latestTime = in.readInt64();
            } else {
                more = in.skipField(tag);
            }
        }
        in.checkLastTagWas(0); // as parseFrom does: an end-group tag at the top is an error
        if (next == null) {
            missing("next_cursor");
        }
        if (!hasCount) {
            missing("record_count");
        }
        if (missing != null) {
            throw new InvalidProtocolBufferException("Message missing required fields: " + missing);
        }
        if (deferred != null) {
            throw deferred;
        }
        return new GetRecordsResult(
                next, startSequence, latestSequence, latestTime, BatchIndexes.assign(records));
    }

    private void missing(String field) {
        if (missing == null) {
            missing = new StringBuilder(field);
        } else {
            missing.append(", ").append(field);
        }
    }

    /** One {@code RecordEntry}; converted at once unless an earlier error makes it pointless. */
    private void entry(List<ReadRecord> records, int index) throws IOException {
        int oldLimit = in.pushLimit(in.readRawVarint32());
        values.clear();
        entryShardId = null;
        cursor = null;
        nextCursor = null;
        sequence = 0;
        systemTime = 0;
        attributes = null;
        boolean hasData = false;
        boolean more = true;
        while (more) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            } else if (tag == tag(1, LEN)) {
                entryShardId = in.readString();
            } else if (tag == tag(4, LEN)) {
                cursor = cursor();
            } else if (tag == tag(5, LEN)) {
                nextCursor = nextCursor();
            } else if (tag == tag(6, VARINT)) {
                sequence = in.readInt64();
            } else if (tag == tag(7, VARINT)) {
                systemTime = in.readInt64();
            } else if (tag == tag(8, LEN)) {
                attributes(index);
            } else if (tag == tag(9, LEN)) {
                data();
                hasData = true;
            } else {
                // hash_key, partition_key, serial and unknown fields
                more = in.skipField(tag);
            }
        }
        in.checkLastTagWas(0);
        in.popLimit(oldLimit);
        if (!hasData) {
            missing("records[" + index + "].data");
        }
        if (missing == null && deferred == null) {
            try {
                records.add(record());
            } catch (RuntimeException e) {
                deferred = e;
            }
        }
    }

    /**
     * A record's cursor is usually the previous record's next cursor: then that String is shared
     * instead of decoding the same bytes again.
     */
    private String cursor() throws IOException {
        int length = in.readRawVarint32();
        int start = base + in.getTotalBytesRead();
        in.skipRawBytes(length); // fails on a negative or truncated length
        if (previousNext != null
                && length == previousNextLength
                && Arrays.equals(
                        buf,
                        start,
                        start + length,
                        buf,
                        previousNextStart,
                        previousNextStart + length)) {
            return previousNext;
        }
        return new String(buf, start, length, StandardCharsets.UTF_8);
    }

    private String nextCursor() throws IOException {
        int length = in.readRawVarint32();
        int start = base + in.getTotalBytesRead();
        in.skipRawBytes(length);
        previousNext = new String(buf, start, length, StandardCharsets.UTF_8);
        previousNextStart = start;
        previousNextLength = length;
        return previousNext;
    }

    /** A {@code RecordData}: remembers where each value is, decodes nothing yet. */
    private void data() throws IOException {
        int oldLimit = in.pushLimit(in.readRawVarint32());
        boolean more = true;
        while (more) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            } else if (tag == tag(1, LEN)) {
                fieldData();
            } else {
                more = in.skipField(tag);
            }
        }
        in.checkLastTagWas(0);
        in.popLimit(oldLimit);
    }

    private void fieldData() throws IOException {
        int oldLimit = in.pushLimit(in.readRawVarint32());
        int start = -1;
        int length = 0;
        boolean more = true;
        while (more) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            } else if (tag == tag(1, LEN)) {
                length = in.readRawVarint32();
                start = base + in.getTotalBytesRead();
                in.skipRawBytes(length); // fails on a negative or truncated length
            } else {
                more = in.skipField(tag);
            }
        }
        in.checkLastTagWas(0);
        in.popLimit(oldLimit);
        values.add(start, length);
    }

    private void attributes(int index) throws IOException {
        int oldLimit = in.pushLimit(in.readRawVarint32());
        int pair = 0;
        boolean more = true;
        while (more) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            } else if (tag == tag(1, LEN)) {
                pair(index, pair++);
            } else {
                more = in.skipField(tag);
            }
        }
        in.checkLastTagWas(0);
        in.popLimit(oldLimit);
    }

    private void pair(int index, int pair) throws IOException {
        int oldLimit = in.pushLimit(in.readRawVarint32());
        String key = null;
        String value = null;
        boolean more = true;
        while (more) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            } else if (tag == tag(1, LEN)) {
                key = in.readString();
            } else if (tag == tag(2, LEN)) {
                value = in.readString();
            } else {
                more = in.skipField(tag);
            }
        }
        in.checkLastTagWas(0);
        in.popLimit(oldLimit);
        String prefix = "records[" + index + "].attributes.attributes[" + pair + "].";
        if (key == null) {
            missing(prefix + "key");
        }
        if (value == null) {
            missing(prefix + "value");
        }
        if (key != null && value != null) {
            if (attributes == null) {
                attributes = new HashMap<>();
            }
            attributes.put(key, value);
        }
    }

    private ReadRecord record() {
        RecordPayload payload;
        if (schema == null) {
            if (values.count() != 1) {
                throw new IllegalArgumentException(
                        "A BLOB record must carry exactly one value but has "
                                + values.count()
                                + " (pass the topic schema to read a TUPLE topic)");
            }
            payload = values.blob();
        } else {
            payload = values.tuple(schema);
        }
        return new ReadRecord(
                entryShardId != null && !entryShardId.isEmpty() ? entryShardId : shardId,
                sequence,
                systemTime,
                cursor == null ? "" : cursor,
                nextCursor == null ? "" : nextCursor,
                attributes == null ? Map.of() : attributes,
                payload);
    }
}
