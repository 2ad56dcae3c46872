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

import io.github.flinkdatahub.emulator.engine.EngineException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The {@code DHUB} frame around PB bodies (section 5.1): magic, big-endian CRC-32C of the payload,
 * big-endian payload length, payload.
 */
final class PbFrame {

    private static final byte[] MAGIC = "DHUB".getBytes(StandardCharsets.US_ASCII);

    /** Bytes before the payload: magic, CRC, length. */
    static final int HEADER = 12;

    private PbFrame() {}

    /** Wraps a serialized protobuf message in a frame with a correct CRC. */
    public static byte[] encode(byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
        buf.put(MAGIC);
        buf.putInt((int) crc32c(payload));
        buf.putInt(payload.length);
        buf.put(payload);
        return buf.array();
    }

    /**
     * Completes a frame whose payload was written in place after {@link #HEADER} bytes: writes
     * magic, CRC and length, and returns {@code frame}.
     */
    static byte[] seal(byte[] frame) {
        CRC32C crc = new CRC32C();
        crc.update(frame, HEADER, frame.length - HEADER);
        ByteBuffer buf = ByteBuffer.wrap(frame);
        buf.put(MAGIC);
        buf.putInt((int) crc.getValue());
        buf.putInt(frame.length - HEADER);
        return frame;
    }

    /**
     * Returns the payload of a frame, honouring the length field. A CRC of 0 is not checked (the
     * Java SDK writes real CRCs, but readers accept 0 as "unchecked"); any other wrong CRC fails.
     */
    public static byte[] decode(byte[] frame) {
        if (frame.length < HEADER) {
            throw EngineException.invalidParameter(
                    "The protobuf body is not a DHUB frame: " + frame.length + " bytes");
        }
        if (!Arrays.equals(frame, 0, 4, MAGIC, 0, 4)) {
            throw EngineException.invalidParameter(
                    "The protobuf body is not a DHUB frame: bad magic");
        }
        ByteBuffer buf = ByteBuffer.wrap(frame);
        long crc = Integer.toUnsignedLong(buf.getInt(4));
        long length = Integer.toUnsignedLong(buf.getInt(8));
        if (length > frame.length - HEADER) {
            throw EngineException.invalidParameter(
                    "The DHUB frame length "
                            + length
                            + " exceeds the "
                            + (frame.length - HEADER)
                            + " payload bytes received");
        }
        byte[] payload = Arrays.copyOfRange(frame, HEADER, HEADER + (int) length);
        if (crc != 0 && crc != crc32c(payload)) {
            throw EngineException.invalidParameter(
                    "The DHUB frame CRC-32C does not match its payload");
        }
        return payload;
    }

    /** CRC-32C (Castagnoli) as an unsigned value. */
    public static long crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }
}
