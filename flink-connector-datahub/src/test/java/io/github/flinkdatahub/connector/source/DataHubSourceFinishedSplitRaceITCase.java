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

import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorState;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.github.flinkdatahub.connector.source.SourceTestUtils.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished-split event racing a checkpoint, in a MiniCluster against the emulator: the
 * enumerator's snapshot of checkpoint N is taken before it handles the reader's event for a
 * finished parent, the reader's snapshot of N after the reader finished it, and the job restores
 * from N. The children must still be read, every record once and per key in order. {@link
 * RaceForcingSource} forces the interleaving with timing alone and records the evidence, which the
 * test asserts, so that it fails instead of passing vacuously if the race stops happening.
 */
class DataHubSourceFinishedSplitRaceITCase {

    private static final ManualClock CLOCK = new ManualClock(Instant.now());
    private static final int KEYS = 8;
    private static final int PER_KEY_AND_SHARD_GENERATION = 60;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private EmulatorSourceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new EmulatorSourceFixture(EMULATOR.endpoint());
        RaceProbe.reset();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** Bounded (stop at the latest records at start): the job finishes; unbounded: all arrive. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {true, false})
    void childrenAreReadExactlyOnceAfterARestoreFromTheCheckpointTheEventMissed(boolean bounded)
            throws Exception {
        String topic = fixture.createTopic(1);
        int[] next = new int[KEYS];
        fixture.writeKeyed(topic, keyed(next)); // parent shard 0
        CLOCK.advance(Duration.ofSeconds(6)); // the emulator's split rate limit
        fixture.client().splitShard(fixture.project(), topic, "0"); // 0 CLOSED -> 1, 2
        fixture.client().waitForShardsReady(fixture.project(), topic, Duration.ofSeconds(30));
        fixture.writeKeyed(topic, keyed(next)); // the children
        int total = KEYS * PER_KEY_AND_SHARD_GENERATION * 2;
        String parent = DataHubShardSplit.splitId(topic, "0");

        DataHubSourceBuilder<String> builder = fixture.source(topic).setRecordsPerFetch(20);
        if (bounded) {
            builder.setStoppingPosition(StoppingPosition.latest());
        }
        StreamExecutionEnvironment env = env();
        CloseableIterator<String> results =
                env.fromSource(
                                new RaceForcingSource<>(builder.build(), parent),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .collectAsync();
        JobClient job = env.executeAsync("finished-split-race-it");
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> drained =
                CompletableFuture.runAsync(() -> results.forEachRemaining(got::add));
        try {
            awaitUntil(
                    () -> got.size() >= total || drained.isDone(),
                    DEADLINE,
                    "all " + total + " records (children stranded?)");
            if (bounded) {
                assertThat(job.getJobExecutionResult().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                        .isNotNull();
                drained.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
            }
        } catch (AssertionError | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "Got " + got.size() + " of " + total + "; " + RaceProbe.describe(), e);
        } finally {
            results.close(); // cancels the job if it still runs
        }

        assertRaceHappenedAndJobRestoredFromTheCheckpointItMissed(parent);
        assertExactlyOnceInKeyOrder(new ArrayList<>(got), PER_KEY_AND_SHARD_GENERATION * 2);
    }

    private static void assertRaceHappenedAndJobRestoredFromTheCheckpointItMissed(String parent) {
        String evidence = RaceProbe.describe();
        long n = RaceProbe.HELD_CHECKPOINT.get();
        assertThat(n)
                .as("a coordinator snapshot held the parent unfinished; " + evidence)
                .isPositive();
        DataHubEnumeratorState enumeratorAtN = RaceProbe.ENUMERATOR_SNAPSHOTS.get(n);
        assertThat(enumeratorAtN.assigned()).as(evidence).contains(parent);
        assertThat(enumeratorAtN.finished()).as(evidence).doesNotContain(parent);
        assertThat(RaceProbe.EVENT_HANDLED_AFTER_SNAPSHOT.get())
                .as("the enumerator handled the parent's event only after snapshot N; " + evidence)
                .isEqualTo(n);
        assertThat(RaceProbe.READER_SNAPSHOTS_AFTER_FINISH)
                .as("the reader's snapshot of N came after it finished the parent; " + evidence)
                .contains(n);
        assertThat(RaceProbe.FAILED_AFTER_CHECKPOINT.get())
                .as("the job failed once N completed; " + evidence)
                .isEqualTo(n);
        assertThat(RaceProbe.RESTORED)
                .as("the enumerator was restored once, from checkpoint N; " + evidence)
                .containsExactly(enumeratorAtN);
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(50);
        return env;
    }

    /** {@link #PER_KEY_AND_SHARD_GENERATION} records "kK:i" per key, i counting on per key. */
    private static List<String> keyed(int[] next) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < PER_KEY_AND_SHARD_GENERATION; i++) {
            for (int k = 0; k < KEYS; k++) {
                out.add("k" + k + ":" + next[k]++);
            }
        }
        return out;
    }

    private static void assertExactlyOnceInKeyOrder(List<String> got, int perKey) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (String v : got) {
            int colon = v.indexOf(':');
            byKey.computeIfAbsent(v.substring(0, colon), k -> new ArrayList<>())
                    .add(Integer.parseInt(v.substring(colon + 1)));
        }
        assertThat(byKey).hasSize(KEYS);
        List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
        byKey.forEach(
                (k, seq) -> assertThat(seq).as("key " + k).containsExactlyElementsOf(expected));
    }
}
