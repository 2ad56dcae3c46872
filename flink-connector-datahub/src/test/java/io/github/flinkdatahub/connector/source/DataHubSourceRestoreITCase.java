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

import io.github.flinkdatahub.connector.testutils.JobCounters;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restores in a MiniCluster against the emulator: a restored position that expired meanwhile (both
 * policies), and a failure right after a parent shard finished, when the reader's finished event
 * and a checkpoint race.
 */
class DataHubSourceRestoreITCase {

    private static final ManualClock CLOCK = new ManualClock(Instant.now());
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    /** Values seen by {@link Collect}, across jobs of one test. */
    static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    private EmulatorSourceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new EmulatorSourceFixture(EMULATOR.endpoint());
        SEEN.clear();
    }

    @AfterEach
    void tearDown() {
        EMULATOR.emulator().faults().clear();
        fixture.close();
    }

    private static List<String> values(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** Records every value it sees into {@link #SEEN}. */
    static final class Collect implements MapFunction<String, String> {
        @Override
        public String map(String value) {
            SEEN.add(value);
            return value;
        }
    }

    private static StreamExecutionEnvironment env(String savepoint, boolean restart) {
        Configuration conf = new Configuration();
        if (restart) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            conf.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(100));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(1);
        env.enableCheckpointing(100);
        return env;
    }

    private JobClient start(StreamExecutionEnvironment env, DataHubSource<String> source)
            throws Exception {
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "datahub")
                .uid("datahub-source")
                .map(new Collect())
                .uid("collect")
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync("restore-it");
    }

    private static void awaitSeen(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (SEEN.size() < count) {
            assertThat(System.nanoTime()).as("%s values seen in time", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anExpiredRestoredPositionFailsByDefaultAndContinuesFromTheOldestWithEarliest(
            @TempDir Path savepoints) throws Exception {
        String topic = fixture.createTopic(1); // lifecycle 1 day
        fixture.writeToShard(topic, "0", values("old", 10)); // sequences 0..9
        JobClient first = start(env(null, true), fixture.source(topic).build());
        awaitSeen(10);
        String savepoint =
                first.stopWithSavepoint(
                                false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(60, TimeUnit.SECONDS);
        // The savepoint's position is sequence 10. It expires: written, then two days pass.
        fixture.writeToShard(topic, "0", values("missed", 10)); // 10..19
        CLOCK.advance(Duration.ofDays(2));
        List<String> fresh = fixture.writeToShard(topic, "0", values("new", 5)); // 20..24

        JobClient failing = start(env(savepoint, false), fixture.source(topic).build());
        assertThatThrownBy(() -> failing.getJobExecutionResult().get(60, TimeUnit.SECONDS))
                .hasStackTraceContaining("(next sequence 10) has expired")
                .hasStackTraceContaining("oldest available sequence is 20");

        SEEN.clear();
        JobClient lenient =
                start(
                        env(savepoint, false),
                        fixture.source(topic)
                                .setExpiredPositionPolicy(ExpiredPositionPolicy.EARLIEST)
                                .build());
        try {
            awaitSeen(5);
            assertThat(new ArrayList<>(SEEN)).containsExactlyElementsOf(fresh);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sum(lenient.getJobID(), "expiredRecordsSkipped") < 10) {
                assertThat(System.nanoTime()).as("skipped records counted").isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(sum(lenient.getJobID(), "expiredRecordsSkipped")).isEqualTo(10);
        } finally {
            lenient.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** The sum of a counter over every (also closed) metric group of the job. */
    private static long sum(JobID job, String counter) {
        return JobCounters.sum(METRICS, job, counter);
    }

    /** Where the job fails relative to the end of the parent shard. */
    enum FailurePoint {
        /** On the parent's last record. */
        PARENT_LAST_RECORD,
        /**
         * On the first child record after a checkpoint completed that followed the parent's end.
         */
        FIRST_CHILD_AFTER_A_CHECKPOINT
    }

    /** Fails the job once at the {@link FailurePoint}. */
    static final class FailAroundParentEnd
            implements MapFunction<String, String>, CheckpointListener {
        static volatile FailurePoint point;
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger CHECKPOINTS = new AtomicInteger();
        static final AtomicInteger AT_PARENT_END = new AtomicInteger(-1);

        @Override
        public String map(String value) {
            if (FAILED.get()) {
                return value;
            }
            if (value.equals(LAST_PARENT)) {
                AT_PARENT_END.compareAndSet(-1, CHECKPOINTS.get());
                if (point == FailurePoint.PARENT_LAST_RECORD && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("Injected failure on the parent's last record");
                }
            } else if (value.startsWith("c")
                    && point == FailurePoint.FIRST_CHILD_AFTER_A_CHECKPOINT
                    && AT_PARENT_END.get() >= 0
                    && CHECKPOINTS.get() > AT_PARENT_END.get()
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected failure after the parent finished");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    private static final String LAST_PARENT = "p-299";

    @ParameterizedTest
    @EnumSource(FailurePoint.class)
    void aFailureAroundTheEndOfAParentStillReadsItsChildrenExactlyOnce(FailurePoint point)
            throws Exception {
        String topic = fixture.createTopic(1);
        List<String> expected = new ArrayList<>(fixture.writeToShard(topic, "0", values("p", 300)));
        CLOCK.advance(Duration.ofSeconds(6)); // a new shard cannot be split for 5 s
        fixture.client().splitShard(fixture.project(), topic, "0"); // -> 1, 2
        fixture.client().waitForShardsReady(fixture.project(), topic, Duration.ofSeconds(30));
        expected.addAll(fixture.writeToShard(topic, "1", values("c1", 300)));
        expected.addAll(fixture.writeToShard(topic, "2", values("c2", 300)));
        FailAroundParentEnd.point = point;
        FailAroundParentEnd.FAILED.set(false);
        FailAroundParentEnd.CHECKPOINTS.set(0);
        FailAroundParentEnd.AT_PARENT_END.set(-1);
        // 20 ms per read: checkpoints complete while the parent and the children are read.
        EMULATOR.emulator().faults().latency("GetRecords", Duration.ofMillis(20));
        StreamExecutionEnvironment env = env(null, true);
        env.enableCheckpointing(10);
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(
                                fixture.source(topic).setRecordsPerFetch(10).build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .map(new FailAroundParentEnd())
                        .executeAndCollect()) {
            while (got.size() < expected.size()) {
                got.add(it.next());
            }
        }
        assertThat(FailAroundParentEnd.FAILED).as("the failure was injected").isTrue();
        assertThat(FailAroundParentEnd.AT_PARENT_END.get())
                .as("checkpoints completed before the parent ended")
                .isPositive();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        // Children only after the whole parent (the restored job re-reads no child early).
        assertThat(got.indexOf(LAST_PARENT))
                .isLessThan(
                        IntStream.range(0, got.size())
                                .filter(i -> got.get(i).startsWith("c"))
                                .min()
                                .orElseThrow());
    }
}
