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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Validates tuple values against their DataHub type and returns their canonical text: integers and
 * booleans normalised (so the Java SDK can parse them back), DECIMAL, FLOAT and DOUBLE kept
 * verbatim (BigDecimal equality is scale-sensitive), STRING unchanged.
 */
final class Values {

    /** Per-value STRING limit (2 MB, docs). */
    static final int MAX_STRING_BYTES = 2 * 1024 * 1024;

    /** TIMESTAMP range in microseconds: 0001-01-01 .. 9999-12-31 23:59:59 UTC (docs). */
    static final long MIN_TIMESTAMP = -62135798400000000L;

    static final long MAX_TIMESTAMP = 253402271999000000L;

    private Values() {}

    /**
     * Returns the canonical text of {@code value} for {@code type}.
     *
     * @throws IllegalArgumentException with a message naming what is allowed
     */
    static String canonical(String type, String value) {
        switch (type) {
            case "TINYINT":
                return integer(value, -128, 127, type);
            case "SMALLINT":
                return integer(value, -32768, 32767, type);
            case "INTEGER":
                return integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case "BIGINT":
                // The docs exclude Long.MIN_VALUE from the BIGINT range.
                return integer(value, -Long.MAX_VALUE, Long.MAX_VALUE, type);
            case "TIMESTAMP":
                return integer(value, MIN_TIMESTAMP, MAX_TIMESTAMP, type);
            case "FLOAT":
                return floating(value, true);
            case "DOUBLE":
                return floating(value, false);
            case "DECIMAL":
                try {
                    new BigDecimal(value);
                    return value;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + shorten(value) + "' is not a DECIMAL");
                }
            case "BOOLEAN":
                return bool(value);
            case "STRING":
                if (value.length() > MAX_STRING_BYTES / 3
                        && value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
                    throw new IllegalArgumentException(
                            "STRING value exceeds " + MAX_STRING_BYTES + " bytes");
                }
                return value;
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    /** Whether {@code type} is one of the integer types (TIMESTAMP included). */
    static boolean isInteger(String type) {
        switch (type) {
            case "TINYINT":
            case "SMALLINT":
            case "INTEGER":
            case "BIGINT":
            case "TIMESTAMP":
                return true;
            default:
                return false;
        }
    }

    /**
     * Checks an integer type's range, with the message {@link #canonical} gives for its text.
     *
     * @throws IllegalArgumentException when out of range
     */
    static void checkInteger(String type, long v) {
        long min;
        long max;
        switch (type) {
            case "TINYINT":
                min = -128;
                max = 127;
                break;
            case "SMALLINT":
                min = -32768;
                max = 32767;
                break;
            case "INTEGER":
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
                break;
            case "BIGINT":
                min = -Long.MAX_VALUE;
                max = Long.MAX_VALUE;
                break;
            case "TIMESTAMP":
                min = MIN_TIMESTAMP;
                max = MAX_TIMESTAMP;
                break;
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    v + " is out of the " + type + " range " + min + ".." + max);
        }
    }

    private static String integer(String value, long min, long max, String type) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + shorten(value) + "' is not a " + type + " (a decimal integer)");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    value + " is out of the " + type + " range " + min + ".." + max);
        }
        return isCanonicalInteger(value) ? value : Long.toString(v);
    }

    /** Whether a parsed integer's text is already what Long.toString gives (no copy needed). */
    private static boolean isCanonicalInteger(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (digits(value, start) != value.length() - start) {
            return false; // '+', or digits of other scripts, which parseLong accepts too
        }
        return value.charAt(start) != '0' || value.length() == 1;
    }

    /**
     * Whether {@code value} matches {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?} or {@code
     * [+-]?(NaN|Infinity)}.
     */
    static boolean isFloatingText(String value) {
        return magnitude(value) != NOT_FLOATING;
    }

    private static final int NOT_FLOATING = Integer.MIN_VALUE;

    /**
     * Checks the FLOAT/DOUBLE grammar with a scan (on the put path of every such value; a regular
     * expression was the costliest part of validating a record) and bounds the value: it is below
     * 10 to the returned power (integer digits plus exponent), so a parse is needed to find an
     * overflow only when that is large. {@link #NOT_FLOATING} if the grammar does not match; {@code
     * Integer.MAX_VALUE} for NaN, Infinity or an exponent of more than 4 digits.
     */
    private static int magnitude(String value) {
        int n = value.length();
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        if (value.startsWith("NaN", i) || value.startsWith("Infinity", i)) {
            boolean whole = value.length() - i == (value.charAt(i) == 'N' ? 3 : 8);
            return whole ? Integer.MAX_VALUE : NOT_FLOATING;
        }
        int intDigits = digits(value, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && value.charAt(i) == '.') {
            i++;
            fracDigits = digits(value, i);
            i += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return NOT_FLOATING; // no mantissa digit: "", ".", "+", "e5"
        }
        int exponent = 0;
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            boolean negative = false;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                negative = value.charAt(i) == '-';
                i++;
            }
            int expDigits = digits(value, i);
            if (expDigits == 0) {
                return NOT_FLOATING;
            }
            exponent =
                    expDigits > 4
                            ? Integer.MAX_VALUE
                            : Integer.parseInt(value, i, i + expDigits, 10);
            exponent = negative && expDigits <= 4 ? -exponent : exponent;
            i += expDigits;
        }
        if (i != n) {
            return NOT_FLOATING;
        }
        return exponent == Integer.MAX_VALUE || intDigits > 100_000
                ? Integer.MAX_VALUE
                : intDigits + exponent;
    }

    private static int digits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static String floating(String value, boolean isFloat) {
        String type = isFloat ? "FLOAT" : "DOUBLE";
        int magnitude = magnitude(value);
        if (magnitude == NOT_FLOATING) {
            throw new IllegalArgumentException("'" + shorten(value) + "' is not a " + type);
        }
        if (magnitude <= (isFloat ? 38 : 308)) {
            return value; // below 10^38 (FLOAT) or 10^308 (DOUBLE): finite, no parse needed
        }
        double d = isFloat ? Float.parseFloat(value) : Double.parseDouble(value);
        if (Double.isInfinite(d) && !value.contains("Infinity")) {
            throw new IllegalArgumentException(value + " is out of the " + type + " range");
        }
        return value;
    }

    private static String bool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("1")) {
            return "true";
        }
        if (v.equals("false") || v.equals("0")) {
            return "false";
        }
        throw new IllegalArgumentException(
                "'" + shorten(value) + "' is not a BOOLEAN (true, false, 1 or 0)");
    }

    private static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
