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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.EngineState.Project;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the operation classes share: state, clock, journal, the metadata lock and lookups. Every
 * state change goes through {@link #commit}: journal the event (durable per the fsync policy), then
 * apply it, so an acknowledged change is always recoverable.
 */
final class EngineCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);

    final EngineOptions options;
    final Clock clock;
    final EngineState state = new EngineState();

    /** Guards metadata changes (projects, topics, shard topology, subscriptions, offsets). */
    final ReentrantLock metaLock = new ReentrantLock();

    private final StateApplier applier = new StateApplier(state);
    private final Journal journal;
    private final ScheduledExecutorService background;

    /** Journal size after the last compaction; the next one waits until it has doubled. */
    private long compactedSize;

    EngineCore(EngineOptions options) {
        this.options = options;
        this.clock = options.clock();
        if (options.dataDir() != null) {
            try {
                journal = Journal.open(options.dataDir(), options.fsyncPolicy(), applier::apply);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot open the emulator data directory "
                                + options.dataDir()
                                + ": "
                                + e.getMessage(),
                        e);
            }
        } else {
            journal = null;
        }
        try {
            maybeCompact();
        } catch (RuntimeException e) {
            try {
                journal.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        background =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "datahub-engine-background");
                            t.setDaemon(true);
                            return t;
                        });
        long retention = options.retentionCheckInterval().toMillis();
        if (retention > 0) {
            background.scheduleWithFixedDelay(
                    this::housekeeping, retention, retention, TimeUnit.MILLISECONDS);
        }
        if (journal != null && options.fsyncPolicy() == FsyncPolicy.INTERVAL) {
            long interval = options.fsyncInterval().toMillis();
            background.scheduleWithFixedDelay(
                    () -> {
                        try {
                            journal.syncAll();
                        } catch (RuntimeException e) {
                            // The journal is now failed and writers get the error; say why once.
                            LOG.error("Periodic fsync of the emulator journal failed", e);
                        }
                    },
                    interval,
                    interval,
                    TimeUnit.MILLISECONDS);
        }
    }

    long now() {
        return clock.millis();
    }

    /** Journals and applies one event. Callers hold the locks that order it. */
    void commit(byte[] event) {
        if (journal != null) {
            long position = journal.append(event);
            journal.awaitDurable(position);
        }
        applier.apply(event);
    }

    /**
     * Journals and applies a RECORDS event (callers hold the shard's append lock). The payloads are
     * applied as they are instead of being read back from the event, which would copy each one
     * again; the state is the one {@link StateApplier} builds from the event on recovery.
     */
    void commitRecords(Topic t, Shard s, long firstSeq, long timeMillis, List<byte[]> payloads) {
        if (journal != null) {
            long position =
                    journal.append(EventCodec.records(t.uid, s.id, firstSeq, timeMillis, payloads));
            journal.awaitDurable(position);
        }
        applier.records(t.uid, s.id, firstSeq, timeMillis, payloads);
    }

    /** The project, after checking that its name is valid at all (InvalidParameter first). */
    Project project(String name) {
        Project p = state.projects.get(Names.lookupProject(name));
        if (p == null) {
            throw EngineException.noSuchProject();
        }
        return p;
    }

    /** The topic; both names are validated before either is looked up. */
    Topic topic(String project, String topic) {
        Names.lookupProject(project);
        String key = Names.lookupTopic(topic);
        Topic t = project(project).topics.get(key);
        if (t == null) {
            throw EngineException.noSuchTopic();
        }
        return t;
    }

    /**
     * Any id that is not an existing shard's (numeric or not, {@code -1} included) is NoSuchShard,
     * with the service's message naming project, topic and shard.
     */
    static Shard shard(Topic t, String shardId) {
        Shard s = null;
        if (shardId != null && shardId.length() <= 9 && Names.isDigits(shardId)) {
            s = t.shards.get(Integer.parseInt(shardId));
        }
        if (s == null) {
            throw Errors.noSuchShard(t, shardId);
        }
        return s;
    }

    /** Lazily drops the shard's records that are past the topic's lifecycle. */
    void expire(Topic t, Shard s) {
        s.expire(t.retentionCutoff(now()));
    }

    private void housekeeping() {
        try {
            expireAll();
            maybeCompact();
        } catch (RuntimeException e) {
            // Never let the sweep die (lazy expiry and the next run still apply), but say why.
            LOG.warn("Emulator housekeeping (retention sweep, journal compaction) failed", e);
        }
    }

    private void expireAll() {
        for (Topic t : state.topicsByUid.values()) {
            for (Shard s : t.shards.values()) {
                expire(t, s);
            }
        }
    }

    /** Compacts when the journal passes the threshold and has doubled since the last time. */
    void maybeCompact() {
        if (journal != null
                && journal.size()
                        > Math.max(options.compactionThresholdBytes(), 2 * compactedSize)) {
            compact();
        }
    }

    /**
     * Rewrites the journal as a snapshot of the current state (expired records dropped). Stops the
     * world: holds the metadata lock and every shard's append lock, so no entry is in flight.
     */
    void compact() {
        if (journal == null) {
            return;
        }
        metaLock.lock();
        List<Shard> locked = new ArrayList<>();
        try {
            for (Topic t : state.topicsByUid.values()) {
                for (Shard s : t.shards.values()) {
                    s.appendLock.lock();
                    locked.add(s);
                }
            }
            expireAll();
            journal.rewrite(sink -> Snapshot.write(state, sink));
            compactedSize = journal.size();
        } catch (IOException e) {
            throw Errors.internal("Cannot compact the emulator journal: " + e.getMessage(), e);
        } finally {
            locked.forEach(s -> s.appendLock.unlock());
            metaLock.unlock();
        }
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            // let a running sweep or compaction finish before the journal closes
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdownNow();
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the emulator journal", e);
            }
        }
    }
}
