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

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every DataHub operation the connector, the catalog and the tests use.
 *
 * <p>Implementations are thread-safe and hold one connection pool; close the client when done.
 * Control-plane calls always use JSON; record put/get use {@link DataHubClientConfig#protocol()}.
 * Failures are {@link DataHubException}s, already retried as far as the configuration allows.
 *
 * <pre>{@code
 * DataHubClientConfig config = DataHubClientConfig.builder()
 *         .endpoint("https://dh-cn-hangzhou.aliyuncs.com")
 *         .credentials(accessKeyId, accessKeySecret)
 *         .build();
 * try (DataHubClient client = DataHubClient.create(config)) {
 *     TopicInfo topic = client.getTopic("my_project", "my_topic");
 *     client.putRecords("my_project", "my_topic",
 *             List.of(PutRecord.toShard("0", TupleRecord.of(topic.schema(), 1L, "a"))));
 * }
 * }</pre>
 */
public interface DataHubClient extends AutoCloseable {

    /** Creates an HTTP client for the given configuration. */
    static DataHubClient create(DataHubClientConfig config) {
        return new HttpDataHubClient(config);
    }

    // ---- projects

    List<String> listProjects();

    ProjectInfo getProject(String project);

    void createProject(String project, String comment);

    void updateProject(String project, String comment);

    void deleteProject(String project);

    // ---- topics

    List<String> listTopics(String project);

    TopicInfo getTopic(String project, String topic);

    void createTupleTopic(
            String project,
            String topic,
            int shardCount,
            int lifecycleDays,
            RecordSchema schema,
            String comment);

    void createBlobTopic(
            String project, String topic, int shardCount, int lifecycleDays, String comment);

    /**
     * @param lifecycleDays new retention in days, or null to keep it
     */
    void updateTopic(String project, String topic, String comment, Integer lifecycleDays);

    void deleteTopic(String project, String topic);

    /** Appends a nullable field to a TUPLE topic's schema. */
    void appendField(String project, String topic, Field field);

    // ---- shards

    List<ShardInfo> listShards(String project, String topic);

    /** Splits at the midpoint of the shard's hash-key range (computed like the SDK does). */
    List<ShardRange> splitShard(String project, String topic, String shardId);

    /** Splits at the given 128-bit hash key (32 hex digits), which must lie inside the range. */
    List<ShardRange> splitShard(String project, String topic, String shardId, String splitKey);

    ShardRange mergeShard(String project, String topic, String shardId, String adjacentShardId);

    /**
     * Polls ListShard until every shard is ACTIVE or CLOSED.
     *
     * @return true when ready, false when the timeout passed first
     */
    boolean waitForShardsReady(String project, String topic, Duration timeout);

    /** Meter info of one shard ({@code NoSuchMeteringInfo} for a shard that never got data). */
    ShardMeterInfo getShardMeterInfo(String project, String topic, String shardId);

    // ---- cursors and records

    /**
     * @param parameter milliseconds for SYSTEM_TIME, the sequence for SEQUENCE, ignored otherwise
     */
    CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter);

    /** OLDEST or LATEST cursor. */
    default CursorResult getCursor(String project, String topic, String shardId, CursorType type) {
        return getCursor(project, topic, shardId, type, 0L);
    }

    /**
     * Reads up to {@code limit} (1..1000) records from the cursor on.
     *
     * @param schema the topic schema to decode TUPLE records, or null for a BLOB topic
     */
    GetRecordsResult getRecords(
            String project,
            String topic,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema);

    /**
     * Writes records to a topic, each routed by its ShardId, HashKey or PartitionKey. The call
     * succeeds as a whole even when some records fail; check {@link PutRecordsResult}.
     */
    PutRecordsResult putRecords(String project, String topic, List<PutRecord> records);

    /**
     * Writes all records to one shard, failing as a whole (the records' own routing is ignored).
     *
     * <p>Only the protobuf protocol has this call (as in the SDK): with {@link BodyProtocol#JSON}
     * the request is still sent as protobuf, because the service has no JSON variant.
     */
    void putRecordsByShard(String project, String topic, String shardId, List<PutRecord> records);

    // ---- subscriptions and offsets

    /**
     * @return the new subscription id
     */
    String createSubscription(String project, String topic, String comment);

    SubscriptionInfo getSubscription(String project, String topic, String subId);

    /**
     * @param pageIndex 1-based page number
     */
    SubscriptionPage listSubscriptions(String project, String topic, int pageIndex, int pageSize);

    void updateSubscriptionComment(String project, String topic, String subId, String comment);

    void updateSubscriptionState(String project, String topic, String subId, boolean online);

    void deleteSubscription(String project, String topic, String subId);

    /** Opens offset sessions for the shards; returns the committed offsets with session ids. */
    Map<String, SubscriptionOffset> openOffsetSession(
            String project, String topic, String subId, Collection<String> shardIds);

    Map<String, SubscriptionOffset> getOffsets(
            String project, String topic, String subId, Collection<String> shardIds);

    /** Commits offsets; each must carry the current session id and version of its shard. */
    void commitOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets);

    /** Resets offsets (no session needed); increments the version of each shard's offset. */
    void resetOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets);

    /** Releases the connection pool. Never throws. */
    @Override
    void close();
}
