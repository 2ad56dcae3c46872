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

package io.github.flinkdatahub.connector.source.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader's metrics: FLIP-33 {@code numBytesIn}, {@code currentFetchEventTimeLag}, {@code
 * pendingRecords} (Flink itself maintains {@code numRecordsIn} and {@code
 * currentEmitEventTimeLag}), plus per-shard lag ({@code shard.<topic/id>.lagRecords}, {@code
 * lagMillis}), fetch requests and retries, subscription commits and conflicts, and expired records
 * skipped.
 *
 * <p>Thread-safe: the fetcher thread updates the shard lags and counters, the mailbox thread reads
 * the gauges.
 */
public final class DataHubSourceMetrics {

    private final MetricGroup group;
    private final Counter numBytesIn;
    private final Counter fetchRequests;
    private final Counter fetchRetries;
    private final Counter commitsSucceeded;
    private final Counter commitsFailed;
    private final Counter subscriptionConflicts;
    private final Counter expiredRecordsSkipped;
    private final Map<String, ShardLag> shards = new ConcurrentHashMap<>();
    private volatile long fetchEventTimeLag = -1;

    /** Registers the metrics in the reader's group. */
    public DataHubSourceMetrics(SourceReaderMetricGroup group) {
        this.group = group;
        this.numBytesIn = group.getIOMetricGroup().getNumBytesInCounter();
        this.fetchRequests = group.counter("fetchRequests");
        this.fetchRetries = group.counter("fetchRetries");
        this.commitsSucceeded = group.counter("subscriptionCommitsSucceeded");
        this.commitsFailed = group.counter("subscriptionCommitsFailed");
        this.subscriptionConflicts = group.counter("subscriptionConflicts");
        this.expiredRecordsSkipped = group.counter("expiredRecordsSkipped");
        group.gauge("currentFetchEventTimeLag", () -> fetchEventTimeLag);
        group.setPendingRecordsGauge(this::pendingRecords);
    }

    /** Starts tracking a shard's lag. */
    public void addShard(String splitId) {
        shards.computeIfAbsent(
                splitId,
                id -> {
                    ShardLag lag = new ShardLag();
                    MetricGroup g = group.addGroup("shard", id);
                    g.gauge("lagRecords", lag::lagRecords);
                    g.gauge("lagMillis", lag::lagMillis);
                    return lag;
                });
    }

    /** Stops counting a finished shard in {@code pendingRecords}. */
    public void removeShard(String splitId) {
        ShardLag lag = shards.get(splitId);
        if (lag != null) {
            lag.finished = true;
        }
    }

    /** After a fetch: the shard's latest sequence/time and the next sequence this reader reads. */
    public void fetched(
            String splitId,
            long latestSequence,
            long latestTime,
            long nextSequence,
            long lastRecordTime) {
        ShardLag lag = shards.get(splitId);
        if (lag != null) {
            lag.latestSequence = latestSequence;
            lag.latestTime = latestTime;
            lag.nextSequence = nextSequence;
            if (lastRecordTime > 0) {
                lag.lastReadTime = lastRecordTime;
            }
        }
        if (lastRecordTime > 0) {
            fetchEventTimeLag = System.currentTimeMillis() - lastRecordTime;
        }
    }

    /** The sum over unfinished shards of the records behind each shard's latest sequence. */
    public long pendingRecords() {
        long sum = 0;
        for (ShardLag lag : shards.values()) {
            if (!lag.finished) {
                sum += lag.lagRecords();
            }
        }
        return sum;
    }

    /** Counts payload bytes read. */
    public void bytesIn(long bytes) {
        numBytesIn.inc(bytes);
    }

    /** Counts one GetRecords request. */
    public void fetchRequest() {
        fetchRequests.inc();
    }

    /** Counts one fetch retried by the reader (after the client gave up). */
    public void fetchRetry() {
        fetchRetries.inc();
    }

    /** Counts a successful subscription commit. */
    public void commitSucceeded() {
        commitsSucceeded.inc();
    }

    /** Counts a failed subscription commit. */
    public void commitFailed() {
        commitsFailed.inc();
    }

    /** Counts a session change or offset reset met while committing. */
    public void subscriptionConflict() {
        subscriptionConflicts.inc();
    }

    /** Counts records skipped because a position had expired. */
    public void expiredSkipped(long records) {
        expiredRecordsSkipped.inc(records);
    }

    /** For tests: the counters by name. */
    public long count(String name) {
        switch (name) {
            case "fetchRequests":
                return fetchRequests.getCount();
            case "fetchRetries":
                return fetchRetries.getCount();
            case "subscriptionCommitsSucceeded":
                return commitsSucceeded.getCount();
            case "subscriptionCommitsFailed":
                return commitsFailed.getCount();
            case "subscriptionConflicts":
                return subscriptionConflicts.getCount();
            case "expiredRecordsSkipped":
                return expiredRecordsSkipped.getCount();
            default:
                throw new IllegalArgumentException("Unknown counter " + name);
        }
    }

    private static final class ShardLag {
        volatile long latestSequence = -1;
        volatile long latestTime = -1;
        volatile long nextSequence;
        volatile long lastReadTime = -1;
        volatile boolean finished;

        long lagRecords() {
            return latestSequence < 0 ? 0 : Math.max(0, latestSequence + 1 - nextSequence);
        }

        long lagMillis() {
            if (latestTime < 0 || lagRecords() == 0) {
                return 0;
            }
            return lastReadTime < 0 ? 0 : Math.max(0, latestTime - lastReadTime);
        }
    }
}
