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

import java.util.Collection;
import java.util.Map;

/**
 * Subscription offsets behind offset sessions: what a source committing its progress to a DataHub
 * subscription needs. Implementations are thread-safe.
 */
public interface OffsetClient {

    /** Opens offset sessions for the shards; returns the committed offsets with session ids. */
    Map<String, SubscriptionOffset> openOffsetSession(
            String project, String topic, String subId, Collection<String> shardIds);

    /** Reads the committed offsets of the shards (no session needed). */
    Map<String, SubscriptionOffset> getOffsets(
            String project, String topic, String subId, Collection<String> shardIds);

    /** Commits offsets; each must carry the current session id and version of its shard. */
    void commitOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets);

    /** Resets offsets (no session needed); increments the version of each shard's offset. */
    void resetOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets);
}
