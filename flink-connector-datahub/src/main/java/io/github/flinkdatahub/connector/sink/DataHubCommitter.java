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

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        boolean failed = false;
        for (CommitRequest<DataHubCommittable> request : requests) {
            DataHubCommittable c = request.getCommittable();
            if (failed) {
                request.retryLater(); // keep the shard's order: never commit past a failure
                continue;
            }
            try {
                boolean lookUp = needsLookUp(c, request.getNumberOfRetries());
                attempted.add(c.txnId());
                if (!publish(c, lookUp)) {
                    request.signalAlreadyCommitted();
                }
            } catch (DataHubSinkException e) {
                failed = true;
                request.signalFailedWithKnownReason(e);
            } catch (IOException | RuntimeException e) {
                failed = true;
                request.signalFailedWithUnknownReason(e);
            }
        }
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
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < c.records().size(); i++) {
            pending.add(i);
        }
        if (lookUp) {
            Set<String> present = scanner.presentIds(c);
            pending.removeIf(i -> present.contains(c.recordId(i)));
            int already = c.records().size() - pending.size();
            skipped.inc(already);
            if (already > 0) {
                LOG.info(
                        "Committable {} for shard {} of {}: {} of {} records already present",
                        c.txnId(),
                        c.shardId(),
                        settings.topicPath(),
                        already,
                        c.records().size());
            }
            if (pending.isEmpty()) {
                return false;
            }
        }
        put(c, c.shardId(), pending);
        return true;
    }

    private void put(DataHubCommittable c, String shard, List<Integer> pending)
            throws IOException, InterruptedException {
        for (int retry = 1; ; retry++) {
            List<PutRecord> records = new ArrayList<>(pending.size());
            for (int i : pending) {
                records.add(c.records().get(i).record());
            }
            try {
                client.putRecordsByShard(settings.project(), settings.topic(), shard, records);
                committed.inc(records.size());
                return;
            } catch (RuntimeException e) {
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
            String hashKey = c.records().get(i).hashKey();
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
            put(c, e.getKey(), e.getValue());
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
