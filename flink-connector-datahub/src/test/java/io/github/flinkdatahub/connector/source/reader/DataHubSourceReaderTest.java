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

package io.github.flinkdatahub.connector.source.reader;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.source.DataHubSourceBuilder;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.ExpiredPositionPolicy;
import io.github.flinkdatahub.connector.source.event.SplitsFinishedEvent;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.ShardPosition;
import io.github.flinkdatahub.connector.testutils.FakeCall;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;
import io.github.flinkdatahub.connector.testutils.FakeFailures;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.flinkdatahub.connector.source.SourceTestUtils.PROJECT;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.TOPIC;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.awaitUntil;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.builder;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataHubSourceReaderTest {

    private FakeDataHub hub;
    private final List<DataHubSourceReader<String>> readers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
        hub.createBlobTopic(PROJECT, TOPIC, 4);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (DataHubSourceReader<String> r : readers) {
            r.close();
        }
        hub.close();
    }

    private DataHubSourceReader<String> reader(
            DataHubSourceBuilder<String> b, TestingReaderContext ctx) {
        DataHubSourceConfig config = b.build().config();
        DataHubSourceReader<String> r =
                DataHubSourceReader.create(
                        config,
                        io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema
                                .valueOnly(new SimpleStringSchema()),
                        ctx);
        r.start();
        readers.add(r);
        return r;
    }

    private static DataHubShardSplit split(String shard, ShardPosition start) {
        return DataHubShardSplit.of(TOPIC, shard, start, List.of());
    }

    /** Polls until {@code n} records were emitted in total. */
    private static void pollUntil(
            DataHubSourceReader<String> r, TestingReaderOutput<String> out, int n)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.getEmittedRecords().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Only " + out.getEmittedRecords().size() + " of " + n + " records");
            }
            InputStatus status = r.pollNext(out);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                try {
                    r.isAvailable().get(50, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException ignored) {
                    // poll again
                }
            }
        }
    }

    @Test
    void readsEveryShardInOrderAndRestoresExactlyFromASnapshot() throws Exception {
        List<String> expected = new ArrayList<>();
        expected.addAll(write(hub, TOPIC, "0", "a", 30));
        expected.addAll(write(hub, TOPIC, "1", "b", 20));
        TestingReaderContext ctx = new TestingReaderContext();
        DataHubSourceReader<String> r = reader(builder(hub).setRecordsPerFetch(7), ctx);
        r.addSplits(
                List.of(
                        split("0", ShardPosition.earliest()),
                        split("1", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 25);

        List<DataHubShardSplit> snapshot = r.snapshotState(1);
        List<String> firstPart = new ArrayList<>(out.getEmittedRecords());
        r.close();
        readers.remove(r);

        DataHubSourceReader<String> restored = reader(builder(hub), new TestingReaderContext());
        restored.addSplits(snapshot);
        TestingReaderOutput<String> out2 = new TestingReaderOutput<>();
        pollUntil(restored, out2, expected.size() - firstPart.size());

        List<String> all = new ArrayList<>(firstPart);
        all.addAll(out2.getEmittedRecords());
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(all.stream().filter(v -> v.startsWith("a")).toList())
                .containsExactlyElementsOf(expected.subList(0, 30));
    }

    @Test
    void keepsSeveralFetchesInFlightAcrossShards() throws Exception {
        hub.close();
        hub = new FakeDataHub();
        hub.createBlobTopic(PROJECT, TOPIC, 16);
        List<DataHubShardSplit> splits = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            write(hub, TOPIC, Integer.toString(i), "s" + i, 3);
            splits.add(split(Integer.toString(i), ShardPosition.earliest()));
        }
        hub.hold(FakeCall.GET_RECORDS);
        DataHubSourceReader<String> r =
                reader(builder(hub).setFetchesInFlight(5), new TestingReaderContext());
        r.addSplits(splits);
        awaitUntil(
                () -> hub.heldCount(FakeCall.GET_RECORDS) == 5,
                Duration.ofSeconds(10),
                "five fetches in flight at once");
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        r.pollNext(out);
        assertThat(hub.heldCount(FakeCall.GET_RECORDS))
                .as("never more than the limit")
                .isEqualTo(5);
        hub.release(FakeCall.GET_RECORDS);
        pollUntil(r, out, 48);
        assertThat(out.getEmittedRecords()).hasSize(48);
    }

    @Test
    void closedShardFinishesAndStaysInStateUntilALaterCheckpointCompletes() throws Exception {
        write(hub, TOPIC, "0", "a", 5);
        hub.split(PROJECT, TOPIC, "0");
        TestingReaderContext ctx = new TestingReaderContext();
        DataHubSourceReader<String> r = reader(builder(hub), ctx);
        r.addSplits(List.of(split("0", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 5);
        awaitUntil(
                () -> {
                    pollQuietly(r, out);
                    return !ctx.getSentEvents().isEmpty();
                },
                Duration.ofSeconds(10),
                "finished event");
        assertThat(ctx.getSentEvents())
                .containsExactly(new SplitsFinishedEvent(java.util.Set.of("t/0")));

        List<DataHubShardSplit> s1 = r.snapshotState(1);
        assertThat(s1)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.isFinished()).isTrue();
                            assertThat(s.start()).isEqualTo(ShardPosition.atSequence(5));
                        });
        r.notifyCheckpointComplete(1);
        assertThat(r.snapshotState(2)).hasSize(1);
        r.notifyCheckpointComplete(2);
        assertThat(r.snapshotState(3)).isEmpty();

        // A reader restored from checkpoint 1 re-reports the finished split.
        TestingReaderContext ctx2 = new TestingReaderContext();
        DataHubSourceReader<String> again = reader(builder(hub), ctx2);
        again.addSplits(s1);
        assertThat(ctx2.getSentEvents())
                .containsExactly(new SplitsFinishedEvent(java.util.Set.of("t/0")));
    }

    private static void pollQuietly(
            DataHubSourceReader<String> r, TestingReaderOutput<String> out) {
        try {
            r.pollNext(out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stopSequenceEmitsExactlyUpToTheStop() throws Exception {
        write(hub, TOPIC, "0", "a", 10);
        TestingReaderContext ctx = new TestingReaderContext();
        DataHubSourceReader<String> r = reader(builder(hub).setRecordsPerFetch(3), ctx);
        r.addSplits(
                List.of(
                        new DataHubShardSplit(
                                TOPIC,
                                "0",
                                ShardPosition.earliest(),
                                4L,
                                null,
                                List.of(),
                                null,
                                null,
                                false)));
        r.notifyNoMoreSplits();
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        InputStatus status = InputStatus.MORE_AVAILABLE;
        while (status != InputStatus.END_OF_INPUT && System.nanoTime() < deadline) {
            status = r.pollNext(out);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                r.isAvailable().get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(status).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.getEmittedRecords()).containsExactly("a-0", "a-1", "a-2", "a-3", "a-4");
    }

    @Test
    void throttlingAndServerErrorsBeyondTheClientRetriesAreRetriedByTheReader() throws Exception {
        write(hub, TOPIC, "0", "a", 10);
        hub.failNext(FakeCall.GET_RECORDS, "0", FakeFailures.throttled(), 2);
        hub.failNext(FakeCall.GET_RECORDS, "0", FakeFailures.serverError(), 2);
        DataHubSourceReader<String> r =
                reader(
                        builder(hub).setFetchRetries(4).setMaxFetchBackoff(Duration.ofMillis(20)),
                        new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 10);
        assertThat(out.getEmittedRecords()).hasSize(10);
        assertThat(r.metrics().count("fetchRetries")).isEqualTo(4);
    }

    @Test
    void failsOnceTheReaderRetryBoundIsExceeded() throws Exception {
        write(hub, TOPIC, "0", "a", 1);
        hub.failNext(FakeCall.GET_RECORDS, "0", FakeFailures.serverError(), 5);
        DataHubSourceReader<String> r =
                reader(
                        builder(hub).setFetchRetries(2).setMaxFetchBackoff(Duration.ofMillis(5)),
                        new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        assertThatThrownBy(() -> pollUntil(r, out, 1))
                .hasStackTraceContaining("failed 3 times in a row")
                .hasStackTraceContaining("setFetchRetries allows 2");
    }

    @Test
    void fatalErrorsFailAtOnce() {
        write(hub, TOPIC, "0", "a", 1);
        hub.failNext(FakeCall.GET_RECORDS, "0", FakeFailures.unauthorized(), 1);
        DataHubSourceReader<String> r = reader(builder(hub), new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.earliest())));
        assertThatThrownBy(() -> pollUntil(r, new TestingReaderOutput<>(), 1))
                .hasStackTraceContaining("Reading shard t/0 failed");
    }

    @Test
    void invalidCursorReSeeksBySequenceWithoutLossOrDuplicates() throws Exception {
        List<String> expected = write(hub, TOPIC, "0", "a", 10);
        hub.failNext(FakeCall.GET_RECORDS, "0", FakeFailures.expiredCursor(), 1);
        DataHubSourceReader<String> r =
                reader(builder(hub).setRecordsPerFetch(4), new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.atSequence(2))));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 8);
        assertThat(out.getEmittedRecords()).containsExactlyElementsOf(expected.subList(2, 10));
    }

    @Test
    void expiredPositionFailsByDefaultNamingShardPositionAndOldest() {
        write(hub, TOPIC, "0", "a", 10);
        hub.expireBefore(PROJECT, TOPIC, "0", 5);
        DataHubSourceReader<String> r = reader(builder(hub), new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.atSequence(2))));
        assertThatThrownBy(() -> pollUntil(r, new TestingReaderOutput<>(), 1))
                .hasStackTraceContaining("shard t/0 (next sequence 2) has expired")
                .hasStackTraceContaining("oldest available sequence is 5");
    }

    @Test
    void expiredPositionWithEarliestPolicyContinuesAndCountsSkipped() throws Exception {
        List<String> values = write(hub, TOPIC, "0", "a", 10);
        hub.expireBefore(PROJECT, TOPIC, "0", 5);
        DataHubSourceReader<String> r =
                reader(
                        builder(hub).setExpiredPositionPolicy(ExpiredPositionPolicy.EARLIEST),
                        new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.atSequence(2))));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 5);
        assertThat(out.getEmittedRecords()).containsExactlyElementsOf(values.subList(5, 10));
        assertThat(r.metrics().count("expiredRecordsSkipped")).isEqualTo(3);
    }

    @Test
    void commitsEmittedPositionsToTheSubscriptionOnCheckpointComplete() throws Exception {
        write(hub, TOPIC, "0", "a", 6);
        String sub;
        try (DataHubClient c = hub.client()) {
            sub = c.createSubscription(PROJECT, TOPIC, "t");
        }
        DataHubSourceReader<String> r =
                reader(builder(hub).setSubscriptionId(sub), new TestingReaderContext());
        r.addSplits(
                List.of(
                        split("0", ShardPosition.earliest()),
                        split("1", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 6);
        r.snapshotState(7);
        r.notifyCheckpointComplete(7);
        String subId = sub;
        awaitUntil(
                () -> committed(subId).sequence() == 5,
                Duration.ofSeconds(10),
                "commit of sequence 5");
        assertThat(committed(sub).timestamp())
                .isEqualTo(hub.records(PROJECT, TOPIC, "0").get(5).systemTime());
        assertThat(r.metrics().count("subscriptionCommitsSucceeded")).isEqualTo(1);

        // Another consumer takes the session: logged and counted, the next commit works again.
        try (DataHubClient c = hub.client()) {
            c.openOffsetSession(PROJECT, TOPIC, sub, List.of("0"));
        }
        write(hub, TOPIC, "0", "b", 2);
        pollUntil(r, out, 8);
        r.snapshotState(8);
        r.notifyCheckpointComplete(8);
        awaitUntil(
                () -> r.metrics().count("subscriptionConflicts") == 1,
                Duration.ofSeconds(10),
                "conflict");
        r.snapshotState(9);
        r.notifyCheckpointComplete(9);
        awaitUntil(
                () -> committed(subId).sequence() == 7,
                Duration.ofSeconds(10),
                "commit after re-open");
    }

    private SubscriptionOffset committed(String sub) {
        try (DataHubClient c = hub.client()) {
            return c.getOffsets(PROJECT, TOPIC, sub, List.of("0")).get("0");
        }
    }

    @Test
    void stopTimestampEmitsRecordsUpToThatSystemTime() throws Exception {
        write(hub, TOPIC, "0", "a", 10);
        long stop = hub.records(PROJECT, TOPIC, "0").get(3).systemTime();
        DataHubSourceReader<String> r =
                reader(builder(hub).setRecordsPerFetch(4), new TestingReaderContext());
        r.addSplits(
                List.of(
                        new DataHubShardSplit(
                                TOPIC,
                                "0",
                                ShardPosition.earliest(),
                                null,
                                stop,
                                List.of(),
                                null,
                                null,
                                false)));
        r.notifyNoMoreSplits();
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        InputStatus status = InputStatus.MORE_AVAILABLE;
        while (status != InputStatus.END_OF_INPUT && System.nanoTime() < deadline) {
            status = r.pollNext(out);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                r.isAvailable().get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(status).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.getEmittedRecords()).containsExactly("a-0", "a-1", "a-2", "a-3");
    }

    @Test
    void subscriptionConflictWithFailPolicyFailsAtTheNextCheckpointNotification() throws Exception {
        write(hub, TOPIC, "0", "a", 3);
        String sub;
        try (DataHubClient c = hub.client()) {
            sub = c.createSubscription(PROJECT, TOPIC, "t");
        }
        DataHubSourceReader<String> r =
                reader(
                        builder(hub)
                                .setSubscriptionId(sub)
                                .setSubscriptionConflictPolicy(
                                        io.github.flinkdatahub.connector.source
                                                .SubscriptionConflictPolicy.FAIL),
                        new TestingReaderContext());
        r.addSplits(List.of(split("0", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 3);
        awaitUntil(
                () -> hub.callCount(FakeCall.OPEN_OFFSET_SESSION) == 1,
                Duration.ofSeconds(10),
                "session");
        try (DataHubClient c = hub.client()) {
            c.resetOffsets(PROJECT, TOPIC, sub, Map.of("0", SubscriptionOffset.forReset(0, 0)));
        }
        r.snapshotState(1);
        r.notifyCheckpointComplete(1);
        awaitUntil(
                () -> r.metrics().count("subscriptionConflicts") == 1,
                Duration.ofSeconds(10),
                "conflict");
        r.snapshotState(2);
        assertThatThrownBy(() -> r.notifyCheckpointComplete(2))
                .hasMessageContaining("Committing offsets to subscription " + sub + " failed");
    }

    @Test
    void aRestoredShardThatNoLongerExistsFollowsTheExpiredPolicy() throws Exception {
        DataHubShardSplit gone = split("42", ShardPosition.atSequence(7));
        DataHubSourceReader<String> failing = reader(builder(hub), new TestingReaderContext());
        failing.addSplits(List.of(gone));
        assertThatThrownBy(() -> pollUntil(failing, new TestingReaderOutput<>(), 1))
                .hasStackTraceContaining("Shard t/42 no longer exists")
                .hasStackTraceContaining("next sequence 7");

        write(hub, TOPIC, "0", "a", 2);
        TestingReaderContext ctx = new TestingReaderContext();
        DataHubSourceReader<String> skipping =
                reader(builder(hub).setExpiredPositionPolicy(ExpiredPositionPolicy.EARLIEST), ctx);
        skipping.addSplits(List.of(gone, split("0", ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(skipping, out, 2);
        awaitUntil(
                () -> {
                    pollQuietly(skipping, out);
                    return !ctx.getSentEvents().isEmpty();
                },
                Duration.ofSeconds(10),
                "the gone shard's split finishes");
        assertThat(ctx.getSentEvents())
                .containsExactly(new SplitsFinishedEvent(java.util.Set.of("t/42")));
    }
}
