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
 * Makes a {@link DataHubSource} bounded: each shard is read up to its stop and the job then
 * FINISHES, in streaming and batch execution mode. Only the shards that exist when the job starts
 * are read (no periodic discovery in bounded mode).
 *
 * <pre>{@code
 * StoppingPosition.latest();                     // each shard's latest record at job start
 * StoppingPosition.timestamp(1_700_000_000_000L); // records with system time <= this
 * StoppingPosition.sequences(Map.of("0", 99L));   // last sequence to read per shard (inclusive)
 * }</pre>
 */
@PublicEvolving
public final class StoppingPosition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of stopping position. */
    public enum Kind {
        LATEST,
        TIMESTAMP,
        SEQUENCES
    }

    private final Kind kind;
    private final long timestamp;
    private final Map<String, Long> sequences;

    private StoppingPosition(Kind kind, long timestamp, Map<String, Long> sequences) {
        this.kind = kind;
        this.timestamp = timestamp;
        this.sequences = Map.copyOf(sequences);
    }

    /** Each shard's latest record when the job starts (recorded by the enumerator). */
    public static StoppingPosition latest() {
        return new StoppingPosition(Kind.LATEST, 0, Map.of());
    }

    /**
     * Records with a system time at or before {@code epochMillis}; a shard stops at its first later
     * record, or, once the time has passed, at its latest record at job start.
     */
    public static StoppingPosition timestamp(long epochMillis) {
        if (epochMillis < 0) {
            throw new IllegalArgumentException(
                    "StoppingPosition.timestamp needs epoch milliseconds >= 0, got " + epochMillis);
        }
        return new StoppingPosition(Kind.TIMESTAMP, epochMillis, Map.of());
    }

    /**
     * The last sequence to read per shard (inclusive; keys as in {@link
     * StartingPosition#sequences}). Shards not in the map stop at their latest record at job start.
     */
    public static StoppingPosition sequences(Map<String, Long> lastSequences) {
        lastSequences.forEach(
                (k, v) -> {
                    if (v == null || v < -1) {
                        throw new IllegalArgumentException(
                                "StoppingPosition.sequences: sequence for shard "
                                        + k
                                        + " must be >= -1 (-1 reads nothing), got "
                                        + v);
                    }
                });
        return new StoppingPosition(Kind.SEQUENCES, 0, lastSequences);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The timestamp for {@link Kind#TIMESTAMP}. */
    public long timestamp() {
        return timestamp;
    }

    /** The per-shard last sequences for {@link Kind#SEQUENCES}. */
    public Map<String, Long> sequences() {
        return sequences;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoppingPosition p
                && kind == p.kind
                && timestamp == p.timestamp
                && sequences.equals(p.sequences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, timestamp, sequences);
    }

    @Override
    public String toString() {
        return kind == Kind.TIMESTAMP
                ? "TIMESTAMP(" + timestamp + ")"
                : kind == Kind.SEQUENCES ? "SEQUENCES(" + sequences + ")" : "LATEST";
    }
}
