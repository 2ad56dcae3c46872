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

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.ShardInfo;

import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.function.ThrowingRunnable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The NONE and AT_LEAST_ONCE writer: batches records per shard and sends each batch with a
 * non-blocking put-by-shard.
 *
 * <p>Threading: every field is touched on the task (mailbox) thread only. A put's completion is
 * handed back to the mailbox; backoff delays run on a small scheduler that only posts mails.
 *
 * <p>Order: at most one request per shard is in flight, so a retried batch never overtakes a later
 * one and a key keeps its order (also across a split or merge: the sealed shard's batches are
 * re-routed in their original order, and until then a key's new records join the queue of the
 * no-longer-ACTIVE shard that still holds older records of it rather than go to its child). {@code
 * maxInFlightRequests} bounds the requests across shards; {@link #write} yields to the mailbox
 * while more than that many batches are in flight or ready, which is the back-pressure.
 *
 * <p>Retries: this writer owns them (the client's are off). Throttling and 5xx back off
 * exponentially with jitter up to {@code maxRetries}; a sealed or missing shard re-lists the shards
 * and re-routes the batch; anything else is fatal. AT_LEAST_ONCE fails the job on a fatal or
 * exhausted batch; NONE logs and counts it ({@code numRecordsSendErrors}).
 */
final class DataHubWriter<T> implements CommittingSinkWriter<T, DataHubCommittable> {

    private static final Logger LOG = LoggerFactory.getLogger(DataHubWriter.class);

    private final SinkSettings settings;
    private final DataHubClient client;
    private final RecordPreparer<T> preparer;
    private final MailboxExecutor mailbox;
    private final ProcessingTimeService timeService;
    private final WriterMetrics metrics;
    private final Backoff backoff;
    private final Map<String, ShardQueue> queues = new LinkedHashMap<>();
    private final List<CompletableFuture<Void>> inFlightFutures = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private int inFlight;
    private int queuedBatches;
    private boolean lingerTimerSet;
    private DataHubSinkException fatal;

    DataHubWriter(
            SinkSettings settings,
            DataHubClient client,
            RecordPreparer<T> preparer,
            MailboxExecutor mailbox,
            ProcessingTimeService timeService,
            WriterMetrics metrics) {
        this.settings = settings;
        this.client = client;
        this.preparer = preparer;
        this.mailbox = mailbox;
        this.timeService = timeService;
        this.metrics = metrics;
        this.backoff = settings.backoff();
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "datahub-sink-backoff");
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        checkFatal();
        PreparedRecord r = preparer.prepare(element);
        enqueue(r);
        dispatch();
        while (inFlight + queuedBatches > settings.maxInFlightRequests()) {
            mailbox.yield();
            checkFatal();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        checkFatal();
        for (ShardQueue q : queues.values()) {
            q.closeOpen();
        }
        dispatch();
        if (settings.deliveryGuarantee() == DeliveryGuarantee.NONE && !endOfInput) {
            return; // fire and forget: a barrier does not wait for NONE
        }
        while (inFlight > 0 || queuedBatches > 0) {
            mailbox.yield();
            checkFatal();
        }
    }

    /** Nothing to commit: NONE and AT_LEAST_ONCE records are sent by {@link #flush}. */
    @Override
    public Collection<DataHubCommittable> prepareCommit() {
        return List.of();
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        for (CompletableFuture<Void> f : new ArrayList<>(inFlightFutures)) {
            f.cancel(true);
        }
        client.close();
    }

    // ---- batching

    private void enqueue(PreparedRecord r) throws IOException, InterruptedException {
        String shard = preparer.router().route(r.key());
        for (int attempt = 1; shard == null; attempt++) {
            // Stale map, or the new shards of a split are not ACTIVE yet: re-list, with backoff.
            if (!backoff.allows(attempt)) {
                throw new DataHubSinkException(
                        "No ACTIVE shard of topic "
                                + settings.topicPath()
                                + " owns hash key "
                                + (r.key() == null ? "(round robin)" : r.key().toString(16))
                                + " after "
                                + (attempt - 1)
                                + " shard-list refreshes",
                        null);
            }
            if (attempt > 1) {
                Thread.sleep(backoff.delayMillis(attempt));
            }
            refresh();
            shard = preparer.router().route(r.key());
        }
        ShardQueue q = unresolvedPredecessor(r.key(), shard);
        if (q == null) {
            q = queues.computeIfAbsent(shard, this::newQueue);
        }
        if (q.open != null
                && !q.open.fits(r, settings.maxBatchRecords(), settings.recordBytesPerRequest())) {
            q.closeOpen();
        }
        if (q.open == null) {
            q.open = new ShardBatch(timeService.getCurrentProcessingTime());
            ensureLingerTimer();
        }
        q.open.add(r);
        if (q.open.size() >= settings.maxBatchRecords()) {
            q.closeOpen();
        }
    }

    /**
     * A queue of a shard that is no longer ACTIVE in the map, owns the key's hash and still has
     * records in flight, in backoff or waiting: after a refresh (e.g. triggered by the other parent
     * of a merge) the key's new records must not reach the child before these. They join that queue
     * instead and are re-routed behind its batches when its shard answers sealed.
     */
    private ShardQueue unresolvedPredecessor(BigInteger key, String shard) {
        if (key == null) {
            return null; // round-robin: no per-key order
        }
        for (ShardQueue q : queues.values()) {
            if (!q.shardId.equals(shard)
                    && q.range != null
                    && q.range.contains(key)
                    && q.unresolved()
                    && !preparer.router().isActive(q.shardId)) {
                return q;
            }
        }
        return null;
    }

    private ShardQueue newQueue(String shardId) {
        HashKeyRange range = null;
        for (ShardInfo s : preparer.router().activeShards()) {
            if (s.shardId().equals(shardId)) {
                range = s.hashKeyRange();
            }
        }
        return new ShardQueue(shardId, range);
    }

    private void ensureLingerTimer() {
        if (lingerTimerSet) {
            return;
        }
        lingerTimerSet = true;
        long at = timeService.getCurrentProcessingTime() + settings.maxLinger().toMillis();
        timeService.registerTimer(at, this::onLinger);
    }

    private void onLinger(long now) {
        lingerTimerSet = false;
        boolean openLeft = false;
        for (ShardQueue q : queues.values()) {
            if (q.open != null) {
                if (now - q.open.createdMillis >= settings.maxLinger().toMillis()) {
                    q.closeOpen();
                } else {
                    openLeft = true;
                }
            }
        }
        dispatch();
        if (openLeft) {
            ensureLingerTimer();
        }
    }

    // ---- sending

    private void dispatch() {
        for (ShardQueue q : queues.values()) {
            if (inFlight >= settings.maxInFlightRequests()) {
                return;
            }
            if (!q.busy && !q.ready.isEmpty()) {
                ShardBatch b = q.ready.poll();
                queuedBatches--;
                q.busy = true;
                inFlight++;
                send(q.shardId, b);
            }
        }
    }

    private void send(String shardId, ShardBatch batch) {
        batch.sentNanos = System.nanoTime();
        CompletableFuture<Void> f;
        try {
            f =
                    client.putRecordsByShardAsync(
                            settings.project(), settings.topic(), shardId, batch.putRecords());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> future = f;
        inFlightFutures.add(future);
        future.whenComplete(
                (ok, error) ->
                        post(
                                () -> {
                                    inFlightFutures.remove(future);
                                    onComplete(shardId, batch, error);
                                }));
    }

    private void post(ThrowingRunnable<Exception> mail) {
        try {
            mailbox.execute(mail, "DataHub put completion");
        } catch (RejectedExecutionException closing) {
            // The task is shutting down; close() cancels what is left.
        }
    }

    private void onComplete(String shardId, ShardBatch batch, Throwable error)
            throws IOException, InterruptedException {
        ShardQueue q = queues.get(shardId);
        if (error == null) {
            release(q);
            metrics.sent(
                    batch.size(),
                    batch.bytes,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - batch.sentNanos));
            dispatch();
            return;
        }
        switch (PutFailures.classify(error)) {
            case RETRY:
                retryLater(q, batch, error);
                return;
            case REROUTE:
                reshard(q, batch, error);
                return;
            default:
                release(q);
                fail(shardId, batch, error, "failed");
                dispatch();
        }
    }

    private void retryLater(ShardQueue q, ShardBatch batch, Throwable error) {
        if (!backoff.allows(batch.attempt + 1)) {
            release(q);
            fail(q.shardId, batch, error, "failed after " + batch.attempt + " retries");
            dispatch();
            return;
        }
        batch.attempt++;
        metrics.retried();
        // The shard stays busy (and its slot taken) until the retry is sent: order is kept.
        long delay = backoff.delayMillis(batch.attempt);
        try {
            scheduler.schedule(
                    () -> post(() -> send(q.shardId, batch)), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    private void reshard(ShardQueue q, ShardBatch batch, Throwable error)
            throws IOException, InterruptedException {
        release(q);
        refresh();
        if (preparer.router().isActive(q.shardId)) {
            // Listed as ACTIVE still (e.g. a put racing the split): back off and try again.
            q.busy = true;
            inFlight++;
            retryLater(q, batch, error);
            return;
        }
        LOG.info(
                "Shard {} of topic {} is sealed or gone; re-routing {} records",
                q.shardId,
                settings.topicPath(),
                batch.size());
        queues.remove(q.shardId);
        queuedBatches -= q.ready.size();
        List<PreparedRecord> reroute = new ArrayList<>(batch.records);
        for (ShardBatch b : q.ready) {
            reroute.addAll(b.records);
        }
        if (q.open != null) {
            reroute.addAll(q.open.records);
        }
        for (PreparedRecord r : reroute) {
            enqueue(r);
        }
        // These records were due already: send them now rather than after a linger (a flush
        // waiting for this batch must see them as queued).
        for (ShardQueue other : queues.values()) {
            other.closeOpen();
        }
        dispatch();
    }

    private void refresh() throws IOException {
        metrics.refreshed();
        preparer.refreshShards();
    }

    private void release(ShardQueue q) {
        q.busy = false;
        inFlight--;
    }

    private void fail(String shardId, ShardBatch batch, Throwable error, String how) {
        metrics.failed(batch.size());
        String message =
                "Writing "
                        + batch.size()
                        + " records to shard "
                        + shardId
                        + " of topic "
                        + settings.topicPath()
                        + " "
                        + how
                        + ": "
                        + PutFailures.unwrap(error).getMessage();
        if (settings.deliveryGuarantee() == DeliveryGuarantee.NONE) {
            LOG.warn("{} (dropped: delivery guarantee NONE)", message);
        } else if (fatal == null) {
            fatal = new DataHubSinkException(message, PutFailures.unwrap(error));
        }
    }

    private void checkFatal() {
        if (fatal != null) {
            throw fatal;
        }
    }

    int inFlightRequests() {
        return inFlight;
    }

    WriterMetrics metrics() {
        return metrics;
    }

    /** One shard's open batch, closed batches waiting to be sent, and whether one is in flight. */
    private final class ShardQueue {
        final String shardId;
        final HashKeyRange range; // null when the shard was not in the map (a fixed shard)
        final Deque<ShardBatch> ready = new ArrayDeque<>();
        ShardBatch open;
        boolean busy;

        ShardQueue(String shardId, HashKeyRange range) {
            this.shardId = shardId;
            this.range = range;
        }

        /** Whether a batch is in flight or in backoff, or records wait to be sent. */
        boolean unresolved() {
            return busy || !ready.isEmpty() || open != null;
        }

        void closeOpen() {
            if (open != null) {
                ready.add(open);
                queuedBatches++;
                open = null;
            }
        }
    }
}
