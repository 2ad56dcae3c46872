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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;

import org.apache.flink.annotation.Internal;

import java.util.List;
import java.util.Objects;

/**
 * One EXACTLY_ONCE put-by-shard request staged by a writer for one checkpoint, published by the
 * committer after the checkpoint completes.
 *
 * <p>Every record carries the attribute {@value #TXN_ATTRIBUTE} = {@code txnId + "/" + index}, so
 * that a retried or restored commit can find which of its records are already in the topic (read
 * from {@code baseSequence} on) and skip them.
 *
 * @param txnId deterministic id: job, subtask, writer attempt, checkpoint epoch, request index
 * @param jobId the job of the writer that staged it
 * @param writerAttempt the writer subtask's attempt number
 * @param shardId the shard the writer routed the request to
 * @param baseSequence the shard's latest sequence observed before the first commit attempt (-1
 *     unknown: read from the oldest record)
 * @param createdMillis wall-clock time of staging, to scan shards created by a later split
 * @param schema the topic schema for TUPLE records, null for BLOB
 * @param records the records in order
 */
@Internal
public record DataHubCommittable(
        String txnId,
        String jobId,
        int writerAttempt,
        String shardId,
        long baseSequence,
        long createdMillis,
        RecordSchema schema,
        List<StagedRecord> records) {

    /** The attribute that carries {@code txnId/index} on every EXACTLY_ONCE record. */
    public static final String TXN_ATTRIBUTE = "__dh_txn";

    /** Validates and copies. */
    public DataHubCommittable {
        Objects.requireNonNull(txnId, "txnId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(shardId, "shardId");
        records = List.copyOf(records);
    }

    /** The id the record at this index carries in {@link #TXN_ATTRIBUTE}. */
    public String recordId(int index) {
        return txnId + "/" + index;
    }

    /**
     * A record as staged, with the routing key to re-route it if its shard was sealed.
     *
     * @param hashKey the routing key as hex, null for round-robin and fixed-shard routing
     */
    public record StagedRecord(PutRecord record, String hashKey) {
        /** Validates. */
        public StagedRecord {
            Objects.requireNonNull(record, "record");
        }
    }
}
