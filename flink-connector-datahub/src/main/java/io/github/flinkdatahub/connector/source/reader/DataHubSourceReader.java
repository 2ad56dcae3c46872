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

import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.event.SplitsFinishedEvent;
import io.github.flinkdatahub.connector.source.metrics.DataHubSourceMetrics;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplitState;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.UserCodeClassLoader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader: one fetcher thread runs a {@link DataHubShardSplitReader} over all its shards, the
 * mailbox thread deserializes and emits.
 *
 * <p>Finished splits and checkpoints: when a split ends, the reader tells the enumerator with a
 * {@link SplitsFinishedEvent}, and keeps the split (marked finished) in its checkpointed state
 * until a checkpoint that was triggered after the one first containing it completes. The event is
 * sent before that first snapshot is acknowledged over the same task-to-JobManager channel, so by
 * the later checkpoint the enumerator has processed it; if the job restores from an earlier
 * checkpoint, the reader gets the finished split back and re-sends the event (idempotent).
 */
public final class DataHubSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<
                ReadRecord, T, DataHubShardSplit, DataHubShardSplitState> {

    private final DataHubSourceConfig config;
    private final DataHubRecordDeserializationSchema<T> deserializer;
    private final Map<String, DataHubShardSplitState> states = new ConcurrentHashMap<>();

    /** Finished splits kept in state, with the first checkpoint that contained them (or -1). */
    private final Map<String, FinishedSplit> finished = new LinkedHashMap<>();

    /** Positions to commit to the subscription, by checkpoint id. */
    private final Map<Long, Map<String, long[]>> pendingCommits = new HashMap<>();

    private final SubscriptionCommitter committer;
    private final DataHubSourceMetrics metrics;

    private DataHubSourceReader(
            DataHubSourceConfig config,
            DataHubRecordDeserializationSchema<T> deserializer,
            DataHubSourceMetrics metrics,
            SourceReaderContext context) {
        super(
                () -> new DataHubShardSplitReader(config, config.clientFactory().create(), metrics),
                new DataHubRecordEmitter<>(deserializer),
                new Configuration(),
                context);
        this.config = config;
        this.deserializer = deserializer;
        this.metrics = metrics;
        this.committer =
                config.subscriptionId() == null
                        ? null
                        : new SubscriptionCommitter(
                                config.clientFactory(),
                                config.project(),
                                config.topics().get(0),
                                config.subscriptionId(),
                                config.subscriptionConflictPolicy(),
                                metrics);
    }

    /** Creates a reader and its metrics. */
    public static <T> DataHubSourceReader<T> create(
            DataHubSourceConfig config,
            DataHubRecordDeserializationSchema<T> deserializer,
            SourceReaderContext context) {
        return new DataHubSourceReader<>(
                config, deserializer, new DataHubSourceMetrics(context.metricGroup()), context);
    }

    @Override
    public void start() {
        try {
            deserializer.open(
                    new org.apache.flink.api.common.serialization.DeserializationSchema
                            .InitializationContext() {
                        @Override
                        public MetricGroup getMetricGroup() {
                            return context.metricGroup().addGroup("deserializer");
                        }

                        @Override
                        public UserCodeClassLoader getUserCodeClassLoader() {
                            return context.getUserCodeClassLoader();
                        }
                    });
        } catch (Exception e) {
            throw new IllegalStateException("Opening the deserializer failed: " + e, e);
        }
        super.start();
    }

    @Override
    public void addSplits(List<DataHubShardSplit> splits) {
        List<DataHubShardSplit> active = new ArrayList<>();
        List<String> doneIds = new ArrayList<>();
        for (DataHubShardSplit split : splits) {
            if (split.isFinished()) {
                finished.put(split.splitId(), new FinishedSplit(split, -1));
                doneIds.add(split.splitId());
            } else {
                active.add(split);
            }
        }
        if (!doneIds.isEmpty()) {
            context.sendSourceEventToCoordinator(
                    new SplitsFinishedEvent(new java.util.HashSet<>(doneIds)));
        }
        if (committer != null && !active.isEmpty()) {
            committer.open(active.stream().map(DataHubShardSplit::shardId).toList());
        }
        super.addSplits(active);
    }

    @Override
    protected DataHubShardSplitState initializedState(DataHubShardSplit split) {
        DataHubShardSplitState state = new DataHubShardSplitState(split);
        states.put(split.splitId(), state);
        return state;
    }

    @Override
    protected DataHubShardSplit toSplitType(String splitId, DataHubShardSplitState state) {
        return state.toSplit();
    }

    @Override
    protected void onSplitFinished(Map<String, DataHubShardSplitState> finishedSplits) {
        for (Map.Entry<String, DataHubShardSplitState> e : finishedSplits.entrySet()) {
            finished.put(e.getKey(), new FinishedSplit(e.getValue().toSplit().asFinished(), -1));
        }
        context.sendSourceEventToCoordinator(
                new SplitsFinishedEvent(new java.util.HashSet<>(finishedSplits.keySet())));
    }

    @Override
    public List<DataHubShardSplit> snapshotState(long checkpointId) {
        List<DataHubShardSplit> snapshot = new ArrayList<>(super.snapshotState(checkpointId));
        for (Map.Entry<String, FinishedSplit> e : finished.entrySet()) {
            FinishedSplit f = e.getValue();
            if (f.firstCheckpoint < 0) {
                e.setValue(new FinishedSplit(f.split, checkpointId));
            }
            snapshot.add(f.split);
        }
        if (committer != null) {
            Map<String, long[]> positions = new HashMap<>();
            for (DataHubShardSplitState s : states.values()) {
                if (s.lastEmittedSequence() >= 0) {
                    positions.put(
                            s.split().shardId(),
                            new long[] {
                                s.lastEmittedSequence(),
                                s.lastEmittedTime(),
                                s.lastEmittedBatchIndex()
                            });
                }
            }
            pendingCommits.put(checkpointId, positions);
        }
        return snapshot;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        for (var it = finished.entrySet().iterator(); it.hasNext(); ) {
            FinishedSplit f = it.next().getValue();
            if (f.firstCheckpoint >= 0 && f.firstCheckpoint < checkpointId) {
                it.remove();
                states.remove(f.split.splitId()); // its final position was committed already
            }
        }
        if (committer != null) {
            committer.checkFailure();
            Map<String, long[]> positions = pendingCommits.remove(checkpointId);
            pendingCommits.keySet().removeIf(id -> id < checkpointId);
            if (positions != null) {
                committer.commit(positions);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            if (committer != null) {
                committer.close();
            }
        }
    }

    /** The metrics (for tests). */
    DataHubSourceMetrics metrics() {
        return metrics;
    }

    /** The ids of finished splits still kept in state (for tests). */
    List<String> finishedSplitIds() {
        return new ArrayList<>(finished.keySet());
    }

    private record FinishedSplit(DataHubShardSplit split, long firstCheckpoint) {}
}
