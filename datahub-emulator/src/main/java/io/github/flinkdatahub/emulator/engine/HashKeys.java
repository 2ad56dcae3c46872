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

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The 128-bit hash-key space of shards: formatting, parsing, initial ranges and MD5 routing. */
final class HashKeys {

    static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private HashKeys() {}

    /** 32 upper-case hex digits, zero padded. */
    static String format(BigInteger key) {
        String hex = key.toString(16).toUpperCase(Locale.ROOT);
        return "0".repeat(32 - hex.length()) + hex;
    }

    /**
     * Parses 1 to 32 hex digits in any case (Python clients send lower-case keys without zero
     * padding); returns null when the text is not such a key.
     */
    static BigInteger parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 32) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return null;
            }
        }
        return new BigInteger(text, 16);
    }

    /**
     * The N+1 boundaries of an initial topic: boundary i is (0xFFFFFFFFFFFFFFFF / N * i) written
     * into both 64-bit halves, the last one is FFFF..F (section 9; matches the observed N = 2, 3,
     * the rule for other N is UNCONFIRMED in the notes).
     */
    static List<BigInteger> initialBoundaries(int n) {
        List<BigInteger> out = new ArrayList<>(n + 1);
        long step = Long.divideUnsigned(-1L, n);
        for (int i = 0; i < n; i++) {
            BigInteger half = new BigInteger(Long.toUnsignedString(step * i));
            out.add(half.shiftLeft(64).or(half));
        }
        out.add(MAX);
        return out;
    }

    /** MD5 of the UTF-8 partition key read as an unsigned 128-bit number. */
    static BigInteger md5(String partitionKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return new BigInteger(1, md.digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }
}
