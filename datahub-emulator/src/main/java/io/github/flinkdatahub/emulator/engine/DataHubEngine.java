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

import java.util.List;
import java.util.Map;

/**
 * The emulator's state machine: every DataHub operation on plain Java values, with no HTTP, JSON or
 * protobuf. The HTTP layer ({@code emulator.server}) decodes requests into these calls and encodes
 * the results; the engine owns validation, DataHub semantics, limits, retention and durability.
 *
 * <p>Every method is thread-safe. Failures are thrown as {@link EngineException} carrying the
 * DataHub error code, message and HTTP status, exactly as the server must answer them.
 *
 * <p>Names: project and topic names are matched case-insensitively and returned lower-case. Times
 * in {@code *Info} results are seconds (admin times) unless a field says milliseconds.
 */
public interface DataHubEngine extends AutoCloseable {

    /**
     * Opens an engine: in memory when {@code options.dataDir()} is null, otherwise durable in that
     * directory (recovering what an earlier engine wrote there, even after an abrupt stop).
     */
    static DataHubEngine open(EngineOptions options) {
        return EngineImpl.open(options);
    }

    /** Releases resources (journal, background tasks); does not throw checked exceptions. */
    @Override
    void close();

    // ---------------------------------------------------------------- projects

    void createProject(String project, String comment);

    ProjectInfo getProject(String project);

    /** Project names, lower-case, sorted; {@code filter} (nullable) keeps names containing it. */
    List<String> listProjects(String filter);

    void updateProject(String project, String comment);

    /** Fails with {@code OperationDenied} while the project still has topics. */
    void deleteProject(String project);

    // ---------------------------------------------------------------- topics

    void createTopic(String project, String topic, TopicSpec spec);

    TopicInfo getTopic(String project, String topic);

    List<String> listTopics(String project, String filter);

    /** {@code lifecycleDays} null keeps the current lifecycle. */
    void updateTopic(String project, String topic, String comment, Integer lifecycleDays);

    void deleteTopic(String project, String topic);

    /** Appends nullable fields to a TUPLE topic's schema; earlier records read them as null. */
    void appendFields(String project, String topic, List<FieldSpec> fields);

    // ---------------------------------------------------------------- shards

    List<ShardInfo> listShards(String project, String topic);

    /** Returns the two new shards, in key order. */
    List<ShardInfo> splitShard(String project, String topic, String shardId, String splitKey);

    /** Returns the new shard. */
    ShardInfo mergeShard(String project, String topic, String shardId, String adjacentShardId);

    /**
     * Adds whole-key-space ACTIVE shards: up to {@code shardNumber} active shards ({@code mode}
     * {@code TO}) or {@code shardNumber} more ({@code INC}); refused on ONLY_SPLIT topics.
     */
    void extendShard(String project, String topic, int shardNumber, String mode);

    // ---------------------------------------------------------------- records

    CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter);

    /**
     * Topic-level put: each record is routed by ShardId, else HashKey, else PartitionKey (MD5),
     * else round-robin over ACTIVE shards, and judged on its own. Returns the failures (empty when
     * every record was written).
     */
    List<PutFailure> putRecords(String project, String topic, List<PutRecord> records);

    /**
     * The shard id each record of a topic-level put would land in (null where routing fails), so
     * per-shard limits can count it; advances the round robin as a put would. Passing the records
     * back with these ids set routes them identically.
     */
    List<String> routeRecords(String project, String topic, List<PutRecord> records);

    /** Put-by-shard: all records go to {@code shardId}; any bad record fails the whole request. */
    void putRecordsByShard(String project, String topic, String shardId, List<PutRecord> records);

    /** {@code limit} is clamped to 1..1000. */
    ReadResult getRecords(String project, String topic, String shardId, String cursor, int limit);

    /**
     * The same read as {@link #getRecords}, with each record in its stored form (byte ranges of its
     * values and attributes) for response encoders that copy bytes instead of decoding.
     */
    RawReadResult getRecordsRaw(
            String project, String topic, String shardId, String cursor, int limit);

    MeterInfo getMeter(String project, String topic, String shardId);

    // ---------------------------------------------------------------- subscriptions

    /** Returns the new subscription id. */
    String createSubscription(String project, String topic, String comment);

    SubscriptionInfo getSubscription(String project, String topic, String subId);

    /** {@code pageIndex} starts at 1; {@code search} (nullable) filters by id or comment. */
    SubscriptionPage listSubscriptions(
            String project, String topic, int pageIndex, int pageSize, String search);

    void updateSubscriptionComment(String project, String topic, String subId, String comment);

    /** {@code online} true = state 1 (ONLINE), false = state 0 (OFFLINE). */
    void updateSubscriptionState(String project, String topic, String subId, boolean online);

    void deleteSubscription(String project, String topic, String subId);

    // ---------------------------------------------------------------- offsets

    /** Opens a new offset session per shard and returns the current offsets with the session. */
    Map<String, OffsetInfo> openOffsetSession(
            String project, String topic, String subId, List<String> shardIds);

    /** {@code shardIds} empty means every shard of the topic. */
    Map<String, OffsetInfo> getOffsets(
            String project, String topic, String subId, List<String> shardIds);

    /** Each offset must carry the shard's current session id and version. */
    void commitOffsets(String project, String topic, String subId, Map<String, OffsetInfo> offsets);

    /** Stores the offsets without a session and increments each shard's version. */
    void resetOffsets(String project, String topic, String subId, Map<String, OffsetInfo> offsets);

    // ---------------------------------------------------------------- connectors

    /** The topics' sync connectors (metadata only: the emulator delivers no data). */
    SyncConnectors connectors();

    // ---------------------------------------------------------------- batch mode

    /**
     * Batch-mode put-by-shard: each batch becomes one stored entry with one sequence, shared by all
     * of its records; records are validated against the schema version they name. Any bad record
     * fails the whole request. {@code wireForms} (nullable, else parallel to {@code batches}, null
     * entries allowed) are the batches as the client encoded them: kept and served back unchanged
     * by {@link #getBatches} while the topic's layout allows it.
     */
    void putBatchesByShard(
            String project,
            String topic,
            String shardId,
            List<List<BatchRecord>> batches,
            List<byte[]> wireForms);

    /**
     * Batch-mode read: whole batches from the cursor; records written singly (JSON, PB) come back
     * as one-record batches. {@code limit} (clamped to 1..1000) counts records, but a batch is
     * never split: batches are added while they fit, and the first one always is.
     */
    BatchReadResult getBatches(
            String project, String topic, String shardId, String cursor, int limit);

    // ---------------------------------------------------------------- schema registry

    /** One page of ListSchema; {@code pageSize <= 0} means every version in one page. */
    SchemaPage listSchemas(String project, String topic, int pageNumber, int pageSize);

    /** A live schema version; 0 is the topic's own schema. */
    SchemaVersion getSchema(String project, String topic, int versionId);

    /** The live version whose fields equal {@code fields}. */
    SchemaVersion findSchema(String project, String topic, List<FieldSpec> fields);

    /**
     * Registers a schema and returns its version id (an equal live version's id if there is one).
     */
    int registerSchema(String project, String topic, String schemaJson, List<FieldSpec> fields);

    /** Deletes a registered version (not 0). */
    void deleteSchema(String project, String topic, int versionId);

    // ---------------------------------------------------------------- values

    /** Topic record type. */
    enum RecordType {
        TUPLE,
        BLOB
    }

    /** Cursor types of GetCursor. */
    enum CursorType {
        OLDEST,
        LATEST,
        SYSTEM_TIME,
        SEQUENCE
    }

    /** Shard states; only ACTIVE accepts writes, ACTIVE and CLOSED are readable. */
    enum ShardState {
        OPENING,
        ACTIVE,
        CLOSING,
        CLOSED
    }

    /** A project as GetProject returns it; times in seconds. */
    record ProjectInfo(String name, String comment, long createTime, long lastModifyTime) {}

    /**
     * What CreateTopic asks for. {@code recordSchemaJson} is the schema string exactly as the
     * client sent it (null for BLOB); GetTopic must return it byte for byte. {@code fields} is its
     * parsed form (empty for BLOB).
     */
    record TopicSpec(
            RecordType recordType,
            int shardCount,
            int lifecycleDays,
            String recordSchemaJson,
            List<FieldSpec> fields,
            String comment,
            String expandMode) {}

    /** One schema field; {@code type} is the upper-case DataHub type name. */
    record FieldSpec(String name, String type, boolean notNull, String comment) {}

    /** A topic as GetTopic returns it; times in seconds. */
    record TopicInfo(
            String name,
            RecordType recordType,
            int shardCount,
            int lifecycleDays,
            String recordSchemaJson,
            List<FieldSpec> fields,
            String comment,
            String expandMode,
            long createTime,
            long lastModifyTime) {}

    /**
     * A shard as ListShard returns it. Hash keys are 32 upper-case hex digits; neighbour ids are
     * null when there is none; {@code closedTime} is seconds, 0 while open.
     */
    record ShardInfo(
            String shardId,
            ShardState state,
            String beginHashKey,
            String endHashKey,
            List<String> parentShardIds,
            String leftShardId,
            String rightShardId,
            long createTime,
            long closedTime) {}

    /** GetCursor result: the opaque cursor, and the record it points at (ms, sequence). */
    record CursorResult(String cursor, long recordTimeMillis, long sequence) {}

    /**
     * A record to write. Exactly one of {@code tupleValues} (one text value per schema field, null
     * for NULL) and {@code blob} is non-null. Routing keys are null when absent.
     */
    record PutRecord(
            String shardId,
            String hashKey,
            String partitionKey,
            Map<String, String> attributes,
            List<String> tupleValues,
            byte[] blob) {}

    /** A rejected record of a topic-level put; {@code index} is its position in the request. */
    record PutFailure(int index, String errorCode, String errorMessage) {}

    /**
     * A stored record as read. Tuple values are canonical text (DECIMAL verbatim), null for NULL,
     * padded with nulls for fields appended after the record was written.
     */
    record StoredRecord(
            String shardId,
            long sequence,
            long systemTimeMillis,
            String cursor,
            String nextCursor,
            Map<String, String> attributes,
            List<String> tupleValues,
            byte[] blob) {}

    /** GetRecords result; {@code nextCursor} equals the request cursor when nothing was read. */
    record ReadResult(
            String nextCursor,
            long startSequence,
            long latestSequence,
            long latestTimeMillis,
            List<StoredRecord> records) {}

    /** GetRecords result in stored form (see {@link #getRecordsRaw}). */
    record RawReadResult(
            String shardId,
            String nextCursor,
            long startSequence,
            long latestSequence,
            long latestTimeMillis,
            List<RawRecord> records) {}

    /** Shard metering. */
    record MeterInfo(long activeTimeSeconds, long storageBytes) {}

    /** A subscription; {@code type} 0 USER, {@code state} 1 ONLINE / 0 OFFLINE; times seconds. */
    record SubscriptionInfo(
            String subId,
            String topicName,
            String comment,
            int type,
            int state,
            long createTime,
            long lastModifyTime) {}

    /** One page of ListSubscription. */
    record SubscriptionPage(long totalCount, List<SubscriptionInfo> subscriptions) {}

    /**
     * A shard's subscription offset. {@code sequence} is the last processed record (-1 never
     * committed), {@code timestamp} its SystemTime in ms (-1), {@code sessionId} null when no
     * session is involved.
     */
    record OffsetInfo(
            long sequence, long timestamp, long version, Long sessionId, int batchIndex) {}

    /**
     * A record of a batch. {@code schemaVersion} is -1 for BLOB (then {@code blob} is set), else
     * the registry version whose fields {@code tupleValues} follow (text, null for NULL).
     */
    record BatchRecord(
            int schemaVersion,
            Map<String, String> attributes,
            List<String> tupleValues,
            byte[] blob) {}

    /**
     * A stored batch as read: one sequence for all its records. Either {@code wire} (the client's
     * own encoding, served unchanged) or {@code records} is non-null.
     */
    record StoredBatch(
            long sequence,
            long systemTimeMillis,
            String cursor,
            String nextCursor,
            int recordCount,
            List<BatchRecord> records,
            byte[] wire) {}

    /**
     * A batch-mode read; {@code schemas} holds the fields of every TUPLE schema version the records
     * name (version 0: the topic's current schema).
     */
    record BatchReadResult(
            String nextCursor,
            long startSequence,
            long latestSequence,
            long latestTimeMillis,
            List<StoredBatch> batches,
            Map<Integer, List<FieldSpec>> schemas) {}

    /** A schema version; {@code createTime} in seconds. */
    record SchemaVersion(
            int versionId, String recordSchemaJson, List<FieldSpec> fields, long createTime) {}

    /** One page of ListSchema. */
    record SchemaPage(
            int pageNumber,
            int pageSize,
            int pageCount,
            int totalCount,
            List<SchemaVersion> schemas) {}
}
