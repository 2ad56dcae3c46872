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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.EngineException;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-shard request-rate and throughput limits over fixed one-second windows of the emulator's
 * clock (so a {@code ManualClock} makes them deterministic). Exceeding one answers {@code
 * LimitExceeded} 429, which every SDK retries. A limit of 0 is unlimited.
 */
final class ShardLimiter {

    private final Clock clock;
    private final long maxRequestsPerSecond;
    private final long maxBytesPerSecond;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public ShardLimiter(Clock clock, long maxRequestsPerSecond, long maxBytesPerSecond) {
        this.clock = clock;
        this.maxRequestsPerSecond = maxRequestsPerSecond;
        this.maxBytesPerSecond = maxBytesPerSecond;
    }

    /** True when no limit is set, so callers can skip the bookkeeping. */
    public boolean unlimited() {
        return maxRequestsPerSecond <= 0 && maxBytesPerSecond <= 0;
    }

    /** Counts one request of {@code bytes} against the shard, or throws {@code LimitExceeded}. */
    public void acquire(String project, String topic, String shardId, long bytes) {
        if (unlimited()) {
            return;
        }
        String key = project.toLowerCase() + '/' + topic.toLowerCase() + '/' + shardId;
        long second = Math.floorDiv(clock.millis(), 1000L);
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.second != second) {
                w.second = second;
                w.requests = 0;
                w.bytes = 0;
            }
            boolean tooMany = maxRequestsPerSecond > 0 && w.requests + 1 > maxRequestsPerSecond;
            boolean tooBig =
                    maxBytesPerSecond > 0 && w.requests > 0 && w.bytes + bytes > maxBytesPerSecond;
            if (tooMany || tooBig) {
                throw new EngineException(
                        429,
                        "LimitExceeded",
                        "The query rate or throughput rate is exceeded. (shard "
                                + shardId
                                + ", limits: "
                                + maxRequestsPerSecond
                                + " requests/s, "
                                + maxBytesPerSecond
                                + " bytes/s)");
            }
            w.requests++;
            w.bytes += bytes;
        }
    }

    /** Mutable counters of one shard's current second. */
    private static final class Window {
        long second = Long.MIN_VALUE;
        long requests;
        long bytes;
    }
}
