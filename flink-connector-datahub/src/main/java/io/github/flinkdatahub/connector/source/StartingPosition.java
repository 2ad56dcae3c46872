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

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link DataHubSource} starts reading the shards that exist when the job first starts.
 * Shards discovered later (children of a split or merge) always start at their beginning, and a
 * restored job continues from its checkpoint, whatever is configured here.
 *
 * <pre>{@code
 * StartingPosition.earliest();                             // default, never skips data
 * StartingPosition.latest();                               // only records written after start
 * StartingPosition.timestamp(1_700_000_000_000L);          // first record at/after this system time
 * StartingPosition.sequences(Map.of("0", 42L), Fallback.EARLIEST);
 * StartingPosition.subscription(Fallback.EARLIEST);        // committed offset + 1
 * }</pre>
 */
@PublicEvolving
public final class StartingPosition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of starting position. */
    public enum Kind {
        EARLIEST,
        LATEST,
        TIMESTAMP,
        SEQUENCES,
        SUBSCRIPTION
    }

    /** What to do for a shard that has no sequence in the map or no committed offset. */
    public enum Fallback {
        EARLIEST,
        LATEST,
        FAIL
    }

    private final Kind kind;
    private final long timestamp;
    private final Map<String, Long> sequences;
    private final Fallback fallback;

    private StartingPosition(
            Kind kind, long timestamp, Map<String, Long> sequences, Fallback fallback) {
        this.kind = kind;
        this.timestamp = timestamp;
        this.sequences = Map.copyOf(sequences);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The oldest retained record of each shard (the default). */
    public static StartingPosition earliest() {
        return new StartingPosition(Kind.EARLIEST, 0, Map.of(), Fallback.EARLIEST);
    }

    /** The first record written after the job started. */
    public static StartingPosition latest() {
        return new StartingPosition(Kind.LATEST, 0, Map.of(), Fallback.EARLIEST);
    }

    /** The first record whose system time is at or after {@code epochMillis}. */
    public static StartingPosition timestamp(long epochMillis) {
        if (epochMillis < 0) {
            throw new IllegalArgumentException(
                    "StartingPosition.timestamp needs epoch milliseconds >= 0, got " + epochMillis);
        }
        return new StartingPosition(Kind.TIMESTAMP, epochMillis, Map.of(), Fallback.EARLIEST);
    }

    /**
     * The next sequence to read per shard; keys are shard ids ({@code "0"}) or, with several
     * topics, {@code "topic/shardId"}.
     */
    public static StartingPosition sequences(Map<String, Long> nextSequences, Fallback fallback) {
        nextSequences.forEach(
                (k, v) -> {
                    if (v == null || v < 0) {
                        throw new IllegalArgumentException(
                                "StartingPosition.sequences: sequence for shard "
                                        + k
                                        + " must be >= 0, got "
                                        + v);
                    }
                });
        return new StartingPosition(Kind.SEQUENCES, 0, nextSequences, fallback);
    }

    /** The offsets committed in the source's subscription ({@code committed + 1}). */
    public static StartingPosition subscription(Fallback fallback) {
        return new StartingPosition(Kind.SUBSCRIPTION, 0, Map.of(), fallback);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The timestamp for {@link Kind#TIMESTAMP}. */
    public long timestamp() {
        return timestamp;
    }

    /** The per-shard sequences for {@link Kind#SEQUENCES}. */
    public Map<String, Long> sequences() {
        return sequences;
    }

    /** The fallback for shards without a sequence or committed offset. */
    public Fallback fallback() {
        return fallback;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StartingPosition p
                && kind == p.kind
                && timestamp == p.timestamp
                && sequences.equals(p.sequences)
                && fallback == p.fallback;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, timestamp, sequences, fallback);
    }

    @Override
    public String toString() {
        switch (kind) {
            case TIMESTAMP:
                return "TIMESTAMP(" + timestamp + ")";
            case SEQUENCES:
                return "SEQUENCES(" + sequences + ", fallback " + fallback + ")";
            case SUBSCRIPTION:
                return "SUBSCRIPTION(fallback " + fallback + ")";
            default:
                return kind.name();
        }
    }
}
