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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The 12-byte {@code DHUB} frame around every protobuf body (protocol §5.1): magic, big-endian
 * CRC-32C of the payload, big-endian payload length, payload.
 */
final class DhubFrame {

    static final int HEADER_SIZE = 12;
    private static final byte[] MAGIC = "DHUB".getBytes(StandardCharsets.US_ASCII);

    private DhubFrame() {}

    /** Frames a payload (copying it once). */
    static byte[] frame(byte[] payload) {
        byte[] out = new byte[HEADER_SIZE + payload.length];
        System.arraycopy(payload, 0, out, HEADER_SIZE, payload.length);
        finish(out);
        return out;
    }

    /**
     * Writes the header into a buffer whose payload was already written from offset 12, so that
     * encoders can serialise straight into the final array.
     */
    static void finish(byte[] frame) {
        int length = frame.length - HEADER_SIZE;
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER_SIZE);
        header.put(MAGIC);
        header.putInt((int) crc32c(frame, HEADER_SIZE, length));
        header.putInt(length);
    }

    static long crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    /** Whether the body starts with the {@code DHUB} magic. */
    static boolean hasMagic(byte[] body) {
        if (body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Validates a frame and returns its payload as a view (no copy).
     *
     * @throws IllegalArgumentException describing a bad magic, length or CRC-32C mismatch
     */
    static ByteBuffer unframe(byte[] body) {
        if (body.length < HEADER_SIZE) {
            throw new IllegalArgumentException(
                    "Response body of " + body.length + " bytes is too short for a DHUB frame");
        }
        ByteBuffer buf = ByteBuffer.wrap(body);
        for (byte b : MAGIC) {
            if (buf.get() != b) {
                throw new IllegalArgumentException("Response body does not start with 'DHUB'");
            }
        }
        long expectedCrc = buf.getInt() & 0xFFFFFFFFL;
        int length = buf.getInt();
        if (length < 0 || length > body.length - HEADER_SIZE) {
            throw new IllegalArgumentException(
                    "DHUB frame announces "
                            + length
                            + " payload bytes but only "
                            + (body.length - HEADER_SIZE)
                            + " arrived");
        }
        long actualCrc = crc32c(body, HEADER_SIZE, length);
        if (actualCrc != expectedCrc) {
            throw new IllegalArgumentException(
                    String.format(
                            "CRC-32C mismatch in DHUB frame: header says %08x, payload has %08x",
                            expectedCrc, actualCrc));
        }
        return ByteBuffer.wrap(body, HEADER_SIZE, length).slice();
    }
}
