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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorResult;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.LATEST;
import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.OLDEST;
import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.SEQUENCE;
import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.SYSTEM_TIME;
import static org.assertj.core.api.Assertions.assertThat;

/** GetCursor edge cases (section 4.4) and the cursor format. */
class CursorTest extends EngineFixture {

    private final long t0 = START.toEpochMilli();

    @Test
    void emptyShard() {
        tupleTopic(1);
        CursorResult oldest = engine.getCursor(P, T, "0", OLDEST, 0);
        assertThat(oldest.sequence()).isZero();
        assertThat(oldest.recordTimeMillis()).isZero();
        assertThat(oldest.cursor()).matches("[0-9a-f]{32}");
        assertThat(engine.getCursor(P, T, "0", LATEST, 0).sequence()).isZero();
        assertThat(engine.getCursor(P, T, "0", SEQUENCE, 0).sequence()).isZero();
        assertError(() -> engine.getCursor(P, T, "0", SEQUENCE, 1), "SeekOutOfRange", 400);
        assertError(() -> engine.getCursor(P, T, "7", OLDEST, 0), "NoSuchShard", 404);
        assertError(() -> engine.getCursor(P, T, "x", OLDEST, 0), "NoSuchShard", 404);
    }

    @Test
    void cursorsOnData() {
        tupleTopic(1);
        for (int i = 0; i < 10; i++) {
            put("0", 1, i);
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isZero();
        CursorResult latest = engine.getCursor(P, T, "0", LATEST, 0);
        assertThat(latest.sequence()).isEqualTo(9);
        assertThat(latest.recordTimeMillis()).isEqualTo(t0 + 900);
        assertThat(engine.getRecords(P, T, "0", latest.cursor(), 10).records())
                .singleElement()
                .satisfies(r -> assertThat(r.sequence()).isEqualTo(9));
        CursorResult seq9 = engine.getCursor(P, T, "0", SEQUENCE, 9);
        assertThat(seq9.sequence()).isEqualTo(9);
        assertThat(seq9.cursor()).isEqualTo(latest.cursor());
        // latest + 1 is the tail
        CursorResult tail = engine.getCursor(P, T, "0", SEQUENCE, 10);
        assertThat(tail.sequence()).isEqualTo(10);
        assertThat(engine.getRecords(P, T, "0", tail.cursor(), 10).records()).isEmpty();
        assertError(() -> engine.getCursor(P, T, "0", SEQUENCE, 11), "SeekOutOfRange", 400);
        assertError(() -> engine.getCursor(P, T, "0", SEQUENCE, -1), "SeekOutOfRange", 400);
    }

    @Test
    void systemTime() {
        tupleTopic(1);
        for (int i = 0; i < 5; i++) {
            put("0", 1, i);
            clock.advance(Duration.ofMillis(100));
        }
        // now = t0 + 500, records at t0, t0+100, ..., t0+400
        assertThat(engine.getCursor(P, T, "0", SYSTEM_TIME, t0 - 1000).sequence()).isZero();
        assertThat(engine.getCursor(P, T, "0", SYSTEM_TIME, t0 + 200).sequence()).isEqualTo(2);
        CursorResult between = engine.getCursor(P, T, "0", SYSTEM_TIME, t0 + 150);
        assertThat(between.sequence()).isEqualTo(2);
        assertThat(between.recordTimeMillis()).isEqualTo(t0 + 200);
        // after the last record but not in the future: the tail
        assertThat(engine.getCursor(P, T, "0", SYSTEM_TIME, t0 + 450).sequence()).isEqualTo(5);
        assertThat(engine.getCursor(P, T, "0", SYSTEM_TIME, t0 + 500).sequence()).isEqualTo(5);
        // in the future
        assertError(
                () -> engine.getCursor(P, T, "0", SYSTEM_TIME, t0 + 10_400), "SeekOutOfRange", 400);
    }

    @Test
    void cursorSurvivesLastCharacterSetToOne() {
        tupleTopic(1);
        put("0", 3, 0);
        String c = engine.getCursor(P, T, "0", SEQUENCE, 1).cursor();
        String changed = c.substring(0, 31) + "1";
        var read = engine.getRecords(P, T, "0", changed, 10);
        assertThat(read.records()).extracting(r -> r.sequence()).containsExactly(1L, 2L);
        assertThat(engine.getRecords(P, T, "0", c.toUpperCase(), 1).startSequence()).isEqualTo(1);
    }

    @Test
    void garbledAndForeignCursorsAreInvalid() {
        tupleTopic(2);
        put("0", 3, 0);
        String c = oldest("0");
        for (String bad :
                new String[] {
                    "",
                    "xyz",
                    c.substring(1),
                    c + "0",
                    "g" + c.substring(1),
                    flip(c, 12),
                    "30000000000000000000000000000000"
                }) {
            assertError(() -> engine.getRecords(P, T, "0", bad, 1), "InvalidCursor", 400);
        }
        assertError(() -> engine.getRecords(P, T, "0", null, 1), "InvalidCursor", 400);
        // a cursor of shard 0 is not valid for shard 1
        assertError(() -> engine.getRecords(P, T, "1", c, 1), "InvalidCursor", 400);
        // nor for a re-created topic of the same name
        engine.deleteTopic(P, T);
        engine.createTopic(P, T, tupleSpec(1));
        assertError(() -> engine.getRecords(P, T, "0", c, 1), "InvalidCursor", 400);
    }

    @Test
    void cursorBeyondTheTailIsInvalid() {
        tupleTopic(1);
        put("0", 1, 0);
        String tail = engine.getRecords(P, T, "0", oldest("0"), 10).nextCursor();
        String beyond = Cursors.encode(1, 0, 5);
        assertThat(engine.getRecords(P, T, "0", tail, 10).records()).isEmpty();
        assertError(() -> engine.getRecords(P, T, "0", beyond, 10), "InvalidCursor", 400);
    }

    @Test
    void cursorsWorkOnClosedShards() {
        tupleTopic(1);
        put("0", 2, 0);
        clock.advance(Duration.ofSeconds(5));
        engine.splitShard(P, T, "0", "10");
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isZero();
        assertThat(engine.getCursor(P, T, "0", LATEST, 0).sequence()).isEqualTo(1);
    }

    private static String flip(String c, int index) {
        char ch = c.charAt(index);
        char other = ch == '0' ? '1' : '0';
        return c.substring(0, index) + other + c.substring(index + 1);
    }

    @Test
    void encodingIsTheDocumentedLayout() {
        long[][] cases = {
            {0, 0, 0}, {1, 0, 5}, {0xABCDEF, 0xFFFF, Long.MAX_VALUE}, {0x1234567, 3, 1L << 40}
        };
        for (long[] c : cases) {
            String body =
                    "3"
                            + String.format("%06x", c[0] & 0xFFFFFF)
                            + String.format("%04x", c[1] & 0xFFFF)
                            + String.format("%016x", c[2]);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String expected = body + String.format("%04x", crc.getValue() & 0xFFFF) + "0";
            assertThat(Cursors.encode(c[0], (int) c[1], c[2])).isEqualTo(expected);
            assertThat(Cursors.decode(expected, c[0], (int) c[1])).isEqualTo(c[2]);
        }
    }
}
