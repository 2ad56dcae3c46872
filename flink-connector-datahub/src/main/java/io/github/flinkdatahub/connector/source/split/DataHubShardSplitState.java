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

/**
 * The mutable progress of one split inside a reader: the next position to read (sequence and index
 * within a batch) and the sequence, batch index and system time of the last emitted record. Only
 * touched by the reader's mailbox thread (record emitter, snapshot).
 */
public final class DataHubShardSplitState {

    private final DataHubShardSplit split;
    private ShardPosition next;
    private long lastEmittedSequence = -1;
    private int lastEmittedBatchIndex;
    private long lastEmittedTime = -1;

    /** Starts tracking a split at its start position. */
    public DataHubShardSplitState(DataHubShardSplit split) {
        this.split = split;
        this.next = split.start();
    }

    /** The split this state belongs to. */
    public DataHubShardSplit split() {
        return split;
    }

    /** Records that the record with this sequence and system time was emitted. */
    public void emitted(long sequence, long systemTime) {
        emitted(sequence, 0, true, systemTime);
    }

    /**
     * Records that the record at this index of batch {@code sequence} was emitted: the next
     * position is the following record of the batch, or the next sequence after its last record.
     */
    public void emitted(long sequence, int batchIndex, boolean lastInBatch, long systemTime) {
        this.next =
                lastInBatch
                        ? ShardPosition.atSequence(sequence + 1)
                        : ShardPosition.atSequence(sequence, batchIndex + 1);
        this.lastEmittedSequence = sequence;
        this.lastEmittedBatchIndex = batchIndex;
        this.lastEmittedTime = systemTime;
    }

    /** The batch index of the last emitted record (0 when none, or outside batch mode). */
    public int lastEmittedBatchIndex() {
        return lastEmittedBatchIndex;
    }

    /** The position to continue from after a restore. */
    public ShardPosition next() {
        return next;
    }

    /** The sequence of the last emitted record, or -1 when none was emitted yet. */
    public long lastEmittedSequence() {
        return lastEmittedSequence;
    }

    /** The system time of the last emitted record, or -1 when none was emitted yet. */
    public long lastEmittedTime() {
        return lastEmittedTime;
    }

    /** The split as it must be checkpointed now. */
    public DataHubShardSplit toSplit() {
        return split.withStart(next);
    }
}
