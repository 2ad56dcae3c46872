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

package io.github.flinkdatahub.connector.source.enumerator;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.StartingPosition;
import io.github.flinkdatahub.connector.source.StoppingPosition;
import io.github.flinkdatahub.connector.source.event.SplitsFinishedEvent;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.ShardPosition;
import io.github.flinkdatahub.connector.testutils.FakeCall;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;
import io.github.flinkdatahub.connector.testutils.FakeFailures;

import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.github.flinkdatahub.connector.source.SourceTestUtils.PROJECT;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.TOPIC;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.builder;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataHubSourceEnumeratorTest {

    private FakeDataHub hub;

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
        hub.createBlobTopic(PROJECT, TOPIC, 4);
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private static TestingSplitEnumeratorContext<DataHubShardSplit> context(int readers) {
        TestingSplitEnumeratorContext<DataHubShardSplit> ctx =
                new TestingSplitEnumeratorContext<>(readers);
        for (int i = 0; i < readers; i++) {
            ctx.registerReader(i, "host" + i);
        }
        return ctx;
    }

    /** Runs the scheduled discovery (periodic or one-shot) and its callback. */
    private static void discover(TestingSplitEnumeratorContext<DataHubShardSplit> ctx) {
        ctx.getExecutorService().triggerPeriodicScheduledTasks();
        ctx.triggerAllActions();
    }

    private static Map<Integer, List<String>> assignment(
            TestingSplitEnumeratorContext<DataHubShardSplit> ctx) {
        Map<Integer, List<String>> out = new TreeMap<>();
        ctx.getSplitAssignments()
                .forEach(
                        (reader, state) ->
                                out.put(
                                        reader,
                                        state.getAssignedSplits().stream()
                                                .map(DataHubShardSplit::shardId)
                                                .toList()));
        return out;
    }

    private DataHubSourceEnumerator enumerator(
            TestingSplitEnumeratorContext<DataHubShardSplit> ctx,
            DataHubSourceConfig config,
            DataHubEnumeratorState state) {
        DataHubSourceEnumerator e = new DataHubSourceEnumerator(ctx, config, state);
        e.start();
        return e;
    }

    @Test
    void assignsShardsEvenlyAndDeterministically() {
        var ctx = context(2);
        enumerator(ctx, builder(hub).build().config(), null);
        discover(ctx);
        assertThat(assignment(ctx)).isEqualTo(Map.of(0, List.of("0", "2"), 1, List.of("1", "3")));
        assertThat(hub.callCount(FakeCall.LIST_SHARDS)).isPositive();
    }

    @Test
    void discoveryRunsInCallAsyncNotOnTheCoordinatorThread() {
        var ctx = context(1);
        enumerator(ctx, builder(hub).build().config(), null);
        assertThat(hub.callCount(FakeCall.LIST_SHARDS))
                .as("nothing before the worker runs")
                .isZero();
        discover(ctx);
        assertThat(hub.callCount(FakeCall.LIST_SHARDS)).isPositive();
    }

    @Test
    void childrenOfMergeThenSplitAreAssignedOnlyAfterAllParentsFinished() {
        var ctx = context(2);
        DataHubSourceEnumerator e = enumerator(ctx, builder(hub).build().config(), null);
        discover(ctx);
        hub.merge(PROJECT, TOPIC, "0", "1"); // -> 4
        hub.split(PROJECT, TOPIC, "4"); // -> 5, 6
        discover(ctx);
        List<String> assigned = new ArrayList<>();
        assignment(ctx).values().forEach(assigned::addAll);
        assertThat(assigned).containsExactlyInAnyOrder("0", "1", "2", "3");

        e.handleSourceEvent(0, new SplitsFinishedEvent(Set.of("t/0")));
        assertThat(allAssigned(ctx)).doesNotContain("4");
        e.handleSourceEvent(1, new SplitsFinishedEvent(Set.of("t/1")));
        assertThat(allAssigned(ctx)).contains("4").doesNotContain("5", "6");
        DataHubShardSplit four = find(ctx, "4");
        assertThat(four.start().atEarliest()).as("later shards start at the beginning").isTrue();
        assertThat(four.parentShardIds()).containsExactly("0", "1");

        e.handleSourceEvent(0, new SplitsFinishedEvent(Set.of("t/4")));
        assertThat(allAssigned(ctx)).contains("5", "6");
    }

    private static List<String> allAssigned(TestingSplitEnumeratorContext<DataHubShardSplit> ctx) {
        List<String> all = new ArrayList<>();
        assignment(ctx).values().forEach(all::addAll);
        return all;
    }

    private static DataHubShardSplit find(
            TestingSplitEnumeratorContext<DataHubShardSplit> ctx, String shardId) {
        return ctx.getSplitAssignments().values().stream()
                .flatMap(s -> s.getAssignedSplits().stream())
                .filter(s -> s.shardId().equals(shardId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void restoreWithAnotherParallelismAssignsUnassignedAndReturnedSplits() throws Exception {
        var ctx = context(1);
        DataHubSourceEnumerator e = enumerator(ctx, builder(hub).build().config(), null);
        discover(ctx);
        hub.split(PROJECT, TOPIC, "0"); // children 4 and 5 wait for 0
        discover(ctx);
        DataHubEnumeratorState state = e.snapshotState(1);
        assertThat(state.unassigned())
                .extracting(DataHubShardSplit::shardId)
                .containsExactly("4", "5");
        assertThat(state.assigned()).containsExactlyInAnyOrder("t/0", "t/1", "t/2", "t/3");

        DataHubEnumeratorStateSerializer ser = DataHubEnumeratorStateSerializer.INSTANCE;
        DataHubEnumeratorState restored = ser.deserialize(1, ser.serialize(state));
        var ctx3 = context(3);
        DataHubSourceEnumerator e3 = enumerator(ctx3, builder(hub).build().config(), restored);
        discover(ctx3);
        assertThat(assignment(ctx3)).as("nothing new and nothing ready").isEmpty();

        // A reader of the new job fails before its first checkpoint and hands splits back.
        e3.addSplitsBack(
                List.of(DataHubShardSplit.of(TOPIC, "2", ShardPosition.atSequence(9), List.of())),
                2);
        e3.handleSourceEvent(0, new SplitsFinishedEvent(Set.of("t/0")));
        assertThat(assignment(ctx3))
                .isEqualTo(
                        new TreeMap<>(Map.of(0, List.of("2"), 1, List.of("4"), 2, List.of("5"))));
        assertThat(find(ctx3, "2").start()).isEqualTo(ShardPosition.atSequence(9));
    }

    @Test
    void boundedLatestRecordsEachShardsLatestSequenceAndSignalsNoMoreSplits() {
        write(hub, TOPIC, "0", "a", 3);
        write(hub, TOPIC, "2", "b", 1);
        var ctx = context(2);
        enumerator(
                ctx,
                builder(hub).setStoppingPosition(StoppingPosition.latest()).build().config(),
                null);
        ctx.triggerAllActions();
        assertThat(find(ctx, "0").stopSequence()).hasValue(2);
        assertThat(find(ctx, "1").stopSequence()).hasValue(-1);
        assertThat(find(ctx, "2").stopSequence()).hasValue(0);
        assertThat(ctx.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isTrue();
        assertThat(ctx.getSplitAssignments().get(1).hasReceivedNoMoreSplitsSignal()).isTrue();
    }

    @Test
    void boundedWithPendingChildrenSignalsNoMoreSplitsOnlyAfterTheyAreAssigned() {
        hub.split(PROJECT, TOPIC, "0");
        var ctx = context(1);
        DataHubSourceEnumerator e =
                enumerator(
                        ctx,
                        builder(hub)
                                .setStoppingPosition(StoppingPosition.latest())
                                .build()
                                .config(),
                        null);
        ctx.triggerAllActions();
        assertThat(ctx.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isFalse();
        e.handleSourceEvent(0, new SplitsFinishedEvent(Set.of("t/0")));
        assertThat(allAssigned(ctx)).contains("4", "5");
        assertThat(ctx.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isTrue();
    }

    @Test
    void startingPositionsResolveToConcreteSequences() {
        write(hub, TOPIC, "0", "a", 5);
        write(hub, TOPIC, "1", "b", 2);
        long t = hub.timeMillis();
        write(hub, TOPIC, "1", "c", 2);

        assertThat(startOf(StartingPosition.latest(), "0")).isEqualTo(ShardPosition.atSequence(5));
        assertThat(startOf(StartingPosition.latest(), "2")).isEqualTo(ShardPosition.atSequence(0));
        assertThat(startOf(StartingPosition.timestamp(t), "1"))
                .isEqualTo(ShardPosition.atSequence(2));
        assertThat(startOf(StartingPosition.timestamp(t), "0"))
                .isEqualTo(ShardPosition.atSequence(5));
        assertThat(startOf(StartingPosition.earliest(), "0")).isEqualTo(ShardPosition.earliest());
        StartingPosition seq =
                StartingPosition.sequences(Map.of("0", 3L), StartingPosition.Fallback.LATEST);
        assertThat(startOf(seq, "0")).isEqualTo(ShardPosition.atSequence(3));
        assertThat(startOf(seq, "1")).isEqualTo(ShardPosition.atSequence(4));
    }

    @Test
    void subscriptionStartUsesCommittedPlusOneAndTheFallback() {
        write(hub, TOPIC, "0", "a", 5);
        String sub;
        try (DataHubClient c = hub.client()) {
            sub = c.createSubscription(PROJECT, TOPIC, "test");
            c.resetOffsets(
                    PROJECT,
                    TOPIC,
                    sub,
                    Map.of(
                            "0",
                            io.github.flinkdatahub.connector.client.SubscriptionOffset.forReset(
                                    2, 0)));
        }
        var ctx = context(1);
        enumerator(
                ctx,
                builder(hub)
                        .setSubscriptionId(sub)
                        .setStartingPosition(
                                StartingPosition.subscription(StartingPosition.Fallback.EARLIEST))
                        .build()
                        .config(),
                null);
        discover(ctx);
        // Committed (2, batch index 0) was processed: continue with the record after it, which
        // the split reader finds by reading batch 2 and dropping its first record.
        assertThat(find(ctx, "0").start()).isEqualTo(ShardPosition.atSequence(2, 1));
        assertThat(find(ctx, "1").start()).isEqualTo(ShardPosition.earliest());
    }

    @Test
    void fallbackFailNamesTheShard() {
        var ctx = context(1);
        DataHubSourceEnumerator e =
                enumerator(
                        ctx,
                        builder(hub)
                                .setStartingPosition(
                                        StartingPosition.sequences(
                                                Map.of("0", 0L), StartingPosition.Fallback.FAIL))
                                .build()
                                .config(),
                        null);
        assertThatThrownBy(e::discover)
                .hasMessageContaining(
                        "shard t/1 has no sequence in the map and the fallback is FAIL");
    }

    @Test
    void periodicDiscoveryFailureIsRetriedAtTheNextInterval() {
        var ctx = context(1);
        DataHubSourceEnumerator e = enumerator(ctx, builder(hub).build().config(), null);
        discover(ctx);
        hub.split(PROJECT, TOPIC, "3");
        hub.failNext(FakeCall.LIST_SHARDS, FakeFailures.serverError());
        long before = hub.callCount(FakeCall.LIST_SHARDS);
        discover(ctx); // the first listing fails and is logged; the job keeps running
        discover(ctx);
        assertThat(hub.callCount(FakeCall.LIST_SHARDS)).isGreaterThan(before + 1);
        assertThat(hub.pendingFailures()).isZero();
        // 3 was split into 4 and 5: they are known now and wait for 3 to finish.
        DataHubEnumeratorState state = e.snapshotState(1);
        assertThat(state.unassigned())
                .extracting(DataHubShardSplit::shardId)
                .containsExactly("4", "5");
    }

    private ShardPosition startOf(StartingPosition position, String shardId) {
        var ctx = context(1);
        enumerator(ctx, builder(hub).setStartingPosition(position).build().config(), null);
        discover(ctx);
        return find(ctx, shardId).start();
    }

    @Test
    void boundedTimestampInThePastAlsoStopsAtTheLatestSequenceAtStart() {
        write(hub, TOPIC, "0", "a", 4);
        var ctx = context(1);
        enumerator(
                ctx,
                builder(hub)
                        .setStoppingPosition(StoppingPosition.timestamp(1000L))
                        .build()
                        .config(),
                null);
        ctx.triggerAllActions();
        DataHubShardSplit zero = find(ctx, "0");
        assertThat(zero.stopTimestamp()).hasValue(1000L);
        assertThat(zero.stopSequence()).hasValue(3);

        var future = context(1);
        long inAnHour = System.currentTimeMillis() + 3_600_000L;
        enumerator(
                future,
                builder(hub)
                        .setStoppingPosition(StoppingPosition.timestamp(inAnHour))
                        .build()
                        .config(),
                null);
        future.triggerAllActions();
        assertThat(find(future, "0").stopSequence()).as("records may still come").isEmpty();
    }

    @Test
    void aListingBeforeThePreviousCallbackNeitherRepeatsSplitsNorAppliesTheStartAgain() {
        write(hub, TOPIC, "0", "a", 3);
        var ctx = context(1);
        DataHubSourceEnumerator e =
                new DataHubSourceEnumerator(
                        ctx,
                        builder(hub)
                                .setStartingPosition(StartingPosition.latest())
                                .build()
                                .config(),
                        null);
        List<DataHubShardSplit> first = e.discover();
        assertThat(first).hasSize(4);
        assertThat(first.get(0).start()).isEqualTo(ShardPosition.atSequence(3));
        hub.split(PROJECT, TOPIC, "0");
        List<DataHubShardSplit> second = e.discover(); // the first callback has not run yet
        assertThat(second).extracting(DataHubShardSplit::shardId).containsExactly("4", "5");
        assertThat(second).allSatisfy(s -> assertThat(s.start().atEarliest()).isTrue());
    }
}
