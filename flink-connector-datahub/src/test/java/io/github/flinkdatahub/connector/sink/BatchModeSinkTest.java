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

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.PutRecord;
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
import java.util.Map;
import java.util.TreeMap;

import static io.github.flinkdatahub.connector.sink.SinkTestSupport.PROJECT;
import static io.github.flinkdatahub.connector.sink.SinkTestSupport.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sink with clients in batch mode: every put-by-shard request is one batch (one sequence for
 * its records), requests are packed by batch sizes, and EXACTLY_ONCE's {@code __dh_txn} dedup still
 * finds what a batch already wrote.
 */
class BatchModeSinkTest {

    private final JobID job = new JobID();
    private FakeDataHub hub;

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
        hub.setTimeMillis(System.currentTimeMillis());
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private DataHubSinkBuilder<Event> builder() {
        return SinkTestSupport.builder(hub)
                .setClientFactory(hub.factory(BodyProtocol.BATCH), BodyProtocol.BATCH);
    }

    /** Records per sequence of a shard, in sequence order. */
    private Map<Long, Integer> batchSizes(String shard) {
        Map<Long, Integer> sizes = new TreeMap<>();
        for (ReadRecord r : hub.records(PROJECT, TOPIC, shard)) {
            sizes.merge(r.sequence(), 1, Integer::sum);
        }
        return sizes;
    }

    @Test
    void atLeastOnceWritesOneBatchPerRequest() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        try (var w =
                builder().setMaxBatchRecords(10).build().createWriter(new TestWriterContext())) {
            for (int i = 0; i < 95; i++) {
                w.write(Event.of(i, "k" + i), null);
            }
            w.flush(false);
        }
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(10);
        assertThat(batchSizes("0").values()).containsExactly(10, 10, 10, 10, 10, 10, 10, 10, 10, 5);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "0")))
                .containsExactlyElementsOf(DataHubWriterTest.range(0, 95));
    }

    @Test
    void requestsArePackedByTheirBatchSize() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        Event sample = new Event(1, "k", "x".repeat(900));
        PutRecord put =
                new PutRecord(
                        io.github.flinkdatahub.connector.client.TupleRecord.of(
                                Event.SCHEMA, sample.id(), sample.key(), sample.payload()),
                        Map.of(),
                        null,
                        null,
                        null);
        int perRecord = put.estimatedEncodedSize(BodyProtocol.BATCH);
        int maxBytes = 2048;
        int fit = (maxBytes - PutRecord.requestOverheadBytes(BodyProtocol.BATCH)) / perRecord;
        try (var w =
                builder()
                        .setMaxBatchBytes(maxBytes)
                        .build()
                        .createWriter(new TestWriterContext())) {
            for (int i = 0; i < 12; i++) {
                w.write(new Event(i, "k", "x".repeat(900)), null);
            }
            w.flush(false);
        }
        assertThat(fit).isEqualTo(2);
        assertThat(batchSizes("0").values()).containsOnly(fit).hasSize(12 / fit);
    }

    @Test
    void exactlyOnceReCommitsOfBatchesFindTheirRecordsAndWriteNothingTwice() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubSink<Event> sink =
                builder()
                        .setMaxBatchRecords(10)
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .build();
        Collection<DataHubCommittable> cs = stage(sink, 0, 30);
        // The second batch is written, then the committer "dies" before the answer.
        hub.failNextAfterApplying(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.unauthorized());
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.throttled(), 1);
        try (Committer<DataHubCommittable> first =
                sink.createCommitter(new TestCommitterContext(job, 0, null))) {
            first.commit(new ArrayList<>(TestCommitRequest.of(cs)));
        }
        assertThat(batchSizes("0").values()).containsExactly(10);
        List<TestCommitRequest> second = TestCommitRequest.of(cs);
        try (Committer<DataHubCommittable> restored =
                sink.createCommitter(new TestCommitterContext(job, 1, 1L))) {
            restored.commit(new ArrayList<>(second));
        }
        assertThat(second.get(0).outcome).isEqualTo(TestCommitRequest.Outcome.ALREADY_COMMITTED);
        assertThat(second.get(1).outcome).isEqualTo(TestCommitRequest.Outcome.COMMITTED);
        assertThat(second.get(2).outcome).isEqualTo(TestCommitRequest.Outcome.COMMITTED);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "0")))
                .containsExactlyElementsOf(DataHubWriterTest.range(0, 30));
        assertThat(batchSizes("0").values()).containsExactly(10, 10, 10);
        // Every record of every batch carries its own transaction id.
        assertThat(hub.records(PROJECT, TOPIC, "0"))
                .allSatisfy(
                        r ->
                                assertThat(r.attributes())
                                        .containsKey(DataHubCommittable.TXN_ATTRIBUTE))
                .extracting(r -> r.attributes().get(DataHubCommittable.TXN_ATTRIBUTE))
                .doesNotHaveDuplicates();

        // A third, restored committer finds everything and writes nothing.
        List<TestCommitRequest> third = TestCommitRequest.of(cs);
        try (Committer<DataHubCommittable> again =
                sink.createCommitter(new TestCommitterContext(job, 2, 2L))) {
            again.commit(new ArrayList<>(third));
        }
        assertThat(third)
                .allSatisfy(
                        r ->
                                assertThat(r.outcome)
                                        .isEqualTo(TestCommitRequest.Outcome.ALREADY_COMMITTED));
        assertThat(hub.records(PROJECT, TOPIC, "0")).hasSize(30);
    }

    @Test
    void aBatchClientRefusesTopicLevelPuts() {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        try (var c = hub.client(BodyProtocol.BATCH)) {
            assertThatThrownBy(() -> c.putRecords(PROJECT, TOPIC, List.of()))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    private Collection<DataHubCommittable> stage(DataHubSink<Event> sink, int from, int to)
            throws Exception {
        try (DataHubStagingWriter<Event> w =
                (DataHubStagingWriter<Event>)
                        sink.createWriter(new TestWriterContext(job, 0, 0, null))) {
            for (int i = from; i < to; i++) {
                w.write(Event.of(i, "k" + i), null);
            }
            w.flush(false);
            return w.prepareCommit();
        }
    }
}
