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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A subscription and its per-shard offsets; mutated only under the engine's metadata lock. */
final class Subscription {

    /** A shard's offset state; {@code sessionId} 0 means no session was ever opened. */
    static final class Offset {
        long sequence = -1;
        long timestamp = -1;
        long version;
        long sessionId;
        int batchIndex;
    }

    final String subId;
    final long order;
    final long createTimeMillis;
    volatile String comment;
    volatile boolean online = true;
    volatile long lastModifyMillis;
    final Map<String, Offset> offsets = new ConcurrentHashMap<>();

    Subscription(String subId, long order, String comment, long createTimeMillis) {
        this.subId = subId;
        this.order = order;
        this.comment = comment;
        this.createTimeMillis = createTimeMillis;
        this.lastModifyMillis = createTimeMillis;
    }

    Offset offset(String shardId) {
        return offsets.computeIfAbsent(shardId, k -> new Offset());
    }
}
