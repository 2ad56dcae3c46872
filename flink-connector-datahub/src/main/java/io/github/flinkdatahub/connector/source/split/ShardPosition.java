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

package io.github.flinkdatahub.connector.source.split;

import java.io.Serializable;

/**
 * Where a split starts reading: either the oldest retained record of its shard, or a concrete
 * sequence (the next record to read). Resolved by the enumerator, so that a restored split never
 * re-resolves "latest" or a timestamp against newer data.
 *
 * @param sequence the next sequence to read; only meaningful when {@code atEarliest} is false
 */
public record ShardPosition(boolean atEarliest, long sequence) implements Serializable {

    private static final ShardPosition EARLIEST = new ShardPosition(true, 0L);

    /** Validates that a concrete position is not negative. */
    public ShardPosition {
        if (!atEarliest && sequence < 0) {
            throw new IllegalArgumentException("A shard position needs a sequence >= 0");
        }
        if (atEarliest) {
            sequence = 0L;
        }
    }

    /** The oldest record still retained in the shard. */
    public static ShardPosition earliest() {
        return EARLIEST;
    }

    /** The record with this sequence is the next to read. */
    public static ShardPosition atSequence(long sequence) {
        return new ShardPosition(false, sequence);
    }

    @Override
    public String toString() {
        return atEarliest ? "EARLIEST" : "SEQUENCE(" + sequence + ")";
    }
}
