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

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request decompression by Content-Encoding (section 7). */
class CompressionTest {

    private static final int MAX = RequestLimits.MAX_BODY_BYTES;
    private static final byte[] RAW =
            "{\"Action\":\"pub\",\"Records\":[]} and some repeated text text text text"
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void identityPassesThrough() {
        assertThat(Compression.decode(RAW, null, null, MAX)).isSameAs(RAW);
        assertThat(Compression.decode(RAW, "", null, MAX)).isSameAs(RAW);
    }

    @Test
    void lz4RawBlockSizedByHeader() {
        byte[] block = LZ4Factory.fastestInstance().fastCompressor().compress(RAW);
        assertThat(Compression.decode(block, "lz4", String.valueOf(RAW.length), MAX))
                .isEqualTo(RAW);
        assertThat(Compression.decode(block, "LZ4", String.valueOf(RAW.length), MAX))
                .isEqualTo(RAW);
    }

    @Test
    void lz4Errors() {
        byte[] block = LZ4Factory.fastestInstance().fastCompressor().compress(RAW);
        assertInvalid(() -> Compression.decode(block, "lz4", null, MAX), "raw-size");
        assertInvalid(
                () -> Compression.decode(block, "lz4", String.valueOf(RAW.length + 5), MAX), "lz4");
        assertInvalid(
                () -> Compression.decode(block, "lz4", String.valueOf(RAW.length - 5), MAX), "lz4");
        byte[] truncated = Arrays.copyOf(block, block.length - 3);
        assertInvalid(
                () -> Compression.decode(truncated, "lz4", String.valueOf(RAW.length), MAX), "lz4");
        assertInvalid(() -> Compression.decode(block, "lz4", "abc", MAX), "raw-size");
        assertInvalid(
                () -> Compression.decode(block, "lz4", String.valueOf(MAX + 1), MAX), "too large");
    }

    @Test
    void deflateAndZlibAreZlibStreams() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(RAW);
        }
        byte[] zlib = out.toByteArray();
        assertThat(Compression.decode(zlib, "deflate", String.valueOf(RAW.length), MAX))
                .isEqualTo(RAW);
        assertThat(Compression.decode(zlib, "zlib", null, MAX)).isEqualTo(RAW);
        assertInvalid(
                () ->
                        Compression.decode(
                                Arrays.copyOf(zlib, zlib.length / 2), "deflate", null, MAX),
                "truncated");
        assertInvalid(() -> Compression.decode(new byte[] {1, 2, 3}, "zlib", null, MAX), "zlib");
        assertInvalid(() -> Compression.decode(zlib, "deflate", "3", MAX), "raw-size");
    }

    @Test
    void unknownEncodingsAreRejected() {
        assertInvalid(() -> Compression.decode(RAW, "zstd", null, MAX), "zstd");
        assertInvalid(() -> Compression.decode(RAW, "gzip", null, MAX), "gzip");
    }

    private static void assertInvalid(Runnable r, String messagePart) {
        assertThatThrownBy(r::run)
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(messagePart)
                .satisfies(
                        e -> {
                            assertThat(((EngineException) e).errorCode())
                                    .isEqualTo("InvalidParameter");
                            assertThat(((EngineException) e).httpStatus()).isEqualTo(400);
                        });
    }
}
