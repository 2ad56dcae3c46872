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

package io.github.flinkdatahub.connector.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import static io.github.flinkdatahub.connector.client.JsonCalls.nonNull;
import static io.github.flinkdatahub.connector.client.JsonCalls.object;
import static io.github.flinkdatahub.connector.client.JsonCalls.projectPath;
import static io.github.flinkdatahub.connector.client.JsonCalls.shardPath;
import static io.github.flinkdatahub.connector.client.JsonCalls.topicPath;

/**
 * The HTTP implementation of {@link DataHubClient}: builds each control-plane call as JSON and
 * delegates record calls to {@link RecordCalls} and subscription calls to {@link
 * SubscriptionCalls}. Thread-safe.
 *
 * <p>Record calls are asynchronous end to end ({@link HttpTransport}); control-plane calls block
 * their caller but wait on the same asynchronous calls, so an interrupt or {@link #close()} ends
 * them at once. {@code close()} cancels this client's calls only: the OkHttp dispatcher and
 * connection pool are shared by all clients of the JVM ({@link SharedHttp}).
 */
final class HttpDataHubClient implements DataHubClient {

    private final HttpTransport transport;
    private final JsonCalls json;
    private final RecordCalls records;
    private final SchemaRegistryCalls schemaRegistry;
    private final BatchSchemaVersions schemaVersions;
    private final BodyProtocol protocol;
    private final SubscriptionCalls subscriptions;
    private final NonIdempotentCalls nonIdempotent;
    private final ShardAdminCalls shardAdmin;

    HttpDataHubClient(DataHubClientConfig config) {
        this(
                config,
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                SharedHttp.SCHEDULER,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: injectable time, polling sleeps and jitter; retries on the shared timer. */
    HttpDataHubClient(
            DataHubClientConfig config, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this(config, clock, sleeper, SharedHttp.SCHEDULER, random);
    }

    /**
     * For tests: injectable time, polling sleeps (only {@link #waitForShardsReady} sleeps, on its
     * caller's thread), the retry scheduler and jitter.
     */
    HttpDataHubClient(
            DataHubClientConfig config,
            Clock clock,
            Sleeper sleeper,
            SharedHttp.RetryScheduler scheduler,
            DoubleSupplier random) {
        Objects.requireNonNull(config, "config");
        this.transport = new HttpTransport(config, clock, scheduler, random);
        this.json = new JsonCalls(transport);
        this.protocol = config.protocol();
        this.schemaRegistry = new SchemaRegistryCalls(json);
        this.schemaVersions = new BatchSchemaVersions(schemaRegistry, config.schemaRegistry());
        this.records =
                new RecordCalls(transport, config.protocol(), config.compression(), schemaVersions);
        this.subscriptions = new SubscriptionCalls(json);
        this.nonIdempotent = new NonIdempotentCalls(transport.retryPolicy(), sleeper);
        this.shardAdmin = new ShardAdminCalls(this, json, nonIdempotent, clock, sleeper);
    }

    HttpTransport transport() {
        return transport;
    }

    // ---- projects

    @Override
    public List<String> listProjects() {
        return ControlPlaneJson.names("ListProject", json.get("/projects"), "ProjectNames");
    }

    @Override
    public ProjectInfo getProject(String project) {
        return ControlPlaneJson.project(project, json.get(projectPath(project)));
    }

    @Override
    public void createProject(String project, String comment) {
        ObjectNode body = object().put("Comment", nonNull(comment, "comment"));
        nonIdempotent.run(
                "CreateProject " + project,
                () -> json.sendNonIdempotent("POST", projectPath(project), body),
                () -> comment.equals(getProject(project).comment()));
    }

    @Override
    public void updateProject(String project, String comment) {
        json.send(
                "PUT", projectPath(project), object().put("Comment", nonNull(comment, "comment")));
    }

    @Override
    public void deleteProject(String project) {
        json.send("DELETE", projectPath(project), null);
    }

    // ---- topics

    @Override
    public List<String> listTopics(String project) {
        return ControlPlaneJson.names(
                "ListTopic", json.get(projectPath(project) + "/topics"), "TopicNames");
    }

    @Override
    public TopicInfo getTopic(String project, String topic) {
        return ControlPlaneJson.topic(project, topic, json.get(topicPath(project, topic)));
    }

    @Override
    public void createTupleTopic(
            String project,
            String topic,
            int shardCount,
            int lifecycleDays,
            RecordSchema schema,
            String comment) {
        Objects.requireNonNull(schema, "a TUPLE topic needs a schema");
        ObjectNode body = topicCreation(shardCount, lifecycleDays, "TUPLE");
        body.put("RecordSchema", schema.toJson());
        body.put("Comment", nonNull(comment, "comment")).put("ExpandMode", "");
        createTopic(project, topic, body, RecordType.TUPLE, schema, shardCount, lifecycleDays);
    }

    @Override
    public void createBlobTopic(
            String project, String topic, int shardCount, int lifecycleDays, String comment) {
        ObjectNode body = topicCreation(shardCount, lifecycleDays, "BLOB");
        body.put("Comment", nonNull(comment, "comment")).put("ExpandMode", "");
        createTopic(project, topic, body, RecordType.BLOB, null, shardCount, lifecycleDays);
    }

    /** Sends a CreateTopic, resolving an ambiguous failure by looking the topic up. */
    private void createTopic(
            String project,
            String topic,
            ObjectNode body,
            RecordType type,
            RecordSchema schema,
            int shardCount,
            int lifecycleDays) {
        String comment = body.path("Comment").asText();
        nonIdempotent.run(
                "CreateTopic " + project + "/" + topic,
                () -> json.sendNonIdempotent("POST", topicPath(project, topic), body),
                () -> {
                    TopicInfo existing = getTopic(project, topic);
                    return existing.recordType() == type
                            && Objects.equals(existing.schema(), schema)
                            && existing.shardCount() == shardCount
                            && existing.lifecycleDays() == lifecycleDays
                            && existing.comment().equals(comment);
                });
    }

    private static ObjectNode topicCreation(int shardCount, int lifecycleDays, String type) {
        if (shardCount <= 0) {
            throw new IllegalArgumentException("shardCount must be > 0 but was " + shardCount);
        }
        if (lifecycleDays <= 0) {
            throw new IllegalArgumentException(
                    "lifecycleDays must be > 0 but was " + lifecycleDays);
        }
        return object().put("Action", "create")
                .put("ShardCount", shardCount)
                .put("Lifecycle", lifecycleDays)
                .put("RecordType", type);
    }

    @Override
    public void updateTopic(String project, String topic, String comment, Integer lifecycleDays) {
        ObjectNode body = object().put("Comment", nonNull(comment, "comment"));
        if (lifecycleDays != null) {
            body.put("Lifecycle", lifecycleDays);
        }
        json.send("PUT", topicPath(project, topic), body);
    }

    @Override
    public void deleteTopic(String project, String topic) {
        json.send("DELETE", topicPath(project, topic), null);
    }

    @Override
    public void appendField(String project, String topic, Field field) {
        if (!field.nullable()) {
            throw new IllegalArgumentException(
                    "Appended field '" + field.name() + "' must be nullable");
        }
        ObjectNode entry = object().put("Name", field.name()).put("Type", field.type().name());
        entry.put("Comment", field.comment());
        ObjectNode body = object().put("Action", "AppendField");
        body.putArray("Fields").add(entry);
        nonIdempotent.run(
                "AppendField " + project + "/" + topic,
                () -> json.sendNonIdempotent("POST", topicPath(project, topic), body),
                () -> {
                    RecordSchema schema = getTopic(project, topic).schema();
                    int index = schema == null ? -1 : schema.indexOf(field.name());
                    return index >= 0 && schema.field(index).type() == field.type();
                });
    }

    // ---- shards

    @Override
    public List<ShardInfo> listShards(String project, String topic) {
        return shardListing(project, topic).shards();
    }

    @Override
    public ShardListing shardListing(String project, String topic) {
        return ControlPlaneJson.shardListing(json.get(topicPath(project, topic) + "/shards"));
    }

    @Override
    public List<ShardRange> splitShard(String project, String topic, String shardId) {
        return shardAdmin.splitShard(project, topic, shardId);
    }

    @Override
    public List<ShardRange> splitShard(
            String project, String topic, String shardId, String splitKey) {
        return shardAdmin.splitShard(project, topic, shardId, splitKey);
    }

    @Override
    public ShardRange mergeShard(
            String project, String topic, String shardId, String adjacentShardId) {
        return shardAdmin.mergeShard(project, topic, shardId, adjacentShardId);
    }

    @Override
    public boolean waitForShardsReady(String project, String topic, Duration timeout) {
        return shardAdmin.waitForShardsReady(project, topic, timeout);
    }

    @Override
    public ShardMeterInfo getShardMeterInfo(String project, String topic, String shardId) {
        return ControlPlaneJson.meter(
                json.send(
                        "POST",
                        shardPath(project, topic, shardId),
                        object().put("Action", "meter")));
    }

    // ---- cursors and records

    @Override
    public CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter) {
        ObjectNode body = object().put("Action", "cursor").put("Type", type.name());
        if (type == CursorType.SYSTEM_TIME) {
            body.put("SystemTime", parameter);
        } else if (type == CursorType.SEQUENCE) {
            if (parameter < 0) {
                throw new IllegalArgumentException(
                        "SEQUENCE cursor needs a sequence >= 0 but got " + parameter);
            }
            body.put("Sequence", parameter);
        }
        return ControlPlaneJson.cursor(json.send("POST", shardPath(project, topic, shardId), body));
    }

    // Each record call is prepared once and then sent asynchronously (AsyncCall) or, for the
    // blocking methods, on the caller's thread (BlockingCall, which saves two thread hand-offs
    // per call). Either way the transport is the only retry layer.

    @Override
    public CompletableFuture<GetRecordsResult> getRecordsAsync(
            String project,
            String topic,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema) {
        CompletableFuture<GetRecordsResult> first =
                records.async(
                        records.getRecords(
                                project,
                                topic,
                                shardPath(project, topic, shardId),
                                shardId,
                                cursor,
                                limit,
                                schema));
        if (protocol != BodyProtocol.BATCH) {
            return first;
        }
        CompletableFuture<GetRecordsResult> result =
                first.exceptionallyCompose(
                        e -> {
                            UnknownSchemaVersionException unknown = unknownVersion(e);
                            if (unknown == null) {
                                return CompletableFuture.failedFuture(e);
                            }
                            // Rare (once per version and client): fetch it off the I/O thread.
                            return CompletableFuture.runAsync(
                                            () ->
                                                    schemaVersions.fetch(
                                                            project, topic, unknown.version()))
                                    .thenCompose(
                                            ignored ->
                                                    getRecordsAsync(
                                                            project, topic, shardId, cursor, limit,
                                                            schema));
                        });
        // Cancelling the returned future must still cancel the HTTP call (RecordClient contract).
        result.whenComplete(
                (r, e) -> {
                    if (result.isCancelled()) {
                        first.cancel(true);
                    }
                });
        return result;
    }

    private static UnknownSchemaVersionException unknownVersion(Throwable e) {
        while (e != null) {
            if (e instanceof UnknownSchemaVersionException u) {
                return u;
            }
            e = e.getCause();
        }
        return null;
    }

    @Override
    public GetRecordsResult getRecords(
            String project,
            String topic,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema) {
        while (true) {
            try {
                return records.blocking(
                        records.getRecords(
                                project,
                                topic,
                                shardPath(project, topic, shardId),
                                shardId,
                                cursor,
                                limit,
                                schema));
            } catch (UnknownSchemaVersionException unknown) {
                schemaVersions.fetch(project, topic, unknown.version());
            }
        }
    }

    @Override
    public CompletableFuture<PutRecordsResult> putRecordsAsync(
            String project, String topic, List<PutRecord> putRecords) {
        records.checkPutRecords(putRecords);
        List<PutRecord> copy = List.copyOf(putRecords);
        String path = topicPath(project, topic) + "/shards";
        return records.asyncOffCaller(() -> records.putRecords(path, copy));
    }

    @Override
    public PutRecordsResult putRecords(String project, String topic, List<PutRecord> putRecords) {
        return records.blocking(
                records.putRecords(topicPath(project, topic) + "/shards", putRecords));
    }

    @Override
    public CompletableFuture<Void> putRecordsByShardAsync(
            String project, String topic, String shardId, List<PutRecord> putRecords) {
        records.checkPutRecordsByShard(putRecords);
        List<PutRecord> copy = List.copyOf(putRecords);
        String path = shardPath(project, topic, shardId);
        return records.asyncOffCaller(() -> records.putRecordsByShard(project, topic, path, copy));
    }

    @Override
    public void putRecordsByShard(
            String project, String topic, String shardId, List<PutRecord> putRecords) {
        records.blocking(
                records.putRecordsByShard(
                        project, topic, shardPath(project, topic, shardId), putRecords));
    }

    @Override
    public CompletableFuture<Void> putRecordsByShardAsync(
            String project, String topic, String shardId, EncodedRecords encoded) {
        RecordCalls.checkEncoded(encoded);
        String path = shardPath(project, topic, shardId);
        return records.asyncOffCaller(
                () -> records.putRecordsByShard(project, topic, path, encoded));
    }

    @Override
    public EncodedRecords preparePut(EncodedRecords encoded) {
        return records.preparePut(encoded);
    }

    @Override
    public void putRecordsByShard(
            String project, String topic, String shardId, EncodedRecords encoded) {
        records.blocking(
                records.putRecordsByShard(
                        project, topic, shardPath(project, topic, shardId), encoded));
    }

    // ---- schema registry

    @Override
    public List<TopicSchema> listSchemas(String project, String topic) {
        return schemaRegistry.listSchemas(project, topic);
    }

    @Override
    public TopicSchema getSchema(String project, String topic, int versionId) {
        return schemaRegistry.getSchema(project, topic, versionId);
    }

    @Override
    public int registerSchema(String project, String topic, RecordSchema schema) {
        return schemaRegistry.registerSchema(project, topic, schema);
    }

    @Override
    public void deleteSchema(String project, String topic, int versionId) {
        schemaRegistry.deleteSchema(project, topic, versionId);
    }

    // ---- subscriptions and offsets

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
            String project, String topic, int pageIndex, int pageSize) {
        return subscriptions.listSubscriptions(project, topic, pageIndex, pageSize);
    }

    @Override
    public void updateSubscriptionComment(
            String project, String topic, String subId, String comment) {
        subscriptions.updateSubscriptionComment(project, topic, subId, comment);
    }

    @Override
    public void updateSubscriptionState(
            String project, String topic, String subId, boolean online) {
        subscriptions.updateSubscriptionState(project, topic, subId, online);
    }

    @Override
    public void deleteSubscription(String project, String topic, String subId) {
        subscriptions.deleteSubscription(project, topic, subId);
    }

    @Override
    public Map<String, SubscriptionOffset> openOffsetSession(
            String project, String topic, String subId, Collection<String> shardIds) {
        return subscriptions.openOffsetSession(project, topic, subId, shardIds);
    }

    @Override
    public Map<String, SubscriptionOffset> getOffsets(
            String project, String topic, String subId, Collection<String> shardIds) {
        return subscriptions.getOffsets(project, topic, subId, shardIds);
    }

    @Override
    public void commitOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets) {
        subscriptions.commitOffsets(project, topic, subId, offsets);
    }

    @Override
    public void resetOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets) {
        subscriptions.resetOffsets(project, topic, subId, offsets);
    }

    @Override
    public void close() {
        transport.close();
    }
}
