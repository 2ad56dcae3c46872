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

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.PutRecord;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.time.Duration;

/**
 * Builds a {@link DataHubSink}; {@link #build()} validates every setting and names the setter and
 * the allowed range of a wrong one.
 *
 * <p>Retries belong to the sink (one layer): with {@link #setClientConfig} the sink turns the
 * client's own retries off; a factory given with {@link #setClientFactory} should make clients with
 * {@code maxRetries(0)} for the same reason.
 *
 * @param <T> the element type
 */
@PublicEvolving
public final class DataHubSinkBuilder<T> {

    static final int DEFAULT_MAX_BATCH_RECORDS = 1000;
    static final long DEFAULT_MAX_BATCH_BYTES = 2L * 1024 * 1024;
    static final Duration DEFAULT_MAX_LINGER = Duration.ofMillis(100);
    static final int DEFAULT_MAX_IN_FLIGHT = 8;
    static final long DEFAULT_MAX_STAGED_BYTES = 256L * 1024 * 1024;
    static final int DEFAULT_MAX_RETRIES = 10;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

    private DataHubClientConfig clientConfig;
    private BodyProtocol factoryProtocol = BodyProtocol.PROTOBUF;
    private DataHubClientFactory clientFactory;
    private String project;
    private String topic;
    private DataHubRecordSerializationSchema<T> serializer;
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    private ShardRouting routing = ShardRouting.ROUND_ROBIN;
    private String fixedShardId;
    private int maxBatchRecords = DEFAULT_MAX_BATCH_RECORDS;
    private long maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
    private Duration maxLinger = DEFAULT_MAX_LINGER;
    private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT;
    private long maxStagedBytes = DEFAULT_MAX_STAGED_BYTES;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

    DataHubSinkBuilder() {}

    /** The client settings (endpoint, credentials, protocol, compression); or a factory. */
    public DataHubSinkBuilder<T> setClientConfig(DataHubClientConfig config) {
        this.clientConfig = config;
        return this;
    }

    /** Where writers and committers get their clients (tests pass an in-memory fake's). */
    public DataHubSinkBuilder<T> setClientFactory(DataHubClientFactory factory) {
        return setClientFactory(factory, BodyProtocol.PROTOBUF);
    }

    /**
     * A factory whose clients speak this protocol: requests are packed by the sizes records take in
     * it (a batch-mode record can be larger than its protobuf form).
     */
    public DataHubSinkBuilder<T> setClientFactory(
            DataHubClientFactory factory, BodyProtocol protocol) {
        this.clientFactory = factory;
        this.factoryProtocol = protocol;
        return this;
    }

    /** Required: the DataHub project. */
    public DataHubSinkBuilder<T> setProject(String project) {
        this.project = project;
        return this;
    }

    /** Required: the topic in the project. */
    public DataHubSinkBuilder<T> setTopic(String topic) {
        this.topic = topic;
        return this;
    }

    /** Required: turns elements into records. */
    public DataHubSinkBuilder<T> setSerializer(DataHubRecordSerializationSchema<T> serializer) {
        this.serializer = serializer;
        return this;
    }

    /** NONE, AT_LEAST_ONCE (default) or EXACTLY_ONCE. */
    public DataHubSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
        this.deliveryGuarantee = guarantee;
        return this;
    }

    /** ROUND_ROBIN (default), PARTITION_KEY or HASH_KEY; FIXED_SHARD via {@link #setFixedShard}. */
    public DataHubSinkBuilder<T> setRouting(ShardRouting routing) {
        this.routing = routing;
        return this;
    }

    /** Sends every record to this shard (routing FIXED_SHARD). */
    public DataHubSinkBuilder<T> setFixedShard(String shardId) {
        this.routing = ShardRouting.FIXED_SHARD;
        this.fixedShardId = shardId;
        return this;
    }

    /** Records per put request, 1..10,000. Default 1,000. */
    public DataHubSinkBuilder<T> setMaxBatchRecords(int maxBatchRecords) {
        this.maxBatchRecords = maxBatchRecords;
        return this;
    }

    /** Estimated encoded bytes per put request, 1 KiB..4 MiB. Default 2 MiB. */
    public DataHubSinkBuilder<T> setMaxBatchBytes(long maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
        return this;
    }

    /** How long a partly filled batch waits for more records, 0..10 min. Default 100 ms. */
    public DataHubSinkBuilder<T> setMaxLinger(Duration maxLinger) {
        this.maxLinger = maxLinger;
        return this;
    }

    /** Put requests in flight per writer (at most one per shard), 1..1,000. Default 8. */
    public DataHubSinkBuilder<T> setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
        return this;
    }

    /**
     * EXACTLY_ONCE: bytes a writer may stage between two checkpoints, from max batch bytes to 8
     * GiB. Default 256 MiB.
     */
    public DataHubSinkBuilder<T> setMaxStagedBytes(long maxStagedBytes) {
        this.maxStagedBytes = maxStagedBytes;
        return this;
    }

    /** Retries of one request after throttling or a 5xx error, 0..1,000. Default 10. */
    public DataHubSinkBuilder<T> setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        return this;
    }

    /** First backoff and its cap (full jitter, doubling), 1 ms..10 min. Default 100 ms / 10 s. */
    public DataHubSinkBuilder<T> setRetryBackoff(Duration initial, Duration max) {
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /** Validates everything and builds the sink. */
    public DataHubSink<T> build() {
        require(
                (clientConfig == null) != (clientFactory == null),
                "Exactly one of setClientConfig or setClientFactory is required");
        require(
                clientFactory == null || factoryProtocol != null,
                "setClientFactory: protocol must be JSON, PROTOBUF or BATCH");
        require(project != null && !project.isBlank(), "setProject is required");
        require(topic != null && !topic.isBlank(), "setTopic is required");
        require(serializer != null, "setSerializer is required");
        require(
                deliveryGuarantee != null,
                "setDeliveryGuarantee must be NONE, AT_LEAST_ONCE or EXACTLY_ONCE");
        require(
                routing != null,
                "setRouting must be ROUND_ROBIN, PARTITION_KEY, HASH_KEY or FIXED_SHARD");
        require(
                routing != ShardRouting.FIXED_SHARD
                        || (fixedShardId != null && !fixedShardId.isBlank()),
                "Routing FIXED_SHARD needs setFixedShard(shardId)");
        require(
                maxBatchRecords >= 1 && maxBatchRecords <= PutRecord.MAX_RECORDS_PER_REQUEST,
                "setMaxBatchRecords must be in 1..10000 (the service's limit) but was "
                        + maxBatchRecords);
        require(
                maxBatchBytes >= 1024 && maxBatchBytes <= PutRecord.MAX_REQUEST_BYTES,
                "setMaxBatchBytes must be in 1024..4194304 (4 MiB, the service's limit) but was "
                        + maxBatchBytes);
        require(
                maxLinger != null
                        && !maxLinger.isNegative()
                        && maxLinger.compareTo(Duration.ofMinutes(10)) <= 0,
                "setMaxLinger must be in 0..10 min but was " + maxLinger);
        require(
                maxInFlightRequests >= 1 && maxInFlightRequests <= 1000,
                "setMaxInFlightRequests must be in 1..1000 but was " + maxInFlightRequests);
        require(
                maxStagedBytes >= maxBatchBytes && maxStagedBytes <= 8L * 1024 * 1024 * 1024,
                "setMaxStagedBytes must be in "
                        + maxBatchBytes
                        + " (setMaxBatchBytes)..8589934592 (8 GiB) but was "
                        + maxStagedBytes);
        require(
                maxRetries >= 0 && maxRetries <= 1000,
                "setMaxRetries must be in 0..1000 but was " + maxRetries);
        require(
                positiveAtMost(initialBackoff) && positiveAtMost(maxBackoff),
                "setRetryBackoff durations must be in 1 ms..10 min but were "
                        + initialBackoff
                        + " and "
                        + maxBackoff);
        require(
                maxBackoff.compareTo(initialBackoff) >= 0,
                "setRetryBackoff: max ("
                        + maxBackoff
                        + ") must be >= initial ("
                        + initialBackoff
                        + ")");
        DataHubClientFactory factory =
                clientFactory != null
                        ? clientFactory
                        : DataHubClientFactory.of(
                                // The sink owns retries: the client must not retry underneath.
                                clientConfig.toBuilder()
                                        .maxRetries(0)
                                        .retryWritesAllowingDuplicates(false)
                                        .build());
        return new DataHubSink<>(
                new SinkSettings(
                        project,
                        topic,
                        factory,
                        clientConfig != null ? clientConfig.protocol() : factoryProtocol,
                        deliveryGuarantee,
                        routing,
                        fixedShardId,
                        maxBatchRecords,
                        maxBatchBytes,
                        maxLinger,
                        maxInFlightRequests,
                        maxStagedBytes,
                        maxRetries,
                        initialBackoff,
                        maxBackoff),
                serializer);
    }

    private static boolean positiveAtMost(Duration d) {
        return d != null && d.toMillis() >= 1 && d.compareTo(Duration.ofMinutes(10)) <= 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
