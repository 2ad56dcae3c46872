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

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer of ListShard: every shard of the topic plus the {@code Interval} at which the service
 * asks clients to refresh their shard list (300000 ms by default; an emulator may ask for less so
 * that readers notice a split or merge sooner).
 *
 * @param shards every shard, ACTIVE and CLOSED, in the service's order
 * @param refreshInterval how often a client should list the shards again
 */
public record ShardListing(List<ShardInfo> shards, Duration refreshInterval) {

    /** The service's documented default {@code Interval}: five minutes. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(300_000);

    /** Validates: both non-null, the interval positive; the list is copied. */
    public ShardListing {
        shards = List.copyOf(Objects.requireNonNull(shards, "shards"));
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "refreshInterval must be positive but was " + refreshInterval);
        }
    }
}
