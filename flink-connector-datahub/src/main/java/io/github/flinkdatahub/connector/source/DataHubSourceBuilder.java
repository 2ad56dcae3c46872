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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;

import org.apache.flink.annotation.PublicEvolving;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link DataHubSource}. Every setting is validated in {@link #build()}; a wrong value
 * fails with a message naming the setter and the allowed values. Defaults are in the setter Javadoc
 * and in {@code docs/source.md}.
 */
@PublicEvolving
public final class DataHubSourceBuilder<T> {

    /** The service maximum and default records per GetRecords call. */
    public static final int MAX_RECORDS_PER_FETCH = 1000;

    private DataHubClientConfig clientConfig;
    private DataHubClientFactory clientFactory;
    private String project;
    private List<String> topics = List.of();
    private DataHubRecordDeserializationSchema<T> deserializer;
    private StartingPosition startingPosition = StartingPosition.earliest();
    private StoppingPosition stoppingPosition;
    private String subscriptionId;
    private int recordsPerFetch = MAX_RECORDS_PER_FETCH;
    private Duration idleShardPollInterval = Duration.ofMillis(500);
    private Duration shardDiscoveryInterval = Duration.ofSeconds(30);
    private int fetchesInFlight = 4;
    private ExpiredPositionPolicy expiredPositionPolicy = ExpiredPositionPolicy.FAIL;
    private SubscriptionConflictPolicy subscriptionConflictPolicy =
            SubscriptionConflictPolicy.LOG_AND_CONTINUE;
    private int fetchRetries = 10;
    private Duration maxFetchBackoff = Duration.ofSeconds(10);

    DataHubSourceBuilder() {}

    /** The client settings (endpoint, credentials, protocol, compression, client retries). */
    public DataHubSourceBuilder<T> setClientConfig(DataHubClientConfig clientConfig) {
        this.clientConfig = clientConfig;
        return this;
    }

    /** Instead of a config: the factory the enumerator and readers get their clients from. */
    public DataHubSourceBuilder<T> setClientFactory(DataHubClientFactory clientFactory) {
        this.clientFactory = clientFactory;
        return this;
    }

    /** The DataHub project (required). */
    public DataHubSourceBuilder<T> setProject(String project) {
        this.project = project;
        return this;
    }

    /** One or more topics of the project (required). */
    public DataHubSourceBuilder<T> setTopics(String... topics) {
        this.topics = topics == null ? List.of() : Arrays.asList(topics);
        return this;
    }

    /** Turns records into elements (required). */
    public DataHubSourceBuilder<T> setDeserializer(
            DataHubRecordDeserializationSchema<T> deserializer) {
        this.deserializer = deserializer;
        return this;
    }

    /** Where a new job starts; default {@link StartingPosition#earliest()}. */
    public DataHubSourceBuilder<T> setStartingPosition(StartingPosition startingPosition) {
        this.startingPosition = startingPosition;
        return this;
    }

    /** Makes the source bounded; default none (unbounded). */
    public DataHubSourceBuilder<T> setStoppingPosition(StoppingPosition stoppingPosition) {
        this.stoppingPosition = stoppingPosition;
        return this;
    }

    /** A DataHub subscription to commit offsets to on completed checkpoints (one topic only). */
    public DataHubSourceBuilder<T> setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
        return this;
    }

    /** Records per GetRecords call, 1..1000; default 1000. */
    public DataHubSourceBuilder<T> setRecordsPerFetch(int recordsPerFetch) {
        this.recordsPerFetch = recordsPerFetch;
        return this;
    }

    /** Pause before polling a shard again after an empty read, 1 ms..1 h; default 500 ms. */
    public DataHubSourceBuilder<T> setIdleShardPollInterval(Duration interval) {
        this.idleShardPollInterval = interval;
        return this;
    }

    /** How often the enumerator lists shards (unbounded only), 100 ms..1 day; default 30 s. */
    public DataHubSourceBuilder<T> setShardDiscoveryInterval(Duration interval) {
        this.shardDiscoveryInterval = interval;
        return this;
    }

    /** GetRecords calls one reader keeps in flight across its shards, 1..64; default 4. */
    public DataHubSourceBuilder<T> setFetchesInFlight(int fetchesInFlight) {
        this.fetchesInFlight = fetchesInFlight;
        return this;
    }

    /** What to do when a position to continue from has expired; default FAIL. */
    public DataHubSourceBuilder<T> setExpiredPositionPolicy(ExpiredPositionPolicy policy) {
        this.expiredPositionPolicy = policy;
        return this;
    }

    /** What to do when an offset commit meets a session change or reset; default log. */
    public DataHubSourceBuilder<T> setSubscriptionConflictPolicy(
            SubscriptionConflictPolicy policy) {
        this.subscriptionConflictPolicy = policy;
        return this;
    }

    /**
     * Consecutive failed fetches of one shard, each after the client's own retries, that a reader
     * tolerates (backing off in between) before failing the job, 0..1000; default 10.
     */
    public DataHubSourceBuilder<T> setFetchRetries(int fetchRetries) {
        this.fetchRetries = fetchRetries;
        return this;
    }

    /** Cap of the reader's backoff between failed fetches, 1 ms..10 min; default 10 s. */
    public DataHubSourceBuilder<T> setMaxFetchBackoff(Duration maxFetchBackoff) {
        this.maxFetchBackoff = maxFetchBackoff;
        return this;
    }

    /** Validates everything and builds the source. */
    public DataHubSource<T> build() {
        if ((clientConfig == null) == (clientFactory == null)) {
            throw new IllegalArgumentException(
                    "Set exactly one of setClientConfig(DataHubClientConfig) and"
                            + " setClientFactory(DataHubClientFactory)");
        }
        DataHubClientFactory factory =
                clientFactory != null ? clientFactory : DataHubClientFactory.of(clientConfig);
        requireText(project, "setProject(String)", "a DataHub project name");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("setTopics(String...) needs at least one topic");
        }
        for (String t : topics) {
            requireText(t, "setTopics(String...)", "non-empty topic names");
        }
        if (new LinkedHashSet<>(topics).size() != topics.size()) {
            throw new IllegalArgumentException("setTopics(String...) got a topic twice: " + topics);
        }
        Objects.requireNonNull(
                deserializer, "setDeserializer(DataHubRecordDeserializationSchema) is required");
        Objects.requireNonNull(startingPosition, "setStartingPosition must not be null");
        Objects.requireNonNull(expiredPositionPolicy, "setExpiredPositionPolicy must not be null");
        Objects.requireNonNull(
                subscriptionConflictPolicy, "setSubscriptionConflictPolicy must not be null");
        if (subscriptionId != null) {
            requireText(subscriptionId, "setSubscriptionId(String)", "a subscription id");
            if (topics.size() != 1) {
                throw new IllegalArgumentException(
                        "setSubscriptionId(String): a DataHub subscription belongs to one topic,"
                                + " but setTopics got "
                                + topics.size());
            }
        }
        if (startingPosition.kind() == StartingPosition.Kind.SUBSCRIPTION
                && subscriptionId == null) {
            throw new IllegalArgumentException(
                    "setStartingPosition(StartingPosition.subscription(..)) needs"
                            + " setSubscriptionId(String)");
        }
        range("setRecordsPerFetch(int)", recordsPerFetch, 1, MAX_RECORDS_PER_FETCH);
        range("setFetchesInFlight(int)", fetchesInFlight, 1, 64);
        range("setFetchRetries(int)", fetchRetries, 0, 1000);
        duration(
                "setIdleShardPollInterval(Duration)",
                idleShardPollInterval,
                Duration.ofMillis(1),
                Duration.ofHours(1));
        duration(
                "setShardDiscoveryInterval(Duration)",
                shardDiscoveryInterval,
                Duration.ofMillis(100),
                Duration.ofDays(1));
        duration(
                "setMaxFetchBackoff(Duration)",
                maxFetchBackoff,
                Duration.ofMillis(1),
                Duration.ofMinutes(10));
        DataHubSourceConfig config =
                new DataHubSourceConfig(
                        factory,
                        project,
                        topics,
                        startingPosition,
                        stoppingPosition,
                        subscriptionId,
                        recordsPerFetch,
                        idleShardPollInterval,
                        shardDiscoveryInterval,
                        fetchesInFlight,
                        expiredPositionPolicy,
                        subscriptionConflictPolicy,
                        fetchRetries,
                        maxFetchBackoff);
        return new DataHubSource<>(config, deserializer);
    }

    private static void requireText(String value, String setter, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setter + " needs " + what + ", got " + value);
        }
    }

    private static void range(String setter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    setter + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void duration(String setter, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    setter + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
