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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ListShard, SplitShard and MergeShard with the validation order and codes of section 9. */
final class ShardOps {

    /** A shard younger than this cannot be split or merged (LimitExceeded). */
    static final long MIN_SHARD_AGE_MILLIS = 5_000;

    private final EngineCore core;

    ShardOps(EngineCore core) {
        this.core = core;
    }

    /** Under the metadata lock, so a split or merge is seen completely or not at all. */
    List<ShardInfo> listShards(String project, String topic) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Neighbours n = new Neighbours(t);
            List<ShardInfo> out = new ArrayList<>();
            long now = core.now();
            for (Shard s : t.shards.values()) {
                if (ShardExtension.listed(t, s, now)) {
                    out.add(n.info(s));
                }
            }
            return out;
        } finally {
            core.metaLock.unlock();
        }
    }

    List<ShardInfo> splitShard(String project, String topic, String shardId, String splitKey) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            ShardExtension.checkSplitOrMergeAllowed(t, "SplitShard");
            Shard s = EngineCore.shard(t, shardId);
            s.appendLock.lock();
            try {
                if (!s.isActive()) {
                    throw Errors.invalidShardOperation(s.idText);
                }
                checkAge(s);
                BigInteger key = HashKeys.parse(splitKey);
                if (key == null || key.compareTo(s.begin) <= 0 || key.compareTo(s.end) >= 0) {
                    throw Errors.invalidParameter(
                            "The key range is invalid: SplitKey '"
                                    + splitKey
                                    + "' must be a hex key strictly between "
                                    + HashKeys.format(s.begin)
                                    + " and "
                                    + HashKeys.format(s.end)
                                    + ".");
                }
                checkLimits(t, 1, 2);
                int first = t.nextShardId();
                core.commit(
                        new EventCodec.Out(EventCodec.SPLIT)
                                .l(t.uid)
                                .i(s.id)
                                .str(key.toString(16))
                                .l(core.now())
                                .build());
                Neighbours n = new Neighbours(t);
                return List.of(n.info(t.shards.get(first)), n.info(t.shards.get(first + 1)));
            } finally {
                s.appendLock.unlock();
            }
        } finally {
            core.metaLock.unlock();
        }
    }

    ShardInfo mergeShard(String project, String topic, String shardId, String adjacentShardId) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            ShardExtension.checkSplitOrMergeAllowed(t, "MergeShard");
            Shard a = EngineCore.shard(t, shardId);
            Shard b = EngineCore.shard(t, adjacentShardId);
            if (a == b) {
                throw Errors.invalidParameter(
                        "A shard cannot be merged with itself: " + a.idText + ".");
            }
            // Both locks: the metadata lock orders multi-shard locking, the record path takes one.
            a.appendLock.lock();
            b.appendLock.lock();
            try {
                if (!a.isActive()) {
                    throw Errors.invalidShardOperation(a.idText);
                }
                if (!b.isActive()) {
                    throw Errors.invalidShardOperation(b.idText);
                }
                if (!a.end.equals(b.begin) && !b.end.equals(a.begin)) {
                    throw Errors.invalidParameter(
                            "The two shards are not adjacent: "
                                    + a.idText
                                    + " and "
                                    + b.idText
                                    + ".");
                }
                checkAge(a);
                checkAge(b);
                checkLimits(t, -1, 1);
                int id = t.nextShardId();
                core.commit(
                        new EventCodec.Out(EventCodec.MERGE)
                                .l(t.uid)
                                .i(a.id)
                                .i(b.id)
                                .l(core.now())
                                .build());
                return new Neighbours(t).info(t.shards.get(id));
            } finally {
                b.appendLock.unlock();
                a.appendLock.unlock();
            }
        } finally {
            core.metaLock.unlock();
        }
    }

    private void checkAge(Shard s) {
        if (core.now() - s.createTimeMillis < MIN_SHARD_AGE_MILLIS) {
            throw Errors.limitExceeded(
                    "Split/Merge shard operation limit exceeded: shard "
                            + s.idText
                            + " was created less than 5 seconds ago.");
        }
    }

    private void checkLimits(Topic t, int activeDelta, int newShards) {
        int active = t.activeShardCount() + activeDelta;
        int total = t.shards.size() + newShards;
        if (active > core.options.maxActiveShards()) {
            throw Errors.limitExceeded(
                    "At most " + core.options.maxActiveShards() + " active shards per topic.");
        }
        if (total > core.options.maxTotalShards()) {
            throw Errors.limitExceeded(
                    "At most "
                            + core.options.maxTotalShards()
                            + " shards (active and closed) per topic.");
        }
    }

    /**
     * Finds the ACTIVE shards adjacent to a key range (left ends at its begin, right starts at its
     * end).
     */
    private static final class Neighbours {
        private final Map<BigInteger, Shard> activeByBegin = new HashMap<>();
        private final Map<BigInteger, Shard> activeByEnd = new HashMap<>();

        Neighbours(Topic t) {
            for (Shard s : t.shards.values()) {
                if (s.isActive()) {
                    activeByBegin.put(s.begin, s);
                    activeByEnd.put(s.end, s);
                }
            }
        }

        /**
         * Neighbours are the adjacent ACTIVE shards, also for a CLOSED shard, and ClosedTime is in
         * seconds like the other admin times; both are UNCONFIRMED in the protocol notes.
         */
        ShardInfo info(Shard s) {
            Shard left = activeByEnd.get(s.begin);
            Shard right = activeByBegin.get(s.end);
            return new ShardInfo(
                    s.idText,
                    s.state(),
                    HashKeys.format(s.begin),
                    HashKeys.format(s.end),
                    s.parents,
                    left == null || left == s ? null : left.idText,
                    right == null || right == s ? null : right.idText,
                    s.createTimeMillis / 1000,
                    s.closedTimeMillis() / 1000);
        }
    }
}
