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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event time: records carry their DataHub system time, and neither a reader without splits nor an
 * empty shard holds the watermark back when the strategy has idleness.
 */
class DataHubSourceWatermarkITCase {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(3)
                            .build());

    /** Counts the elements of a window. */
    static final class Count implements AggregateFunction<String, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(String value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    @Test
    void idleReadersAndEmptyShardsDoNotHoldBackEventTimeWindows() throws Exception {
        try (EmulatorSourceFixture fixture = new EmulatorSourceFixture(EMULATOR.endpoint())) {
            String topic =
                    fixture.createTopic(
                            2); // shard 1 stays empty; parallelism 3 leaves a reader idle
            fixture.writeToShard(topic, "0", values("w0", 7));
            CLOCK.advance(Duration.ofMinutes(1));
            fixture.writeToShard(topic, "0", values("w1", 3));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(3);
            WatermarkStrategy<String> strategy =
                    WatermarkStrategy.<String>forMonotonousTimestamps()
                            .withIdleness(Duration.ofMillis(500));
            try (CloseableIterator<Long> it =
                    env.fromSource(fixture.source(topic).build(), strategy, "datahub")
                            .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(30)))
                            .aggregate(new Count())
                            .executeAndCollect()) {
                // The first window closes once the second write's time passes the watermark.
                assertThat(it.next()).isEqualTo(7L);
            }
        }
    }

    /**
     * Shard 0 holds minutes 0-4, shard 1 minutes 5-9; one reader holds both, and every GetRecords
     * takes 200 ms, so reading a shard takes about 6 s. With a 10 s drift, alignment pauses shard 1
     * as soon as its first watermark is known and resumes it only when shard 0 is done, so only the
     * few records shard 1 delivered before the first announcement come before the last early
     * record. Without alignment the two shards are read side by side.
     */
    @Test
    void splitLevelWatermarkAlignmentPausesTheShardAheadAndStillReadsEverything() throws Exception {
        try (EmulatorSourceFixture fixture = new EmulatorSourceFixture(EMULATOR.endpoint())) {
            String topic = fixture.createTopic(2);
            List<String> expected = new java.util.ArrayList<>();
            for (int minute = 0; minute < 5; minute++) {
                expected.addAll(fixture.writeToShard(topic, "0", values("early" + minute, 60)));
                CLOCK.advance(Duration.ofMinutes(1));
            }
            for (int minute = 0; minute < 5; minute++) {
                expected.addAll(fixture.writeToShard(topic, "1", values("late" + minute, 60)));
                CLOCK.advance(Duration.ofMinutes(1));
            }
            EMULATOR.emulator().faults().latency("GetRecords", Duration.ofMillis(200));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1); // both shards in one reader: alignment must pause a split
            WatermarkStrategy<String> strategy =
                    WatermarkStrategy.<String>forMonotonousTimestamps()
                            .withWatermarkAlignment(
                                    "datahub", Duration.ofSeconds(10), Duration.ofMillis(100));
            List<String> got;
            try {
                got =
                        env.fromSource(
                                        fixture.source(topic)
                                                .setRecordsPerFetch(10)
                                                .setStoppingPosition(StoppingPosition.latest())
                                                .build(),
                                        strategy,
                                        "datahub")
                                .executeAndCollect(1000);
            } finally {
                EMULATOR.emulator().faults().clear();
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
            int lastEarly = -1;
            for (int i = 0; i < got.size(); i++) {
                if (got.get(i).startsWith("early")) {
                    lastEarly = i;
                }
            }
            long lateBeforeLastEarly =
                    got.subList(0, lastEarly).stream().filter(v -> v.startsWith("late")).count();
            // Unaligned, about 300 of the 300 late records would come before the last early one.
            assertThat(lateBeforeLastEarly)
                    .as("late records read while shard 1 should have been paused")
                    .isLessThan(100);
        }
    }

    private static List<String> values(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
    }
}
