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
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.ShardInfo;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Publishes EXACTLY_ONCE committables after their checkpoint completed, idempotently.
 *
 * <p>A committable that may have been (partly) published before, because this committer tried it
 * already or because it was restored from a checkpoint written by an earlier attempt, is first
 * looked up: {@link CommitScanner} reads its shard from the committable's base sequence (and the
 * shards split or merged from it) and collects the record ids already there; only the missing
 * records are put. A fresh committable (staged by the current attempt's writer and never tried) is
 * put directly. See {@code docs/sink.md} for the assumptions.
 *
 * <p>Errors: throttling and 5xx are retried here with backoff (blocking the committer, as the
 * checkpoint is already complete); an ambiguous failure (5xx, timeout) looks the records up again
 * before the retry; a sealed shard re-routes the records by their hash keys; a fatal error fails
 * the job ({@code signalFailedWithKnownReason}), retries exhausted fail it as unknown. Task thread.
 */
final class DataHubCommitter implements Committer<DataHubCommittable> {

    private static final Logger LOG = LoggerFactory.getLogger(DataHubCommitter.class);

    private final SinkSettings settings;
    private final DataHubClient client;
    private final Backoff backoff;
    private final ShardRouter router;
    private final CommitScanner scanner;
    private final boolean restored;
    private final String jobId;
    private final int attempt;
    private final Set<String> attempted = new HashSet<>();
    private final Counter committed;
    private final Counter skipped;
    private final Counter retries;

    DataHubCommitter(
            SinkSettings settings,
            DataHubClient client,
            SinkCommitterMetricGroup metrics,
            boolean restored,
            String jobId,
            int attempt) {
        this.settings = settings;
        this.client = client;
        this.backoff = settings.backoff();
        this.router = new ShardRouter(settings.routing(), settings.fixedShardId());
        this.scanner = new CommitScanner(settings, client, backoff);
        this.restored = restored;
        this.jobId = jobId;
        this.attempt = attempt;
        this.committed = metrics.counter("committedRecords");
        this.skipped = metrics.counter("skippedAlreadyPresentRecords");
        this.retries = metrics.counter("retries");
    }

    @Override
    public void commit(Collection<CommitRequest<DataHubCommittable>> requests)
            throws IOException, InterruptedException {
        Map<String, Deque<CommitRequest<DataHubCommittable>>> lanes = new LinkedHashMap<>();
        for (CommitRequest<DataHubCommittable> request : requests) {
            lanes.computeIfAbsent(request.getCommittable().shardId(), k -> new ArrayDeque<>())
                    .add(request);
        }
        if (lanes.size() > 1 && !independent(lanes.keySet())) {
            // A shard and one split or merged from it: publish in staging order across them, so
            // that a key's records staged for the parent land before those staged for the child.
            Deque<CommitRequest<DataHubCommittable>> one = new ArrayDeque<>(requests);
            lanes.clear();
            lanes.put("", one);
        }
        commitLanes(lanes.values());
    }

    /**
     * Publishes every lane in order, the lanes concurrently: each lane keeps one non-blocking put
     * of a fresh committable in flight and starts its next one as soon as that one completes (a
     * lane never waits for the others); committables that need a look-up are published on this
     * thread. A failure stops its lane only (its later committables are retried later, so a shard's
     * requests are never published out of order).
     */
    private void commitLanes(Collection<Deque<CommitRequest<DataHubCommittable>>> lanes)
            throws IOException, InterruptedException {
        BlockingQueue<InFlight> done = new LinkedBlockingQueue<>();
        Set<InFlight> inFlight = new HashSet<>();
        try {
            for (Deque<CommitRequest<DataHubCommittable>> lane : lanes) {
                startNext(lane, done, inFlight);
            }
            while (!inFlight.isEmpty()) {
                InFlight f = done.take();
                inFlight.remove(f);
                if (completed(f)) {
                    startNext(f.lane, done, inFlight);
                }
            }
        } catch (InterruptedException e) {
            // The puts still in flight may land: a restored committer looks them up.
            for (InFlight rest : inFlight) {
                rest.put.cancel(true);
            }
            throw e;
        }
    }

    /**
     * Publishes the lane's next committables: those that need a look-up here, until a fresh one is
     * started as a non-blocking put (or the lane is done or stopped by a failure).
     */
    private void startNext(
            Deque<CommitRequest<DataHubCommittable>> lane,
            BlockingQueue<InFlight> done,
            Set<InFlight> inFlight)
            throws InterruptedException {
        for (CommitRequest<DataHubCommittable> request = lane.poll();
                request != null;
                request = lane.poll()) {
            DataHubCommittable c = request.getCommittable();
            boolean lookUp = needsLookUp(c, request.getNumberOfRetries());
            attempted.add(c.txnId());
            if (lookUp) {
                if (!settle(request, () -> publish(c, true))) {
                    retryLater(lane);
                    return;
                }
                continue;
            }
            // The request body prepared at staging, sent as it is.
            InFlight f =
                    new InFlight(
                            request,
                            lane,
                            client.putRecordsByShardAsync(
                                    settings.project(),
                                    settings.topic(),
                                    c.shardId(),
                                    c.entries()));
            inFlight.add(f);
            f.put.whenComplete((ignored, failure) -> done.add(f));
            return;
        }
    }

    /** Settles a completed put; false when it failed for good and stopped its lane. */
    private boolean completed(InFlight f) throws InterruptedException {
        DataHubCommittable c = f.request.getCommittable();
        RuntimeException failure;
        try {
            f.put.get();
            committed.inc(c.recordCount());
            return true;
        } catch (ExecutionException e) {
            failure =
                    PutFailures.unwrap(e) instanceof RuntimeException r
                            ? r
                            : new CompletionException(PutFailures.unwrap(e));
        } catch (CancellationException e) {
            failure = e;
        }
        RuntimeException firstFailure = failure;
        if (!settle(
                f.request,
                () -> {
                    put(c, c.shardId(), allIndices(c), firstFailure);
                    return true;
                })) {
            retryLater(f.lane);
            return false;
        }
        return true;
    }

    /** Runs one committable's publication and signals its outcome; false when it failed. */
    private boolean settle(CommitRequest<DataHubCommittable> request, Publication publication)
            throws InterruptedException {
        try {
            if (!publication.run()) {
                request.signalAlreadyCommitted();
            }
            return true;
        } catch (DataHubSinkException e) {
            request.signalFailedWithKnownReason(e);
        } catch (IOException | RuntimeException e) {
            request.signalFailedWithUnknownReason(e);
        }
        return false;
    }

    private static void retryLater(Deque<CommitRequest<DataHubCommittable>> lane) {
        for (CommitRequest<DataHubCommittable> later : lane) {
            later.retryLater();
        }
        lane.clear();
    }

    /**
     * Whether none of the shards was split or merged from another of them (then their requests can
     * be published concurrently without breaking any key's order); false when the shards cannot be
     * listed.
     */
    private boolean independent(Set<String> shards) throws InterruptedException {
        List<ShardInfo> listing;
        try {
            listing = scanner.listShards();
        } catch (IOException e) {
            LOG.warn(
                    "Listing the shards of {} failed; committing one request at a time",
                    settings.topicPath(),
                    e);
            return false;
        }
        for (String shard : shards) {
            for (String descendant : CommitScanner.descendants(listing, shard)) {
                if (shards.contains(descendant)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Integer> allIndices(DataHubCommittable c) {
        List<Integer> all = new ArrayList<>(c.recordCount());
        for (int i = 0; i < c.recordCount(); i++) {
            all.add(i);
        }
        return all;
    }

    /** Whether an earlier attempt may have written some of the committable's records. */
    boolean needsLookUp(DataHubCommittable c, int retriesSoFar) {
        if (retriesSoFar > 0 || attempted.contains(c.txnId())) {
            return true;
        }
        // Staged by the current attempt's writer and never tried: nothing of it can be there.
        boolean fresh = c.jobId().equals(jobId) && c.writerAttempt() >= attempt;
        return restored && !fresh;
    }

    /** Puts what is missing; false when everything was already there. */
    private boolean publish(DataHubCommittable c, boolean lookUp)
            throws IOException, InterruptedException {
        List<Integer> pending = allIndices(c);
        if (lookUp) {
            Set<String> present = scanner.presentIds(c);
            pending.removeIf(i -> present.contains(c.recordId(i)));
            int already = c.recordCount() - pending.size();
            skipped.inc(already);
            if (already > 0) {
                LOG.info(
                        "Committable {} for shard {} of {}: {} of {} records already present",
                        c.txnId(),
                        c.shardId(),
                        settings.topicPath(),
                        already,
                        c.recordCount());
            }
            if (pending.isEmpty()) {
                return false;
            }
        }
        put(c, c.shardId(), pending, null);
        return true;
    }

    /**
     * Puts the pending records of the committable to the shard, retrying and re-routing; {@code
     * failure} is the outcome of an attempt already made (null when none was).
     */
    private void put(
            DataHubCommittable c, String shard, List<Integer> pending, RuntimeException failure)
            throws IOException, InterruptedException {
        for (int retry = 1; ; retry++) {
            RuntimeException e = failure;
            failure = null;
            if (e == null) {
                try {
                    if (pending.size() == c.recordCount()) {
                        client.putRecordsByShard(
                                settings.project(), settings.topic(), shard, c.entries());
                    } else {
                        List<PutRecord> records = new ArrayList<>(pending.size());
                        for (int i : pending) {
                            records.add(c.records().get(i).record());
                        }
                        client.putRecordsByShard(
                                settings.project(), settings.topic(), shard, records);
                    }
                    committed.inc(pending.size());
                    return;
                } catch (RuntimeException thrown) {
                    e = thrown;
                }
            }
            PutErrorClass kind = PutFailures.classify(e);
            if (kind == PutErrorClass.FATAL) {
                throw new DataHubSinkException(
                        "Committing "
                                + c.txnId()
                                + " to shard "
                                + shard
                                + " of topic "
                                + settings.topicPath()
                                + " failed: "
                                + PutFailures.unwrap(e).getMessage(),
                        PutFailures.unwrap(e));
            }
            if (kind == PutErrorClass.REROUTE && reroute(c, shard, pending)) {
                return;
            }
            if (!backoff.allows(retry)) {
                throw new IOException(
                        "Committing "
                                + c.txnId()
                                + " to shard "
                                + shard
                                + " of "
                                + settings.topicPath()
                                + " failed after "
                                + (retry - 1)
                                + " retries",
                        e);
            }
            retries.inc();
            backoff.sleep(retry);
            if (!PutFailures.provesNotApplied(e)) {
                // The put may have landed: look before sending it again.
                Set<String> present = scanner.presentIds(c);
                int before = pending.size();
                pending.removeIf(i -> present.contains(c.recordId(i)));
                committed.inc(before - pending.size());
                if (pending.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** Re-routes records of a sealed shard onto the shards that now own their keys. */
    private boolean reroute(DataHubCommittable c, String shard, List<Integer> pending)
            throws IOException, InterruptedException {
        router.update(scanner.listShards());
        if (router.isActive(shard)) {
            return false; // still ACTIVE: a transient race, retry with backoff
        }
        Map<String, List<Integer>> byShard = new LinkedHashMap<>();
        for (int i : pending) {
            String hashKey = c.hashKeys().get(i);
            BigInteger key = hashKey == null ? null : new BigInteger(hashKey, 16);
            String owner = router.route(key);
            for (int attempt = 1; owner == null; attempt++) {
                // The new shards of a split may not be ACTIVE yet: re-list with backoff.
                if (!backoff.allows(attempt)) {
                    throw new DataHubSinkException(
                            "No ACTIVE shard of topic "
                                    + settings.topicPath()
                                    + " owns the records of sealed shard "
                                    + shard,
                            null);
                }
                backoff.sleep(attempt);
                router.update(scanner.listShards());
                owner = router.route(key);
            }
            byShard.computeIfAbsent(owner, k -> new ArrayList<>()).add(i);
        }
        LOG.info(
                "Shard {} of {} is sealed; committing {} records of {} to {}",
                shard,
                settings.topicPath(),
                pending.size(),
                c.txnId(),
                byShard.keySet());
        for (Map.Entry<String, List<Integer>> e : byShard.entrySet()) {
            put(c, e.getKey(), e.getValue(), null);
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** One committable's publication; false when everything was already there. */
    @FunctionalInterface
    private interface Publication {
        boolean run() throws IOException, InterruptedException;
    }

    /** A fresh committable's put in flight, with the lane it came from (identity equality). */
    private static final class InFlight {
        final CommitRequest<DataHubCommittable> request;
        final Deque<CommitRequest<DataHubCommittable>> lane;
        final CompletableFuture<Void> put;

        InFlight(
                CommitRequest<DataHubCommittable> request,
                Deque<CommitRequest<DataHubCommittable>> lane,
                CompletableFuture<Void> put) {
            this.request = request;
            this.lane = lane;
            this.put = put;
        }
    }
}
