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

package io.github.flinkdatahub.connector.client;

import java.util.List;
import java.util.Objects;

/**
 * One shard as listed by ListShard. Hash keys are 32 upper-case hex digits; the range is {@code
 * [beginHashKey, endHashKey)}.
 *
 * @param leftShardId neighbour in key order, or null when none
 * @param rightShardId neighbour in key order, or null when none
 * @param parentShardIds the shard(s) this one was split or merged from (empty for originals)
 * @param closedTime time the shard was closed as sent by the service (0 while open)
 */
public record ShardInfo(
        String shardId,
        ShardState state,
        String beginHashKey,
        String endHashKey,
        List<String> parentShardIds,
        String leftShardId,
        String rightShardId,
        long closedTime) {

    /** Validates the components (see the record Javadoc). */
    public ShardInfo {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(state, "state");
        parentShardIds = parentShardIds == null ? List.of() : List.copyOf(parentShardIds);
    }

    /**
     * The shard's hash-key range, parsed from {@link #beginHashKey()} and {@link #endHashKey()}.
     */
    public HashKeyRange hashKeyRange() {
        return HashKeyRange.of(beginHashKey, endHashKey);
    }
}
