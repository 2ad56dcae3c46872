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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardState;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a record's routing key onto the topic's ACTIVE shards, exactly as the service routes a
 * HashKey or PartitionKey ({@link HashKeyRange#ownerOf}). Not thread-safe: used by one writer or
 * committer thread.
 */
final class ShardRouter {

    private final ShardRouting routing;
    private final String fixedShardId;
    private List<ShardInfo> active = List.of();
    private int next;

    ShardRouter(ShardRouting routing, String fixedShardId) {
        this.routing = routing;
        this.fixedShardId = fixedShardId;
    }

    /** Replaces the shard map with a fresh ListShards answer. */
    void update(List<ShardInfo> shards) {
        List<ShardInfo> a = new ArrayList<>();
        for (ShardInfo s : shards) {
            if (s.state() == ShardState.ACTIVE) {
                a.add(s);
            }
        }
        a.sort(Comparator.comparing(ShardInfo::hashKeyRange));
        active = List.copyOf(a);
        if (routing == ShardRouting.FIXED_SHARD
                && shards.stream().noneMatch(s -> s.shardId().equals(fixedShardId))) {
            throw new IllegalArgumentException(
                    "setFixedShard: shard '" + fixedShardId + "' does not exist");
        }
    }

    /** The ACTIVE shards, by hash-key range. */
    List<ShardInfo> activeShards() {
        return active;
    }

    /**
     * The key a record is routed by: the MD5 of its partition key, its hash key, or null for
     * round-robin and fixed-shard routing.
     */
    BigInteger keyOf(DataHubSinkRecord record) {
        switch (routing) {
            case PARTITION_KEY:
                if (record.partitionKey() == null) {
                    throw new IllegalArgumentException(
                            "Routing is PARTITION_KEY but the serializer produced a record without"
                                    + " a partition key");
                }
                return HashKeyRange.partitionKeyHash(record.partitionKey());
            case HASH_KEY:
                if (record.hashKey() == null) {
                    throw new IllegalArgumentException(
                            "Routing is HASH_KEY but the serializer produced a record without a"
                                    + " hash key");
                }
                return new BigInteger(record.hashKey(), 16);
            default:
                return null;
        }
    }

    /**
     * The shard for a key (see {@link #keyOf}); null when no ACTIVE shard holds it, i.e. the map is
     * stale and must be refreshed.
     */
    String route(BigInteger key) {
        if (routing == ShardRouting.FIXED_SHARD) {
            return fixedShardId;
        }
        if (key == null) {
            if (active.isEmpty()) {
                return null;
            }
            next = (next + 1) % active.size();
            return active.get(next).shardId();
        }
        ShardInfo owner = HashKeyRange.ownerOf(active, key);
        return owner == null ? null : owner.shardId();
    }

    /** Whether the shard is ACTIVE in the current map. */
    boolean isActive(String shardId) {
        for (ShardInfo s : active) {
            if (s.shardId().equals(shardId)) {
                return true;
            }
        }
        return false;
    }
}
