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

import org.apache.flink.annotation.PublicEvolving;

/** How the sink picks the shard of each record. */
@PublicEvolving
public enum ShardRouting {
    /** Each record goes to the next ACTIVE shard in turn (the default). */
    ROUND_ROBIN,
    /**
     * By the record's partition key: the MD5 of the key mapped onto the shards' hash-key ranges,
     * exactly as the service and the official SDKs route it, so one key keeps its order.
     */
    PARTITION_KEY,
    /** By the record's explicit hash key (up to 32 hex digits). */
    HASH_KEY,
    /** Every record to one shard, set with {@code setFixedShard}. */
    FIXED_SHARD
}
