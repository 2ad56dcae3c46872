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

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.LATEST;
import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.OLDEST;
import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Records older than the topic lifecycle disappear, deterministically with a manual clock. */
class RetentionTest extends EngineFixture {

    @Test
    void oldRecordsExpire() {
        tupleTopic(1); // lifecycle 3 days
        put("0", 2, 0); // at t0
        String firstCursor = oldest("0");
        clock.advance(Duration.ofDays(1));
        put("0", 2, 2); // at t0 + 1 day
        clock.advance(Duration.ofDays(2));
        // exactly 3 days old: still retained
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isEqualTo(2);
        assertError(() -> engine.getRecords(P, T, "0", firstCursor, 10), "InvalidCursor", 400);
        assertError(() -> engine.getCursor(P, T, "0", SEQUENCE, 1), "SeekOutOfRange", 400);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records())
                .extracting(r -> r.sequence())
                .containsExactly(2L, 3L);

        clock.advance(Duration.ofDays(1));
        // everything expired: OLDEST and LATEST are the tail, sequences continue
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isEqualTo(4);
        assertThat(engine.getCursor(P, T, "0", LATEST, 0).sequence()).isEqualTo(4);
        assertThat(engine.getMeter(P, T, "0").storageBytes()).isZero();
        put("0", 1, 4);
        var read = engine.getRecords(P, T, "0", oldest("0"), 10);
        assertThat(read.records())
                .singleElement()
                .satisfies(r -> assertThat(r.sequence()).isEqualTo(4));
        assertThat(read.latestSequence()).isEqualTo(4);
    }

    @Test
    void lifecycleUpdateApplies() {
        tupleTopic(1);
        put("0", 1, 0);
        clock.advance(Duration.ofDays(2));
        engine.updateTopic(P, T, "", 1);
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isEqualTo(1);
    }

    @Test
    void backgroundSweepExpiresWithoutAccess() throws Exception {
        engine.close();
        engine =
                DataHubEngine.open(options().retentionCheckInterval(Duration.ofMillis(10)).build());
        tupleTopic(1);
        put("0", 1, 0);
        long before = engine.getMeter(P, T, "0").storageBytes();
        assertThat(before).isPositive();
        clock.advance(Duration.ofDays(4));
        // getMeter would expire lazily; wait for the sweep through the engine's own state
        Topic t = ((EngineImpl) engine).coreForTests().state.topicsByUid.values().iterator().next();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.shards.get(0).storageBytes() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(t.shards.get(0).storageBytes()).isZero();
    }
}
