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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardState;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One shard: its key range, state and records.
 *
 * <p>Threading: {@link #appendLock} serialises everything that assigns sequences or changes the
 * state (appends, split, merge, topic deletion), including the journal write and fsync, so the
 * journal order of a shard equals its sequence order. The record store has its own short read/write
 * lock, taken by the writer only to publish a fully written batch, so readers never see half a
 * batch and never wait for an fsync.
 */
final class Shard {

    /** A stored record; its sequence is implied by its position. */
    record Rec(long timeMillis, byte[] payload) {}

    /** A consistent read of the store. */
    record View(long oldestSeq, long nextSeq, long lastTimeMillis, List<Rec> records) {}

    final int id;
    final String idText;
    final BigInteger begin;
    final BigInteger end;
    final List<String> parents;
    final long createTimeMillis;
    final ReentrantLock appendLock = new ReentrantLock();

    private volatile ShardState state = ShardState.ACTIVE;
    private volatile long closedTimeMillis;

    /** Set when the topic is deleted; checked under the append lock. */
    private volatile boolean deleted;

    private final ReentrantReadWriteLock storeLock = new ReentrantReadWriteLock();
    private final ArrayList<Rec> recs = new ArrayList<>();
    private int head; // recs[0..head) are expired, kept until the next compaction
    private long headSeq; // sequence of recs[head]
    private long nextSeq;
    private long lastTimeMillis = -1;
    private long storageBytes;

    Shard(int id, BigInteger begin, BigInteger end, List<String> parents, long createTimeMillis) {
        this.id = id;
        this.idText = Integer.toString(id);
        this.begin = begin;
        this.end = end;
        this.parents = List.copyOf(parents);
        this.createTimeMillis = createTimeMillis;
    }

    ShardState state() {
        return state;
    }

    boolean isActive() {
        return state == ShardState.ACTIVE;
    }

    long closedTimeMillis() {
        return closedTimeMillis;
    }

    boolean isDeleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    void close(long timeMillis) {
        closedTimeMillis = timeMillis;
        state = ShardState.CLOSED;
    }

    /** Whether the hash key falls into [begin, end); the top shard also owns FFFF..F itself. */
    boolean owns(BigInteger key) {
        return key.compareTo(begin) >= 0
                && (key.compareTo(end) < 0 || (end.equals(HashKeys.MAX) && key.equals(end)));
    }

    /** The time a new record gets: the clock, but never before the shard's previous record. */
    long appendTime(long nowMillis) {
        storeLock.readLock().lock();
        try {
            return Math.max(nowMillis, lastTimeMillis);
        } finally {
            storeLock.readLock().unlock();
        }
    }

    long nextSeq() {
        storeLock.readLock().lock();
        try {
            return nextSeq;
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /**
     * Sets an empty shard's position and state from a snapshot: the next record appended gets
     * {@code nextSeq}; {@code lastTimeMillis} is what LatestTime reports until then.
     */
    void restore(boolean closed, long closedTimeMillis, long nextSeq, long lastTimeMillis) {
        storeLock.writeLock().lock();
        try {
            this.nextSeq = nextSeq;
            this.headSeq = nextSeq;
            this.lastTimeMillis = lastTimeMillis;
        } finally {
            storeLock.writeLock().unlock();
        }
        if (closed) {
            close(closedTimeMillis);
        }
    }

    /** Publishes a batch atomically; {@code firstSeq} must be the next sequence. */
    void append(long firstSeq, long timeMillis, List<byte[]> payloads) {
        storeLock.writeLock().lock();
        try {
            if (firstSeq != nextSeq) {
                throw new IllegalStateException(
                        "shard " + id + " expects sequence " + nextSeq + ", got " + firstSeq);
            }
            if (recs.size() == head) {
                headSeq = firstSeq;
            }
            for (byte[] p : payloads) {
                recs.add(new Rec(timeMillis, p));
                storageBytes += p.length;
            }
            nextSeq += payloads.size();
            lastTimeMillis = timeMillis;
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /** Drops records whose system time is before {@code cutoffMillis} (retention). */
    void expire(long cutoffMillis) {
        storeLock.readLock().lock();
        try {
            if (head == recs.size() || recs.get(head).timeMillis() >= cutoffMillis) {
                return;
            }
        } finally {
            storeLock.readLock().unlock();
        }
        storeLock.writeLock().lock();
        try {
            while (head < recs.size() && recs.get(head).timeMillis() < cutoffMillis) {
                storageBytes -= recs.get(head).payload().length;
                recs.set(head, null);
                head++;
                headSeq++;
            }
            if (head > 1024 && head * 2 > recs.size()) {
                recs.subList(0, head).clear();
                head = 0;
            }
            if (head == recs.size()) {
                headSeq = nextSeq;
            }
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /** Up to {@code limit} records from {@code fromSeq} (clamped into the retained range). */
    View read(long fromSeq, int limit) {
        storeLock.readLock().lock();
        try {
            long oldest = oldestSeqLocked();
            long from = Math.max(fromSeq, oldest);
            int n = (int) Math.max(0, Math.min(limit, nextSeq - from));
            List<Rec> out = new ArrayList<>(n);
            int base = head + (int) (from - oldest);
            for (int i = 0; i < n; i++) {
                out.add(recs.get(base + i));
            }
            return new View(oldest, nextSeq, lastTimeMillis, out);
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** The first retained sequence whose time is at or after {@code t}, or -1 if none. */
    long firstAtOrAfter(long timeMillis) {
        storeLock.readLock().lock();
        try {
            int lo = head;
            int hi = recs.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (recs.get(mid).timeMillis() < timeMillis) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == recs.size() ? -1 : oldestSeqLocked() + (lo - head);
        } finally {
            storeLock.readLock().unlock();
        }
    }

    long storageBytes() {
        storeLock.readLock().lock();
        try {
            return storageBytes;
        } finally {
            storeLock.readLock().unlock();
        }
    }

    private long oldestSeqLocked() {
        return head == recs.size() ? nextSeq : headSeq;
    }
}
