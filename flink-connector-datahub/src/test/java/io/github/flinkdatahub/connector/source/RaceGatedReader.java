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

import io.github.flinkdatahub.connector.source.event.SplitsFinishedEvent;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import org.apache.flink.api.common.watermark.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.util.UserCodeClassLoader;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The reader side of {@link RaceForcingSource}: the real reader, which emits nothing until {@link
 * RaceProbe#readerGate} opens, and whose snapshots and finished-split reports are recorded.
 */
final class RaceGatedReader<T> implements SourceReader<T, DataHubShardSplit> {
    private final SourceReader<T, DataHubShardSplit> delegate;
    private final int subtask;
    private final String parent;

    /** Wraps the reader that {@code createReader} builds from {@code context}. */
    static <T> RaceGatedReader<T> create(
            DataHubSource<T> source, SourceReaderContext context, String parent) throws Exception {
        return new RaceGatedReader<>(
                source.createReader(new RecordingContext(context, parent)),
                context.getIndexOfSubtask(),
                parent);
    }

    private RaceGatedReader(
            SourceReader<T, DataHubShardSplit> delegate, int subtask, String parent) {
        this.delegate = delegate;
        this.subtask = subtask;
        this.parent = parent;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        return RaceProbe.readerGate.isDone()
                ? delegate.pollNext(output)
                : InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        CompletableFuture<Void> gate = RaceProbe.readerGate;
        return gate.isDone() ? delegate.isAvailable() : gate;
    }

    @Override
    public List<DataHubShardSplit> snapshotState(long checkpointId) {
        boolean finishedBefore = RaceProbe.SENT_BY.contains(subtask);
        List<DataHubShardSplit> state = delegate.snapshotState(checkpointId);
        if (RaceProbe.FAILED.get()) {
            return state; // record the first attempt only
        }
        if (finishedBefore) {
            RaceProbe.READER_SNAPSHOTS_AFTER_FINISH.add(checkpointId);
        }
        if (state.stream().anyMatch(s -> s.splitId().equals(parent) && s.isFinished())) {
            RaceProbe.READER_SNAPSHOTS_WITH_FINISHED_PARENT.add(checkpointId);
        }
        return state;
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void addSplits(List<DataHubShardSplit> splits) {
        delegate.addSplits(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
        delegate.notifyNoMoreSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        delegate.handleSourceEvents(event);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        delegate.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        delegate.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
        delegate.pauseOrResumeSplits(toPause, toResume);
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }

    /** The reader's context; records when a reader reports the parent finished. */
    private record RecordingContext(SourceReaderContext delegate, String parent)
            implements SourceReaderContext {

        @Override
        public void sendSourceEventToCoordinator(SourceEvent event) {
            if (event instanceof SplitsFinishedEvent finished
                    && finished.finishedSplitIds().contains(parent)) {
                RaceProbe.SENT_BY.add(delegate.getIndexOfSubtask());
                RaceProbe.TIMES_SENT.incrementAndGet();
            }
            delegate.sendSourceEventToCoordinator(event);
        }

        @Override
        public SourceReaderMetricGroup metricGroup() {
            return delegate.metricGroup();
        }

        @Override
        public Configuration getConfiguration() {
            return delegate.getConfiguration();
        }

        @Override
        public String getLocalHostName() {
            return delegate.getLocalHostName();
        }

        @Override
        public int getIndexOfSubtask() {
            return delegate.getIndexOfSubtask();
        }

        @Override
        public void sendSplitRequest() {
            delegate.sendSplitRequest();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return delegate.getUserCodeClassLoader();
        }

        @Override
        public int currentParallelism() {
            return delegate.currentParallelism();
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            delegate.emitWatermark(watermark);
        }
    }
}
