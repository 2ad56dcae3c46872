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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;

/**
 * The tuple values of one batch-mode record as the batch decoder found them: integers as longs,
 * strings as UTF-8 ranges of the decompressed batch, other values as text. A list of their text
 * like any other, but the engine validates and stores it without making a string of every value (a
 * string value's bytes go from the batch into the stored record in one copy), with the same checks
 * and results as for text values.
 */
public final class BatchValues extends AbstractList<String> {

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte TEXT = 2;
    private static final byte BYTES = 3;

    private final byte[] area;
    private final byte[] kinds;
    private final long[] numbers;
    private final String[] texts;
    private final byte[] ascii; // per value: 0 not yet known, 1 ASCII, 2 not

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** {@code size} values, all null until set; byte ranges refer to {@code area}. */
    public BatchValues(byte[] area, int size) {
        this.area = area;
        this.kinds = new byte[size];
        this.numbers = new long[size];
        this.texts = new String[size];
        this.ascii = new byte[size];
    }

    /** Value {@code i} is an integer. */
    public void setLong(int i, long value) {
        kinds[i] = LONG;
        numbers[i] = value;
    }

    /** Value {@code i} is this text. */
    public void setText(int i, String text) {
        kinds[i] = TEXT;
        texts[i] = text;
    }

    /** Value {@code i} is the UTF-8 text at {@code area[offset, offset + length)}. */
    public void setBytes(int i, int offset, int length) {
        kinds[i] = BYTES;
        numbers[i] = ((long) offset << 32) | length;
    }

    @Override
    public String get(int i) {
        switch (kinds[i]) {
            case LONG:
                return Long.toString(numbers[i]);
            case TEXT:
                return texts[i];
            case BYTES:
                return new String(area, offset(i), length(i), StandardCharsets.UTF_8);
            default:
                return null;
        }
    }

    @Override
    public int size() {
        return kinds.length;
    }

    /** {@code get(i).length()} (0 for null), mostly without making the string. */
    public int textLength(int i) {
        switch (kinds[i]) {
            case NULL:
                return 0;
            case BYTES:
                // ASCII: one character per byte; else count the decoded characters
                return isAscii(i) ? length(i) : get(i).length();
            case LONG:
                return decimalLength(numbers[i]);
            default:
                return get(i).length();
        }
    }

    /** Characters of {@code Long.toString(v)}. */
    private static int decimalLength(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int n = v < 0 ? 2 : 1;
        for (long x = Math.abs(v); x >= 10; x /= 10) {
            n++;
        }
        return n;
    }

    boolean isNull(int i) {
        return kinds[i] == NULL;
    }

    /**
     * Whether value {@code i} is a byte range of ASCII only: then its bytes are its text's UTF-8
     * form. (Other bytes may be invalid UTF-8, which decoding replaces.)
     */
    boolean isAscii(int i) {
        if (kinds[i] != BYTES) {
            return false;
        }
        if (ascii[i] == 0) {
            ascii[i] = ascii(area, offset(i), length(i)) ? (byte) 1 : (byte) 2;
        }
        return ascii[i] == 1;
    }

    /** Whether no byte has its top bit set; eight bytes at a time. */
    private static boolean ascii(byte[] data, int offset, int length) {
        int p = offset;
        int end = offset + length;
        long bits = 0;
        for (; p + 8 <= end; p += 8) {
            bits |= (long) LONGS.get(data, p);
        }
        for (; p < end; p++) {
            bits |= data[p];
        }
        return (bits & 0x8080808080808080L) == 0;
    }

    boolean isLong(int i) {
        return kinds[i] == LONG;
    }

    boolean isBytes(int i) {
        return kinds[i] == BYTES;
    }

    long longValue(int i) {
        return numbers[i];
    }

    byte[] area() {
        return area;
    }

    int offset(int i) {
        return (int) (numbers[i] >>> 32);
    }

    int length(int i) {
        return (int) numbers[i];
    }
}
