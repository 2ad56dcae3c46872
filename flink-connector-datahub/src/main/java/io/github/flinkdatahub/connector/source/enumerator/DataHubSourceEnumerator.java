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
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.enumerator.tracker.SplitTracker;
import io.github.flinkdatahub.connector.source.event.SplitsFinishedEvent;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.util.FlinkRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Discovers shards, hands them to readers evenly and holds back children until all their parents
 * were read to their end.
 *
 * <p>Threading: shard listing and position resolution (network) run in {@code callAsync} on the
 * context's worker thread and only return new splits; all state (the {@link SplitTracker}, the
 * assignment counts) changes on the coordinator thread, in the callbacks.
 *
 * <p>Assignment: each ready split goes to the registered reader that currently holds the fewest
 * splits assigned by this enumerator, lowest subtask first; splits are taken in topic and numeric
 * shard order, so the result is deterministic. After a restore with another parallelism, Flink
 * redistributes the splits in reader state itself; unassigned and returned splits are assigned
 * here.
 */
public final class DataHubSourceEnumerator
        implements SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(DataHubSourceEnumerator.class);

    private final SplitEnumeratorContext<DataHubShardSplit> context;
    private final DataHubSourceConfig config;
    private final SplitTracker tracker;
    private final SplitFactory splitFactory;
    private final Map<Integer, Set<String>> heldByReader = new HashMap<>();
    private final Set<Integer> noMoreSplitsSent = new HashSet<>();
    private boolean initialDiscoveryDone;

    /** Known split ids as of the last callback; read by the worker thread. */
    private volatile Set<String> knownIds;

    private volatile boolean initialForWorker;
    private DataHubClient client;

    /** Creates a fresh enumerator, or one restored from {@code restored}. */
    public DataHubSourceEnumerator(
            SplitEnumeratorContext<DataHubShardSplit> context,
            DataHubSourceConfig config,
            @Nullable DataHubEnumeratorState restored) {
        this.context = context;
        this.config = config;
        this.tracker = restored == null ? new SplitTracker() : new SplitTracker(restored);
        this.initialDiscoveryDone = restored != null && restored.initialDiscoveryDone();
        this.splitFactory = new SplitFactory(config);
        this.knownIds = tracker.knownIds();
        this.initialForWorker = !initialDiscoveryDone;
    }

    @Override
    public void start() {
        if (config.bounded()) {
            if (initialDiscoveryDone) {
                assignReady();
            } else {
                context.callAsync(this::discover, this::onDiscovered);
            }
        } else {
            long interval = config.shardDiscoveryInterval().toMillis();
            context.callAsync(this::discover, this::onDiscovered, 0, interval);
        }
    }

    /** Worker thread: lists shards of every topic and builds splits for unknown ones. */
    List<DataHubShardSplit> discover() {
        if (client == null) {
            client = config.clientFactory().create();
        }
        Set<String> known = knownIds;
        boolean initial = initialForWorker;
        List<DataHubShardSplit> found = new ArrayList<>();
        for (String topic : config.topics()) {
            List<ShardInfo> fresh = new ArrayList<>();
            for (ShardInfo shard : client.listShards(config.project(), topic)) {
                if (!known.contains(DataHubShardSplit.splitId(topic, shard.shardId()))) {
                    fresh.add(shard);
                }
            }
            found.addAll(splitFactory.newSplits(client, topic, fresh, initial));
        }
        return found;
    }

    /** Coordinator thread: records the new splits and assigns what is ready. */
    void onDiscovered(List<DataHubShardSplit> found, Throwable error) {
        if (error != null) {
            if (!initialDiscoveryDone) {
                throw new FlinkRuntimeException(
                        "Listing the shards of "
                                + config.project()
                                + "/"
                                + config.topics()
                                + " failed",
                        error);
            }
            LOG.warn("Periodic shard discovery failed; retrying at the next interval", error);
            return;
        }
        tracker.addDiscovered(found);
        if (!found.isEmpty()) {
            LOG.info("Discovered {} new DataHub shard(s): {}", found.size(), found);
        }
        initialDiscoveryDone = true;
        initialForWorker = false;
        knownIds = tracker.knownIds();
        assignReady();
    }

    private void assignReady() {
        Set<Integer> readers = context.registeredReaders().keySet();
        if (readers.isEmpty()) {
            return;
        }
        List<DataHubShardSplit> ready = tracker.readyToAssign();
        Map<Integer, List<DataHubShardSplit>> assignment = new HashMap<>();
        for (DataHubShardSplit split : ready) {
            int reader = leastLoaded(readers);
            heldByReader.computeIfAbsent(reader, r -> new HashSet<>()).add(split.splitId());
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(split);
        }
        if (!assignment.isEmpty()) {
            assignment.values().forEach(tracker::markAssigned);
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
        if (config.bounded() && initialDiscoveryDone && tracker.hasNoUnassigned()) {
            for (int reader : readers) {
                if (noMoreSplitsSent.add(reader)) {
                    context.signalNoMoreSplits(reader);
                }
            }
        }
    }

    private int leastLoaded(Set<Integer> readers) {
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int reader : new java.util.TreeSet<>(readers)) {
            int count = heldByReader.getOrDefault(reader, Set.of()).size();
            if (count < bestCount) {
                best = reader;
                bestCount = count;
            }
        }
        return best;
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        // Splits are pushed; nothing to do.
    }

    @Override
    public void addSplitsBack(List<DataHubShardSplit> splits, int subtaskId) {
        Set<String> held = heldByReader.get(subtaskId);
        if (held != null) {
            splits.forEach(s -> held.remove(s.splitId()));
        }
        noMoreSplitsSent.remove(subtaskId);
        tracker.returnSplits(splits);
        knownIds = tracker.knownIds();
        assignReady();
    }

    @Override
    public void addReader(int subtaskId) {
        noMoreSplitsSent.remove(subtaskId); // a restarted reader must hear it again
        assignReady();
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
        if (sourceEvent instanceof SplitsFinishedEvent finished) {
            tracker.markFinished(finished.finishedSplitIds());
            heldByReader.values().forEach(h -> h.removeAll(finished.finishedSplitIds()));
            assignReady();
        } else {
            LOG.warn("Ignoring unknown source event {} from subtask {}", sourceEvent, subtaskId);
        }
    }

    @Override
    public DataHubEnumeratorState snapshotState(long checkpointId) {
        return tracker.snapshot(initialDiscoveryDone);
    }

    @Override
    public void close() {
        // The worker thread may still use the client; the context stops it before close().
        if (client != null) {
            client.close();
        }
    }

    /** The tracker, for tests. */
    SplitTracker tracker() {
        return tracker;
    }
}
