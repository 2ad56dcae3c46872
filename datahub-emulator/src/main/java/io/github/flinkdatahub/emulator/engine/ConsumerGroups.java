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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.OffsetInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardState;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The consumer-group coordinator of collaborative consumption (protocol notes section 4.9): one
 * group per subscription, joined, heart-beaten, synced and left by consumers, with sessions that
 * expire on the emulator's clock.
 *
 * <p>Membership is soft state, like the real service's: it lives in memory only, so after a restart
 * every consumer gets {@code NoSuchConsumer} and rejoins (the offsets it resumes from are durable
 * in the engine). The rules the protocol notes leave UNCONFIRMED are chosen here and listed in
 * {@code docs/emulator.md}, "Consumer groups":
 *
 * <ul>
 *   <li>a consumer expires once {@code SessionTimeout} ms pass without a heartbeat, syncGroup or
 *       leaveGroup from it; its shards are handed out at once;
 *   <li>assignable shards are ACTIVE or CLOSED shards not yet reported read-end whose parents are
 *       all read-end (or no longer listed), balanced by {@link GroupPlanner};
 *   <li>a shard moving from one live consumer to another is withheld from the new owner until the
 *       old one has been told it lost it and then stopped listing it in {@code HoldShardList} (or
 *       released it with syncGroup), so two consumers never read one shard at the same time;
 *   <li>{@code PlanVersion} grows by one whenever the shard-to-consumer map that heartbeats report
 *       changes; {@code TotalPlan} is that map as JSON text;
 *   <li>an offset reset of a shard a consumer was given answers its next heartbeat or syncGroup
 *       with {@code OffsetReseted} and drops the consumer, which must rejoin;
 *   <li>during the first second of a handover, joins and the heartbeats of consumers waiting for
 *       the withheld shard answer {@code ConsumerGroupInProcess} ({@link GroupRebalance}).
 * </ul>
 *
 * <p>Thread-safe: every call runs under this object's monitor; it calls the engine (which is
 * thread-safe and never calls back) while holding it.
 */
public final class ConsumerGroups {

    /** Smallest SessionTimeout accepted, ms: the client library's lower clamp. */
    public static final long MIN_SESSION_TIMEOUT_MS = 60_000;

    /** Largest SessionTimeout accepted, ms: the client library's upper clamp. */
    public static final long MAX_SESSION_TIMEOUT_MS = 180_000;

    private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** What joinGroup answers. */
    public record Joined(String consumerId, long versionId, long sessionTimeoutMs) {}

    /** What heartbeat answers: the consumer's full assignment, sorted by shard id. */
    public record Assignment(long planVersion, List<String> shardList, String totalPlan) {}

    private final DataHubEngine engine;
    private final Clock clock;
    private final Map<String, GroupState> groups = new HashMap<>();
    // Differs per emulator run, so a consumer id from before a restart never matches a new one.
    private final String instance;
    private long consumerCounter;

    /** A coordinator over {@code engine}, timing sessions on {@code clock}. */
    public ConsumerGroups(DataHubEngine engine, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        this.instance = sb.toString();
    }

    /** Adds a consumer to the subscription's group; it gets shards from its heartbeats. */
    public synchronized Joined join(
            String project, String topic, String subId, long sessionTimeoutMs) {
        if (sessionTimeoutMs < MIN_SESSION_TIMEOUT_MS
                || sessionTimeoutMs > MAX_SESSION_TIMEOUT_MS) {
            throw EngineException.invalidParameter(
                    "SessionTimeout must be between "
                            + MIN_SESSION_TIMEOUT_MS
                            + " and "
                            + MAX_SESSION_TIMEOUT_MS
                            + " ms, was "
                            + sessionTimeoutMs);
        }
        GroupState g = group(project, topic, subId);
        long now = clock.millis();
        g.expire(now);
        Context ctx = context(project, topic, subId);
        // Re-plan first: an expiry or a shard change may have ended (or begun) a rebalance.
        rebalance(g, ctx, now);
        GroupRebalance.checkJoin(g, now);
        g.generation++;
        consumerCounter++;
        String id = now + instance + "-" + consumerCounter;
        g.members.put(id, new GroupState.Member(id, sessionTimeoutMs, now));
        rebalance(g, ctx, now);
        return new Joined(id, g.generation, sessionTimeoutMs);
    }

    /**
     * Renews the consumer's session, records what it holds and what it has read to the end, and
     * returns its full assignment.
     */
    public synchronized Assignment heartbeat(
            String project,
            String topic,
            String subId,
            String consumerId,
            Collection<String> holdShards,
            Collection<String> readEndShards) {
        GroupState g = group(project, topic, subId);
        long now = clock.millis();
        GroupState.Member m = liveMember(g, consumerId, now);
        m.held.clear();
        m.held.addAll(holdShards);
        Context ctx = context(project, topic, subId);
        markReadEnd(g, ctx, readEndShards);
        checkReset(g, m, ctx, now);
        rebalance(g, ctx, now);
        // A refused heartbeat still renewed the session and recorded the lists; the consumer
        // was told nothing, so what it may read is unchanged.
        GroupRebalance.checkHeartbeat(g, m, now);
        m.told.clear();
        m.told.addAll(m.effective);
        return new Assignment(g.planVersion, List.copyOf(m.effective), totalPlan(g));
    }

    /** Renews the session, releases shards the consumer gave up and records read-end shards. */
    public synchronized void sync(
            String project,
            String topic,
            String subId,
            String consumerId,
            Collection<String> releaseShards,
            Collection<String> readEndShards) {
        GroupState g = group(project, topic, subId);
        long now = clock.millis();
        GroupState.Member m = liveMember(g, consumerId, now);
        m.held.removeAll(releaseShards);
        m.told.removeAll(releaseShards);
        Context ctx = context(project, topic, subId);
        markReadEnd(g, ctx, readEndShards);
        checkReset(g, m, ctx, now);
        rebalance(g, ctx, now);
    }

    /** Removes the consumer; its shards go to the others at their next heartbeat. */
    public synchronized void leave(String project, String topic, String subId, String consumerId) {
        GroupState g = group(project, topic, subId);
        long now = clock.millis();
        liveMember(g, consumerId, now);
        g.members.remove(consumerId);
        rebalance(g, context(project, topic, subId), now);
    }

    // ---------------------------------------------------------------- internals

    /** The topic's shards and the subscription's offsets, read once per call. */
    private record Context(Map<String, ShardInfo> shards, Map<String, OffsetInfo> offsets) {}

    private Context context(String project, String topic, String subId) {
        Map<String, ShardInfo> shards = new TreeMap<>(GroupPlanner.SHARD_ORDER);
        for (ShardInfo s : engine.listShards(project, topic)) {
            shards.put(s.shardId(), s);
        }
        return new Context(shards, engine.getOffsets(project, topic, subId, List.of()));
    }

    private GroupState group(String project, String topic, String subId) {
        if (subId == null || subId.isEmpty()) {
            throw EngineException.invalidParameter("The subscription id (consumer group) is empty");
        }
        String key =
                project.toLowerCase(Locale.ROOT)
                        + "\n"
                        + topic.toLowerCase(Locale.ROOT)
                        + "\n"
                        + subId;
        try {
            engine.getSubscription(project, topic, subId);
        } catch (EngineException e) {
            // The subscription (or its topic) is gone: so is its group.
            groups.remove(key);
            throw e;
        }
        return groups.computeIfAbsent(key, k -> new GroupState());
    }

    private static GroupState.Member liveMember(GroupState g, String consumerId, long now) {
        if (consumerId == null || consumerId.isEmpty()) {
            throw EngineException.invalidParameter("ConsumerId is required");
        }
        g.expire(now);
        GroupState.Member m = g.members.get(consumerId);
        if (m == null) {
            throw new EngineException(
                    404,
                    "NoSuchConsumer",
                    "The specified consumer does not exist (unknown or session expired): "
                            + consumerId);
        }
        m.lastSeenMillis = now;
        return m;
    }

    private static void markReadEnd(GroupState g, Context ctx, Collection<String> readEnd) {
        for (String shard : readEnd) {
            ShardInfo s = ctx.shards().get(shard);
            // Only a CLOSED shard can be read to its end; anything else is ignored.
            if (s != null && s.state() == ShardState.CLOSED) {
                g.readEnd.put(shard, version(ctx, shard));
            }
        }
    }

    private static void checkReset(GroupState g, GroupState.Member m, Context ctx, long now) {
        for (Map.Entry<String, Long> e : m.versionAtAssign.entrySet()) {
            if (version(ctx, e.getKey()) > e.getValue()) {
                g.members.remove(m.id);
                rebalance(g, ctx, now);
                throw new EngineException(
                        400,
                        "OffsetReseted",
                        "The offset of shard "
                                + e.getKey()
                                + " has been reset; the consumer must rejoin the group.");
            }
        }
    }

    private static void rebalance(GroupState g, Context ctx, long now) {
        // A reset shard is no longer read to its end.
        g.readEnd.entrySet().removeIf(e -> version(ctx, e.getKey()) > e.getValue());
        Set<String> assignable = new TreeSet<>(GroupPlanner.SHARD_ORDER);
        for (ShardInfo s : ctx.shards().values()) {
            boolean readable = s.state() == ShardState.ACTIVE || s.state() == ShardState.CLOSED;
            if (readable && !g.readEnd.containsKey(s.shardId()) && parentsDone(g, ctx, s)) {
                assignable.add(s.shardId());
            }
        }
        Map<String, Set<String>> current = new LinkedHashMap<>();
        g.members.forEach((id, m) -> current.put(id, m.plan));
        Map<String, Set<String>> plan = GroupPlanner.plan(current, assignable);
        Map<String, String> owners = new TreeMap<>(GroupPlanner.SHARD_ORDER);
        for (GroupState.Member m : g.members.values()) {
            m.plan = plan.get(m.id);
            TreeSet<String> effective = new TreeSet<>(GroupPlanner.SHARD_ORDER);
            for (String shard : m.plan) {
                if (!heldByOther(g, m, shard)) {
                    effective.add(shard);
                    owners.put(shard, m.id);
                }
            }
            m.versionAtAssign.keySet().retainAll(effective);
            for (String shard : effective) {
                m.versionAtAssign.putIfAbsent(shard, version(ctx, shard));
            }
            m.effective = effective;
        }
        if (!owners.equals(g.owners)) {
            g.owners = owners;
            g.planVersion++;
        }
        GroupRebalance.track(g, now);
    }

    private static boolean parentsDone(GroupState g, Context ctx, ShardInfo s) {
        for (String parent : s.parentShardIds()) {
            if (ctx.shards().containsKey(parent) && !g.readEnd.containsKey(parent)) {
                return false;
            }
        }
        return true;
    }

    private static boolean heldByOther(GroupState g, GroupState.Member m, String shard) {
        for (GroupState.Member other : g.members.values()) {
            if (other != m && other.mayRead(shard)) {
                return true;
            }
        }
        return false;
    }

    private static long version(Context ctx, String shard) {
        OffsetInfo o = ctx.offsets().get(shard);
        return o == null ? 0 : o.version();
    }

    private static String totalPlan(GroupState g) {
        StringBuilder sb = new StringBuilder("{");
        for (GroupState.Member m : g.members.values()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(m.id).append("\":[");
            List<String> shards = new ArrayList<>(m.effective);
            for (int i = 0; i < shards.size(); i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(shards.get(i)).append('"');
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }
}
