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

package io.github.flinkdatahub.connector.source.enumerator.tracker;

import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorState;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tracks every known split as unassigned, assigned or finished, and releases a split for assignment
 * only when all its parents are finished. A parent the tracker has never seen (its data expired
 * before the job discovered it) counts as finished.
 *
 * <p>Not thread-safe: used only on the enumerator's coordinator thread.
 */
public final class SplitTracker {

    /** Orders splits by topic, then numerically by shard id (deterministic assignment). */
    public static final Comparator<DataHubShardSplit> ORDER =
            Comparator.comparing(DataHubShardSplit::topic)
                    .thenComparing(s -> s.shardId(), SplitTracker::compareShardIds);

    private final Map<String, DataHubShardSplit> unassigned = new LinkedHashMap<>();
    private final Set<String> assigned = new HashSet<>();
    private final Set<String> finished = new HashSet<>();

    /** An empty tracker. */
    public SplitTracker() {}

    /** A tracker restored from a checkpoint. */
    public SplitTracker(DataHubEnumeratorState state) {
        state.unassigned().forEach(s -> unassigned.put(s.splitId(), s));
        assigned.addAll(state.assigned());
        finished.addAll(state.finished());
    }

    /** True when the split id is known in any state. */
    public boolean isKnown(String splitId) {
        return unassigned.containsKey(splitId)
                || assigned.contains(splitId)
                || finished.contains(splitId);
    }

    /** Every known split id (copy). */
    public Set<String> knownIds() {
        Set<String> ids = new HashSet<>(unassigned.keySet());
        ids.addAll(assigned);
        ids.addAll(finished);
        return ids;
    }

    /** Adds newly discovered splits; already known ones are ignored. */
    public void addDiscovered(Collection<DataHubShardSplit> splits) {
        for (DataHubShardSplit s : splits) {
            if (!isKnown(s.splitId())) {
                unassigned.put(s.splitId(), s);
            }
        }
    }

    /** Splits returned by a failed reader: unassigned again, at their checkpointed position. */
    public void returnSplits(Collection<DataHubShardSplit> splits) {
        for (DataHubShardSplit s : splits) {
            if (finished.contains(s.splitId())) {
                continue;
            }
            assigned.remove(s.splitId());
            if (s.isFinished()) {
                finished.add(s.splitId());
            } else {
                unassigned.put(s.splitId(), s);
            }
        }
    }

    /** The unassigned splits whose parents are all finished, in deterministic order. */
    public List<DataHubShardSplit> readyToAssign() {
        List<DataHubShardSplit> ready = new ArrayList<>();
        for (DataHubShardSplit s : unassigned.values()) {
            if (parentsFinished(s)) {
                ready.add(s);
            }
        }
        ready.sort(ORDER);
        return ready;
    }

    private boolean parentsFinished(DataHubShardSplit s) {
        for (String parent : s.parentSplitIds()) {
            if (isKnown(parent) && !finished.contains(parent)) {
                return false;
            }
        }
        return true;
    }

    /** Marks splits as handed to a reader. */
    public void markAssigned(Collection<DataHubShardSplit> splits) {
        for (DataHubShardSplit s : splits) {
            unassigned.remove(s.splitId());
            assigned.add(s.splitId());
        }
    }

    /** Marks splits as read to their end (idempotent). */
    public void markFinished(Collection<String> splitIds) {
        for (String id : splitIds) {
            unassigned.remove(id);
            assigned.remove(id);
            finished.add(id);
        }
    }

    /** True when the split was read to its end. */
    public boolean isFinished(String splitId) {
        return finished.contains(splitId);
    }

    /** True when no split waits for assignment. */
    public boolean hasNoUnassigned() {
        return unassigned.isEmpty();
    }

    /** The number of unassigned splits. */
    public int unassignedCount() {
        return unassigned.size();
    }

    /** The checkpointable state. */
    public DataHubEnumeratorState snapshot(boolean initialDiscoveryDone) {
        return new DataHubEnumeratorState(
                new ArrayList<>(unassigned.values()), assigned, finished, initialDiscoveryDone);
    }

    /** Compares shard ids numerically when both are numbers, else as text. */
    public static int compareShardIds(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
