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
import io.github.flinkdatahub.connector.source.enumerator.DataHubSourceEnumerator;
import io.github.flinkdatahub.connector.source.reader.DataHubSourceReader;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.flinkdatahub.connector.source.SourceTestUtils.PROJECT;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.TOPIC;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.awaitUntil;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.builder;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished-split event racing a checkpoint: the enumerator's snapshot is taken before the event
 * arrives, the reader's after the split finished. Restoring both must still release the children of
 * the finished parent, and must not read the parent again.
 */
class FinishedSplitRaceTest {

    private final FakeDataHub hub = new FakeDataHub();

    @AfterEach
    void tearDown() {
        hub.close();
    }

    @Test
    void childrenAreReleasedAfterRestoreWhenTheEventMissedTheEnumeratorCheckpoint()
            throws Exception {
        hub.createBlobTopic(PROJECT, TOPIC, 1);
        write(hub, TOPIC, "0", "parent", 5);
        hub.split(PROJECT, TOPIC, "0"); // children 1 and 2
        write(hub, TOPIC, "1", "child", 3);
        DataHubSourceConfig config = builder(hub).build().config();

        var enumCtx = new TestingSplitEnumeratorContext<DataHubShardSplit>(1);
        enumCtx.registerReader(0, "h");
        DataHubSourceEnumerator enumerator = new DataHubSourceEnumerator(enumCtx, config, null);
        enumerator.start();
        enumCtx.getExecutorService().triggerPeriodicScheduledTasks();
        enumCtx.triggerAllActions();
        List<DataHubShardSplit> assigned = enumCtx.getSplitAssignments().get(0).getAssignedSplits();
        assertThat(assigned).extracting(DataHubShardSplit::shardId).containsExactly("0");

        // Checkpoint 1 on the coordinator: before the reader reports anything.
        DataHubEnumeratorState enumState = enumerator.snapshotState(1);

        TestingReaderContext readerCtx = new TestingReaderContext();
        DataHubSourceReader<String> reader =
                DataHubSourceReader.create(
                        config,
                        DataHubRecordDeserializationSchema.valueOnly(
                                new org.apache.flink.api.common.serialization.SimpleStringSchema()),
                        readerCtx);
        reader.start();
        reader.addSplits(assigned);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        awaitUntil(
                () -> {
                    poll(reader, out);
                    return !readerCtx.getSentEvents().isEmpty();
                },
                Duration.ofSeconds(10),
                "the parent finishes");
        // Checkpoint 1 on the reader: after the split finished; the event is lost with the failure.
        List<DataHubShardSplit> readerState = reader.snapshotState(1);
        reader.close();
        assertThat(out.getEmittedRecords()).hasSize(5);

        // Restore both from checkpoint 1.
        var enumCtx2 = new TestingSplitEnumeratorContext<DataHubShardSplit>(1);
        enumCtx2.registerReader(0, "h");
        DataHubSourceEnumerator restored = new DataHubSourceEnumerator(enumCtx2, config, enumState);
        restored.start();
        enumCtx2.getExecutorService().triggerPeriodicScheduledTasks();
        enumCtx2.triggerAllActions();
        assertThat(enumCtx2.getSplitAssignments()).as("children still wait").isEmpty();

        TestingReaderContext readerCtx2 = new TestingReaderContext();
        DataHubSourceReader<String> reader2 =
                DataHubSourceReader.create(
                        config,
                        DataHubRecordDeserializationSchema.valueOnly(
                                new org.apache.flink.api.common.serialization.SimpleStringSchema()),
                        readerCtx2);
        reader2.start();
        reader2.addSplits(readerState);
        for (SourceEvent event : new ArrayList<>(readerCtx2.getSentEvents())) {
            restored.handleSourceEvent(0, event);
        }
        assertThat(enumCtx2.getSplitAssignments().get(0).getAssignedSplits())
                .extracting(DataHubShardSplit::shardId)
                .containsExactly("1", "2");

        reader2.addSplits(enumCtx2.getSplitAssignments().get(0).getAssignedSplits());
        TestingReaderOutput<String> out2 = new TestingReaderOutput<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out2.getEmittedRecords().size() < 3 && System.nanoTime() < deadline) {
            poll(reader2, out2);
        }
        assertThat(out2.getEmittedRecords()).containsExactly("child-0", "child-1", "child-2");
        reader2.close();
    }

    private static void poll(DataHubSourceReader<String> reader, TestingReaderOutput<String> out) {
        try {
            if (reader.pollNext(out) == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(20, TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.TimeoutException ignored) {
            // poll again
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
