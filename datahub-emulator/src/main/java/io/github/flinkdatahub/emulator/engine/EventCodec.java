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

package io.github.flinkdatahub.emulator.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Binary writer and reader of journal events: a type byte, then fields as big-endian primitives and
 * length-prefixed UTF-8 strings (-1 = null). Every state change is one event; the live path and
 * recovery apply the same bytes, so recovery reproduces the state exactly.
 */
final class EventCodec {

    static final byte CREATE_PROJECT = 1;
    static final byte UPDATE_PROJECT = 2;
    static final byte DELETE_PROJECT = 3;
    static final byte CREATE_TOPIC = 4;
    static final byte UPDATE_TOPIC = 5;
    static final byte DELETE_TOPIC = 6;
    static final byte APPEND_FIELDS = 7;
    static final byte SPLIT = 8;
    static final byte MERGE = 9;
    static final byte RECORDS = 10;
    static final byte CREATE_SUB = 11;
    static final byte UPDATE_SUB_COMMENT = 12;
    static final byte UPDATE_SUB_STATE = 13;
    static final byte DELETE_SUB = 14;
    static final byte OPEN_SESSION = 15;
    static final byte COMMIT = 16;
    static final byte RESET = 17;
    static final byte TOPIC_SNAPSHOT = 20;
    static final byte SUB_SNAPSHOT = 21;
    static final byte COUNTERS = 22;

    /** A sync connector's complete new value (see {@link Connector}). */
    static final byte CONNECTOR_PUT = 30;

    static final byte CONNECTOR_DELETE = 31;

    /** ExtendShard: new whole-key-space shards (see {@link ShardExtension}). */
    static final byte EXTEND = 32;

    private EventCodec() {}

    /**
     * A RECORDS event, byte for byte what {@link Out} writes for it, sized exactly: record batches
     * are large, so no growing buffer and no copy.
     */
    static byte[] records(
            long topicUid, int shardId, long firstSeq, long timeMillis, List<byte[]> payloads) {
        int size = 1 + 8 + 4 + 8 + 8 + 4;
        for (byte[] p : payloads) {
            size += 4 + p.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(RECORDS).putLong(topicUid).putInt(shardId).putLong(firstSeq).putLong(timeMillis);
        buf.putInt(payloads.size());
        for (byte[] p : payloads) {
            buf.putInt(p.length).put(p);
        }
        return buf.array();
    }

    /** Builds one event. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Out(byte type) {
            bytes.write(type);
        }

        Out str(String s) {
            try {
                if (s == null) {
                    out.writeInt(-1);
                } else {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out bytes(byte[] b) {
            try {
                out.writeInt(b.length);
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out i(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out l(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out bool(boolean v) {
            bytes.write(v ? 1 : 0);
            return this;
        }

        byte[] build() {
            return bytes.toByteArray();
        }
    }

    /** Reads one event. */
    static final class In {
        private final ByteBuffer buf;

        In(byte[] event) {
            this.buf = ByteBuffer.wrap(event);
        }

        byte type() {
            return buf.get();
        }

        String str() {
            int n = buf.getInt();
            if (n < 0) {
                return null;
            }
            String s = new String(buf.array(), buf.position(), n, StandardCharsets.UTF_8);
            buf.position(buf.position() + n);
            return s;
        }

        byte[] bytes() {
            byte[] b = new byte[buf.getInt()];
            buf.get(b);
            return b;
        }

        int i() {
            return buf.getInt();
        }

        long l() {
            return buf.getLong();
        }

        boolean bool() {
            return buf.get() != 0;
        }
    }
}
