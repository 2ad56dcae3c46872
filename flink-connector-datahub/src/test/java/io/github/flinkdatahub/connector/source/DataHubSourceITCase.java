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

import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source in a MiniCluster against the emulator: bounded reads, resharding, faults, offsets. */
class DataHubSourceITCase {

    /**
     * Records per key and phase in the split/merge test: 30 by default (seconds); a soak run sets
     * e.g. {@code -Ddatahub.source.soak.perKey=20000}.
     */
    private static final int SOAK_PER_KEY = Integer.getInteger("datahub.source.soak.perKey", 30);

    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(4)
                            .build());

    private EmulatorSourceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new EmulatorSourceFixture(EMULATOR.endpoint());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static List<String> values(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static StreamExecutionEnvironment env(int parallelism, long checkpointMillis) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        if (checkpointMillis > 0) {
            env.enableCheckpointing(checkpointMillis);
        }
        return env;
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"STREAMING", "BATCH"})
    void boundedLatestFinishesWithExactlyTheRecordsAtStart(RuntimeExecutionMode mode)
            throws Exception {
        String topic = fixture.createTopic(4);
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            expected.addAll(
                    fixture.writeToShard(topic, Integer.toString(s), values("s" + s, 250 + s)));
        }
        StreamExecutionEnvironment env = env(2, 0);
        env.setRuntimeMode(mode);
        List<String> got =
                env.fromSource(
                                fixture.source(topic)
                                        .setStoppingPosition(StoppingPosition.latest())
                                        .setRecordsPerFetch(100)
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect(10_000);
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void boundedBySequencesReadsExactlyUpToTheStop() throws Exception {
        String topic = fixture.createTopic(2);
        List<String> a = fixture.writeToShard(topic, "0", values("a", 50));
        List<String> b = fixture.writeToShard(topic, "1", values("b", 50));
        List<String> got =
                env(1, 0)
                        .fromSource(
                                fixture.source(topic)
                                        .setStartingPosition(
                                                StartingPosition.sequences(
                                                        Map.of("0", 10L),
                                                        StartingPosition.Fallback.EARLIEST))
                                        .setStoppingPosition(
                                                StoppingPosition.sequences(
                                                        Map.of("0", 19L, "1", 4L)))
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect(1000);
        List<String> expected = new ArrayList<>(a.subList(10, 20));
        expected.addAll(b.subList(0, 5));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void splitAndMergeWhileReadingKeepsEveryRecordOnceAndPerKeyOrder() throws Exception {
        String topic = fixture.createTopic(2);
        int keys = 8;
        int perKeyAndPhase = SOAK_PER_KEY;
        AtomicInteger[] next = new AtomicInteger[keys];
        for (int k = 0; k < keys; k++) {
            next[k] = new AtomicInteger();
        }
        fixture.writeKeyed(topic, keyed(keys, next, perKeyAndPhase));
        StreamExecutionEnvironment env = env(1, 200);
        int total = keys * perKeyAndPhase * 3;
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(
                                fixture.source(topic).setRecordsPerFetch(50).build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect()) {
            while (got.size() < total / 12) { // part of the first phase
                got.add(it.next());
            }
            CLOCK.advance(Duration.ofSeconds(6)); // the emulator's split/merge rate limit
            fixture.client().splitShard(fixture.project(), topic, "0");
            fixture.client().waitForShardsReady(fixture.project(), topic, Duration.ofSeconds(30));
            fixture.writeKeyed(topic, keyed(keys, next, perKeyAndPhase));
            CLOCK.advance(Duration.ofSeconds(6));
            fixture.client().mergeShard(fixture.project(), topic, "2", "3");
            fixture.client().waitForShardsReady(fixture.project(), topic, Duration.ofSeconds(30));
            fixture.writeKeyed(topic, keyed(keys, next, perKeyAndPhase));
            while (got.size() < total) {
                got.add(it.next());
            }
        }
        assertExactlyOnceInKeyOrder(got, keys, perKeyAndPhase * 3);
    }

    private static List<String> keyed(int keys, AtomicInteger[] next, int perKey) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                out.add("k" + k + ":" + next[k].getAndIncrement());
            }
        }
        return out;
    }

    private static void assertExactlyOnceInKeyOrder(List<String> got, int keys, int perKey) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (String v : got) {
            int colon = v.indexOf(':');
            byKey.computeIfAbsent(v.substring(0, colon), k -> new ArrayList<>())
                    .add(Integer.parseInt(v.substring(colon + 1)));
        }
        assertThat(byKey).hasSize(keys);
        List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
        byKey.forEach(
                (k, seq) -> assertThat(seq).as("key " + k).containsExactlyElementsOf(expected));
    }

    /**
     * Fails once, on a record of the parent shard (index below 400 of 500 per key) after a
     * checkpoint completed: the job restores from a checkpoint taken while the parent was half
     * read.
     */
    static final class FailOnce implements MapFunction<String, String>, CheckpointListener {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public String map(String value) {
            if (SEEN.incrementAndGet() > 300
                    && CHECKPOINTED.get()
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected failure while the parent is half read");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void restoreFromACheckpointTakenWhileAParentWasHalfRead() throws Exception {
        String topic = fixture.createTopic(1);
        int keys = 4;
        AtomicInteger[] next = new AtomicInteger[keys];
        for (int k = 0; k < keys; k++) {
            next[k] = new AtomicInteger();
        }
        fixture.writeKeyed(topic, keyed(keys, next, 500)); // 2,000 records in the parent
        CLOCK.advance(Duration.ofSeconds(6));
        fixture.client().splitShard(fixture.project(), topic, "0");
        fixture.client().waitForShardsReady(fixture.project(), topic, Duration.ofSeconds(30));
        fixture.writeKeyed(topic, keyed(keys, next, 100)); // into the children
        FailOnce.FAILED.set(false);
        FailOnce.CHECKPOINTED.set(false);
        FailOnce.SEEN.set(0);
        StreamExecutionEnvironment env = env(1, 100);
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(
                                fixture.source(topic).setRecordsPerFetch(10).build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .map(new FailOnce())
                        .executeAndCollect()) {
            while (got.size() < keys * 600) {
                got.add(it.next());
            }
        }
        assertThat(FailOnce.FAILED).isTrue();
        assertExactlyOnceInKeyOrder(got, keys, 600);
    }

    @Test
    void throttlingAndTenPercentServerErrorsLoseNothing() throws Exception {
        String topic = fixture.createTopic(2);
        List<String> expected = new ArrayList<>(fixture.writeToShard(topic, "0", values("a", 400)));
        expected.addAll(fixture.writeToShard(topic, "1", values("b", 400)));
        EMULATOR.emulator().faults().seed(7).errorRate("GetRecords", "InternalServerError", 0.1);
        List<String> got =
                env(2, 0)
                        .fromSource(
                                fixture.source(topic)
                                        .setRecordsPerFetch(20)
                                        .setStoppingPosition(StoppingPosition.latest())
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect(10_000);
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void expiredStartSequenceFailsByDefaultAndContinuesWithEarliestPolicy() throws Exception {
        String topic = fixture.createTopic(1); // lifecycle 1 day
        fixture.writeToShard(topic, "0", values("old", 10));
        CLOCK.advance(Duration.ofDays(2));
        List<String> fresh = fixture.writeToShard(topic, "0", values("new", 5));
        StartingPosition fromZero =
                StartingPosition.sequences(Map.of("0", 0L), StartingPosition.Fallback.FAIL);

        assertThatThrownBy(
                        () ->
                                env(1, 0)
                                        .fromSource(
                                                fixture.source(topic)
                                                        .setStartingPosition(fromZero)
                                                        .setStoppingPosition(
                                                                StoppingPosition.latest())
                                                        .build(),
                                                WatermarkStrategy.noWatermarks(),
                                                "datahub")
                                        .executeAndCollect(100))
                .hasStackTraceContaining("(next sequence 0) has expired")
                .hasStackTraceContaining("oldest available sequence is 10");

        List<String> got =
                env(1, 0)
                        .fromSource(
                                fixture.source(topic)
                                        .setStartingPosition(fromZero)
                                        .setExpiredPositionPolicy(ExpiredPositionPolicy.EARLIEST)
                                        .setStoppingPosition(StoppingPosition.latest())
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect(100);
        assertThat(got).containsExactlyElementsOf(fresh);
    }

    @Test
    void subscriptionOffsetsMatchWhatWasEmittedAfterACheckpoint() throws Exception {
        String topic = fixture.createTopic(2);
        fixture.writeToShard(topic, "0", values("a", 120));
        fixture.writeToShard(topic, "1", values("b", 80));
        String sub = fixture.client().createSubscription(fixture.project(), topic, "it");
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env(2, 100)
                        .fromSource(
                                fixture.source(topic).setSubscriptionId(sub).build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect()) {
            while (got.size() < 200) {
                got.add(it.next());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<String, SubscriptionOffset> offsets = Map.of();
            while (System.nanoTime() < deadline) {
                offsets =
                        fixture.client()
                                .getOffsets(fixture.project(), topic, sub, List.of("0", "1"));
                if (offsets.get("0").sequence() == 119 && offsets.get("1").sequence() == 79) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(offsets.get("0").sequence()).isEqualTo(119);
            assertThat(offsets.get("1").sequence()).isEqualTo(79);
            assertThat(offsets.get("0").timestamp()).isPositive();
        }
        // A new job without a savepoint starts after the committed offsets.
        fixture.writeToShard(topic, "0", values("c", 3));
        List<String> rest =
                env(1, 0)
                        .fromSource(
                                fixture.source(topic)
                                        .setSubscriptionId(sub)
                                        .setStartingPosition(
                                                StartingPosition.subscription(
                                                        StartingPosition.Fallback.FAIL))
                                        .setStoppingPosition(StoppingPosition.latest())
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .executeAndCollect(100);
        assertThat(rest).containsExactly("c-0", "c-1", "c-2");
    }
}
