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

import java.math.BigDecimal;

/**
 * Validation and the text form of tuple values. DataHub carries every tuple value as text (a JSON
 * string or the UTF-8 bytes of a protobuf {@code FieldData}), so one codec serves both protocols.
 */
final class ValueCodec {

    /** Smallest BIGINT the service documents (Long.MIN_VALUE is excluded). */
    static final long BIGINT_MIN = -Long.MAX_VALUE;

    /** TIMESTAMP range in microseconds: 0001-01-01 .. 9999-12-31 23:59:59 UTC (protocol §8.1). */
    static final long TIMESTAMP_MIN = -62135798400000000L;

    static final long TIMESTAMP_MAX = 253402271999000000L;

    private ValueCodec() {}

    /**
     * Checks a value against its field and returns it as the field type's Java class (integral
     * types are narrowed or widened when the value fits).
     *
     * @throws IllegalArgumentException naming the field, the expected type and the offending value
     */
    static Object normalize(Field field, Object value) {
        if (value == null) {
            if (!field.nullable()) {
                throw new IllegalArgumentException(
                        "Field '" + field.name() + "' is NOT NULL but the value is null");
            }
            return null;
        }
        switch (field.type()) {
            case TINYINT:
                return (byte) integral(field, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT:
                return (short) integral(field, value, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER:
                return (int) integral(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT:
                return integral(field, value, BIGINT_MIN, Long.MAX_VALUE);
            case TIMESTAMP:
                return integral(field, value, TIMESTAMP_MIN, TIMESTAMP_MAX);
            case FLOAT:
                if (value instanceof Float) {
                    return value;
                }
                throw typeMismatch(field, value);
            case DOUBLE:
                if (value instanceof Double) {
                    return value;
                }
                if (value instanceof Float f) {
                    return f.doubleValue();
                }
                throw typeMismatch(field, value);
            case DECIMAL:
            case BOOLEAN:
            case STRING:
                if (field.type().javaClass().isInstance(value)) {
                    return value;
                }
                throw typeMismatch(field, value);
            default:
                throw new IllegalStateException("Unhandled type " + field.type());
        }
    }

    private static long integral(Field field, Object value, long min, long max) {
        long v;
        if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else {
            throw typeMismatch(field, value);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "Value "
                            + v
                            + " of field '"
                            + field.name()
                            + "' is out of range for "
                            + field.type()
                            + " ["
                            + min
                            + ", "
                            + max
                            + "]");
        }
        return v;
    }

    private static IllegalArgumentException typeMismatch(Field field, Object value) {
        return new IllegalArgumentException(
                "Field '"
                        + field.name()
                        + "' of type "
                        + field.type()
                        + " expects a "
                        + field.type().javaClass().getSimpleName()
                        + " but got a "
                        + value.getClass().getName());
    }

    /** The wire text of a normalised non-null value (BigDecimal without exponent, like the SDK). */
    static String toText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /**
     * Parses the wire text of a value read from the service.
     *
     * @throws NumberFormatException or IllegalArgumentException when the text does not fit the type
     */
    static Object fromText(FieldType type, String text) {
        switch (type) {
            case TINYINT:
                return Byte.parseByte(text.trim());
            case SMALLINT:
                return Short.parseShort(text.trim());
            case INTEGER:
                return Integer.parseInt(text.trim());
            case BIGINT:
            case TIMESTAMP:
                return Long.parseLong(text.trim());
            case FLOAT:
                return Float.parseFloat(text);
            case DOUBLE:
                return Double.parseDouble(text);
            case DECIMAL:
                return new BigDecimal(text.trim());
            case BOOLEAN:
                return parseBoolean(text.trim());
            case STRING:
                return text;
            default:
                throw new IllegalStateException("Unhandled type " + type);
        }
    }

    /**
     * The value of the common plain forms of a value's text given as characters (a BIGINT or
     * TIMESTAMP of at most 18 ASCII digits with an optional '-', exactly "true", "false", "1" or
     * "0" for a BOOLEAN), equal to what {@link #fromText} returns for that text; null for
     * everything else, which must take {@link #fromText}. Saves a String per such value.
     */
    static Object quickFromChars(FieldType type, char[] chars, int offset, int length) {
        if (type == FieldType.BIGINT || type == FieldType.TIMESTAMP) {
            int i = offset;
            int end = offset + length;
            boolean negative = length > 1 && chars[i] == '-';
            if (negative) {
                i++;
            }
            if (end - i < 1 || end - i > 18) {
                return null;
            }
            long v = 0;
            for (; i < end; i++) {
                int d = chars[i] - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }
        if (type == FieldType.BOOLEAN) {
            if (is(chars, offset, length, "true") || is(chars, offset, length, "1")) {
                return Boolean.TRUE;
            }
            if (is(chars, offset, length, "false") || is(chars, offset, length, "0")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static boolean is(char[] chars, int offset, int length, String expected) {
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Boolean parseBoolean(String text) {
        // The service documents true/false (any case) and 1/0 as boolean input. The exact lower
        // case forms, which the service writes, are checked first: equals is cheaper.
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        if ("true".equalsIgnoreCase(text) || "1".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text) || "0".equals(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("'" + text + "' is not a BOOLEAN (true/false)");
    }
}
