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

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Request body decompression by {@code Content-Encoding} (section 7): {@code lz4} is a raw LZ4
 * block sized by {@code x-datahub-content-raw-size}; {@code deflate} and {@code zlib} are zlib
 * streams (Java's "deflate" is a zlib-wrapped stream). Responses are never compressed.
 */
final class Compression {

    /** The bounds-checking decompressor: malformed input fails instead of reading past it. */
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

    private Compression() {}

    /**
     * Returns the decoded body. {@code encoding} null, empty or {@code identity} means none; {@code
     * rawSizeHeader} is the header value (nullable), required for LZ4 and checked when present.
     */
    public static byte[] decode(byte[] body, String encoding, String rawSizeHeader, int maxSize) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("identity")) {
            return body;
        }
        Integer rawSize = parseRawSize(rawSizeHeader, maxSize);
        byte[] decoded;
        switch (name) {
            case "lz4":
                if (rawSize == null) {
                    throw EngineException.invalidParameter(
                            "Content-Encoding lz4 requires the x-datahub-content-raw-size header");
                }
                decoded = lz4(body, rawSize);
                break;
            case "deflate":
            case "zlib":
                decoded = inflate(body, maxSize);
                break;
            default:
                throw EngineException.invalidParameter(
                        "Unsupported Content-Encoding '"
                                + encoding
                                + "'; the emulator accepts lz4, deflate and zlib");
        }
        if (rawSize != null && decoded.length != rawSize) {
            throw EngineException.invalidParameter(
                    "x-datahub-content-raw-size is "
                            + rawSize
                            + " but the "
                            + name
                            + " body decompresses to "
                            + decoded.length
                            + " bytes");
        }
        return decoded;
    }

    private static Integer parseRawSize(String header, int maxSize) {
        if (header == null || header.isBlank()) {
            return null;
        }
        long size;
        try {
            size = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw EngineException.invalidParameter(
                    "x-datahub-content-raw-size must be a decimal byte count, got '"
                            + header
                            + "'");
        }
        if (size < 0) {
            throw EngineException.invalidParameter("x-datahub-content-raw-size must be >= 0");
        }
        if (size > maxSize) {
            throw RequestLimits.tooLarge(size, maxSize);
        }
        return (int) size;
    }

    private static byte[] lz4(byte[] body, int rawSize) {
        byte[] out = new byte[rawSize];
        int written;
        try {
            written = LZ4.decompress(body, 0, body.length, out, 0, rawSize);
        } catch (LZ4Exception | ArrayIndexOutOfBoundsException e) {
            throw EngineException.invalidParameter(
                    "The lz4 body is not a valid LZ4 block of at most x-datahub-content-raw-size "
                            + rawSize
                            + " bytes");
        }
        if (written != rawSize) {
            throw EngineException.invalidParameter(
                    "x-datahub-content-raw-size is "
                            + rawSize
                            + " but the lz4 body decompresses to "
                            + written
                            + " bytes");
        }
        return out;
    }

    private static byte[] inflate(byte[] body, int maxSize) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length * 2));
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw EngineException.invalidParameter("The zlib/deflate body is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > maxSize) {
                    throw RequestLimits.tooLarge(out.size(), maxSize);
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw EngineException.invalidParameter(
                    "The zlib/deflate body is not a valid zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
