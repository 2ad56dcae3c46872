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

package io.github.flinkdatahub.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The manual test clock moves only when told to. */
class ManualClockTest {

    @Test
    void advancesAndSets() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ManualClock clock = new ManualClock(start);
        assertThat(clock.instant()).isEqualTo(start);
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.millis()).isEqualTo(start.toEpochMilli() + 1500);
        clock.set(start.plusSeconds(60));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(60));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai")).instant())
                .isEqualTo(start.plusSeconds(60));
    }

    @Test
    void concurrentAdvancesAreNotLost() throws Exception {
        ManualClock clock = new ManualClock(Instant.EPOCH);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] =
                    new Thread(
                            () -> {
                                for (int j = 0; j < 1000; j++) {
                                    clock.advance(Duration.ofMillis(1));
                                }
                            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(clock.millis()).isEqualTo(4000);
    }
}
