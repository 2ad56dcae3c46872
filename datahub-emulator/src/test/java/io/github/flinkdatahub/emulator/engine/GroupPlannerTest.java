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

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure assignment rule: balanced to within one shard, sticky, deterministic. */
class GroupPlannerTest {

    @Test
    void spreadsShardsEvenlyOverConsumers() {
        Map<String, Set<String>> plan =
                GroupPlanner.plan(current("a", "", "b", "", "c", ""), shards(7));

        assertThat(plan.values()).extracting(Set::size).containsExactly(3, 2, 2);
        assertThat(union(plan)).isEqualTo(shards(7));
    }

    @Test
    void keepsWhatAConsumerHasWhenItsQuotaAllows() {
        Map<String, Set<String>> plan =
                GroupPlanner.plan(current("a", "0,1,2,3", "b", ""), shards(4));

        assertThat(plan.get("a")).containsExactly("0", "1");
        assertThat(plan.get("b")).containsExactly("2", "3");
        Map<String, Set<String>> again = GroupPlanner.plan(plan, shards(4));
        assertThat(again).isEqualTo(plan);
    }

    @Test
    void theLargerQuotaGoesToTheConsumerThatHoldsMore() {
        Map<String, Set<String>> plan = GroupPlanner.plan(current("a", "0", "b", "1,2"), shards(3));

        assertThat(plan.get("a")).containsExactly("0");
        assertThat(plan.get("b")).containsExactly("1", "2");
    }

    @Test
    void dropsShardsThatAreNoLongerAssignable() {
        Map<String, Set<String>> plan =
                GroupPlanner.plan(current("a", "0,1", "b", "2,3"), Set.of("1", "2", "4", "5"));

        assertThat(plan.get("a")).containsExactlyInAnyOrder("1", "4");
        assertThat(plan.get("b")).containsExactlyInAnyOrder("2", "5");
    }

    @Test
    void ordersShardIdsNumerically() {
        Map<String, Set<String>> plan = GroupPlanner.plan(current("a", ""), Set.of("10", "9", "2"));

        assertThat(plan.get("a")).containsExactly("2", "9", "10");
        assertThat(GroupPlanner.plan(Map.of(), shards(3))).isEmpty();
    }

    private static Map<String, Set<String>> current(String... idAndShards) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < idAndShards.length; i += 2) {
            Set<String> s = new TreeSet<>(GroupPlanner.SHARD_ORDER);
            if (!idAndShards[i + 1].isEmpty()) {
                s.addAll(List.of(idAndShards[i + 1].split(",")));
            }
            out.put(idAndShards[i], s);
        }
        return out;
    }

    private static Set<String> shards(int n) {
        Set<String> s = new TreeSet<>(GroupPlanner.SHARD_ORDER);
        for (int i = 0; i < n; i++) {
            s.add(String.valueOf(i));
        }
        return s;
    }

    private static Set<String> union(Map<String, Set<String>> plan) {
        Set<String> all = new TreeSet<>(GroupPlanner.SHARD_ORDER);
        plan.values().forEach(all::addAll);
        return all;
    }
}
