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

import io.github.flinkdatahub.connector.client.EncodedRecords;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;

import org.apache.flink.annotation.Internal;

import java.util.ArrayList;
import java.util.Collections;
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
 * <p>The records are encoded once, by the staging writer as they arrive, into the protobuf entries
 * of the put that publishes them ({@link #entries()}): a checkpoint passes and stores a committable
 * as one byte array instead of an object per value, and the committer sends those bytes without
 * decoding or encoding anything. {@link #records()} decodes them only where records are needed (a
 * retry of the records still missing, a re-route after a split or merge, the BATCH protocol).
 */
@Internal
public final class DataHubCommittable {

    /** The attribute that carries {@code txnId/index} on every EXACTLY_ONCE record. */
    public static final String TXN_ATTRIBUTE = "__dh_txn";

    private final String txnId;
    private final String jobId;
    private final int writerAttempt;
    private final String shardId;
    private final long baseSequence;
    private final long createdMillis;
    private final RecordSchema schema;
    private final int recordCount;
    private final byte[] version1Section;
    private volatile EncodedRecords entries;
    private volatile List<String> hashKeys;
    private volatile List<StagedRecord> records;

    /**
     * A committable of decoded records.
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
    public DataHubCommittable(
            String txnId,
            String jobId,
            int writerAttempt,
            String shardId,
            long baseSequence,
            long createdMillis,
            RecordSchema schema,
            List<StagedRecord> records) {
        this(
                txnId,
                jobId,
                writerAttempt,
                shardId,
                baseSequence,
                createdMillis,
                schema,
                records.size(),
                null,
                null,
                keysOf(records),
                List.copyOf(records));
    }

    private DataHubCommittable(
            String txnId,
            String jobId,
            int writerAttempt,
            String shardId,
            long baseSequence,
            long createdMillis,
            RecordSchema schema,
            int recordCount,
            byte[] version1Section,
            EncodedRecords entries,
            List<String> hashKeys,
            List<StagedRecord> records) {
        this.txnId = Objects.requireNonNull(txnId, "txnId");
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.writerAttempt = writerAttempt;
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.baseSequence = baseSequence;
        this.createdMillis = createdMillis;
        this.schema = schema;
        this.recordCount = recordCount;
        this.version1Section = version1Section;
        this.entries = entries;
        this.hashKeys = hashKeys;
        this.records = records;
    }

    /**
     * A committable of records encoded as the put's protobuf entries, with each record's routing
     * key (null entries, or a null list, for none).
     */
    static DataHubCommittable ofEntries(
            String txnId,
            String jobId,
            int writerAttempt,
            String shardId,
            long baseSequence,
            long createdMillis,
            EncodedRecords entries,
            List<String> hashKeys) {
        Objects.requireNonNull(entries, "entries");
        if (hashKeys != null && hashKeys.size() != entries.count()) {
            throw new IllegalArgumentException(
                    hashKeys.size() + " hash keys for " + entries.count() + " records");
        }
        return new DataHubCommittable(
                txnId,
                jobId,
                writerAttempt,
                shardId,
                baseSequence,
                createdMillis,
                entries.schema(),
                entries.count(),
                null,
                entries,
                hashKeys,
                null);
    }

    /** A committable read from the version-1 format: its record section, decoded on first use. */
    static DataHubCommittable ofVersion1(
            String txnId,
            String jobId,
            int writerAttempt,
            String shardId,
            long baseSequence,
            long createdMillis,
            RecordSchema schema,
            int recordCount,
            byte[] section) {
        return new DataHubCommittable(
                txnId,
                jobId,
                writerAttempt,
                shardId,
                baseSequence,
                createdMillis,
                schema,
                recordCount,
                Objects.requireNonNull(section, "section"),
                null,
                null,
                null);
    }

    /** Deterministic id: job, subtask, writer attempt, checkpoint epoch, request index. */
    public String txnId() {
        return txnId;
    }

    /** The job of the writer that staged it. */
    public String jobId() {
        return jobId;
    }

    /** The writer subtask's attempt number. */
    public int writerAttempt() {
        return writerAttempt;
    }

    /** The shard the writer routed the request to. */
    public String shardId() {
        return shardId;
    }

    /** The shard's latest sequence observed before the first commit attempt (-1 unknown). */
    public long baseSequence() {
        return baseSequence;
    }

    /** Wall-clock time of staging. */
    public long createdMillis() {
        return createdMillis;
    }

    /** The topic schema for TUPLE records, null for BLOB. */
    public RecordSchema schema() {
        return schema;
    }

    /** How many records the request holds (without decoding them). */
    public int recordCount() {
        return recordCount;
    }

    /** The records in order, decoded on first use. */
    public List<StagedRecord> records() {
        List<StagedRecord> decoded = records;
        if (decoded == null) {
            if (entries != null) {
                List<PutRecord> putRecords = entries.decode();
                List<StagedRecord> out = new ArrayList<>(putRecords.size());
                for (int i = 0; i < putRecords.size(); i++) {
                    out.add(
                            new StagedRecord(
                                    putRecords.get(i), hashKeys == null ? null : hashKeys.get(i)));
                }
                decoded = List.copyOf(out);
            } else {
                decoded =
                        DataHubCommittableSerializer.decodeVersion1Records(
                                version1Section, recordCount, schema);
            }
            records = decoded;
        }
        return decoded;
    }

    /**
     * The records as the put's protobuf entries (what the committer sends), encoded on first use
     * when the committable was built from records.
     */
    public EncodedRecords entries() {
        EncodedRecords e = entries;
        if (e == null) {
            EncodedRecords.Builder builder = EncodedRecords.builder(schema);
            for (StagedRecord r : records()) {
                builder.add(r.record());
            }
            e = builder.build();
            entries = e;
        }
        return e;
    }

    /** Each record's routing key as hex (null for round-robin and fixed-shard routing). */
    List<String> hashKeys() {
        List<String> keys = hashKeys;
        if (keys == null && version1Section != null) {
            keys = keysOf(records());
            hashKeys = keys;
        }
        return keys == null ? Collections.nCopies(recordCount, null) : keys;
    }

    private static List<String> keysOf(List<StagedRecord> records) {
        List<String> keys = new ArrayList<>(records.size());
        for (StagedRecord r : records) {
            keys.add(r.hashKey());
        }
        return Collections.unmodifiableList(keys);
    }

    /** The id the record at this index carries in {@link #TXN_ATTRIBUTE}. */
    public String recordId(int index) {
        return txnId + "/" + index;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataHubCommittable c)) {
            return false;
        }
        return writerAttempt == c.writerAttempt
                && baseSequence == c.baseSequence
                && createdMillis == c.createdMillis
                && recordCount == c.recordCount
                && txnId.equals(c.txnId)
                && jobId.equals(c.jobId)
                && shardId.equals(c.shardId)
                && Objects.equals(schema, c.schema)
                && records().equals(c.records());
    }

    @Override
    public int hashCode() {
        return Objects.hash(txnId, jobId, writerAttempt, shardId, baseSequence, recordCount);
    }

    @Override
    public String toString() {
        return "DataHubCommittable{txnId="
                + txnId
                + ", shard="
                + shardId
                + ", records="
                + recordCount
                + ", baseSequence="
                + baseSequence
                + "}";
    }

    /**
     * A record as staged, with the routing key to re-route it if its shard was sealed.
     *
     * @param record the record, with its {@value #TXN_ATTRIBUTE} attribute
     * @param hashKey the routing key as hex, null for round-robin and fixed-shard routing
     */
    public record StagedRecord(PutRecord record, String hashKey) {
        /** Validates. */
        public StagedRecord {
            Objects.requireNonNull(record, "record");
        }
    }
}
