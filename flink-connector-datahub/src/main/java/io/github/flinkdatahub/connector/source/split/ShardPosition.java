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
 * sequence (the next record to read) and, for topics written in batch mode where every record of a
 * batch shares the batch's sequence, the index of the next record within that batch. Resolved by
 * the enumerator, so that a restored split never re-resolves "latest" or a timestamp against newer
 * data.
 *
 * @param sequence the next sequence to read; only meaningful when {@code atEarliest} is false
 * @param batchIndex the records of batch {@code sequence} before this index were already emitted (0
 *     = the whole batch is still to read)
 */
public record ShardPosition(boolean atEarliest, long sequence, int batchIndex)
        implements Serializable {

    private static final ShardPosition EARLIEST = new ShardPosition(true, 0L, 0);

    /** Validates that a concrete position is not negative. */
    public ShardPosition {
        if (!atEarliest && sequence < 0) {
            throw new IllegalArgumentException("A shard position needs a sequence >= 0");
        }
        if (batchIndex < 0) {
            throw new IllegalArgumentException("A shard position needs a batch index >= 0");
        }
        if (atEarliest) {
            sequence = 0L;
            batchIndex = 0;
        }
    }

    /** A position at the start of a batch (or of a record written outside batch mode). */
    public ShardPosition(boolean atEarliest, long sequence) {
        this(atEarliest, sequence, 0);
    }

    /** The record at this index of batch {@code sequence} is the next to read. */
    public static ShardPosition atSequence(long sequence, int batchIndex) {
        return new ShardPosition(false, sequence, batchIndex);
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
        if (atEarliest) {
            return "EARLIEST";
        }
        return batchIndex == 0
                ? "SEQUENCE(" + sequence + ")"
                : "SEQUENCE(" + sequence + ", batch index " + batchIndex + ")";
    }
}
