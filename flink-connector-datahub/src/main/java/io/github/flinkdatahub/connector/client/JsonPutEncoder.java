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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes the JSON PutRecords body (protocol §4.5.1) straight into one byte array sized from the
 * records: the same bytes a Jackson generator writes (field order, escapes, UTF-8), without its
 * char buffers, the segment copies of its output builder or a string per number. Strings are
 * converted with {@link String#getBytes} like the protobuf encoder, so text with an unpaired
 * surrogate is stored the same way in both protocols (the JDK writes {@code ?} for it).
 */
final class JsonPutEncoder {

    private static final byte[] START = ascii("{\"Action\":\"pub\",\"Records\":[");
    private static final byte[] SHARD_ID = ascii("\"ShardId\":");
    private static final byte[] HASH_KEY = ascii("\"HashKey\":");
    private static final byte[] PARTITION_KEY = ascii("\"PartitionKey\":");
    private static final byte[] ATTRIBUTES = ascii("\"Attributes\":{");
    private static final byte[] DATA = ascii("\"Data\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("\"true\"");
    private static final byte[] FALSE = ascii("\"false\"");
    private static final byte[] END = ascii("]}");
    private static final byte[] HEX = ascii("0123456789ABCDEF");

    /**
     * What a byte needs when it appears inside a JSON string: 0 nothing, a letter its two-character
     * escape, -1 the six-character backslash-u form with four hex digits. Bytes from 0x80 are UTF-8
     * and pass as they are, like Jackson's default.
     */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] out;
    private int pos;

    private JsonPutEncoder(int capacity) {
        this.out = new byte[capacity];
    }

    /** The request body for these records. */
    static byte[] encode(List<PutRecord> records) {
        JsonPutEncoder encoder = new JsonPutEncoder(estimate(records));
        encoder.write(START);
        for (int r = 0; r < records.size(); r++) {
            if (r > 0) {
                encoder.write((byte) ',');
            }
            encoder.record(records.get(r));
        }
        encoder.write(END);
        return encoder.out.length == encoder.pos
                ? encoder.out
                : Arrays.copyOf(encoder.out, encoder.pos);
    }

    /** A size that fits ASCII values without escapes, so that the array rarely grows. */
    private static int estimate(List<PutRecord> records) {
        long size = START.length + END.length;
        for (PutRecord record : records) {
            size += 16;
            size += keyEstimate(record.shardId()) + keyEstimate(record.hashKey());
            size += keyEstimate(record.partitionKey());
            for (Map.Entry<String, String> a : record.attributes().entrySet()) {
                size += a.getKey().length() + a.getValue().length() + 20;
            }
            if (record.payload() instanceof BlobRecord blob) {
                size += 4L * ((blob.unsafeData().length + 2) / 3) + 2;
            } else {
                TupleRecord tuple = (TupleRecord) record.payload();
                for (int i = 0; i < tuple.size(); i++) {
                    Object value = tuple.get(i);
                    size += value instanceof String s ? s.length() + 3 : 27;
                }
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private static int keyEstimate(String key) {
        return key == null ? 0 : key.length() + 20;
    }

    private void record(PutRecord record) {
        write((byte) '{');
        if (record.shardId() != null) {
            write(SHARD_ID);
            string(record.shardId());
            write((byte) ',');
        }
        if (record.hashKey() != null) {
            write(HASH_KEY);
            string(record.hashKey());
            write((byte) ',');
        }
        if (record.partitionKey() != null) {
            write(PARTITION_KEY);
            string(record.partitionKey());
            write((byte) ',');
        }
        if (!record.attributes().isEmpty()) {
            write(ATTRIBUTES);
            boolean first = true;
            for (Map.Entry<String, String> a : record.attributes().entrySet()) {
                if (!first) {
                    write((byte) ',');
                }
                first = false;
                string(a.getKey());
                write((byte) ':');
                string(a.getValue());
            }
            write((byte) '}');
            write((byte) ',');
        }
        write(DATA);
        if (record.payload() instanceof BlobRecord blob) {
            write((byte) '"');
            write(Base64.getEncoder().encode(blob.unsafeData()));
            write((byte) '"');
        } else {
            TupleRecord tuple = (TupleRecord) record.payload();
            write((byte) '[');
            for (int i = 0; i < tuple.size(); i++) {
                if (i > 0) {
                    write((byte) ',');
                }
                value(tuple.get(i));
            }
            write((byte) ']');
        }
        write((byte) '}');
    }

    private void value(Object value) {
        if (value == null) {
            write(NULL);
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Long l) {
            integral(l);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integral(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            write(b ? TRUE : FALSE);
        } else {
            string(ValueCodec.toText(value));
        }
    }

    /** A whole number as a JSON string, its digits written in place. */
    private void integral(long v) {
        if (v == Long.MIN_VALUE) {
            string(Long.toString(v));
            return;
        }
        ensure(22);
        out[pos++] = '"';
        if (v < 0) {
            out[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long rest = v / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = pos + digits;
        pos = at;
        do {
            out[--at] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        out[pos++] = '"';
    }

    /** A JSON string: quotes, UTF-8, and the escapes Jackson writes. */
    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 2);
        out[pos++] = '"';
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i];
            if (b >= 0 && ESCAPES[b] != 0) {
                copy(utf8, start, i);
                escape(b);
                start = i + 1;
            }
        }
        copy(utf8, start, utf8.length);
        ensure(1);
        out[pos++] = '"';
    }

    private void copy(byte[] source, int from, int to) {
        int length = to - from;
        if (length > 0) {
            ensure(length);
            System.arraycopy(source, from, out, pos, length);
            pos += length;
        }
    }

    private void escape(int b) {
        ensure(6);
        out[pos++] = '\\';
        byte letter = ESCAPES[b];
        if (letter > 0) {
            out[pos++] = letter;
        } else {
            out[pos++] = 'u';
            out[pos++] = '0';
            out[pos++] = '0';
            out[pos++] = HEX[b >> 4];
            out[pos++] = HEX[b & 0xF];
        }
    }

    private void write(byte b) {
        ensure(1);
        out[pos++] = b;
    }

    private void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, pos, bytes.length);
        pos += bytes.length;
    }

    private void ensure(int more) {
        if (out.length - pos < more) {
            long wanted = Math.max((long) pos + more, out.length + (out.length >> 1) + 64L);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(
                        "The PutRecords request body exceeds 2 GB; the service accepts at most "
                                + PutRecord.MAX_REQUEST_BYTES
                                + " bytes");
            }
            out = Arrays.copyOf(out, (int) wanted);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
