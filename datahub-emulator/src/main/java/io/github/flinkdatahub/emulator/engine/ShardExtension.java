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

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * ExtendShard and the topic expand modes (sections 4.2, 4.3 and 9; the SDK's {@code ExpandMode}):
 * {@code ""} (SPLIT_EXTEND) allows split, merge and extend; {@code "split"} (ONLY_SPLIT) split and
 * merge only; {@code "extend"} (ONLY_EXTEND, Kafka-style) extend only, every shard covering the
 * whole hash-key space and records routed by ShardId or round robin, not by HashKey or
 * PartitionKey. Extended shards always cover the whole key space (in SPLIT_EXTEND mode too; the
 * real key ranges there are UNCONFIRMED).
 */
final class ShardExtension {

    static final String SPLIT_EXTEND = "";
    static final String ONLY_SPLIT = "split";
    static final String ONLY_EXTEND = "extend";

    private final EngineCore core;

    ShardExtension(EngineCore core) {
        this.core = core;
    }

    /**
     * Adds ACTIVE shards with ids max+1, ... until the topic has {@code shardNumber} active shards
     * ({@code TO}) or {@code shardNumber} more ({@code INC}).
     */
    void extendShard(String project, String topic, int shardNumber, String mode) {
        String m = mode == null || mode.isBlank() ? "TO" : mode.trim().toUpperCase(Locale.ROOT);
        if (!m.equals("TO") && !m.equals("INC")) {
            throw Errors.invalidParameter(
                    "ExtendMode must be TO (target shard count) or INC (increment), was '"
                            + mode
                            + "'.");
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            if (ONLY_SPLIT.equals(t.expandMode)) {
                throw Errors.invalidParameter(
                        "ExtendShard is not allowed on topic "
                                + t.name
                                + ": its ExpandMode is 'split' (ONLY_SPLIT: split and merge"
                                + " only).");
            }
            int active = t.activeShardCount();
            int added = m.equals("TO") ? shardNumber - active : shardNumber;
            if (added <= 0) {
                throw Errors.invalidParameter(
                        "ShardNumber "
                                + shardNumber
                                + " with ExtendMode "
                                + m
                                + " adds no shard: the topic has "
                                + active
                                + " active shards"
                                + (m.equals("TO") ? "; the target must be larger." : "."));
            }
            int maxActive = core.options.maxActiveShards();
            if (active + added > maxActive) {
                throw Errors.limitExceeded("At most " + maxActive + " active shards per topic.");
            }
            int maxTotal = core.options.maxTotalShards();
            if (t.shards.size() + added > maxTotal) {
                throw Errors.limitExceeded(
                        "At most " + maxTotal + " shards (active and closed) per topic.");
            }
            core.commit(
                    new EventCodec.Out(EventCodec.EXTEND).l(t.uid).i(added).l(core.now()).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    /** Split and merge are refused on ONLY_EXTEND topics. */
    static void checkSplitOrMergeAllowed(Topic t, String operation) {
        if (ONLY_EXTEND.equals(t.expandMode)) {
            throw Errors.invalidParameter(
                    operation
                            + " is not allowed on topic "
                            + t.name
                            + ": its ExpandMode is 'extend' (ONLY_EXTEND: extend only).");
        }
    }

    /** The initial shards' key ranges: the whole key space for every shard in ONLY_EXTEND. */
    static List<BigInteger> initialBoundaries(String expandMode, int shardCount, int shard) {
        if (ONLY_EXTEND.equals(expandMode)) {
            return List.of(BigInteger.ZERO, HashKeys.MAX);
        }
        List<BigInteger> all = HashKeys.initialBoundaries(shardCount);
        return List.of(all.get(shard), all.get(shard + 1));
    }

    /** Applies a journaled EXTEND (state applier). */
    static void apply(EventCodec.In in, EngineState state) {
        Topic t = state.topicsByUid.get(in.l());
        int added = in.i();
        long time = in.l();
        for (int i = 0; i < added; i++) {
            int id = t.nextShardId();
            t.shards.put(id, new Shard(id, BigInteger.ZERO, HashKeys.MAX, List.of(), time));
        }
    }

    /**
     * ListShard leaves out a CLOSED shard once all its data has expired: every record in it is
     * older than its close time, so that is when its close time passes the lifecycle (section 9;
     * the exact moment is UNCONFIRMED). Other calls still find the shard by id.
     */
    static boolean listed(Topic t, Shard s, long nowMillis) {
        return s.isActive() || s.closedTimeMillis() > t.retentionCutoff(nowMillis);
    }
}
