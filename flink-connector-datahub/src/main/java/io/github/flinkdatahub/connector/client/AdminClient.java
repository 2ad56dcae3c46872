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
import java.util.List;

/**
 * Administration: projects, topics, resharding, metering and subscriptions. What a catalog, a test
 * fixture or an operator script uses. Implementations are thread-safe.
 */
public interface AdminClient {

    // ---- projects

    /** Lists the names of all projects. */
    List<String> listProjects();

    /** Describes a project. */
    ProjectInfo getProject(String project);

    /**
     * Creates a project.
     *
     * <p>Retries: after an ambiguous failure (a timeout or 5xx once the request was sent, so the
     * service may have created it) the client looks the project up instead of blindly re-sending:
     * if it exists with this comment the call succeeds, if it is absent the create is sent again
     * (within {@code maxRetries}). {@code ProjectAlreadyExist} is raised only when the project
     * existed before, or exists with another comment.
     */
    void createProject(String project, String comment);

    /** Changes a project's comment. */
    void updateProject(String project, String comment);

    /** Deletes an empty project. */
    void deleteProject(String project);

    // ---- topics

    /** Lists the names of a project's topics. */
    List<String> listTopics(String project);

    /**
     * Creates a TUPLE topic with the given schema. An ambiguous failure is resolved as for {@link
     * #createProject}: the topic is looked up and counts as created when its type, schema, shard
     * count, lifecycle and comment match; {@code TopicAlreadyExist} is raised otherwise.
     */
    void createTupleTopic(
            String project,
            String topic,
            int shardCount,
            int lifecycleDays,
            RecordSchema schema,
            String comment);

    /** Creates a BLOB topic; ambiguous failures are resolved as for {@link #createTupleTopic}. */
    void createBlobTopic(
            String project, String topic, int shardCount, int lifecycleDays, String comment);

    /**
     * Changes a topic's comment and, optionally, its lifecycle.
     *
     * @param lifecycleDays new retention in days, or null to keep it
     */
    void updateTopic(String project, String topic, String comment, Integer lifecycleDays);

    /** Deletes a topic and its data. */
    void deleteTopic(String project, String topic);

    /**
     * Appends a nullable field to a TUPLE topic's schema. After an ambiguous failure the client
     * checks whether the schema has the field (with this type) before sending it again.
     */
    void appendField(String project, String topic, Field field);

    // ---- resharding and metering

    /**
     * Splits at the midpoint of the shard's hash-key range (computed like the SDK does). After an
     * ambiguous failure the client lists the shards: two children of this shard mean the split
     * happened (they are returned); otherwise it is sent again.
     */
    List<ShardRange> splitShard(String project, String topic, String shardId);

    /**
     * Splits at the given 128-bit hash key (32 hex digits), which must lie inside the range;
     * ambiguous failures are resolved as for {@link #splitShard(String, String, String)}.
     */
    List<ShardRange> splitShard(String project, String topic, String shardId, String splitKey);

    /**
     * Merges a shard with its right neighbour into one new shard. After an ambiguous failure the
     * client lists the shards: a shard whose parents are these two means the merge happened.
     */
    ShardRange mergeShard(String project, String topic, String shardId, String adjacentShardId);

    /**
     * Polls ListShard until every shard is ACTIVE or CLOSED.
     *
     * @return true when ready, false when the timeout passed first
     */
    boolean waitForShardsReady(String project, String topic, Duration timeout);

    /** Meter info of one shard ({@code NoSuchMeteringInfo} for a shard that never got data). */
    ShardMeterInfo getShardMeterInfo(String project, String topic, String shardId);

    // ---- subscriptions

    /**
     * Creates a subscription.
     *
     * <p>Retries: the service chooses the id, so a re-sent create could make a second subscription.
     * The client therefore re-sends it only when the failure proves nothing was applied (throttled,
     * or the connection failed before the request was sent); after an ambiguous failure (a timeout
     * or 5xx once the request was sent) the error reaches the caller and the subscription may or
     * may not exist (check {@link #listSubscriptions}).
     *
     * @return the new subscription id
     */
    String createSubscription(String project, String topic, String comment);

    /** Describes a subscription. */
    SubscriptionInfo getSubscription(String project, String topic, String subId);

    /**
     * Lists one page of a topic's subscriptions.
     *
     * @param pageIndex 1-based page number
     */
    SubscriptionPage listSubscriptions(String project, String topic, int pageIndex, int pageSize);

    /** Changes a subscription's comment. */
    void updateSubscriptionComment(String project, String topic, String subId, String comment);

    /** Sets a subscription online or offline. */
    void updateSubscriptionState(String project, String topic, String subId, boolean online);

    /** Deletes a subscription. */
    void deleteSubscription(String project, String topic, String subId);

    // ---- schema registry (protocol §4.10)

    /** All registered schema versions of a topic (version 0 is its creation schema). */
    List<TopicSchema> listSchemas(String project, String topic);

    /** One registered schema version of a topic. */
    TopicSchema getSchema(String project, String topic, int versionId);

    /**
     * Registers a schema version for a topic and returns its version id. Not re-sent after an
     * ambiguous failure (a timeout or 5xx once sent), since a second register could add a second
     * version: check {@link #listSchemas} then.
     */
    int registerSchema(String project, String topic, RecordSchema schema);

    /** Deletes a registered schema version. */
    void deleteSchema(String project, String topic, int versionId);
}
