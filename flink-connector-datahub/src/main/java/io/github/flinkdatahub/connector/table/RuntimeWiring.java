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

package io.github.flinkdatahub.connector.table;

import io.github.flinkdatahub.connector.sink.DataHubSink;
import io.github.flinkdatahub.connector.sink.DataHubSinkBuilder;
import io.github.flinkdatahub.connector.sink.ShardRouting;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;
import io.github.flinkdatahub.connector.source.DataHubSource;
import io.github.flinkdatahub.connector.source.ExpiredPositionPolicy;
import io.github.flinkdatahub.connector.source.StartingPosition;
import io.github.flinkdatahub.connector.source.StoppingPosition;

import org.apache.flink.table.data.RowData;

import java.time.Duration;

/** Maps the parsed SQL options onto the DataStream source and sink builders. */
final class RuntimeWiring {

    /** The sink builder's bounds for its retry back-off and linger. */
    private static final Duration MIN_BACKOFF = Duration.ofMillis(1);

    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    private RuntimeWiring() {}

    /** The source of a table scan. */
    static DataHubSource<RowData> source(
            ConnectionOptions connection,
            SourceOptions options,
            DataHubRecordDeserializationSchema<RowData> deserializer) {
        var builder =
                DataHubSource.<RowData>builder()
                        .setClientConfig(connection.toClientConfig())
                        .setProject(connection.project())
                        .setTopics(connection.topic())
                        .setDeserializer(deserializer)
                        .setStartingPosition(startingPosition(options))
                        .setRecordsPerFetch(options.recordsPerFetch())
                        .setIdleShardPollInterval(options.idleFetchDelay())
                        .setShardDiscoveryInterval(options.shardDiscoveryInterval())
                        .setExpiredPositionPolicy(
                                options.expiredPosition() == ExpiredPositionStrategy.EARLIEST
                                        ? ExpiredPositionPolicy.EARLIEST
                                        : ExpiredPositionPolicy.FAIL);
        if (options.subscriptionId() != null) {
            builder.setSubscriptionId(options.subscriptionId());
        }
        StoppingPosition stop = stoppingPosition(options);
        if (stop != null) {
            builder.setStoppingPosition(stop);
        }
        return builder.build();
    }

    static StartingPosition startingPosition(SourceOptions options) {
        StartingPosition.Fallback fallback =
                options.startupFallback() == StartupFallback.LATEST
                        ? StartingPosition.Fallback.LATEST
                        : StartingPosition.Fallback.EARLIEST;
        switch (options.startupMode()) {
            case LATEST:
                return StartingPosition.latest();
            case TIMESTAMP:
                return StartingPosition.timestamp(options.startupTimestampMillis());
            case SPECIFIC_SEQUENCES:
                return StartingPosition.sequences(options.startupSequences(), fallback);
            case SUBSCRIPTION:
                return StartingPosition.subscription(fallback);
            default:
                return StartingPosition.earliest();
        }
    }

    /** The stop of a bounded scan, or null for an unbounded one. */
    static StoppingPosition stoppingPosition(SourceOptions options) {
        switch (options.boundedMode()) {
            case LATEST:
                return StoppingPosition.latest();
            case TIMESTAMP:
                return StoppingPosition.timestamp(options.boundedTimestampMillis());
            case SPECIFIC_SEQUENCES:
                return StoppingPosition.sequences(options.boundedSequences());
            default:
                return null;
        }
    }

    /** The sink of a table write. */
    static DataHubSink<RowData> sink(
            ConnectionOptions connection,
            SinkOptions options,
            DataHubRowDataSerializationSchema serializer) {
        Duration initial = clamp(connection.retryInterval(), MIN_BACKOFF);
        Duration max = clamp(connection.maxBackoff(), initial);
        Duration linger =
                options.flushInterval().compareTo(MAX_DURATION) > 0
                        ? MAX_DURATION
                        : options.flushInterval();
        DataHubSinkBuilder<RowData> builder =
                DataHubSink.<RowData>builder()
                        // The builder turns the client's retries off: the sink retries itself.
                        .setClientConfig(connection.toClientConfig())
                        .setProject(connection.project())
                        .setTopic(connection.topic())
                        .setSerializer(serializer)
                        .setDeliveryGuarantee(options.deliveryGuarantee())
                        .setRouting(routing(options.partitioner(), serializer))
                        .setMaxBatchRecords(options.maxBufferedRows())
                        .setMaxBatchBytes(Math.max(1024, options.maxBufferedBytes()))
                        .setMaxLinger(linger)
                        .setMaxRetries(Math.min(1000, connection.maxRetries()))
                        .setRetryBackoff(initial, max);
        return builder.build();
    }

    private static ShardRouting routing(
            SinkPartitioner partitioner, DataHubRowDataSerializationSchema serializer) {
        switch (partitioner) {
            case HASH:
            case PARTITION_KEY:
                return ShardRouting.PARTITION_KEY;
            case FIXED:
                return ShardRouting.HASH_KEY;
            default:
                return serializer.routesByHashKey()
                        ? ShardRouting.HASH_KEY
                        : ShardRouting.ROUND_ROBIN;
        }
    }

    private static Duration clamp(Duration value, Duration min) {
        Duration atLeast = value.compareTo(min) < 0 ? min : value;
        return atLeast.compareTo(MAX_DURATION) > 0 ? MAX_DURATION : atLeast;
    }
}
