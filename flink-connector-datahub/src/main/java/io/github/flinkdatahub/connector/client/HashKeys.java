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

import java.math.BigInteger;
import java.util.Locale;

/** 128-bit hash-key arithmetic on the 32 hex digit strings the service uses. */
final class HashKeys {

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private HashKeys() {}

    static BigInteger parse(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 32) {
            throw new IllegalArgumentException(
                    "Hash key '" + hex + "' must be 1 to 32 hexadecimal digits");
        }
        try {
            return new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Hash key '" + hex + "' must be 1 to 32 hexadecimal digits");
        }
    }

    /** 32 upper-case hex digits, zero padded. */
    static String format(BigInteger key) {
        if (key.signum() < 0 || key.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("Hash key " + key + " is outside 128 bits");
        }
        String hex = key.toString(16).toUpperCase(Locale.ROOT);
        return "0".repeat(32 - hex.length()) + hex;
    }

    /** {@code (begin + end) / 2}, rounded down, as the SDK computes a default split key. */
    static String midpoint(String beginHashKey, String endHashKey) {
        return format(parse(beginHashKey).add(parse(endHashKey)).shiftRight(1));
    }
}
