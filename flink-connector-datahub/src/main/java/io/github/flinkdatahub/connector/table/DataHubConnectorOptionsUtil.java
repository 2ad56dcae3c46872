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

import io.github.flinkdatahub.connector.client.CompressionType;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.factories.FactoryUtil;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;

import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.*;

/**
 * Cross-option validation of DataHub table options: turns a {@link ReadableConfig} into {@link
 * ConnectionOptions}, {@link SourceOptions} and {@link SinkOptions}, failing with a {@link
 * ValidationException} that names the option (and its commercial fallback key) and the allowed
 * values. Secret values never appear in a message.
 */
public final class DataHubConnectorOptionsUtil {

    /** The service's limit on records per GetRecords call. */
    static final int MAX_RECORDS_PER_FETCH = 1000;

    /** The service's limit on records per PutRecords call. */
    static final int MAX_ROWS_PER_PUT = 10_000;

    /** The service's limit on an HTTP request body. */
    static final MemorySize MAX_BYTES_PER_PUT = MemorySize.parse("4mb");

    private DataHubConnectorOptionsUtil() {}

    // ------------------------------------------------------------------ connection

    /** Endpoint, project, topic, credentials, protocol, compression and retry bounds. */
    public static ConnectionOptions connectionOptions(ReadableConfig config) {
        return connectionOptions(config, true);
    }

    /**
     * The connection options; without {@code withTopic} (a catalog's connection), project and topic
     * are not read and are null.
     */
    public static ConnectionOptions connectionOptions(ReadableConfig config, boolean withTopic) {
        String endpoint = required(config, ENDPOINT);
        String project = withTopic ? required(config, PROJECT) : null;
        String topic = withTopic ? required(config, TOPIC) : null;
        String id = blankToNull(config.get(ACCESS_KEY_ID));
        String secret = blankToNull(config.get(ACCESS_KEY_SECRET));
        String token = blankToNull(config.get(SECURITY_TOKEN));
        if ((id == null) != (secret == null)) {
            throw new ValidationException(
                    String.format(
                            "%s and %s must be set together (or neither, for unsigned requests"
                                    + " to an emulator); only %s is set.",
                            describe(ACCESS_KEY_ID),
                            describe(ACCESS_KEY_SECRET),
                            id == null ? describe(ACCESS_KEY_SECRET) : describe(ACCESS_KEY_ID)));
        }
        if (token != null && id == null) {
            throw new ValidationException(
                    String.format(
                            "%s needs %s and %s.",
                            describe(SECURITY_TOKEN),
                            describe(ACCESS_KEY_ID),
                            describe(ACCESS_KEY_SECRET)));
        }
        Duration retryTimeout = config.get(RETRY_TIMEOUT);
        Duration retryInterval = config.get(RETRY_INTERVAL);
        requireNotNegative(RETRY_TIMEOUT, retryTimeout);
        requirePositive(RETRY_INTERVAL, retryInterval);
        ConnectionOptions options =
                new ConnectionOptions(
                        endpoint,
                        project,
                        topic,
                        id,
                        secret,
                        token,
                        config.get(PROTOCOL),
                        compression(config),
                        retryTimeout,
                        retryInterval);
        try {
            options.toClientConfig();
        } catch (IllegalArgumentException e) {
            // The client's messages name its own setters; say which option it was.
            throw new ValidationException(
                    "Invalid " + describe(ENDPOINT) + ": " + e.getMessage(), e);
        }
        return options;
    }

    /** Parses 'compression' / 'CompressType': lz4, deflate, none or empty. */
    static CompressionType compression(ReadableConfig config) {
        String value = config.get(COMPRESSION).trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "lz4":
                return CompressionType.LZ4;
            case "deflate":
                return CompressionType.DEFLATE;
            case "none":
            case "":
                return CompressionType.NONE;
            default:
                throw new ValidationException(
                        String.format(
                                "Invalid value '%s' for %s; allowed: 'lz4', 'deflate', 'none'"
                                        + " (or '' for none).",
                                config.get(COMPRESSION), describe(COMPRESSION)));
        }
    }

    /** The zone of 'time-zone' / 'timeZone'. */
    static ZoneId timeZone(ReadableConfig config) {
        String zone = config.get(TIME_ZONE);
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new ValidationException(
                    String.format(
                            "Invalid value '%s' for %s; allowed: a zone id such as 'UTC',"
                                    + " 'Asia/Shanghai' or '+08:00'.",
                            zone, describe(TIME_ZONE)));
        }
    }

    // ------------------------------------------------------------------ scan

    /** The scan options; modes not set explicitly are inferred as the option docs say. */
    public static SourceOptions sourceOptions(ReadableConfig config) {
        ZoneId zone = timeZone(config);
        String subscription = blankToNull(config.get(SCAN_SUBSCRIPTION_ID));

        Long startMillis =
                StartStopPositions.timestamp(
                        config, SCAN_STARTUP_TIMESTAMP_MILLIS, SCAN_STARTUP_TIMESTAMP, zone);
        SortedMap<String, Long> startSequences =
                StartStopPositions.sequences(config, SCAN_STARTUP_SPECIFIC_SEQUENCES);
        Optional<ScanStartupMode> explicitStart = config.getOptional(SCAN_STARTUP_MODE);
        ScanStartupMode start;
        if (explicitStart.isPresent()) {
            start = explicitStart.get();
        } else if (startMillis != null) {
            start = startMillis == -1 ? ScanStartupMode.LATEST : ScanStartupMode.TIMESTAMP;
        } else if (!startSequences.isEmpty()) {
            start = ScanStartupMode.SPECIFIC_SEQUENCES;
        } else if (subscription != null) {
            start = ScanStartupMode.SUBSCRIPTION;
        } else {
            start = ScanStartupMode.EARLIEST;
        }
        if (startMillis != null && startMillis == -1 && explicitStart.isEmpty()) {
            startMillis = null; // the commercial "-1 = latest"
        }
        startMillis =
                StartStopPositions.onlyFor(
                        start == ScanStartupMode.TIMESTAMP,
                        startMillis,
                        SCAN_STARTUP_MODE,
                        start,
                        "timestamp",
                        SCAN_STARTUP_TIMESTAMP_MILLIS,
                        SCAN_STARTUP_TIMESTAMP);
        startSequences =
                StartStopPositions.onlyFor(
                        start == ScanStartupMode.SPECIFIC_SEQUENCES,
                        startSequences,
                        SCAN_STARTUP_MODE,
                        start,
                        "specific-sequences",
                        SCAN_STARTUP_SPECIFIC_SEQUENCES);
        if (startMillis != null && startMillis < 0) {
            throw new ValidationException(
                    String.format(
                            "%s must be >= 0 (epoch milliseconds) with %s = 'timestamp' but was"
                                    + " %d.",
                            describe(SCAN_STARTUP_TIMESTAMP_MILLIS),
                            SCAN_STARTUP_MODE.key(),
                            startMillis));
        }
        if (start == ScanStartupMode.SUBSCRIPTION && subscription == null) {
            throw new ValidationException(
                    String.format(
                            "%s = 'subscription' needs %s.",
                            SCAN_STARTUP_MODE.key(), describe(SCAN_SUBSCRIPTION_ID)));
        }

        Long stopMillis =
                StartStopPositions.timestamp(
                        config, SCAN_BOUNDED_TIMESTAMP_MILLIS, SCAN_BOUNDED_TIMESTAMP, zone);
        SortedMap<String, Long> stopSequences =
                StartStopPositions.sequences(config, SCAN_BOUNDED_SPECIFIC_SEQUENCES);
        Optional<ScanBoundedMode> explicitStop = config.getOptional(SCAN_BOUNDED_MODE);
        ScanBoundedMode stop;
        if (explicitStop.isPresent()) {
            stop = explicitStop.get();
        } else if (stopMillis != null) {
            stop = ScanBoundedMode.TIMESTAMP;
        } else if (!stopSequences.isEmpty()) {
            stop = ScanBoundedMode.SPECIFIC_SEQUENCES;
        } else {
            stop = ScanBoundedMode.UNBOUNDED;
        }
        stopMillis =
                StartStopPositions.onlyFor(
                        stop == ScanBoundedMode.TIMESTAMP,
                        stopMillis,
                        SCAN_BOUNDED_MODE,
                        stop,
                        "timestamp",
                        SCAN_BOUNDED_TIMESTAMP_MILLIS,
                        SCAN_BOUNDED_TIMESTAMP);
        stopSequences =
                StartStopPositions.onlyFor(
                        stop == ScanBoundedMode.SPECIFIC_SEQUENCES,
                        stopSequences,
                        SCAN_BOUNDED_MODE,
                        stop,
                        "specific-sequences",
                        SCAN_BOUNDED_SPECIFIC_SEQUENCES);
        if (stopMillis != null && stopMillis < 0) {
            throw new ValidationException(
                    String.format(
                            "%s must be >= 0 (epoch milliseconds) but was %d.",
                            describe(SCAN_BOUNDED_TIMESTAMP_MILLIS), stopMillis));
        }
        if (startMillis != null && stopMillis != null && stopMillis < startMillis) {
            throw new ValidationException(
                    String.format(
                            "The stop timestamp (%s = %d) is before the start timestamp (%s ="
                                    + " %d).",
                            SCAN_BOUNDED_TIMESTAMP_MILLIS.key(),
                            stopMillis,
                            SCAN_STARTUP_TIMESTAMP_MILLIS.key(),
                            startMillis));
        }
        for (var entry : stopSequences.entrySet()) {
            Long first = startSequences.get(entry.getKey());
            if (first != null && entry.getValue() < first) {
                throw new ValidationException(
                        String.format(
                                "Shard %s stops (%s) at sequence %d, before it starts (%s) at"
                                        + " %d.",
                                entry.getKey(),
                                SCAN_BOUNDED_SPECIFIC_SEQUENCES.key(),
                                entry.getValue(),
                                SCAN_STARTUP_SPECIFIC_SEQUENCES.key(),
                                first));
            }
        }

        int perFetch = config.get(SCAN_RECORDS_PER_FETCH);
        if (perFetch < 1 || perFetch > MAX_RECORDS_PER_FETCH) {
            throw new ValidationException(
                    String.format(
                            "%s must be between 1 and %d (the service limit) but was %d.",
                            describe(SCAN_RECORDS_PER_FETCH), MAX_RECORDS_PER_FETCH, perFetch));
        }
        Duration discovery = config.get(SCAN_SHARD_DISCOVERY_INTERVAL);
        requirePositive(SCAN_SHARD_DISCOVERY_INTERVAL, discovery);
        Duration idle = config.get(SCAN_IDLE_FETCH_DELAY);
        requireNotNegative(SCAN_IDLE_FETCH_DELAY, idle);
        return new SourceOptions(
                start,
                startMillis,
                startSequences,
                subscription,
                config.get(SCAN_STARTUP_SUBSCRIPTION_FALLBACK),
                stop,
                stopMillis,
                stopSequences,
                discovery,
                perFetch,
                idle,
                config.get(SCAN_EXPIRED_POSITION),
                config.get(SCAN_LENGTH_CHECK),
                zone,
                parallelism(config, FactoryUtil.SOURCE_PARALLELISM));
    }

    // ------------------------------------------------------------------ sink

    /**
     * The sink options.
     *
     * @param physicalColumns the table's physical column names, which hash fields must be among
     * @param writableMetadataKeys the metadata keys the table declares for writing
     */
    public static SinkOptions sinkOptions(
            ReadableConfig config,
            List<String> physicalColumns,
            Collection<String> writableMetadataKeys) {
        String hashFields = config.getOptional(SINK_HASH_FIELDS).orElse("");
        List<String> trimmed = new ArrayList<>();
        for (String field : hashFields.split(",")) {
            if (!field.isBlank()) {
                trimmed.add(field.trim());
            }
        }
        Optional<SinkPartitioner> explicit = config.getOptional(SINK_PARTITIONER);
        SinkPartitioner partitioner =
                explicit.orElse(
                        trimmed.isEmpty() ? SinkPartitioner.ROUND_ROBIN : SinkPartitioner.HASH);
        if (partitioner == SinkPartitioner.HASH && trimmed.isEmpty()) {
            throw new ValidationException(
                    String.format(
                            "%s = 'hash' needs %s, a comma-separated list of physical columns"
                                    + " (one of %s).",
                            SINK_PARTITIONER.key(), describe(SINK_HASH_FIELDS), physicalColumns));
        }
        if (partitioner != SinkPartitioner.HASH && !trimmed.isEmpty()) {
            throw new ValidationException(
                    String.format(
                            "%s is only used with %s = 'hash', but the partitioner is '%s'.",
                            describe(SINK_HASH_FIELDS), SINK_PARTITIONER.key(), partitioner));
        }
        for (String field : trimmed) {
            if (!physicalColumns.contains(field)) {
                throw new ValidationException(
                        String.format(
                                "%s names '%s', which is not a physical column; allowed: %s.",
                                describe(SINK_HASH_FIELDS), field, physicalColumns));
            }
        }
        if (partitioner == SinkPartitioner.PARTITION_KEY
                && !writableMetadataKeys.contains(DataHubMetadata.PARTITION_KEY.key())) {
            throw new ValidationException(
                    String.format(
                            "%s = 'partition-key' needs a column declared as `pk STRING"
                                    + " METADATA FROM 'partition-key'`.",
                            SINK_PARTITIONER.key()));
        }
        int rows = config.get(SINK_BUFFER_FLUSH_MAX_ROWS);
        if (rows < 1 || rows > MAX_ROWS_PER_PUT) {
            throw new ValidationException(
                    String.format(
                            "%s must be between 1 and %d (the service limit) but was %d.",
                            describe(SINK_BUFFER_FLUSH_MAX_ROWS), MAX_ROWS_PER_PUT, rows));
        }
        MemorySize bytes = config.get(SINK_BUFFER_FLUSH_MAX_BYTES);
        if (bytes.getBytes() < 1 || bytes.compareTo(MAX_BYTES_PER_PUT) > 0) {
            throw new ValidationException(
                    String.format(
                            "%s must be between 1 byte and 4 mb (the service's request limit)"
                                    + " but was %d bytes.",
                            describe(SINK_BUFFER_FLUSH_MAX_BYTES), bytes.getBytes()));
        }
        Duration interval = config.get(SINK_BUFFER_FLUSH_INTERVAL);
        requirePositive(SINK_BUFFER_FLUSH_INTERVAL, interval);
        return new SinkOptions(
                config.get(SINK_DELIVERY_GUARANTEE),
                partitioner,
                trimmed,
                rows,
                bytes.getBytes(),
                interval,
                parallelism(config, FactoryUtil.SINK_PARALLELISM),
                timeZone(config));
    }

    // ------------------------------------------------------------------ helpers

    /** "'key' (commercial key 'fallback')" for messages. */
    static String describe(ConfigOption<?> option) {
        StringBuilder b = new StringBuilder("'").append(option.key()).append('\'');
        List<String> fallbacks = new ArrayList<>();
        for (FallbackKey key : option.fallbackKeys()) {
            fallbacks.add("'" + key.getKey() + "'");
        }
        if (!fallbacks.isEmpty()) {
            b.append(" (or ").append(String.join(", ", fallbacks)).append(')');
        }
        return b.toString();
    }

    private static Integer parallelism(ReadableConfig config, ConfigOption<Integer> option) {
        Integer value = config.getOptional(option).orElse(null);
        if (value != null && value < 1) {
            throw new ValidationException(
                    String.format("%s must be >= 1 but was %d.", describe(option), value));
        }
        return value;
    }

    private static String required(ReadableConfig config, ConfigOption<String> option) {
        String value = blankToNull(config.get(option));
        if (value == null) {
            throw new ValidationException(
                    String.format("Missing required option %s.", describe(option)));
        }
        return value.trim();
    }

    private static void requirePositive(ConfigOption<Duration> option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new ValidationException(
                    String.format(
                            "%s must be a positive duration but was %s.", describe(option), value));
        }
    }

    private static void requireNotNegative(ConfigOption<Duration> option, Duration value) {
        if (value.isNegative()) {
            throw new ValidationException(
                    String.format("%s must not be negative but was %s.", describe(option), value));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
