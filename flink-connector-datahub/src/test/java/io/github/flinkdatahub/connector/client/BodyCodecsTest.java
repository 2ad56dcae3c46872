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

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compression formats the SDKs expect: raw LZ4 blocks and zlib-wrapped deflate. */
class BodyCodecsTest {

    private static final byte[] RAW = "DataHub ".repeat(200).getBytes(StandardCharsets.US_ASCII);

    @Test
    void lz4IsARawBlockReadableByAnotherImplementation() {
        byte[] compressed = BodyCodecs.compress(CompressionType.LZ4, RAW);
        byte[] out = new byte[RAW.length];
        int n =
                LZ4Factory.safeInstance()
                        .safeDecompressor()
                        .decompress(compressed, 0, compressed.length, out, 0, out.length);
        assertThat(n).isEqualTo(RAW.length);
        assertThat(out).isEqualTo(RAW);
    }

    @Test
    void deflateIsAZlibStream() throws Exception {
        byte[] compressed = BodyCodecs.compress(CompressionType.DEFLATE, RAW);
        assertThat(compressed[0]).isEqualTo((byte) 0x78); // RFC 1950 header, not raw deflate
        Inflater inflater = new Inflater(false);
        inflater.setInput(compressed);
        byte[] out = new byte[RAW.length];
        assertThat(inflater.inflate(out)).isEqualTo(RAW.length);
        assertThat(inflater.finished()).isTrue();
        inflater.end();
    }

    @Test
    void decodesEveryAdvertisedEncoding() throws IOException {
        assertThat(
                        BodyCodecs.decompress(
                                "LZ4", BodyCodecs.compress(CompressionType.LZ4, RAW), RAW.length))
                .isEqualTo(RAW);
        assertThat(
                        BodyCodecs.decompress(
                                "deflate", BodyCodecs.compress(CompressionType.DEFLATE, RAW), -1))
                .isEqualTo(RAW);
        assertThat(
                        BodyCodecs.decompress(
                                "zlib", BodyCodecs.compress(CompressionType.DEFLATE, RAW), -1))
                .isEqualTo(RAW);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(RAW);
        }
        assertThat(BodyCodecs.decompress("gzip", gz.toByteArray(), -1)).isEqualTo(RAW);
        assertThat(BodyCodecs.decompress(null, RAW, -1)).isSameAs(RAW);
        assertThat(BodyCodecs.compress(CompressionType.NONE, RAW)).isSameAs(RAW);
    }

    @Test
    void rejectsUndecodableBodies() {
        byte[] lz4 = BodyCodecs.compress(CompressionType.LZ4, RAW);
        assertThatThrownBy(() -> BodyCodecs.decompress("lz4", lz4, -1))
                .hasMessageContaining("x-datahub-content-raw-size");
        assertThatThrownBy(() -> BodyCodecs.decompress("lz4", lz4, RAW.length + 5))
                .isInstanceOf(IOException.class);
        byte[] zlib = BodyCodecs.compress(CompressionType.DEFLATE, RAW);
        assertThatThrownBy(
                        () ->
                                BodyCodecs.decompress(
                                        "deflate", Arrays.copyOf(zlib, zlib.length / 2), -1))
                .hasMessageContaining("Truncated");
        assertThatThrownBy(() -> BodyCodecs.decompress("deflate", RAW, -1))
                .hasMessageContaining("Corrupt deflate");
        assertThatThrownBy(() -> BodyCodecs.decompress("zstd", RAW, -1))
                .hasMessageContaining("Unsupported Content-Encoding 'zstd'");
    }
}
