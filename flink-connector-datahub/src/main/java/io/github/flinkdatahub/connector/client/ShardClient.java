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

/**
 * Topic metadata and shard listing: what a split enumerator and a writer's shard router need.
 * Implementations are thread-safe.
 */
public interface ShardClient {

    /** Describes a topic: record type, schema, shard count, lifecycle. */
    TopicInfo getTopic(String project, String topic);

    /** Lists every shard of a topic, ACTIVE and CLOSED ones, with ranges and parents. */
    List<ShardInfo> listShards(String project, String topic);

    /**
     * Lists every shard together with the refresh interval ListShard reports ({@code Interval}).
     * The default implementation lists the shards and reports {@link
     * ShardListing#DEFAULT_REFRESH_INTERVAL}.
     */
    default ShardListing shardListing(String project, String topic) {
        return new ShardListing(listShards(project, topic), ShardListing.DEFAULT_REFRESH_INTERVAL);
    }
}
