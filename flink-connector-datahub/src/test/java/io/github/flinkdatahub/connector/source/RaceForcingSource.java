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
import io.github.flinkdatahub.connector.source.event.SplitsFinishedEvent;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.util.List;

/**
 * Wraps a {@link DataHubSource} so that, in a real Flink job, a reader's finished-split event for
 * one parent races a checkpoint: the enumerator's snapshot of checkpoint N is taken while the
 * parent is still being read, and the reader's snapshot of N after it finished the parent.
 *
 * <p>How, with timing alone (nothing in the connector knows of this): the readers emit nothing
 * until the coordinator snapshots a checkpoint in which the parent is assigned and unfinished (a
 * slow reader). That snapshot then keeps the coordinator thread busy until the reader has sent the
 * parent's {@link SplitsFinishedEvent} (a slow coordinator), so the event queues behind the
 * snapshot on the coordinator thread, and the trigger of the checkpoint reaches the readers only
 * afterwards. When that checkpoint completes, the enumerator throws once: the source coordinator
 * fails the job globally and Flink restores enumerator and readers from exactly that checkpoint.
 * {@link RaceProbe} records the evidence.
 */
final class RaceForcingSource<T>
        implements Source<T, DataHubShardSplit, DataHubEnumeratorState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;
    private static final long FINISH_WAIT_MILLIS = 20_000;

    private final DataHubSource<T> delegate;
    private final String parentSplitId;

    /** Wraps {@code delegate}; {@code parentSplitId} ("topic/shard") is the parent to race. */
    RaceForcingSource(DataHubSource<T> delegate, String parentSplitId) {
        this.delegate = delegate;
        this.parentSplitId = parentSplitId;
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SourceReader<T, DataHubShardSplit> createReader(SourceReaderContext context)
            throws Exception {
        return RaceGatedReader.create(delegate, context, parentSplitId);
    }

    @Override
    public SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> createEnumerator(
            SplitEnumeratorContext<DataHubShardSplit> context) throws Exception {
        return new SlowSnapshotEnumerator(delegate.createEnumerator(context), parentSplitId, true);
    }

    @Override
    public SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<DataHubShardSplit> context, DataHubEnumeratorState checkpoint)
            throws Exception {
        RaceProbe.RESTORED.add(checkpoint);
        return new SlowSnapshotEnumerator(
                delegate.restoreEnumerator(context, checkpoint), parentSplitId, false);
    }

    @Override
    public SimpleVersionedSerializer<DataHubShardSplit> getSplitSerializer() {
        return delegate.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<DataHubEnumeratorState> getEnumeratorCheckpointSerializer() {
        return delegate.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return delegate.getProducedType();
    }

    /** The real enumerator; its first snapshot with the parent unfinished waits for the reader. */
    private static final class SlowSnapshotEnumerator
            implements SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> {
        private final SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> delegate;
        private final String parent;
        private final boolean firstAttempt;
        private long lastSnapshot = -1;

        SlowSnapshotEnumerator(
                SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> delegate,
                String parent,
                boolean firstAttempt) {
            this.delegate = delegate;
            this.parent = parent;
            this.firstAttempt = firstAttempt;
        }

        @Override
        public DataHubEnumeratorState snapshotState(long checkpointId) throws Exception {
            DataHubEnumeratorState state = delegate.snapshotState(checkpointId);
            lastSnapshot = checkpointId;
            if (!firstAttempt) {
                return state;
            }
            RaceProbe.ENUMERATOR_SNAPSHOTS.put(checkpointId, state);
            if (state.assigned().contains(parent)
                    && !state.finished().contains(parent)
                    && RaceProbe.HELD_CHECKPOINT.compareAndSet(-1, checkpointId)) {
                RaceProbe.readerGate.complete(null);
                long deadline = System.currentTimeMillis() + FINISH_WAIT_MILLIS;
                // Busy on the coordinator thread until the reader reported the parent finished
                // (bounded: without the report the test fails on its missing evidence).
                while (RaceProbe.SENT_BY.isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
            }
            return state;
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent event) {
            if (firstAttempt
                    && event instanceof SplitsFinishedEvent finished
                    && finished.finishedSplitIds().contains(parent)) {
                RaceProbe.EVENT_HANDLED_AFTER_SNAPSHOT.compareAndSet(-1, lastSnapshot);
            }
            delegate.handleSourceEvent(subtaskId, event);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            delegate.notifyCheckpointComplete(checkpointId);
            DataHubEnumeratorState state = RaceProbe.ENUMERATOR_SNAPSHOTS.get(checkpointId);
            if (firstAttempt
                    && checkpointId == RaceProbe.HELD_CHECKPOINT.get()
                    && state != null
                    && !state.finished().contains(parent)
                    && RaceProbe.READER_SNAPSHOTS_AFTER_FINISH.contains(checkpointId)
                    && RaceProbe.FAILED.compareAndSet(false, true)) {
                RaceProbe.FAILED_AFTER_CHECKPOINT.set(checkpointId);
                throw new IllegalStateException(
                        "Injected coordinator failure after checkpoint " + checkpointId);
            }
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            delegate.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            delegate.handleSplitRequest(subtaskId, requesterHostname);
        }

        @Override
        public void addSplitsBack(List<DataHubShardSplit> splits, int subtaskId) {
            delegate.addSplitsBack(splits, subtaskId);
        }

        @Override
        public void addReader(int subtaskId) {
            delegate.addReader(subtaskId);
        }

        @Override
        public void close() throws java.io.IOException {
            delegate.close();
        }
    }
}
