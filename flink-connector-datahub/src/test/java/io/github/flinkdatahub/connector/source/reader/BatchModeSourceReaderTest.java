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

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;
import io.github.flinkdatahub.connector.source.DataHubSourceBuilder;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.ShardPosition;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.flinkdatahub.connector.source.SourceTestUtils.PROJECT;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.TOPIC;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.awaitUntil;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.builder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading topics written in batch mode, where the records of one batch share a sequence: a
 * checkpoint in the middle of a batch restores exactly after the last emitted record, and
 * subscription commits carry the batch index.
 */
class BatchModeSourceReaderTest {

    private static final int[] BATCH_SIZES = {5, 1, 7, 3};

    private FakeDataHub hub;
    private final List<DataHubSourceReader<String>> readers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
        hub.createBlobTopic(PROJECT, TOPIC, 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (DataHubSourceReader<String> r : readers) {
            r.close();
        }
        hub.close();
    }

    /** Writes batches of the sizes to shard 0; returns every value in order. */
    private List<String> writeBatches() {
        List<String> values = new ArrayList<>();
        for (int b = 0; b < BATCH_SIZES.length; b++) {
            List<PutRecord> batch = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZES[b]; i++) {
                String v = "b" + b + "-" + i;
                values.add(v);
                batch.add(PutRecord.of(BlobRecord.of(v.getBytes(StandardCharsets.UTF_8))));
            }
            hub.writeBatch(PROJECT, TOPIC, "0", batch);
        }
        return values;
    }

    private DataHubSourceReader<String> reader(DataHubSourceBuilder<String> b) {
        DataHubSourceReader<String> r =
                DataHubSourceReader.create(
                        b.build().config(),
                        DataHubRecordDeserializationSchema.valueOnly(new SimpleStringSchema()),
                        new TestingReaderContext());
        r.start();
        readers.add(r);
        return r;
    }

    private static DataHubShardSplit split(ShardPosition start) {
        return DataHubShardSplit.of(TOPIC, "0", start, List.of());
    }

    private static void pollUntil(
            DataHubSourceReader<String> r, TestingReaderOutput<String> out, int n)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.getEmittedRecords().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Only " + out.getEmittedRecords().size() + " of " + n + " records");
            }
            if (r.pollNext(out) == InputStatus.NOTHING_AVAILABLE) {
                try {
                    r.isAvailable().get(50, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException ignored) {
                    // poll again
                }
            }
        }
    }

    @Test
    void recordsOfOneBatchShareTheSequenceInTheFake() {
        writeBatches();
        assertThat(hub.records(PROJECT, TOPIC, "0"))
                .extracting(rec -> rec.sequence() + "/" + rec.batchIndex())
                .startsWith("0/0", "0/1", "0/2", "0/3", "0/4", "1/0", "2/0", "2/1");
    }

    @Test
    void everyCutInsideABatchRestoresExactlyAfterTheLastEmittedRecord() throws Exception {
        List<String> values = writeBatches();
        for (int cut = 1; cut < values.size(); cut++) {
            DataHubSourceReader<String> first = reader(builder(hub).setRecordsPerFetch(4));
            first.addSplits(List.of(split(ShardPosition.earliest())));
            TestingReaderOutput<String> out = new TestingReaderOutput<>();
            pollUntil(first, out, cut);
            List<DataHubShardSplit> snapshot = first.snapshotState(1);
            List<String> all = new ArrayList<>(out.getEmittedRecords());
            first.close();
            readers.remove(first);

            // The checkpointed split survives its serializer (version 2 holds the batch index).
            var serializer =
                    io.github.flinkdatahub.connector.source.split.DataHubShardSplitSerializer
                            .INSTANCE;
            DataHubShardSplit restoredSplit =
                    serializer.deserialize(
                            serializer.getVersion(), serializer.serialize(snapshot.get(0)));
            DataHubSourceReader<String> second = reader(builder(hub).setRecordsPerFetch(4));
            second.addSplits(List.of(restoredSplit));
            TestingReaderOutput<String> out2 = new TestingReaderOutput<>();
            pollUntil(second, out2, values.size() - all.size());
            all.addAll(out2.getEmittedRecords());
            assertThat(all).as("cut after %d records", cut).containsExactlyElementsOf(values);
            second.close();
            readers.remove(second);
        }
    }

    @Test
    void aMidBatchPositionNamesTheBatchAndTheNextIndex() throws Exception {
        writeBatches();
        DataHubSourceReader<String> r = reader(builder(hub));
        r.addSplits(List.of(split(ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 8); // 5 + 1 + the first two of the 7-record batch (sequence 2)
        assertThat(r.snapshotState(1).get(0).start()).isEqualTo(ShardPosition.atSequence(2, 2));
        pollUntil(r, out, 13); // the rest of batch 2 ends it: the next batch starts fresh
        assertThat(r.snapshotState(2).get(0).start()).isEqualTo(ShardPosition.atSequence(3));
    }

    @Test
    void subscriptionCommitsCarryTheBatchIndexOfTheLastEmittedRecord() throws Exception {
        writeBatches();
        String sub;
        try (DataHubClient c = hub.client()) {
            sub = c.createSubscription(PROJECT, TOPIC, "t");
        }
        DataHubSourceReader<String> r = reader(builder(hub).setSubscriptionId(sub));
        r.addSplits(List.of(split(ShardPosition.earliest())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 9);
        r.snapshotState(3);
        r.notifyCheckpointComplete(3);
        String subId = sub;
        awaitUntil(
                () -> committed(subId).sequence() == 2,
                Duration.ofSeconds(10),
                "commit of sequence 2");
        assertThat(committed(sub).batchIndex()).isEqualTo(2);
    }

    @Test
    void aBatchModeClientReadsWhatItWrote() throws Exception {
        List<String> values = new ArrayList<>();
        try (DataHubClient c = hub.client(BodyProtocol.BATCH)) {
            for (int b = 0; b < 3; b++) {
                List<PutRecord> batch = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String v = b + ":" + i;
                    values.add(v);
                    batch.add(PutRecord.of(BlobRecord.of(v.getBytes(StandardCharsets.UTF_8))));
                }
                c.putRecordsByShard(PROJECT, TOPIC, "1", batch);
            }
        }
        assertThat(hub.records(PROJECT, TOPIC, "1"))
                .extracting(rec -> rec.sequence())
                .containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L);
        DataHubSourceReader<String> r =
                reader(builder(hub).setClientFactory(hub.factory(BodyProtocol.BATCH)));
        r.addSplits(
                List.of(
                        DataHubShardSplit.of(
                                TOPIC, "1", ShardPosition.atSequence(1, 3), List.of())));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(r, out, 5);
        assertThat(out.getEmittedRecords()).containsExactlyElementsOf(values.subList(7, 12));
    }

    @Test
    void aBoundedSplitWhoseStopBatchWasFullyEmittedFinishes() throws Exception {
        writeBatches(); // sequences 0..3, the last batch (3) has 3 records
        DataHubSourceReader<String> r = reader(builder(hub));
        // Restored (or started from a subscription) after the last record of batch 3, with a
        // stop at sequence 3: nothing is left, and the split must still reach its end.
        r.addSplits(
                List.of(
                        new DataHubShardSplit(
                                TOPIC,
                                "0",
                                ShardPosition.atSequence(3, 3),
                                3L,
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
                try {
                    r.isAvailable().get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException ignored) {
                    // poll again
                }
            }
        }
        assertThat(status).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.getEmittedRecords()).isEmpty();
    }

    private SubscriptionOffset committed(String sub) {
        try (DataHubClient c = hub.client()) {
            return c.getOffsets(PROJECT, TOPIC, sub, List.of("0")).get("0");
        }
    }
}
