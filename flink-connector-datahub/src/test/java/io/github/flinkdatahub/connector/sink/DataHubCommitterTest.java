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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.testutils.FakeCall;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;
import io.github.flinkdatahub.connector.testutils.FakeFailures;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.base.DeliveryGuarantee;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.flinkdatahub.connector.sink.DataHubWriterTest.assertEachIdOnce;
import static io.github.flinkdatahub.connector.sink.DataHubWriterTest.assertPerKeyOrder;
import static io.github.flinkdatahub.connector.sink.SinkTestSupport.PROJECT;
import static io.github.flinkdatahub.connector.sink.SinkTestSupport.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EXACTLY_ONCE staging writer and committer against the fake, including failover re-commits. */
class DataHubCommitterTest {

    private final JobID job = new JobID();
    private FakeDataHub hub;

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
        // The committer scans split children by system time: let the fake's clock be real time.
        hub.setTimeMillis(System.currentTimeMillis());
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private DataHubSink<Event> sink(DataHubSinkBuilder<Event> b) {
        return b.setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build();
    }

    /** Stages the events in a writer of attempt 0 and returns the checkpoint's committables. */
    private Collection<DataHubCommittable> stage(
            DataHubSink<Event> sink, int from, int to, String... keys) throws Exception {
        return stage(sink, 0, from, to, keys);
    }

    /** Stages the events in a writer of the given subtask, attempt 0. */
    private Collection<DataHubCommittable> stage(
            DataHubSink<Event> sink, int subtask, int from, int to, String... keys)
            throws Exception {
        try (DataHubStagingWriter<Event> w =
                (DataHubStagingWriter<Event>)
                        sink.createWriter(new TestWriterContext(job, subtask, 0, null))) {
            for (int i = from; i < to; i++) {
                w.write(Event.of(i, keys.length == 0 ? "k" + i : keys[i % keys.length]), null);
            }
            w.flush(false);
            Collection<DataHubCommittable> out = w.prepareCommit();
            assertThat(w.stagedRecords()).isZero();
            return out;
        }
    }

    private static List<TestCommitRequest> commit(
            Committer<DataHubCommittable> committer, Collection<DataHubCommittable> cs)
            throws Exception {
        List<TestCommitRequest> requests = TestCommitRequest.of(cs);
        committer.commit(new ArrayList<>(requests));
        return requests;
    }

    private Committer<DataHubCommittable> committer(
            DataHubSink<Event> sink, int attempt, Long restored) {
        return sink.createCommitter(new TestCommitterContext(job, attempt, restored));
    }

    @Test
    void nothingIsSentBeforeTheCommitAndAFreshCommitDoesNotLookUp() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub).setMaxBatchRecords(10));
        Collection<DataHubCommittable> cs = stage(sink, 0, 50);
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isZero();
        assertThat(cs).hasSize(6); // 25 per shard, 10 per request
        assertThat(cs).allSatisfy(c -> assertThat(c.records().size()).isLessThanOrEqualTo(10));
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            assertThat(commit(committer, cs))
                    .allSatisfy(
                            r ->
                                    assertThat(r.outcome)
                                            .isEqualTo(TestCommitRequest.Outcome.COMMITTED));
        }
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 50);
        assertThat(hub.callCount(FakeCall.GET_RECORDS)).isZero();
        for (ReadRecord r : hub.allRecords(PROJECT, TOPIC)) {
            assertThat(r.attributes().get(DataHubCommittable.TXN_ATTRIBUTE))
                    .startsWith(job.toHexString() + "-0-0-0-");
        }
    }

    @Test
    void aRestoredCommitterReCommitsWithoutDuplicates() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub).setMaxBatchRecords(10));
        Collection<DataHubCommittable> cs = stage(sink, 0, 50);
        try (Committer<DataHubCommittable> first = committer(sink, 0, null)) {
            commit(first, cs);
        }
        // Other writers keep writing to the shards in between.
        try (Committer<DataHubCommittable> other = committer(sink, 0, null)) {
            commit(other, stage(sink, 1000, 1040));
        }
        List<TestCommitRequest> again;
        try (Committer<DataHubCommittable> restored = committer(sink, 1, 1L)) {
            again = commit(restored, cs);
        }
        assertThat(again)
                .allSatisfy(
                        r ->
                                assertThat(r.outcome)
                                        .isEqualTo(TestCommitRequest.Outcome.ALREADY_COMMITTED));
        List<Long> ids = Event.ids(hub.allRecords(PROJECT, TOPIC));
        assertThat(ids).hasSize(90).doesNotHaveDuplicates();
    }

    @Test
    void aCommitThatWroteButDiedBeforeTheAnswerIsNotWrittenTwice() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub).setMaxBatchRecords(10));
        Collection<DataHubCommittable> cs = stage(sink, 0, 30);
        // The second request reaches the service, is written, and then the committer "dies":
        // the answer never arrives (a fatal error here, so the job fails over).
        hub.failNextAfterApplying(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.unauthorized());
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.throttled(), 1);
        List<TestCommitRequest> first;
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            first = commit(committer, cs);
        }
        assertThat(first.get(0).outcome).isEqualTo(TestCommitRequest.Outcome.FAILED_KNOWN);
        assertThat(first.get(1).outcome).isEqualTo(TestCommitRequest.Outcome.RETRY_LATER);
        assertThat(hub.records(PROJECT, TOPIC, "0")).hasSize(10);

        List<TestCommitRequest> second;
        try (Committer<DataHubCommittable> restored = committer(sink, 1, 1L)) {
            second = commit(restored, cs);
        }
        assertThat(second.get(0).outcome).isEqualTo(TestCommitRequest.Outcome.ALREADY_COMMITTED);
        assertThat(second.get(1).outcome).isEqualTo(TestCommitRequest.Outcome.COMMITTED);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "0")))
                .containsExactlyElementsOf(DataHubWriterTest.range(0, 30));
    }

    @Test
    void anAmbiguousFailureIsLookedUpBeforeTheRetry() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub));
        Collection<DataHubCommittable> cs = stage(sink, 0, 20);
        hub.failNextAfterApplying(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.serverError());
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            assertThat(commit(committer, cs).get(0).outcome)
                    .isEqualTo(TestCommitRequest.Outcome.COMMITTED);
        }
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(1);
        assertThat(hub.callCount(FakeCall.GET_RECORDS)).isPositive();
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 20);
    }

    @Test
    void throttlingIsRetriedWithoutALookUp() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub));
        Collection<DataHubCommittable> cs = stage(sink, 0, 20);
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.throttled(), 3);
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            assertThat(commit(committer, cs).get(0).outcome)
                    .isEqualTo(TestCommitRequest.Outcome.COMMITTED);
        }
        assertThat(hub.callCount(FakeCall.GET_RECORDS)).isZero();
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 20);
    }

    @Test
    void aPartlyWrittenCommitAcrossASplitCompletesWithoutDuplicates() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink =
                sink(SinkTestSupport.builder(hub).setRouting(ShardRouting.PARTITION_KEY));
        String[] keys = {"a", "b", "c", "d", "e", "f", "g", "h"};
        Collection<DataHubCommittable> cs = stage(sink, 0, 40, keys);
        hub.split(PROJECT, TOPIC, "0"); // -> 1, 2 before the checkpoint completes
        hub.failNextAfterApplying(FakeCall.PUT_RECORDS_BY_SHARD, "1", FakeFailures.unauthorized());
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            assertThat(commit(committer, cs).get(0).outcome)
                    .isEqualTo(TestCommitRequest.Outcome.FAILED_KNOWN);
        }
        int inChildOne = hub.records(PROJECT, TOPIC, "1").size();
        assertThat(inChildOne).isPositive();
        assertThat(hub.records(PROJECT, TOPIC, "2")).isEmpty();

        try (Committer<DataHubCommittable> restored = committer(sink, 1, 1L)) {
            assertThat(commit(restored, cs).get(0).outcome)
                    .isEqualTo(TestCommitRequest.Outcome.COMMITTED);
        }
        assertThat(hub.records(PROJECT, TOPIC, "1")).hasSize(inChildOne);
        List<ReadRecord> all = hub.allRecords(PROJECT, TOPIC);
        assertEachIdOnce(all, 40);
        assertPerKeyOrder(all, 40);
    }

    @Test
    void aFreshCommittableOfTheCurrentAttemptIsNotLookedUpEvenAfterARestore() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub));
        DataHubCommittable c = stage(sink, 0, 3).iterator().next(); // writer attempt 0
        DataHubCommitter restoredAttempt0 = (DataHubCommitter) committer(sink, 0, 5L);
        DataHubCommitter restoredAttempt1 = (DataHubCommitter) committer(sink, 1, 5L);
        DataHubCommitter notRestored = (DataHubCommitter) committer(sink, 1, null);
        assertThat(restoredAttempt0.needsLookUp(c, 0)).isFalse();
        assertThat(restoredAttempt1.needsLookUp(c, 0)).isTrue();
        assertThat(notRestored.needsLookUp(c, 0)).isFalse();
        assertThat(notRestored.needsLookUp(c, 1)).isTrue();
    }

    @Test
    void freshCommittablesOfDifferentShardsArePutConcurrently() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 4, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub).setMaxBatchRecords(10));
        Collection<DataHubCommittable> cs = stage(sink, 0, 80); // 2 requests per shard
        assertThat(cs).hasSize(8);
        hub.hold(FakeCall.PUT_RECORDS_BY_SHARD);
        List<TestCommitRequest> requests = TestCommitRequest.of(cs);
        AtomicReference<Throwable> error = new AtomicReference<>();
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            Thread commit = commitInBackground(committer, requests, error);
            // One put per shard in flight at once, none of a shard's second request yet.
            DataHubWriterTest.awaitUntil(() -> hub.heldCount(FakeCall.PUT_RECORDS_BY_SHARD) == 4);
            hub.release(FakeCall.PUT_RECORDS_BY_SHARD);
            commit.join(30_000);
            assertThat(commit.isAlive()).isFalse();
        }
        assertThat(error.get()).isNull();
        assertThat(requests)
                .allSatisfy(
                        r -> assertThat(r.outcome).isEqualTo(TestCommitRequest.Outcome.COMMITTED));
        for (int shard = 0; shard < 4; shard++) {
            List<Long> ids = Event.ids(hub.records(PROJECT, TOPIC, String.valueOf(shard)));
            assertThat(ids).hasSize(20).isSorted(); // a shard's requests in staging order
        }
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 80);
    }

    @Test
    void aShardStartsItsNextRequestWithoutWaitingForTheOthers() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub).setMaxBatchRecords(5));
        Collection<DataHubCommittable> cs = stage(sink, 0, 20); // 2 requests per shard
        assertThat(cs).hasSize(4);
        hub.hold(FakeCall.PUT_RECORDS_BY_SHARD);
        List<TestCommitRequest> requests = TestCommitRequest.of(cs);
        AtomicReference<Throwable> error = new AtomicReference<>();
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            Thread commit = commitInBackground(committer, requests, error);
            DataHubWriterTest.awaitUntil(() -> hub.heldCount(FakeCall.PUT_RECORDS_BY_SHARD) == 2);
            // One shard's first put lands while the other's is still held: its second put starts
            // at once.
            hub.releaseAt(FakeCall.PUT_RECORDS_BY_SHARD, 1);
            DataHubWriterTest.awaitUntil(() -> hub.heldCount(FakeCall.PUT_RECORDS_BY_SHARD) == 2);
            assertThat(
                            List.of(
                                    hub.records(PROJECT, TOPIC, "0").size(),
                                    hub.records(PROJECT, TOPIC, "1").size()))
                    .containsExactlyInAnyOrder(0, 5);
            hub.release(FakeCall.PUT_RECORDS_BY_SHARD);
            commit.join(30_000);
            assertThat(commit.isAlive()).isFalse();
        }
        assertThat(error.get()).isNull();
        assertThat(requests)
                .allSatisfy(
                        r -> assertThat(r.outcome).isEqualTo(TestCommitRequest.Outcome.COMMITTED));
        for (int shard = 0; shard < 2; shard++) {
            assertThat(Event.ids(hub.records(PROJECT, TOPIC, String.valueOf(shard))))
                    .hasSize(10)
                    .isSorted();
        }
    }

    @Test
    void aFailedShardHoldsBackOnlyItsOwnLaterRequests() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        DataHubSink<Event> sink = sink(SinkTestSupport.builder(hub).setMaxBatchRecords(5));
        List<DataHubCommittable> cs = new ArrayList<>(stage(sink, 0, 20)); // 2 per shard
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.unauthorized());
        List<TestCommitRequest> requests;
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            requests = commit(committer, cs);
        }
        for (TestCommitRequest r : requests) {
            String shard = r.getCommittable().shardId();
            boolean first =
                    r.getCommittable()
                            == cs.stream()
                                    .filter(c -> c.shardId().equals(shard))
                                    .findFirst()
                                    .orElseThrow();
            TestCommitRequest.Outcome expected =
                    shard.equals("1")
                            ? TestCommitRequest.Outcome.COMMITTED
                            : first
                                    ? TestCommitRequest.Outcome.FAILED_KNOWN
                                    : TestCommitRequest.Outcome.RETRY_LATER;
            assertThat(r.outcome)
                    .as("%s of shard %s", r.getCommittable().txnId(), shard)
                    .isEqualTo(expected);
        }
        assertThat(hub.records(PROJECT, TOPIC, "0")).isEmpty();
        assertThat(hub.records(PROJECT, TOPIC, "1")).hasSize(10);
    }

    @Test
    void requestsForAShardAndItsChildAreCommittedInStagingOrder() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink =
                sink(SinkTestSupport.builder(hub).setRouting(ShardRouting.PARTITION_KEY));
        List<DataHubCommittable> cs = new ArrayList<>(stage(sink, 0, 0, 10, "a"));
        hub.split(PROJECT, TOPIC, "0"); // a writer that starts now routes "a" to a child
        cs.addAll(stage(sink, 1, 10, 20, "a"));
        assertThat(cs).extracting(DataHubCommittable::shardId).doesNotHaveDuplicates().hasSize(2);
        try (Committer<DataHubCommittable> committer = committer(sink, 0, null)) {
            assertThat(commit(committer, cs))
                    .allSatisfy(
                            r ->
                                    assertThat(r.outcome)
                                            .isEqualTo(TestCommitRequest.Outcome.COMMITTED));
        }
        List<ReadRecord> all = hub.allRecords(PROJECT, TOPIC);
        assertEachIdOnce(all, 20);
        // The parent's records were re-routed to the child before the child's own were put.
        assertPerKeyOrder(all, 20);
    }

    @Test
    void stagedRequestsSerializeExactlyLikeTheirDecodedRecords() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        DataHubSink<Event> sink =
                sink(
                        SinkTestSupport.builder(hub)
                                .setRouting(ShardRouting.PARTITION_KEY)
                                .setMaxBatchRecords(10));
        DataHubCommittableSerializer serializer = new DataHubCommittableSerializer();
        Collection<DataHubCommittable> cs = stage(sink, 0, 45, "a", "b", "c");
        assertThat(cs).hasSizeGreaterThan(2);
        for (DataHubCommittable c : cs) {
            DataHubCommittable decoded =
                    new DataHubCommittable(
                            c.txnId(),
                            c.jobId(),
                            c.writerAttempt(),
                            c.shardId(),
                            c.baseSequence(),
                            c.createdMillis(),
                            c.schema(),
                            c.records());
            assertThat(c.records()).hasSize(c.recordCount());
            assertThat(c.records()).allSatisfy(r -> assertThat(r.hashKey()).isNotNull());
            // The writer's entries are byte for byte those of a put of its records.
            assertThat(c.entries()).isEqualTo(decoded.entries());
            assertThat(serializer.serialize(c)).isEqualTo(serializer.serialize(decoded));
            assertThat(serializer.deserialize(2, serializer.serialize(c))).isEqualTo(decoded);
        }
    }

    @Test
    void stagingMoreThanMaxStagedBytesFailsWithAClearMessage() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink =
                sink(
                        SinkTestSupport.builder(hub)
                                .setMaxBatchBytes(64 * 1024)
                                .setMaxStagedBytes(64 * 1024));
        try (DataHubStagingWriter<Event> w =
                (DataHubStagingWriter<Event>)
                        sink.createWriter(new TestWriterContext(job, 0, 0, null))) {
            String kb = "x".repeat(1024);
            assertThatThrownBy(
                            () -> {
                                for (int i = 0; i < 100; i++) {
                                    w.write(new Event(i, "k", kb), null);
                                }
                            })
                    .isInstanceOf(DataHubSinkException.class)
                    .hasMessageContaining("setMaxStagedBytes")
                    .hasMessageContaining("checkpoint more often");
        }
    }

    /**
     * Starts {@code committer.commit(requests)} on a thread of its own; a failure lands in error.
     */
    private static Thread commitInBackground(
            Committer<DataHubCommittable> committer,
            List<TestCommitRequest> requests,
            AtomicReference<Throwable> error) {
        Thread commit =
                new Thread(
                        () -> {
                            try {
                                committer.commit(new ArrayList<>(requests));
                            } catch (Throwable t) {
                                error.set(t);
                            }
                        });
        commit.start();
        return commit;
    }
}
