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

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The opaque cursor: 32 lower-case hex digits = version '3', topic id (6), shard id (4), sequence
 * (16), check (4) over the first 27 digits, and a last digit that carries no meaning — the Java
 * client library overwrites it with '1' ({@code Offset.next()}), which must not change the cursor.
 */
final class Cursors {

    private Cursors() {}

    static String encode(long topicUid, int shardId, long sequence) {
        // Written into one array (two per record on every read): "3", 6 + 4 + 16 hex digits, a
        // 4-digit check of those 27 characters and "0", all fixed width.
        byte[] b = new byte[32];
        b[0] = '3';
        hex(b, 1, topicUid & 0xFFFFFFL, 6);
        hex(b, 7, shardId & 0xFFFFL, 4);
        hex(b, 11, sequence, 16);
        CRC32 crc = new CRC32();
        crc.update(b, 0, 27);
        hex(b, 27, crc.getValue() & 0xFFFFL, 4);
        b[31] = '0';
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void hex(byte[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] =
                    (byte) Character.forDigit((int) ((value >>> (4 * (digits - 1 - i))) & 0xF), 16);
        }
    }

    /**
     * Returns the sequence the cursor points at, or throws InvalidCursor when it is garbled or
     * belongs to another topic or shard. Range checks against retention are the caller's.
     */
    static long decode(String cursor, long topicUid, int shardId) {
        if (cursor == null || cursor.length() != 32 || cursor.charAt(0) != '3') {
            throw Errors.invalidCursor();
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(cursor.charAt(i), 16) < 0) {
                throw Errors.invalidCursor();
            }
        }
        String body = cursor.substring(0, 27).toLowerCase(java.util.Locale.ROOT);
        long uid = Long.parseUnsignedLong(body.substring(1, 7), 16);
        long shard = Long.parseUnsignedLong(body.substring(7, 11), 16);
        long seq = Long.parseUnsignedLong(body.substring(11, 27), 16);
        long check = Long.parseUnsignedLong(cursor.substring(27, 31), 16);
        if (check != check(body)
                || uid != (topicUid & 0xFFFFFFL)
                || shard != (shardId & 0xFFFFL)
                || seq < 0) {
            throw Errors.invalidCursor();
        }
        return seq;
    }

    private static long check(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue() & 0xFFFFL;
    }
}
