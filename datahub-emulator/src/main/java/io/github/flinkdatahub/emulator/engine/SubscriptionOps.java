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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SubscriptionInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SubscriptionPage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Subscriptions and the offset service (sections 4.7, 4.8). All changes run under the metadata
 * lock. Session ids are per subscription and shard, starting at 1; a commit is checked in the
 * order: subscription OFFLINE, no session ever opened, stale session id, stale version.
 *
 * <p>UNCONFIRMED in the protocol notes, implemented as they recommend: {@code OffsetSessionClosed}
 * (not {@code OffsetSessionChanged}) for a shard whose session was never opened, session ids scoped
 * per subscription and shard, and no monotonicity check on committed sequences.
 */
final class SubscriptionOps {

    private final EngineCore core;

    SubscriptionOps(EngineCore core) {
        this.core = core;
    }

    String createSubscription(String project, String topic, String comment) {
        String c = Names.validComment(comment);
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            if (t.subscriptions.size() >= core.options.maxSubscriptionsPerTopic()) {
                throw Errors.limitExceeded(
                        "At most "
                                + core.options.maxSubscriptionsPerTopic()
                                + " subscriptions per topic are allowed.");
            }
            long now = core.now();
            // <epoch ms><5 base-36 digits of a counter>: 18 characters like the service's ids.
            String suffix =
                    Long.toString(core.state.subscriptionCounter + 1, 36).toUpperCase(Locale.ROOT);
            String subId = now + "0".repeat(Math.max(0, 5 - suffix.length())) + suffix;
            core.commit(
                    new EventCodec.Out(EventCodec.CREATE_SUB)
                            .l(t.uid)
                            .str(subId)
                            .str(c)
                            .l(now)
                            .build());
            return subId;
        } finally {
            core.metaLock.unlock();
        }
    }

    SubscriptionInfo getSubscription(String project, String topic, String subId) {
        Topic t = core.topic(project, topic);
        return info(t, subscription(t, subId));
    }

    SubscriptionPage listSubscriptions(
            String project, String topic, int pageIndex, int pageSize, String search) {
        if (pageIndex < 1 || pageSize < 1) {
            throw Errors.invalidParameter(
                    "PageIndex and PageSize must be >= 1, were " + pageIndex + ", " + pageSize);
        }
        Topic t = core.topic(project, topic);
        String q = search == null ? "" : search.toLowerCase(Locale.ROOT);
        List<Subscription> all = new ArrayList<>();
        for (Subscription s : t.subscriptions.values()) {
            if (s.subId.toLowerCase(Locale.ROOT).contains(q)
                    || s.comment.toLowerCase(Locale.ROOT).contains(q)) {
                all.add(s);
            }
        }
        all.sort(Comparator.comparingLong(s -> s.order));
        long from = (long) (pageIndex - 1) * pageSize;
        List<SubscriptionInfo> page = new ArrayList<>();
        for (long i = from; i < Math.min(all.size(), from + pageSize); i++) {
            page.add(info(t, all.get((int) i)));
        }
        return new SubscriptionPage(all.size(), List.copyOf(page));
    }

    void updateComment(String project, String topic, String subId, String comment) {
        String c = Names.validComment(comment);
        mutate(project, topic, subId, EventCodec.UPDATE_SUB_COMMENT, e -> e.str(c).l(core.now()));
    }

    void updateState(String project, String topic, String subId, boolean online) {
        mutate(
                project,
                topic,
                subId,
                EventCodec.UPDATE_SUB_STATE,
                e -> e.bool(online).l(core.now()));
    }

    void delete(String project, String topic, String subId) {
        mutate(project, topic, subId, EventCodec.DELETE_SUB, e -> e);
    }

    Map<String, OffsetInfo> openSession(
            String project, String topic, String subId, List<String> shardIds) {
        if (shardIds == null || shardIds.isEmpty()) {
            throw Errors.invalidParameter("ShardIds must name at least one shard.");
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Subscription s = subscription(t, subId);
            EventCodec.Out e =
                    new EventCodec.Out(EventCodec.OPEN_SESSION)
                            .l(t.uid)
                            .str(s.subId)
                            .i(shardIds.size());
            for (String id : shardIds) {
                e.str(EngineCore.shard(t, id).idText);
            }
            core.commit(e.build());
            return offsets(t, s, shardIds);
        } finally {
            core.metaLock.unlock();
        }
    }

    Map<String, OffsetInfo> getOffsets(
            String project, String topic, String subId, List<String> shardIds) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Subscription s = subscription(t, subId);
            List<String> ids = shardIds;
            if (ids == null || ids.isEmpty()) {
                ids = new ArrayList<>();
                for (Shard shard : t.shards.values()) {
                    ids.add(shard.idText);
                }
            }
            return offsets(t, s, ids);
        } finally {
            core.metaLock.unlock();
        }
    }

    void commit(String project, String topic, String subId, Map<String, OffsetInfo> offsets) {
        store(project, topic, subId, offsets, false);
    }

    void reset(String project, String topic, String subId, Map<String, OffsetInfo> offsets) {
        store(project, topic, subId, offsets, true);
    }

    private void store(
            String project,
            String topic,
            String subId,
            Map<String, OffsetInfo> offsets,
            boolean reset) {
        if (offsets == null || offsets.isEmpty()) {
            throw Errors.invalidParameter("Offsets must name at least one shard.");
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Subscription s = subscription(t, subId);
            if (!reset && !s.online) {
                throw Errors.subscriptionOffline(s.subId);
            }
            EventCodec.Out e =
                    new EventCodec.Out(reset ? EventCodec.RESET : EventCodec.COMMIT)
                            .l(t.uid)
                            .str(s.subId)
                            .i(offsets.size());
            for (Map.Entry<String, OffsetInfo> o : offsets.entrySet()) {
                String shardId = EngineCore.shard(t, o.getKey()).idText;
                OffsetInfo info = o.getValue();
                if (!reset) {
                    Subscription.Offset cur = s.offsets.get(shardId);
                    if (cur == null || cur.sessionId == 0) {
                        throw Errors.offsetSessionClosed(shardId);
                    }
                    if (info.sessionId() == null || info.sessionId() != cur.sessionId) {
                        throw Errors.offsetSessionChanged(shardId);
                    }
                    if (info.version() != cur.version) {
                        throw Errors.offsetReseted(shardId);
                    }
                }
                e.str(shardId).l(info.sequence()).l(info.timestamp()).i(info.batchIndex());
            }
            core.commit(e.build());
        } finally {
            core.metaLock.unlock();
        }
    }

    private interface EventBody {
        EventCodec.Out write(EventCodec.Out e);
    }

    private void mutate(String project, String topic, String subId, byte type, EventBody body) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Subscription s = subscription(t, subId);
            core.commit(body.write(new EventCodec.Out(type).l(t.uid).str(s.subId)).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    private static Map<String, OffsetInfo> offsets(Topic t, Subscription s, List<String> ids) {
        Map<String, OffsetInfo> out = new LinkedHashMap<>();
        for (String id : ids) {
            String shardId = EngineCore.shard(t, id).idText;
            Subscription.Offset o = s.offsets.get(shardId);
            if (o == null) {
                out.put(shardId, new OffsetInfo(-1, -1, 0, null, 0));
            } else {
                out.put(
                        shardId,
                        new OffsetInfo(
                                o.sequence,
                                o.timestamp,
                                o.version,
                                o.sessionId == 0 ? null : o.sessionId,
                                o.batchIndex));
            }
        }
        return out;
    }

    private static Subscription subscription(Topic t, String subId) {
        Subscription s = subId == null ? null : t.subscriptions.get(subId);
        if (s == null) {
            throw Errors.noSuchSubscription(subId);
        }
        return s;
    }

    private static SubscriptionInfo info(Topic t, Subscription s) {
        return new SubscriptionInfo(
                s.subId,
                t.name,
                s.comment,
                0,
                s.online ? 1 : 0,
                s.createTimeMillis / 1000,
                s.lastModifyMillis / 1000);
    }
}
