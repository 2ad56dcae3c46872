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

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One consumer group's soft state (in memory only); guarded by the {@link ConsumerGroups} monitor.
 */
final class GroupState {

    /** A live consumer of the group. */
    static final class Member {
        final String id;
        final long sessionTimeoutMillis;
        long lastSeenMillis;

        /** Whether it may be reading {@code shard}: it said it holds it or was last told to. */
        boolean mayRead(String shard) {
            return held.contains(shard) || told.contains(shard);
        }

        /** What the planner gave it (may include shards another consumer still holds). */
        Set<String> plan = new TreeSet<>(GroupPlanner.SHARD_ORDER);

        /** What its heartbeats return: the plan minus shards another consumer still holds. */
        Set<String> effective = new TreeSet<>(GroupPlanner.SHARD_ORDER);

        /** Its last HoldShardList, less what it released with syncGroup. */
        final Set<String> held = new HashSet<>();

        /** The ShardList of the last heartbeat answered to it, less what it released. */
        final Set<String> told = new HashSet<>();

        /** The offset version of each effective shard when it was handed out. */
        final Map<String, Long> versionAtAssign = new HashMap<>();

        Member(String id, long sessionTimeoutMillis, long nowMillis) {
            this.id = id;
            this.sessionTimeoutMillis = sessionTimeoutMillis;
            this.lastSeenMillis = nowMillis;
        }
    }

    /** Live consumers in join order. */
    final Map<String, Member> members = new LinkedHashMap<>();

    /** CLOSED shards reported read to their end, with the offset version at that time. */
    final Map<String, Long> readEnd = new HashMap<>();

    /** Shard to consumer, as the last heartbeats were told. */
    Map<String, String> owners = new TreeMap<>(GroupPlanner.SHARD_ORDER);

    long planVersion;
    long generation;

    /** Whether a shard is withheld from its new owner: a rebalance is under way. */
    boolean rebalancing;

    /** When the rebalance under way started (see {@link GroupRebalance}). */
    long rebalanceSinceMillis;

    /** Drops consumers whose session ran out: nothing heard from them for SessionTimeout ms. */
    void expire(long nowMillis) {
        members.values().removeIf(m -> nowMillis - m.lastSeenMillis >= m.sessionTimeoutMillis);
    }
}
