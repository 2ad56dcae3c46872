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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorState;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link RaceForcingSource} saw of one parent split, shared through static fields by the test
 * and the enumerator and readers that Flink deserializes in the same JVM (MiniCluster). One test at
 * a time: {@link #reset()} before each.
 */
final class RaceProbe {

    /** Completed when the readers may emit; until then they report nothing available. */
    static volatile CompletableFuture<Void> readerGate = new CompletableFuture<>();

    /** The checkpoint whose coordinator snapshot held the parent assigned but unfinished. */
    static final AtomicLong HELD_CHECKPOINT = new AtomicLong(-1);

    /** Every enumerator snapshot of the first job attempt, by checkpoint id. */
    static final Map<Long, DataHubEnumeratorState> ENUMERATOR_SNAPSHOTS = new ConcurrentHashMap<>();

    /**
     * The last checkpoint the first enumerator snapshotted before it handled the parent's event.
     */
    static final AtomicLong EVENT_HANDLED_AFTER_SNAPSHOT = new AtomicLong(-1);

    /** Subtasks that sent the parent's finished event, and how many times it was sent in all. */
    static final Set<Integer> SENT_BY = ConcurrentHashMap.newKeySet();

    static final AtomicInteger TIMES_SENT = new AtomicInteger();

    /** Reader checkpoints (ids) taken after that reader had reported the parent finished. */
    static final Set<Long> READER_SNAPSHOTS_AFTER_FINISH = ConcurrentHashMap.newKeySet();

    /** Reader checkpoints whose state held the parent marked finished. */
    static final Set<Long> READER_SNAPSHOTS_WITH_FINISHED_PARENT = ConcurrentHashMap.newKeySet();

    /** Set once the coordinator failure was injected. */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    /** The checkpoint after whose completion the failure was injected. */
    static final AtomicLong FAILED_AFTER_CHECKPOINT = new AtomicLong(-1);

    /** Enumerator states handed to {@code restoreEnumerator}. */
    static final List<DataHubEnumeratorState> RESTORED = new CopyOnWriteArrayList<>();

    private RaceProbe() {}

    /** Forgets everything; call before each test. */
    static void reset() {
        readerGate = new CompletableFuture<>();
        HELD_CHECKPOINT.set(-1);
        ENUMERATOR_SNAPSHOTS.clear();
        EVENT_HANDLED_AFTER_SNAPSHOT.set(-1);
        SENT_BY.clear();
        TIMES_SENT.set(0);
        READER_SNAPSHOTS_AFTER_FINISH.clear();
        READER_SNAPSHOTS_WITH_FINISHED_PARENT.clear();
        FAILED.set(false);
        FAILED_AFTER_CHECKPOINT.set(-1);
        RESTORED.clear();
    }

    /** A one-line summary for assertion messages. */
    static String describe() {
        long held = HELD_CHECKPOINT.get();
        DataHubEnumeratorState heldState = ENUMERATOR_SNAPSHOTS.get(held);
        return "held checkpoint "
                + held
                + " (enumerator finished ids "
                + (heldState == null ? "-" : heldState.finished())
                + "), parent event handled after snapshot "
                + EVENT_HANDLED_AFTER_SNAPSHOT.get()
                + ", sent by subtasks "
                + SENT_BY
                + " "
                + TIMES_SENT.get()
                + " time(s), reader snapshots after the finish "
                + READER_SNAPSHOTS_AFTER_FINISH
                + ", reader snapshots holding it finished "
                + READER_SNAPSHOTS_WITH_FINISHED_PARENT
                + ", failed after checkpoint "
                + FAILED_AFTER_CHECKPOINT.get()
                + ", restores "
                + RESTORED.size();
    }
}
