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

/** When the durable engine forces its journal to disk (only meaningful with a data directory). */
public enum FsyncPolicy {
    /**
     * fsync before acknowledging every write (concurrent writers share one fsync: group commit).
     * The default in durable mode: an acknowledged write survives {@code kill -9} and power loss.
     */
    ALWAYS,
    /**
     * fsync at most every {@link EngineOptions#fsyncInterval()}; a write is acknowledged once it is
     * in the OS page cache, so it survives {@code kill -9} but not a power loss within the
     * interval.
     */
    INTERVAL,
    /** Never fsync explicitly; writes survive {@code kill -9} (page cache) but not a power loss. */
    NONE
}
