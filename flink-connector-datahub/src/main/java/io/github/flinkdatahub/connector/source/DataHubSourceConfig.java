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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.client.DataHubClientFactory;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The validated settings of a {@link DataHubSource}, shared by its enumerator and readers. Built
 * only by {@link DataHubSourceBuilder#build()}.
 *
 * @param fetchRetries how many consecutive failed fetches of one shard (each already retried by the
 *     client) the reader tolerates before failing the job
 */
@Internal
public record DataHubSourceConfig(
        DataHubClientFactory clientFactory,
        String project,
        List<String> topics,
        StartingPosition startingPosition,
        @Nullable StoppingPosition stoppingPosition,
        @Nullable String subscriptionId,
        int recordsPerFetch,
        Duration idleShardPollInterval,
        Duration shardDiscoveryInterval,
        int fetchesInFlight,
        ExpiredPositionPolicy expiredPositionPolicy,
        SubscriptionConflictPolicy subscriptionConflictPolicy,
        int fetchRetries,
        Duration maxFetchBackoff)
        implements Serializable {

    /** Copies the topic list. */
    public DataHubSourceConfig {
        topics = List.copyOf(topics);
    }

    /** True when a stopping position makes the source bounded. */
    public boolean bounded() {
        return stoppingPosition != null;
    }
}
