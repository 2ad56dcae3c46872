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
import io.github.flinkdatahub.connector.client.DataHubDecodeException;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.InvalidCursorException;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardSealedException;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.ExpiredPositionPolicy;
import io.github.flinkdatahub.connector.source.metrics.DataHubSourceMetrics;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads all shards of one reader with up to {@code fetchesInFlight} GetRecords calls in flight at
 * once; {@link #fetch()} returns as soon as one completes, or when {@link #wakeUp()} is called.
 *
 * <p>Retries, one layer each: the client retries a single request on throttling ({@code
 * LimitExceeded}), 5xx and network errors with its own bounded backoff ({@code
 * DataHubClientConfig.maxRetries}). When the client gives up on such a retryable error this reader
 * does not fail the job: it parks only that shard for an exponential backoff with jitter (from the
 * idle poll interval up to {@code maxFetchBackoff}) and tries again, and fails only after {@code
 * fetchRetries} consecutive failed fetches of the shard. Fatal errors (auth, bad parameters) fail
 * at once. {@code InvalidCursor} re-seeks by sequence; a sequence that has expired follows the
 * {@link ExpiredPositionPolicy}. {@code InvalidShardOperation} (end of a CLOSED shard), an empty
 * read issued after the shard was seen CLOSED (a shard that reads empty is checked with ListShard
 * at most once per shard discovery interval) and a reached stopping position finish the split.
 *
 * <p>Cursors are obtained with the blocking GetCursor on the fetcher thread (once per split and
 * after an invalid cursor), the reads themselves are asynchronous.
 *
 * <p>Threading: everything runs on the fetcher thread except {@link #wakeUp()}.
 */
public final class DataHubShardSplitReader implements SplitReader<ReadRecord, DataHubShardSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(DataHubShardSplitReader.class);
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final DataHubSourceConfig config;
    private final DataHubClient client;
    private final DataHubSourceMetrics metrics;
    private final ShardPositioner positioner;
    private final Map<String, ShardCursor> shards = new LinkedHashMap<>();
    private final Map<String, RecordSchema> schemas = new HashMap<>();
    private final Map<String, Long> closedChecks = new HashMap<>();
    private final Object wakeLock = new Object();
    private CompletableFuture<Void> wakeUp = new CompletableFuture<>();
    private int rotation;

    /** A reader with its own client. */
    public DataHubShardSplitReader(
            DataHubSourceConfig config, DataHubClient client, DataHubSourceMetrics metrics) {
        this.config = config;
        this.client = client;
        this.metrics = metrics;
        this.positioner = new ShardPositioner(config, client, metrics);
    }

    @Override
    public RecordsWithSplitIds<ReadRecord> fetch() throws IOException {
        CompletableFuture<Void> wake;
        synchronized (wakeLock) {
            wake = wakeUp;
        }
        RecordsBySplits.Builder<ReadRecord> out = new RecordsBySplits.Builder<>();
        boolean produced = finishPastStop(out);
        long waitNanos = issueFetches(out);
        produced |= collectCompleted(out);
        if (produced || wake.isDone()) {
            resetWakeUp(wake);
            return out.build();
        }
        List<CompletableFuture<?>> waitFor = new ArrayList<>();
        waitFor.add(wake);
        for (ShardCursor s : shards.values()) {
            if (s.inFlight != null) {
                waitFor.add(s.inFlight);
            }
        }
        try {
            CompletableFuture.anyOf(waitFor.toArray(new CompletableFuture[0]))
                    .get(Math.min(waitNanos, MAX_WAIT_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException ignored) {
            // A failed fetch is handled by collectCompleted below; a timeout means a backoff ended.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out.build();
        }
        collectCompleted(out);
        resetWakeUp(wake);
        return out.build();
    }

    private void resetWakeUp(CompletableFuture<Void> seen) {
        synchronized (wakeLock) {
            if (wakeUp == seen && seen.isDone()) {
                wakeUp = new CompletableFuture<>();
            }
        }
    }

    private boolean finishPastStop(RecordsBySplits.Builder<ReadRecord> out) {
        boolean any = false;
        for (var it = shards.values().iterator(); it.hasNext(); ) {
            ShardCursor s = it.next();
            if (s.inFlight == null && s.pastStop()) {
                finish(out, s);
                it.remove();
                any = true;
            }
        }
        return any;
    }

    /** Starts fetches up to the in-flight limit; returns how long until a parked shard is due. */
    private long issueFetches(RecordsBySplits.Builder<ReadRecord> out) throws IOException {
        long now = System.nanoTime();
        long nextDue = Long.MAX_VALUE;
        int inFlight = 0;
        List<ShardCursor> order = new ArrayList<>(shards.values());
        for (ShardCursor s : order) {
            if (s.inFlight != null) {
                inFlight++;
            }
        }
        int n = order.size();
        for (int i = 0; i < n && inFlight < config.fetchesInFlight(); i++) {
            ShardCursor s = order.get((rotation + i) % n);
            if (s.inFlight != null || s.paused) {
                continue;
            }
            if (s.notBeforeNanos > now) {
                nextDue = Math.min(nextDue, s.notBeforeNanos - now);
                continue;
            }
            if (s.cursor == null && !seek(s, out)) {
                continue;
            }
            metrics.fetchRequest();
            s.issuedNanos = System.nanoTime();
            s.inFlight =
                    client.getRecordsAsync(
                            config.project(),
                            s.split.topic(),
                            s.split.shardId(),
                            s.cursor,
                            config.recordsPerFetch(),
                            schema(s.split.topic()));
            inFlight++;
        }
        rotation = n == 0 ? 0 : (rotation + 1) % n;
        return nextDue == Long.MAX_VALUE ? MAX_WAIT_NANOS : nextDue;
    }

    /** Gets a cursor for the shard's next sequence; false when the shard is done or parked. */
    private boolean seek(ShardCursor s, RecordsBySplits.Builder<ReadRecord> out)
            throws IOException {
        try {
            positioner.position(s);
            return true;
        } catch (ShardSealedException sealed) {
            finish(out, s);
            shards.remove(s.split.splitId());
            return false;
        } catch (DataHubException e) {
            if (isShardGone(e)) {
                shardGone(s, e, out);
                return false;
            }
            if (!e.isRetryable()) {
                throw new IOException("Cannot position shard " + s.split.splitId() + ": " + e, e);
            }
            park(s, e);
            return false;
        }
    }

    private boolean collectCompleted(RecordsBySplits.Builder<ReadRecord> out) throws IOException {
        boolean any = false;
        for (ShardCursor s : new ArrayList<>(shards.values())) {
            CompletableFuture<GetRecordsResult> f = s.inFlight;
            if (f == null || !f.isDone()) {
                continue;
            }
            s.inFlight = null;
            any = true;
            try {
                handleResult(s, f.join(), out);
            } catch (java.util.concurrent.CompletionException e) {
                handleFailure(s, e.getCause() == null ? e : e.getCause(), out);
            } catch (java.util.concurrent.CancellationException e) {
                // Cancelled by close(); nothing to do.
            }
        }
        return any;
    }

    private void handleResult(
            ShardCursor s, GetRecordsResult result, RecordsBySplits.Builder<ReadRecord> out) {
        s.consecutiveFailures = 0;
        s.invalidCursorInARow = 0;
        String splitId = s.split.splitId();
        long stopSeq = s.split.stopSequence().orElse(Long.MAX_VALUE);
        long stopTime = s.split.stopTimestamp().orElse(Long.MAX_VALUE);
        boolean reachedStop = false;
        long lastTime = -1;
        long bytes = 0;
        for (ReadRecord r : result.records()) {
            if (r.sequence() > stopSeq || r.systemTime() > stopTime) {
                reachedStop = true;
                break;
            }
            if (s.alreadyRead(r)) {
                // The emitted head of a batch, read again after a restore. Its last record still
                // moves the position on, so that a stop at this batch's sequence is reached.
                s.skipPast(r);
                continue;
            }
            out.add(splitId, r);
            s.advancePast(r);
            lastTime = r.systemTime();
            bytes += DataHubSourceMetrics.payloadBytes(r);
        }
        metrics.bytesIn(bytes);
        s.cursor = result.nextCursor();
        metrics.fetched(
                splitId, result.latestSequence(), result.latestTime(), s.nextSequence, lastTime);
        if (reachedStop || s.pastStop()) {
            finish(out, s);
            shards.remove(splitId);
        } else if (result.records().isEmpty()) {
            if (s.issuedNanos > s.closedSinceNanos
                    && (result.latestSequence() < 0 || result.latestSequence() < s.nextSequence)) {
                // Read after the shard was seen CLOSED: nothing can follow. A service that answers
                // the end of a CLOSED shard with empty reads instead of InvalidShardOperation.
                LOG.info(
                        "Shard {} is closed and an empty read found nothing from sequence {} on:"
                                + " finished",
                        splitId,
                        s.nextSequence);
                finish(out, s);
                shards.remove(splitId);
                return;
            }
            s.notBeforeNanos = System.nanoTime() + config.idleShardPollInterval().toNanos();
            checkClosed(s.split.topic());
        }
    }

    /**
     * Lists the topic's shards (at most once per shard discovery interval, only while one of its
     * shards reads empty) and marks those that are CLOSED, so the next empty read of such a shard
     * finishes its split.
     */
    private void checkClosed(String topic) {
        long now = System.nanoTime();
        Long last = closedChecks.get(topic);
        long every = config.shardDiscoveryInterval().toNanos();
        if (last != null && now - last < every) {
            return;
        }
        closedChecks.put(topic, now);
        List<ShardInfo> listing;
        try {
            listing = client.listShards(config.project(), topic);
        } catch (DataHubException e) {
            LOG.debug(
                    "Listing the shards of {} to find closed ones failed: {}", topic, e.toString());
            return;
        }
        long seen = System.nanoTime();
        for (ShardInfo info : listing) {
            if (info.state() != ShardState.CLOSED) {
                continue;
            }
            ShardCursor s = shards.get(DataHubShardSplit.splitId(topic, info.shardId()));
            if (s != null && s.closedSinceNanos == Long.MAX_VALUE) {
                s.closedSinceNanos = seen;
            }
        }
    }

    private void handleFailure(
            ShardCursor s, Throwable error, RecordsBySplits.Builder<ReadRecord> out)
            throws IOException {
        String splitId = s.split.splitId();
        if (error instanceof ShardSealedException) {
            LOG.info("Shard {} is closed and fully read", splitId);
            finish(out, s);
            shards.remove(splitId);
            return;
        }
        if (error instanceof DataHubException e && isShardGone(e)) {
            shardGone(s, e, out);
            return;
        }
        if (error instanceof InvalidCursorException && s.invalidCursorInARow++ < 3) {
            s.cursor = null; // re-seek by sequence (expired positions are handled there)
            return;
        }
        if (error instanceof DataHubDecodeException && s.consecutiveFailures == 0) {
            schemas.remove(s.split.topic()); // the schema may have grown (AppendField)
            s.consecutiveFailures++;
            return;
        }
        if (error instanceof DataHubException e && e.isRetryable()) {
            park(s, e);
            return;
        }
        throw new IOException("Reading shard " + splitId + " failed: " + error, error);
    }

    private static boolean isShardGone(DataHubException e) {
        return "NoSuchShard".equals(e.errorCode());
    }

    /**
     * A restored shard that DataHub no longer lists (all its data expired): its remaining records
     * are lost, which the expired-position policy decides about.
     */
    private void shardGone(
            ShardCursor s, DataHubException e, RecordsBySplits.Builder<ReadRecord> out)
            throws IOException {
        if (config.expiredPositionPolicy() == ExpiredPositionPolicy.FAIL) {
            throw new IOException(
                    "Shard "
                            + s.split.splitId()
                            + " no longer exists (its data expired), so its position (next"
                            + " sequence "
                            + s.nextSequence
                            + ") is lost. Use setExpiredPositionPolicy(EARLIEST) to skip it.",
                    e);
        }
        LOG.warn(
                "Shard {} no longer exists (its data expired); finishing its split at next"
                        + " sequence {}",
                s.split.splitId(),
                s.nextSequence);
        finish(out, s);
        shards.remove(s.split.splitId());
    }

    private void park(ShardCursor s, DataHubException e) throws IOException {
        s.consecutiveFailures++;
        if (s.consecutiveFailures > config.fetchRetries()) {
            throw new IOException(
                    "Reading shard "
                            + s.split.splitId()
                            + " failed "
                            + s.consecutiveFailures
                            + " times in a row, each after the client's own retries"
                            + " (setFetchRetries allows "
                            + config.fetchRetries()
                            + "): "
                            + e,
                    e);
        }
        long jittered = backoffMillis(s.consecutiveFailures);
        s.notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(jittered);
        metrics.fetchRetry();
        LOG.debug(
                "Shard {}: retryable failure, next try in {} ms: {}",
                s.split.splitId(),
                jittered,
                e.toString());
    }

    /**
     * Exponential from the idle interval, capped, with "equal jitter" (half fixed, half random).
     */
    private long backoffMillis(int failures) {
        long base = Math.max(1, config.idleShardPollInterval().toMillis());
        long capped =
                Math.min(config.maxFetchBackoff().toMillis(), base << Math.min(20, failures - 1));
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private void finish(RecordsBySplits.Builder<ReadRecord> out, ShardCursor s) {
        out.addFinishedSplit(s.split.splitId());
        metrics.removeShard(s.split.splitId());
    }

    private RecordSchema schema(String topic) {
        RecordSchema schema = schemas.get(topic);
        if (schema == null && !schemas.containsKey(topic)) {
            schema = client.getTopic(config.project(), topic).schema();
            schemas.put(topic, schema);
        }
        return schema;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<DataHubShardSplit> splitsChanges) {
        if (!(splitsChanges instanceof SplitsAddition)) {
            return;
        }
        for (DataHubShardSplit split : splitsChanges.splits()) {
            shards.put(split.splitId(), new ShardCursor(split));
            metrics.addShard(split.splitId());
        }
    }

    @Override
    public void pauseOrResumeSplits(
            Collection<DataHubShardSplit> toPause, Collection<DataHubShardSplit> toResume) {
        toPause.forEach(s -> setPaused(s.splitId(), true));
        toResume.forEach(s -> setPaused(s.splitId(), false));
    }

    private void setPaused(String splitId, boolean paused) {
        ShardCursor s = shards.get(splitId);
        if (s != null) {
            s.paused = paused;
        }
    }

    @Override
    public void wakeUp() {
        synchronized (wakeLock) {
            wakeUp.complete(null);
        }
    }

    @Override
    public void close() {
        for (ShardCursor s : shards.values()) {
            if (s.inFlight != null) {
                s.inFlight.cancel(true);
            }
        }
        client.close();
    }

    /** How many fetches are in flight now (for tests). */
    int inFlightCount() {
        return (int) shards.values().stream().filter(s -> s.inFlight != null).count();
    }
}
