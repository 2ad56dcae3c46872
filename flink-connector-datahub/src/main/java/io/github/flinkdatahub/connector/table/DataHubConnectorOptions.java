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

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.time.Duration;
import java.util.List;

/**
 * Options of the {@code 'connector' = 'datahub'} table factory and the DataHub catalog.
 *
 * <p>Keys of Alibaba's commercial DataHub connector are accepted as fallback keys with the same
 * meaning and units, so that its DDL runs unchanged: a plain number given to a {@link Duration}
 * option is read as milliseconds and a plain number given to a {@link MemorySize} option as bytes,
 * which are the commercial units. {@code startTime}/{@code endTime} strings are parsed by {@link
 * DataHubConnectorOptionsUtil}. Where a commercial default differs, ours applies (docs/sql.md).
 *
 * <pre>{@code
 * CREATE TABLE orders (id BIGINT, amount DECIMAL(10, 2), ts TIMESTAMP_LTZ(6)) WITH (
 *   'connector' = 'datahub', 'endpoint' = 'https://dh-cn-hangzhou.aliyuncs.com',
 *   'project' = 'shop', 'topic' = 'orders',
 *   'access-key-id' = '...', 'access-key-secret' = '...', 'scan.startup.mode' = 'earliest');
 * }</pre>
 */
@PublicEvolving
public final class DataHubConnectorOptions {

    private DataHubConnectorOptions() {}

    // ---------------------------------------------------------------- connection

    /** Region endpoint, e.g. https://dh-cn-hangzhou.aliyuncs.com. */
    public static final ConfigOption<String> ENDPOINT =
            ConfigOptions.key("endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("endPoint")
                    .withDescription(
                            "DataHub endpoint URL, e.g. 'https://dh-cn-hangzhou.aliyuncs.com';"
                                    + " 'http://' is assumed without a scheme.");

    /** DataHub project. */
    public static final ConfigOption<String> PROJECT =
            ConfigOptions.key("project")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("DataHub project of the topic.");

    /** DataHub topic. */
    public static final ConfigOption<String> TOPIC =
            ConfigOptions.key("topic")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "DataHub topic. A TUPLE topic maps columns to fields by name; a BLOB"
                                    + " topic needs 'format' or exactly one BYTES column.");

    /** AccessKey id. */
    public static final ConfigOption<String> ACCESS_KEY_ID =
            ConfigOptions.key("access-key-id")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("accessId")
                    .withDescription(
                            "AccessKey id. Without an AccessKey, requests are sent unsigned (a"
                                    + " local emulator); a catalog table takes the catalog's.");

    /** AccessKey secret; the key contains "secret" so Flink masks its value. */
    public static final ConfigOption<String> ACCESS_KEY_SECRET =
            ConfigOptions.key("access-key-secret")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("accessKey")
                    .withDescription(
                            "AccessKey secret. Flink masks this key's value in logs and the web"
                                    + " UI; it does NOT mask the commercial fallback key"
                                    + " 'accessKey'.");

    /** STS security token. */
    public static final ConfigOption<String> SECURITY_TOKEN =
            ConfigOptions.key("security-token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("STS security token for temporary AccessKeys.");

    /** Body protocol of record calls. */
    public static final ConfigOption<WireProtocol> PROTOCOL =
            ConfigOptions.key("protocol")
                    .enumType(WireProtocol.class)
                    .defaultValue(WireProtocol.PB)
                    .withDescription(
                            "Body format of record reads and writes: 'pb' (protobuf), 'json', or"
                                    + " 'batch' (the batch binary format; 'compression' then"
                                    + " applies inside each batch). Topics written in batch mode"
                                    + " are readable with every protocol. The commercial"
                                    + " connector has no equivalent key.");

    /**
     * Request compression: 'lz4', 'deflate' or 'none'. A string, not an enum, because the
     * commercial key {@code CompressType} turns compression off with an empty string.
     */
    public static final ConfigOption<String> COMPRESSION =
            ConfigOptions.key("compression")
                    .stringType()
                    .defaultValue("lz4")
                    .withFallbackKeys("CompressType")
                    .withDescription(
                            "Compression of record bodies: 'lz4', 'deflate' or 'none' (an empty"
                                    + " value, as 'CompressType' = '' writes it, means 'none').");

    /** Total time the client keeps retrying a retryable failure. */
    public static final ConfigOption<Duration> RETRY_TIMEOUT =
            ConfigOptions.key("retry.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withFallbackKeys("retryTimeout")
                    .withDescription(
                            "Upper bound of the time spent backing off for one call before a"
                                    + " retryable failure (throttling, 5xx, network) fails it.");

    /** First retry back-off. */
    public static final ConfigOption<Duration> RETRY_INTERVAL =
            ConfigOptions.key("retry.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withFallbackKeys("retryInterval")
                    .withDescription(
                            "Back-off before the first retry; later retries back off"
                                    + " exponentially (with jitter) up to max(10 s, this).");

    /** Time zone of TIMESTAMP columns and of 'yyyy-MM-dd HH:mm:ss' strings. */
    public static final ConfigOption<String> TIME_ZONE =
            ConfigOptions.key("time-zone")
                    .stringType()
                    .defaultValue("UTC")
                    .withFallbackKeys("timeZone")
                    .withDescription(
                            "Zone in which TIMESTAMP (without time zone) columns and the"
                                    + " 'scan.startup.timestamp' / 'scan.bounded.timestamp'"
                                    + " strings are read; DataHub stores instants.");

    // ---------------------------------------------------------------- scan

    /** Start position mode. */
    public static final ConfigOption<ScanStartupMode> SCAN_STARTUP_MODE =
            ConfigOptions.key("scan.startup.mode")
                    .enumType(ScanStartupMode.class)
                    .defaultValue(ScanStartupMode.EARLIEST)
                    .withDescription(
                            "Where the scan starts. When not set: 'timestamp' if a start"
                                    + " timestamp is given, else 'subscription' if"
                                    + " 'scan.subscription-id' is given, else 'earliest'.");

    /** Start timestamp in epoch milliseconds. */
    public static final ConfigOption<Long> SCAN_STARTUP_TIMESTAMP_MILLIS =
            ConfigOptions.key("scan.startup.timestamp-millis")
                    .longType()
                    .noDefaultValue()
                    .withFallbackKeys("startTimeMs")
                    .withDescription(
                            "Start at the first record stored at or after this epoch"
                                    + " millisecond (record system time). With"
                                    + " scan.startup.mode not set, -1 means 'latest' as in the"
                                    + " commercial connector. Wins over scan.startup.timestamp.");

    /** Start timestamp as 'yyyy-MM-dd HH:mm:ss' in {@link #TIME_ZONE}. */
    public static final ConfigOption<String> SCAN_STARTUP_TIMESTAMP =
            ConfigOptions.key("scan.startup.timestamp")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("startTime")
                    .withDescription(
                            "Start time as 'yyyy-MM-dd HH:mm:ss' in 'time-zone'; the same as"
                                    + " scan.startup.timestamp-millis.");

    /** Start sequences per shard. */
    public static final ConfigOption<String> SCAN_STARTUP_SPECIFIC_SEQUENCES =
            ConfigOptions.key("scan.startup.specific-sequences")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Start sequence per shard for mode 'specific-sequences', e.g."
                                    + " 'shard:0,sequence:42;shard:1,sequence:7' (the record"
                                    + " with that sequence is read first).");

    /** Subscription whose offsets are read and committed. */
    public static final ConfigOption<String> SCAN_SUBSCRIPTION_ID =
            ConfigOptions.key("scan.subscription-id")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("subId")
                    .withDescription(
                            "Subscription whose committed offsets mode 'subscription' starts"
                                    + " from; completed checkpoints commit offsets to it. One"
                                    + " subscription must not serve two jobs.");

    /** Start of shards without a committed or specified position. */
    public static final ConfigOption<StartupFallback> SCAN_STARTUP_SUBSCRIPTION_FALLBACK =
            ConfigOptions.key("scan.startup.subscription-fallback")
                    .enumType(StartupFallback.class)
                    .defaultValue(StartupFallback.EARLIEST)
                    .withDescription(
                            "Start of a shard that has no offset in the subscription (mode"
                                    + " 'subscription') or no entry in"
                                    + " scan.startup.specific-sequences.");

    /** Stop position mode. */
    public static final ConfigOption<ScanBoundedMode> SCAN_BOUNDED_MODE =
            ConfigOptions.key("scan.bounded.mode")
                    .enumType(ScanBoundedMode.class)
                    .defaultValue(ScanBoundedMode.UNBOUNDED)
                    .withDescription(
                            "Where a bounded scan stops; any mode but 'unbounded' makes the"
                                    + " table bounded (batch mode). When not set and a stop"
                                    + " timestamp is given: 'timestamp'.");

    /** Stop timestamp in epoch milliseconds. */
    public static final ConfigOption<Long> SCAN_BOUNDED_TIMESTAMP_MILLIS =
            ConfigOptions.key("scan.bounded.timestamp-millis")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "Stop before the first record stored after this epoch millisecond."
                                    + " Wins over scan.bounded.timestamp.");

    /** Stop timestamp as 'yyyy-MM-dd HH:mm:ss' in {@link #TIME_ZONE}. */
    public static final ConfigOption<String> SCAN_BOUNDED_TIMESTAMP =
            ConfigOptions.key("scan.bounded.timestamp")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("endTime")
                    .withDescription(
                            "Stop time as 'yyyy-MM-dd HH:mm:ss' in 'time-zone'; the same as"
                                    + " scan.bounded.timestamp-millis.");

    /** Stop sequences per shard. */
    public static final ConfigOption<String> SCAN_BOUNDED_SPECIFIC_SEQUENCES =
            ConfigOptions.key("scan.bounded.specific-sequences")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Last sequence (inclusive) per shard for bounded mode"
                                    + " 'specific-sequences', e.g. 'shard:0,sequence:99'.");

    /** Interval of shard list polling. */
    public static final ConfigOption<Duration> SCAN_SHARD_DISCOVERY_INTERVAL =
            ConfigOptions.key("scan.shard-discovery.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often the source lists shards to find shards created by a"
                                    + " split or merge.");

    /** Records per GetRecords call. */
    public static final ConfigOption<Integer> SCAN_RECORDS_PER_FETCH =
            ConfigOptions.key("scan.records-per-fetch")
                    .intType()
                    .defaultValue(1000)
                    .withFallbackKeys("maxFetchSize")
                    .withDescription("Records per read request, 1 to 1000 (the service limit).");

    /** Back-off after a read that returned nothing. */
    public static final ConfigOption<Duration> SCAN_IDLE_FETCH_DELAY =
            ConfigOptions.key("scan.idle-fetch-delay")
                    .durationType()
                    .defaultValue(Duration.ofMillis(500))
                    .withFallbackKeys("fetchLatestDelay")
                    .withDescription(
                            "Pause before reading a shard again after a read returned no"
                                    + " records.");

    /** Behaviour when a position has expired. */
    public static final ConfigOption<ExpiredPositionStrategy> SCAN_EXPIRED_POSITION =
            ConfigOptions.key("scan.expired-position")
                    .enumType(ExpiredPositionStrategy.class)
                    .defaultValue(ExpiredPositionStrategy.FAIL)
                    .withDescription(
                            "What to do when a shard's position is older than the topic's"
                                    + " lifecycle.");

    /** Field count mismatch handling. */
    public static final ConfigOption<LengthCheck> SCAN_LENGTH_CHECK =
            ConfigOptions.key("scan.length-check")
                    .enumType(LengthCheck.class)
                    .defaultValue(LengthCheck.NONE)
                    .withFallbackKeys("lengthCheck")
                    .withDescription(
                            "What to do with a TUPLE record whose field count differs from the"
                                    + " topic's current schema (e.g. written before a field was"
                                    + " appended).");

    // ---------------------------------------------------------------- sink

    /** Delivery guarantee of the sink. */
    public static final ConfigOption<DeliveryGuarantee> SINK_DELIVERY_GUARANTEE =
            ConfigOptions.key("sink.delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
                    .withDescription(
                            "'none', 'at-least-once' (flush on checkpoint) or 'exactly-once'.");

    /** Shard routing. */
    public static final ConfigOption<SinkPartitioner> SINK_PARTITIONER =
            ConfigOptions.key("sink.partitioner")
                    .enumType(SinkPartitioner.class)
                    .defaultValue(SinkPartitioner.ROUND_ROBIN)
                    .withDescription(
                            "How rows are routed to shards. When not set: 'hash' if"
                                    + " sink.hash-fields is given, else 'round-robin'.");

    /** Columns hashed by the 'hash' partitioner. */
    public static final ConfigOption<String> SINK_HASH_FIELDS =
            ConfigOptions.key("sink.hash-fields")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("hashFields")
                    .withDescription(
                            "Comma-separated physical columns for partitioner 'hash' (a string,"
                                    + " not a Flink list: the commercial 'hashFields' separates"
                                    + " with commas); rows with equal values go to the same"
                                    + " shard.");

    /** Rows per put. */
    public static final ConfigOption<Integer> SINK_BUFFER_FLUSH_MAX_ROWS =
            ConfigOptions.key("sink.buffer-flush.max-rows")
                    .intType()
                    .defaultValue(500)
                    .withFallbackKeys("batchCount")
                    .withDescription("Rows buffered before a write, 1 to 10000 (service limit).");

    /** Bytes per put. */
    public static final ConfigOption<MemorySize> SINK_BUFFER_FLUSH_MAX_BYTES =
            ConfigOptions.key("sink.buffer-flush.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("512kb"))
                    .withFallbackKeys("batchSize")
                    .withDescription(
                            "Bytes buffered before a write, at most 4 mb (service request"
                                    + " limit); a plain number is bytes.");

    /** Time-based flush. */
    public static final ConfigOption<Duration> SINK_BUFFER_FLUSH_INTERVAL =
            ConfigOptions.key("sink.buffer-flush.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withFallbackKeys("flushInterval")
                    .withDescription(
                            "Longest time a row waits in the buffer; a plain number is"
                                    + " milliseconds.");

    // ---------------------------------------------------------------- catalog tables

    /** Shards of a topic created by the catalog. */
    public static final ConfigOption<Integer> SHARD_COUNT =
            ConfigOptions.key("shard-count")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Shards of the topic that the DataHub catalog's CREATE TABLE creates"
                                    + " (1 to 256). Shown by the catalog; ignored by scans and"
                                    + " writes.");

    /** Retention of a topic created by the catalog. */
    public static final ConfigOption<Integer> LIFECYCLE =
            ConfigOptions.key("lifecycle")
                    .intType()
                    .defaultValue(7)
                    .withDescription(
                            "Retention in days (1 to 7) of the topic that the DataHub catalog's"
                                    + " CREATE TABLE creates; ALTER TABLE ... SET changes it."
                                    + " Ignored by scans and writes.");

    // ------------------------------------------------- commercial keys accepted and ignored

    /** Commercial keys with no counterpart here; accepted so that such DDL still runs. */
    static final List<ConfigOption<String>> IGNORED_COMMERCIAL_OPTIONS =
            List.of(
                    ignored("maxBufferSize", "the reader's fetch queue is sized by Flink"),
                    ignored("columnErrorDebug", "decode errors are always reported"),
                    ignored("schemaVersion", "the topic's current schema is used"),
                    ignored("partitionBy", "rows reach sink subtasks as Flink distributes them"));

    private static ConfigOption<String> ignored(String key, String why) {
        return ConfigOptions.key(key)
                .stringType()
                .noDefaultValue()
                .withDescription(
                        "Commercial-connector option, accepted and ignored (a warning is"
                                + " logged): "
                                + why
                                + ".");
    }
}
