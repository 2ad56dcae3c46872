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

package io.github.flinkdatahub.emulator.conformance;

import net.jpountz.lz4.LZ4Factory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import java.util.zip.DeflaterOutputStream;

/**
 * Byte-level helpers for raw protocol requests (robustness tests, the benchmark): the {@code DHUB}
 * frame with its CRC-32C, raw LZ4 blocks and zlib streams, written from the protocol spec.
 */
public final class Wire {

    private static final byte[] MAGIC = "DHUB".getBytes(StandardCharsets.US_ASCII);

    private Wire() {}

    /** {@code DHUB}, CRC-32C of the payload, payload length (both big-endian), payload. */
    public static byte[] frame(byte[] payload) {
        return frame(payload, crc32c(payload), payload.length);
    }

    /** A frame with the given header values, to build broken frames on purpose. */
    public static byte[] frame(byte[] payload, int crc, int length) {
        return ByteBuffer.allocate(12 + payload.length)
                .put(MAGIC)
                .putInt(crc)
                .putInt(length)
                .put(payload)
                .array();
    }

    public static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** A raw LZ4 block (no frame, no size prefix), as DataHub clients send it. */
    public static byte[] lz4(byte[] raw) {
        return LZ4Factory.fastestInstance().fastCompressor().compress(raw);
    }

    /** A zlib (RFC 1950) stream, which the Java SDK sends as {@code Content-Encoding: deflate}. */
    public static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
