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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consumer-group assignment rule, pure and deterministic: spreads the assignable shards over
 * the live consumers so that counts differ by at most one, keeping every consumer's current shards
 * where its quota allows (sticky, so a rebalance moves as few shards as possible).
 *
 * <p>The real coordinator's algorithm is UNCONFIRMED; this is the rule {@code docs/emulator.md}
 * documents. Consumers that hold more shards get the larger quotas first; ties go to the earlier
 * joiner. Unowned shards go, in shard-id order, to the consumer furthest below its quota.
 */
final class GroupPlanner {

    private GroupPlanner() {}

    /** Orders shard ids numerically (ids are decimal strings), falling back to text order. */
    static final Comparator<String> SHARD_ORDER =
            Comparator.<String>comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder());

    /**
     * Returns the new plan per consumer, in the iteration order of {@code current}.
     *
     * @param current each consumer's current plan, in join order
     * @param assignable the shards to hand out
     */
    static Map<String, Set<String>> plan(Map<String, Set<String>> current, Set<String> assignable) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (current.isEmpty()) {
            return out;
        }
        List<String> ids = new ArrayList<>(current.keySet());
        List<String> byLoad = new ArrayList<>(ids);
        // Stable sort: equal loads keep join order.
        byLoad.sort(
                Comparator.comparingInt(
                        (String id) -> -retained(current.get(id), assignable).size()));
        int base = assignable.size() / ids.size();
        int extra = assignable.size() % ids.size();
        Map<String, Integer> quota = new LinkedHashMap<>();
        for (int i = 0; i < byLoad.size(); i++) {
            quota.put(byLoad.get(i), base + (i < extra ? 1 : 0));
        }
        Set<String> taken = new TreeSet<>(SHARD_ORDER);
        for (String id : ids) {
            TreeSet<String> keep = retained(current.get(id), assignable);
            while (keep.size() > quota.get(id)) {
                keep.pollLast();
            }
            out.put(id, keep);
            taken.addAll(keep);
        }
        TreeSet<String> free = new TreeSet<>(SHARD_ORDER);
        free.addAll(assignable);
        free.removeAll(taken);
        for (String shard : free) {
            String target = null;
            int bestGap = 0;
            for (String id : ids) {
                int gap = quota.get(id) - out.get(id).size();
                if (gap > bestGap) {
                    bestGap = gap;
                    target = id;
                }
            }
            if (target == null) {
                break; // cannot happen: the quotas add up to the number of shards
            }
            out.get(target).add(shard);
        }
        return out;
    }

    private static TreeSet<String> retained(Set<String> plan, Set<String> assignable) {
        TreeSet<String> keep = new TreeSet<>(SHARD_ORDER);
        for (String shard : plan) {
            if (assignable.contains(shard)) {
                keep.add(shard);
            }
        }
        return keep;
    }
}
