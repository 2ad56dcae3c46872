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
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.OffsetResetException;
import io.github.flinkdatahub.connector.client.OffsetSessionException;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.source.SubscriptionConflictPolicy;
import io.github.flinkdatahub.connector.source.metrics.DataHubSourceMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Commits a reader's positions to a DataHub subscription when a checkpoint completes: each shard's
 * last emitted sequence and its system time, under the offset session opened when the reader got
 * the shard. Calls run on one daemon thread of its own, never on the task thread. Recovery never
 * reads these offsets (Flink state does); they serve DataHub's monitoring and restarts without a
 * savepoint ({@code StartingPosition.subscription}).
 *
 * <p>On a session change or offset reset the policy decides: FAIL surfaces the error at the next
 * checkpoint notification; LOG_AND_CONTINUE logs, counts, re-opens the session and carries on.
 */
final class SubscriptionCommitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionCommitter.class);

    private final DataHubClientFactory factory;
    private final String project;
    private final String topic;
    private final String subscriptionId;
    private final SubscriptionConflictPolicy policy;
    private final DataHubSourceMetrics metrics;
    private final ExecutorService executor;
    private final Map<String, SubscriptionOffset> sessions = new HashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private DataHubClient client;

    SubscriptionCommitter(
            DataHubClientFactory factory,
            String project,
            String topic,
            String subscriptionId,
            SubscriptionConflictPolicy policy,
            DataHubSourceMetrics metrics) {
        this.factory = factory;
        this.project = project;
        this.topic = topic;
        this.subscriptionId = subscriptionId;
        this.policy = policy;
        this.metrics = metrics;
        this.executor =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "datahub-subscription-committer");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Opens offset sessions for newly assigned shards (asynchronously). */
    void open(Collection<String> shardIds) {
        List<String> ids = List.copyOf(shardIds);
        executor.execute(() -> guarded(() -> openNow(ids)));
    }

    /**
     * Commits the positions {@code shardId -> (sequence, systemTime, batchIndex)} of the last
     * emitted records (asynchronously).
     */
    void commit(Map<String, long[]> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Map<String, long[]> copy = Map.copyOf(positions);
        executor.execute(() -> guarded(() -> commitNow(copy)));
    }

    /** Rethrows a failure the FAIL policy kept for the task thread. */
    void checkFailure() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException(
                    "Committing offsets to subscription " + subscriptionId + " failed: " + t, t);
        }
    }

    private void openNow(List<String> ids) {
        sessions.putAll(client().openOffsetSession(project, topic, subscriptionId, ids));
    }

    private void commitNow(Map<String, long[]> positions) {
        Map<String, SubscriptionOffset> offsets = new HashMap<>();
        for (Map.Entry<String, long[]> e : positions.entrySet()) {
            SubscriptionOffset session = sessions.get(e.getKey());
            if (session == null) {
                openNow(List.of(e.getKey()));
                session = sessions.get(e.getKey());
            }
            long[] p = e.getValue();
            offsets.put(
                    e.getKey(), session.withPosition(p[0], p[1], p.length > 2 ? (int) p[2] : 0));
        }
        try {
            client().commitOffsets(project, topic, subscriptionId, offsets);
            metrics.commitSucceeded();
        } catch (OffsetSessionException | OffsetResetException conflict) {
            metrics.commitFailed();
            metrics.subscriptionConflict();
            if (policy == SubscriptionConflictPolicy.FAIL) {
                failure.compareAndSet(null, conflict);
                return;
            }
            LOG.warn(
                    "Subscription {} of {}/{}: {} (another consumer or a reset); re-opening the"
                            + " session, Flink state is unaffected",
                    subscriptionId,
                    project,
                    topic,
                    conflict.toString());
            openNow(List.copyOf(positions.keySet()));
        }
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            metrics.commitFailed();
            LOG.warn(
                    "Subscription {}: offset call failed; will retry at the next checkpoint",
                    subscriptionId,
                    e);
        }
    }

    private DataHubClient client() {
        if (client == null) {
            client = factory.create();
        }
        return client;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (client != null) {
            client.close();
        }
    }
}
