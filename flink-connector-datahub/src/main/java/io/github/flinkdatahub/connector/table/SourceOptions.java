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

package io.github.flinkdatahub.connector.table;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parsed and validated scan options of a DataHub table, to be mapped onto the source builder.
 *
 * @param startupTimestampMillis set for {@link ScanStartupMode#TIMESTAMP}, else null
 * @param startupSequences shard id to first sequence to read, for {@link
 *     ScanStartupMode#SPECIFIC_SEQUENCES}, else empty
 * @param subscriptionId the subscription offsets are read from (mode SUBSCRIPTION) and committed
 *     to, or null
 * @param boundedTimestampMillis set for {@link ScanBoundedMode#TIMESTAMP}, else null
 * @param boundedSequences shard id to last sequence to read (inclusive), for {@link
 *     ScanBoundedMode#SPECIFIC_SEQUENCES}, else empty
 * @param parallelism the scan parallelism, or null for the planner's default
 */
public record SourceOptions(
        ScanStartupMode startupMode,
        Long startupTimestampMillis,
        SortedMap<String, Long> startupSequences,
        String subscriptionId,
        StartupFallback startupFallback,
        ScanBoundedMode boundedMode,
        Long boundedTimestampMillis,
        SortedMap<String, Long> boundedSequences,
        Duration shardDiscoveryInterval,
        int recordsPerFetch,
        Duration idleFetchDelay,
        ExpiredPositionStrategy expiredPosition,
        LengthCheck lengthCheck,
        ZoneId timeZone,
        Integer parallelism)
        implements Serializable {

    /** Checks that each mode has exactly the values it needs. */
    public SourceOptions {
        Objects.requireNonNull(startupMode, "startupMode");
        Objects.requireNonNull(startupFallback, "startupFallback");
        Objects.requireNonNull(boundedMode, "boundedMode");
        Objects.requireNonNull(shardDiscoveryInterval, "shardDiscoveryInterval");
        Objects.requireNonNull(idleFetchDelay, "idleFetchDelay");
        Objects.requireNonNull(expiredPosition, "expiredPosition");
        Objects.requireNonNull(lengthCheck, "lengthCheck");
        Objects.requireNonNull(timeZone, "timeZone");
        startupSequences = immutable(startupSequences);
        boundedSequences = immutable(boundedSequences);
        require(
                (startupMode == ScanStartupMode.TIMESTAMP) == (startupTimestampMillis != null),
                "a start timestamp is given exactly for startup mode TIMESTAMP");
        require(
                (startupMode == ScanStartupMode.SPECIFIC_SEQUENCES) == !startupSequences.isEmpty(),
                "start sequences are given exactly for startup mode SPECIFIC_SEQUENCES");
        require(
                startupMode != ScanStartupMode.SUBSCRIPTION || subscriptionId != null,
                "startup mode SUBSCRIPTION needs a subscription id");
        require(
                (boundedMode == ScanBoundedMode.TIMESTAMP) == (boundedTimestampMillis != null),
                "a stop timestamp is given exactly for bounded mode TIMESTAMP");
        require(
                (boundedMode == ScanBoundedMode.SPECIFIC_SEQUENCES) == !boundedSequences.isEmpty(),
                "stop sequences are given exactly for bounded mode SPECIFIC_SEQUENCES");
        require(recordsPerFetch >= 1 && recordsPerFetch <= 1000, "recordsPerFetch in 1..1000");
    }

    /** Whether the scan stops (a batch source). */
    public boolean isBounded() {
        return boundedMode != ScanBoundedMode.UNBOUNDED;
    }

    private static SortedMap<String, Long> immutable(Map<String, Long> map) {
        return map == null
                ? java.util.Collections.emptySortedMap()
                : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
