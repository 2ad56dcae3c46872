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

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/** HTTP body compression (protocol §7): raw LZ4 blocks and zlib streams, both directions. */
final class BodyCodecs {

    /** Chosen explicitly, see {@link Lz4Codec}. */
    private static final LZ4Compressor LZ4_COMPRESSOR = Lz4Codec.INSTANCE.compressor;

    private static final LZ4SafeDecompressor LZ4_DECOMPRESSOR = Lz4Codec.INSTANCE.decompressor;

    /** Refuse absurd raw sizes from a response header instead of allocating them. */
    private static final int MAX_RAW_SIZE = 256 * 1024 * 1024;

    private BodyCodecs() {}

    static byte[] compress(CompressionType type, byte[] raw) {
        switch (type) {
            case NONE:
                return raw;
            case LZ4:
                return LZ4_COMPRESSOR.compress(raw);
            case DEFLATE:
                return deflate(raw);
            default:
                throw new IllegalStateException("Unhandled compression " + type);
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[Math.max(64, raw.length / 2 + 64)];
            int len = 0;
            while (!deflater.finished()) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                len += deflater.deflate(buf, len, buf.length - len);
            }
            return Arrays.copyOf(buf, len);
        } finally {
            deflater.end();
        }
    }

    /**
     * Decodes a body by its {@code Content-Encoding}.
     *
     * @param rawSize value of {@code x-datahub-content-raw-size}, or -1 when absent
     * @throws IOException when the body cannot be decoded
     */
    static byte[] decompress(String contentEncoding, byte[] body, int rawSize) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return body;
        }
        switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
            case "identity":
                return body;
            case "lz4":
                return lz4Decompress(body, rawSize);
            case "deflate":
            case "zlib":
                return inflate(body, rawSize);
            case "gzip":
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    return in.readAllBytes();
                }
            default:
                throw new IOException("Unsupported Content-Encoding '" + contentEncoding + "'");
        }
    }

    private static byte[] lz4Decompress(byte[] body, int rawSize) throws IOException {
        if (rawSize < 0 || rawSize > MAX_RAW_SIZE) {
            throw new IOException(
                    "An lz4 body needs a valid x-datahub-content-raw-size header, got " + rawSize);
        }
        byte[] out = new byte[rawSize];
        try {
            int n = LZ4_DECOMPRESSOR.decompress(body, 0, body.length, out, 0, rawSize);
            if (n != rawSize) {
                throw new IOException(
                        "lz4 body decoded to " + n + " bytes, header said " + rawSize);
            }
        } catch (net.jpountz.lz4.LZ4Exception e) {
            throw new IOException("Corrupt lz4 body: " + e.getMessage(), e);
        }
        return out;
    }

    private static byte[] inflate(byte[] body, int rawSize) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out =
                    new ByteArrayOutputStream(
                            rawSize > 0 && rawSize <= MAX_RAW_SIZE ? rawSize : 256);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("Truncated deflate body");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("Corrupt deflate body: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
