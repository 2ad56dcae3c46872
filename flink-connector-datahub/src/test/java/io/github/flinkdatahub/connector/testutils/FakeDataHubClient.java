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

package io.github.flinkdatahub.connector.testutils;

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CursorResult;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.ProjectInfo;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardMeterInfo;
import io.github.flinkdatahub.connector.client.ShardRange;
import io.github.flinkdatahub.connector.client.SubscriptionInfo;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.client.SubscriptionPage;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.client.TopicSchema;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A {@link DataHubClient} over a {@link FakeDataHub}: the record, shard and offset roles in full,
 * of the admin role what tests set up with (create topics and subscriptions, split, merge). Async
 * calls complete on the caller's thread unless the hub holds that call ({@link FakeDataHub#hold});
 * the other admin calls throw {@link UnsupportedOperationException}.
 */
public final class FakeDataHubClient implements DataHubClient {

    private final FakeDataHub hub;
    private final BodyProtocol protocol;
    private volatile boolean closed;

    FakeDataHubClient(FakeDataHub hub, BodyProtocol protocol) {
        this.hub = hub;
        this.protocol = protocol;
    }

    /** The protocol this client speaks (BATCH: each put-by-shard is stored as one batch). */
    public BodyProtocol protocol() {
        return protocol;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new DataHubException("The DataHub client is closed", false, null);
        }
    }

    private <T> T call(Supplier<T> op) {
        checkOpen();
        return op.get();
    }

    private <T> CompletableFuture<T> async(FakeCall kind, Supplier<T> op) {
        try {
            checkOpen();
        } catch (DataHubException e) {
            return CompletableFuture.failedFuture(e);
        }
        return hub.runMaybeHeld(kind, op);
    }

    // ---- records

    @Override
    public CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter) {
        return call(() -> hub.getCursor(project, topic, shardId, type, parameter));
    }

    @Override
    public CompletableFuture<GetRecordsResult> getRecordsAsync(
            String project,
            String topic,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema) {
        return async(
                FakeCall.GET_RECORDS, () -> hub.getRecords(project, topic, shardId, cursor, limit));
    }

    @Override
    public CompletableFuture<PutRecordsResult> putRecordsAsync(
            String project, String topic, List<PutRecord> records) {
        if (protocol == BodyProtocol.BATCH) {
            throw new UnsupportedOperationException(
                    "PutRecords to a topic is not supported with protocol BATCH");
        }
        List<PutRecord> copy = List.copyOf(records);
        return async(FakeCall.PUT_RECORDS, () -> hub.putRecords(project, topic, copy));
    }

    @Override
    public CompletableFuture<Void> putRecordsByShardAsync(
            String project, String topic, String shardId, List<PutRecord> records) {
        List<PutRecord> copy = List.copyOf(records);
        return async(
                FakeCall.PUT_RECORDS_BY_SHARD,
                () -> {
                    hub.putRecordsByShard(
                            project, topic, shardId, copy, protocol == BodyProtocol.BATCH);
                    return null;
                });
    }

    // ---- schema registry

    @Override
    public List<TopicSchema> listSchemas(String project, String topic) {
        return call(() -> hub.listSchemas(project, topic));
    }

    @Override
    public TopicSchema getSchema(String project, String topic, int versionId) {
        return call(
                () ->
                        hub.listSchemas(project, topic).stream()
                                .filter(v -> v.versionId() == versionId)
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                DataHubException.fromService(
                                                        404,
                                                        "NoSuchSchema",
                                                        "Schema version "
                                                                + versionId
                                                                + " does not exist",
                                                        "fake-req")));
    }

    @Override
    public int registerSchema(String project, String topic, RecordSchema schema) {
        return call(() -> hub.registerSchema(project, topic, schema));
    }

    @Override
    public void deleteSchema(String project, String topic, int versionId) {
        call(
                () -> {
                    hub.deleteSchema(project, topic, versionId);
                    return null;
                });
    }

    // ---- shards

    @Override
    public TopicInfo getTopic(String project, String topic) {
        return call(() -> hub.getTopic(project, topic));
    }

    @Override
    public List<ShardInfo> listShards(String project, String topic) {
        return call(() -> hub.listShards(project, topic));
    }

    // ---- offsets

    @Override
    public Map<String, SubscriptionOffset> openOffsetSession(
            String project, String topic, String subId, Collection<String> shardIds) {
        return call(() -> hub.openOffsetSession(project, topic, subId, shardIds));
    }

    @Override
    public Map<String, SubscriptionOffset> getOffsets(
            String project, String topic, String subId, Collection<String> shardIds) {
        return call(() -> hub.getOffsets(project, topic, subId, shardIds));
    }

    @Override
    public void commitOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets) {
        call(
                () -> {
                    hub.commitOffsets(project, topic, subId, offsets);
                    return null;
                });
    }

    @Override
    public void resetOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets) {
        call(
                () -> {
                    hub.resetOffsets(project, topic, subId, offsets);
                    return null;
                });
    }

    // ---- the admin calls tests set up with

    @Override
    public void createTupleTopic(
            String project,
            String topic,
            int shardCount,
            int lifecycleDays,
            RecordSchema schema,
            String comment) {
        checkOpen();
        hub.createTupleTopic(project, topic, shardCount, schema);
    }

    @Override
    public void createBlobTopic(
            String project, String topic, int shardCount, int lifecycleDays, String comment) {
        checkOpen();
        hub.createBlobTopic(project, topic, shardCount);
    }

    @Override
    public List<ShardRange> splitShard(String project, String topic, String shardId) {
        return call(() -> hub.split(project, topic, shardId));
    }

    @Override
    public List<ShardRange> splitShard(
            String project, String topic, String shardId, String splitKey) {
        return call(() -> hub.split(project, topic, shardId, new BigInteger(splitKey, 16)));
    }

    @Override
    public ShardRange mergeShard(
            String project, String topic, String shardId, String adjacentShardId) {
        return call(() -> hub.merge(project, topic, shardId, adjacentShardId));
    }

    @Override
    public boolean waitForShardsReady(String project, String topic, Duration timeout) {
        checkOpen();
        return true;
    }

    @Override
    public String createSubscription(String project, String topic, String comment) {
        return call(() -> hub.createSubscription(project, topic));
    }

    // ---- admin calls the fake does not implement

    private static UnsupportedOperationException unsupported(String call) {
        return new UnsupportedOperationException(
                "FakeDataHubClient does not implement " + call + "; use the emulator");
    }

    @Override
    public List<String> listProjects() {
        throw unsupported("listProjects");
    }

    @Override
    public ProjectInfo getProject(String project) {
        throw unsupported("getProject");
    }

    @Override
    public void createProject(String project, String comment) {
        throw unsupported("createProject");
    }

    @Override
    public void updateProject(String project, String comment) {
        throw unsupported("updateProject");
    }

    @Override
    public void deleteProject(String project) {
        throw unsupported("deleteProject");
    }

    @Override
    public List<String> listTopics(String project) {
        throw unsupported("listTopics");
    }

    @Override
    public void updateTopic(String project, String topic, String comment, Integer lifecycleDays) {
        throw unsupported("updateTopic");
    }

    @Override
    public void deleteTopic(String project, String topic) {
        throw unsupported("deleteTopic");
    }

    @Override
    public void appendField(String project, String topic, Field field) {
        throw unsupported("appendField");
    }

    @Override
    public ShardMeterInfo getShardMeterInfo(String project, String topic, String shardId) {
        throw unsupported("getShardMeterInfo");
    }

    @Override
    public SubscriptionInfo getSubscription(String project, String topic, String subId) {
        throw unsupported("getSubscription");
    }

    @Override
    public SubscriptionPage listSubscriptions(
            String project, String topic, int pageIndex, int pageSize) {
        throw unsupported("listSubscriptions");
    }

    @Override
    public void updateSubscriptionComment(
            String project, String topic, String subId, String comment) {
        throw unsupported("updateSubscriptionComment");
    }

    @Override
    public void updateSubscriptionState(
            String project, String topic, String subId, boolean online) {
        throw unsupported("updateSubscriptionState");
    }

    @Override
    public void deleteSubscription(String project, String topic, String subId) {
        throw unsupported("deleteSubscription");
    }

    /** Marks the client closed; held calls of it stay held. Never throws. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            hub.clientClosed();
        }
    }
}
