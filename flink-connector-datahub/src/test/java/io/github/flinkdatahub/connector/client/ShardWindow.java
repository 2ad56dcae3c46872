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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The throughput of a measured interval over several shards while every shard still had work: the
 * records completed until the first shard finished, over the time until then. Past that moment
 * fewer requests are in flight than shards, and how long the last shard takes alone depends more on
 * how evenly the threads were scheduled than on the client. One window per pass; the rate is over
 * the sum of the passes. With one shard it is the whole pass.
 */
final class ShardWindow {

    private long records;
    private long nanos;

    /** Starts timing one pass over the shards. */
    Pass start() {
        return new Pass();
    }

    /** Records per second over the windows of all passes. */
    synchronized double rate() {
        if (nanos == 0) {
            throw new IllegalStateException("No pass finished a shard");
        }
        return records / (nanos / 1e9);
    }

    private synchronized void addWindow(long windowRecords, long windowNanos) {
        records += windowRecords;
        nanos += windowNanos;
    }

    /** One pass: every shard reports its completed records, then that it is done. */
    final class Pass {

        private final long startNanos = System.nanoTime();
        private final AtomicLong completed = new AtomicLong();
        private final AtomicBoolean firstDone = new AtomicBoolean();

        /** Records of a request that just completed. */
        void add(long count) {
            completed.addAndGet(count);
        }

        /** A shard has no more work; the first call closes the window. */
        void shardDone() {
            if (firstDone.compareAndSet(false, true)) {
                addWindow(completed.get(), System.nanoTime() - startNanos);
            }
        }
    }
}
