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

package io.github.flinkdatahub.connector.source.reader;

import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import java.util.concurrent.CompletableFuture;

/** Fetch progress of one shard inside the split reader; touched only by the fetcher thread. */
final class ShardCursor {

    final DataHubShardSplit split;

    /** Next sequence to read; -1 while the split starts at EARLIEST and has read nothing. */
    long nextSequence;

    /**
     * Records of batch {@code nextSequence} below this index were emitted already (a restore in the
     * middle of a batch); they are dropped when the batch is read again.
     */
    int nextBatchIndex;

    String cursor;
    long notBeforeNanos;
    int consecutiveFailures;
    int invalidCursorInARow;
    boolean paused;

    /** When the last fetch was issued ({@link System#nanoTime()}). */
    long issuedNanos;

    /** When the shard was first seen CLOSED; {@link Long#MAX_VALUE} while it was not. */
    long closedSinceNanos = Long.MAX_VALUE;

    CompletableFuture<GetRecordsResult> inFlight;

    ShardCursor(DataHubShardSplit split) {
        this.split = split;
        this.nextSequence = split.start().atEarliest() ? -1 : split.start().sequence();
        this.nextBatchIndex = split.start().batchIndex();
    }

    /** Whether a fetched record lies before the position (already emitted before a restore). */
    boolean alreadyRead(ReadRecord r) {
        return r.sequence() < nextSequence
                || (r.sequence() == nextSequence && r.batchIndex() < nextBatchIndex);
    }

    /** Moves the position past a dropped (already read) record that ended its batch. */
    void skipPast(ReadRecord r) {
        if (r.lastInBatch() && r.sequence() >= nextSequence) {
            nextSequence = r.sequence() + 1;
            nextBatchIndex = 0;
        }
    }

    /** Moves the position past a record handed to the emitter. */
    void advancePast(ReadRecord r) {
        if (r.lastInBatch()) {
            nextSequence = r.sequence() + 1;
            nextBatchIndex = 0;
        } else {
            nextSequence = r.sequence();
            nextBatchIndex = r.batchIndex() + 1;
        }
    }

    /** True when the next sequence lies beyond the stop sequence. */
    boolean pastStop() {
        return split.stopSequence().isPresent()
                && nextSequence >= 0
                && nextSequence > split.stopSequence().getAsLong();
    }
}
