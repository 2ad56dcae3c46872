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
import java.util.Objects;

/**
 * The engine: an in-memory state machine, optionally made durable by an append-only journal.
 *
 * <p><b>Durability.</b> With {@link EngineOptions#dataDir()} set, every state change (metadata,
 * records, subscriptions, offsets) is first written to {@code <dataDir>/journal.log} as one framed
 * entry ({@code int length, int CRC32C, payload}) and only then applied and acknowledged. On open
 * the journal is replayed through the same code path, so sequences, system times, cursors and
 * offsets come back identical; a torn or corrupt tail entry (a crash in the middle of a write) is
 * truncated. Entries are written straight to the file, so they survive {@code kill -9} of the
 * process under every policy; the {@link FsyncPolicy} decides protection against OS crashes and
 * power loss: {@code ALWAYS} (default) fsyncs before acknowledging each write, concurrent writers
 * sharing one fsync (group commit); {@code INTERVAL} fsyncs in the background every {@link
 * EngineOptions#fsyncInterval()}; {@code NONE} leaves it to the OS. Once the journal passes {@link
 * EngineOptions#compactionThresholdBytes()} (and has doubled since the last time) it is compacted,
 * at open or during the retention sweep: the live state (without expired records) is written to a
 * new file, fsynced and atomically renamed over the journal while writers pause. A lock file keeps
 * a second emulator process off the directory.
 *
 * <p><b>Threading.</b> Metadata changes serialise on one lock; record appends lock only their
 * shard, reads lock nothing but a shard's short store lock. See {@link Shard}.
 */
final class EngineImpl implements DataHubEngine {

    private final EngineCore core;
    private final MetadataOps metadata;
    private final ShardOps shards;
    private final WriteOps writes;
    private final ReadOps reads;
    private final SubscriptionOps subscriptions;
    private final SyncConnectorOps connectors;
    private final ShardExtension extension;
    private final BatchOps batches;
    private final SchemaOps schemas;

    private EngineImpl(EngineOptions options) {
        this.core = new EngineCore(options);
        this.metadata = new MetadataOps(core);
        this.shards = new ShardOps(core);
        this.writes = new WriteOps(core);
        this.reads = new ReadOps(core);
        this.subscriptions = new SubscriptionOps(core);
        this.connectors = new SyncConnectorOps(core);
        this.extension = new ShardExtension(core);
        this.batches = new BatchOps(core, writes, reads);
        this.schemas = new SchemaOps(core);
    }

    static EngineImpl open(EngineOptions options) {
        return new EngineImpl(Objects.requireNonNull(options, "options"));
    }

    /** The shared core, for white-box tests in this package. */
    EngineCore coreForTests() {
        return core;
    }

    @Override
    public SyncConnectors connectors() {
        return connectors;
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public void createProject(String project, String comment) {
        metadata.createProject(project, comment);
    }

    @Override
    public ProjectInfo getProject(String project) {
        return metadata.getProject(project);
    }

    @Override
    public List<String> listProjects(String filter) {
        return metadata.listProjects(filter);
    }

    @Override
    public void updateProject(String project, String comment) {
        metadata.updateProject(project, comment);
    }

    @Override
    public void deleteProject(String project) {
        metadata.deleteProject(project);
    }

    @Override
    public void createTopic(String project, String topic, TopicSpec spec) {
        metadata.createTopic(project, topic, spec);
    }

    @Override
    public TopicInfo getTopic(String project, String topic) {
        return metadata.getTopic(project, topic);
    }

    @Override
    public List<String> listTopics(String project, String filter) {
        return metadata.listTopics(project, filter);
    }

    @Override
    public void updateTopic(String project, String topic, String comment, Integer lifecycleDays) {
        metadata.updateTopic(project, topic, comment, lifecycleDays);
    }

    @Override
    public void deleteTopic(String project, String topic) {
        metadata.deleteTopic(project, topic);
    }

    @Override
    public void appendFields(String project, String topic, List<FieldSpec> fields) {
        metadata.appendFields(project, topic, fields);
    }

    @Override
    public List<ShardInfo> listShards(String project, String topic) {
        return shards.listShards(project, topic);
    }

    @Override
    public List<ShardInfo> splitShard(
            String project, String topic, String shardId, String splitKey) {
        return shards.splitShard(project, topic, shardId, splitKey);
    }

    @Override
    public ShardInfo mergeShard(
            String project, String topic, String shardId, String adjacentShardId) {
        return shards.mergeShard(project, topic, shardId, adjacentShardId);
    }

    @Override
    public void extendShard(String project, String topic, int shardNumber, String mode) {
        extension.extendShard(project, topic, shardNumber, mode);
    }

    @Override
    public CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter) {
        return reads.getCursor(project, topic, shardId, type, parameter);
    }

    @Override
    public List<PutFailure> putRecords(String project, String topic, List<PutRecord> records) {
        return writes.putRecords(project, topic, records);
    }

    @Override
    public List<String> routeRecords(String project, String topic, List<PutRecord> records) {
        return writes.routeRecords(project, topic, records);
    }

    @Override
    public void putRecordsByShard(
            String project, String topic, String shardId, List<PutRecord> records) {
        writes.putRecordsByShard(project, topic, shardId, records);
    }

    @Override
    public ReadResult getRecords(
            String project, String topic, String shardId, String cursor, int limit) {
        return reads.getRecords(project, topic, shardId, cursor, limit);
    }

    @Override
    public RawReadResult getRecordsRaw(
            String project, String topic, String shardId, String cursor, int limit) {
        return reads.getRecordsRaw(project, topic, shardId, cursor, limit);
    }

    @Override
    public MeterInfo getMeter(String project, String topic, String shardId) {
        return reads.getMeter(project, topic, shardId);
    }

    @Override
    public String createSubscription(String project, String topic, String comment) {
        return subscriptions.createSubscription(project, topic, comment);
    }

    @Override
    public SubscriptionInfo getSubscription(String project, String topic, String subId) {
        return subscriptions.getSubscription(project, topic, subId);
    }

    @Override
    public SubscriptionPage listSubscriptions(
            String project, String topic, int pageIndex, int pageSize, String search) {
        return subscriptions.listSubscriptions(project, topic, pageIndex, pageSize, search);
    }

    @Override
    public void updateSubscriptionComment(
            String project, String topic, String subId, String comment) {
        subscriptions.updateComment(project, topic, subId, comment);
    }

    @Override
    public void updateSubscriptionState(
            String project, String topic, String subId, boolean online) {
        subscriptions.updateState(project, topic, subId, online);
    }

    @Override
    public void deleteSubscription(String project, String topic, String subId) {
        subscriptions.delete(project, topic, subId);
    }

    @Override
    public Map<String, OffsetInfo> openOffsetSession(
            String project, String topic, String subId, List<String> shardIds) {
        return subscriptions.openSession(project, topic, subId, shardIds);
    }

    @Override
    public Map<String, OffsetInfo> getOffsets(
            String project, String topic, String subId, List<String> shardIds) {
        return subscriptions.getOffsets(project, topic, subId, shardIds);
    }

    @Override
    public void commitOffsets(
            String project, String topic, String subId, Map<String, OffsetInfo> offsets) {
        subscriptions.commit(project, topic, subId, offsets);
    }

    @Override
    public void resetOffsets(
            String project, String topic, String subId, Map<String, OffsetInfo> offsets) {
        subscriptions.reset(project, topic, subId, offsets);
    }

    @Override
    public void putBatchesByShard(
            String project,
            String topic,
            String shardId,
            List<List<BatchRecord>> records,
            List<byte[]> wireForms) {
        batches.putBatches(project, topic, shardId, records, wireForms);
    }

    @Override
    public BatchReadResult getBatches(
            String project, String topic, String shardId, String cursor, int limit) {
        return batches.getBatches(project, topic, shardId, cursor, limit);
    }

    @Override
    public SchemaPage listSchemas(String project, String topic, int pageNumber, int pageSize) {
        return schemas.list(project, topic, pageNumber, pageSize);
    }

    @Override
    public SchemaVersion getSchema(String project, String topic, int versionId) {
        return schemas.get(project, topic, versionId);
    }

    @Override
    public SchemaVersion findSchema(String project, String topic, List<FieldSpec> fields) {
        return schemas.find(project, topic, fields);
    }

    @Override
    public int registerSchema(
            String project, String topic, String schemaJson, List<FieldSpec> fields) {
        return schemas.register(project, topic, schemaJson, fields);
    }

    @Override
    public void deleteSchema(String project, String topic, int versionId) {
        schemas.delete(project, topic, versionId);
    }
}
