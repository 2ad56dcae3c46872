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

import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.factories.TestFormatFactory;
import org.apache.flink.table.factories.utils.FactoryMocks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SCHEMA;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SECRET;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.assertFails;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.options;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.sink;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factory's connection and scan options, their defaults, inference and validation errors. */
class DataHubDynamicTableFactoryTest {

    @Test
    void defaults() {
        DataHubDynamicTableSource source = source(options());
        ConnectionOptions c = source.connection();
        assertThat(c.endpoint()).isEqualTo("http://localhost:8080");
        assertThat(c.project()).isEqualTo("p1");
        assertThat(c.topic()).isEqualTo("t1");
        assertThat(c.hasCredentials()).isFalse();
        assertThat(c.protocol()).isEqualTo(WireProtocol.PB);
        assertThat(c.compression()).isEqualTo(CompressionType.LZ4);
        assertThat(c.retryTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.retryInterval()).isEqualTo(Duration.ofSeconds(1));
        SourceOptions s = source.options();
        assertThat(s.startupMode()).isEqualTo(ScanStartupMode.EARLIEST);
        assertThat(s.startupFallback()).isEqualTo(StartupFallback.EARLIEST);
        assertThat(s.boundedMode()).isEqualTo(ScanBoundedMode.UNBOUNDED);
        assertThat(s.isBounded()).isFalse();
        assertThat(s.shardDiscoveryInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.recordsPerFetch()).isEqualTo(1000);
        assertThat(s.idleFetchDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.expiredPosition()).isEqualTo(ExpiredPositionStrategy.FAIL);
        assertThat(s.lengthCheck()).isEqualTo(LengthCheck.NONE);
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.parallelism()).isNull();
        assertThat(source.format()).isNull();
        assertThat(source.asSummaryString()).isEqualTo("DataHub(p1.t1)");
    }

    @Test
    void protocolBatchMakesBatchModeClients() {
        DataHubDynamicTableSource source =
                source(options("protocol", "batch", "compression", "deflate"));
        assertThat(source.connection().protocol()).isEqualTo(WireProtocol.BATCH);
        var config = source.connection().toClientConfig();
        assertThat(config.protocol())
                .isEqualTo(io.github.flinkdatahub.connector.client.BodyProtocol.BATCH);
        assertThat(config.compression()).isEqualTo(CompressionType.DEFLATE);
    }

    @Test
    void everyConnectionAndScanOption() {
        DataHubDynamicTableSource source =
                source(
                        options(
                                "access-key-id", "id1",
                                "access-key-secret", SECRET,
                                "security-token", "tok",
                                "protocol", "json",
                                "compression", "deflate",
                                "retry.timeout", "2 min",
                                "retry.interval", "250 ms",
                                "time-zone", "Asia/Shanghai",
                                "scan.startup.mode", "specific-sequences",
                                "scan.startup.specific-sequences",
                                        "shard:0,sequence:42; shard:1 , sequence:7;",
                                "scan.subscription-id", "sub-1",
                                "scan.startup.subscription-fallback", "latest",
                                "scan.bounded.mode", "specific-sequences",
                                "scan.bounded.specific-sequences", "shard:0,sequence:100",
                                "scan.shard-discovery.interval", "5 s",
                                "scan.records-per-fetch", "10",
                                "scan.idle-fetch-delay", "0 ms",
                                "scan.expired-position", "earliest",
                                "scan.length-check", "pad",
                                "scan.parallelism", "3"));
        ConnectionOptions c = source.connection();
        assertThat(c.accessKeyId()).isEqualTo("id1");
        assertThat(c.accessKeySecret()).isEqualTo(SECRET);
        assertThat(c.securityToken()).isEqualTo("tok");
        assertThat(c.protocol()).isEqualTo(WireProtocol.JSON);
        assertThat(c.compression()).isEqualTo(CompressionType.DEFLATE);
        assertThat(c.retryTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.retryInterval()).isEqualTo(Duration.ofMillis(250));
        SourceOptions s = source.options();
        assertThat(s.startupMode()).isEqualTo(ScanStartupMode.SPECIFIC_SEQUENCES);
        assertThat(s.startupSequences()).containsExactly(Map.entry("0", 42L), Map.entry("1", 7L));
        assertThat(s.subscriptionId()).isEqualTo("sub-1");
        assertThat(s.startupFallback()).isEqualTo(StartupFallback.LATEST);
        assertThat(s.boundedMode()).isEqualTo(ScanBoundedMode.SPECIFIC_SEQUENCES);
        assertThat(s.boundedSequences()).containsExactlyEntriesOf(Map.of("0", 100L));
        assertThat(s.isBounded()).isTrue();
        assertThat(s.shardDiscoveryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.recordsPerFetch()).isEqualTo(10);
        assertThat(s.idleFetchDelay()).isZero();
        assertThat(s.expiredPosition()).isEqualTo(ExpiredPositionStrategy.EARLIEST);
        assertThat(s.lengthCheck()).isEqualTo(LengthCheck.PAD);
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(s.parallelism()).isEqualTo(3);
    }

    @Test
    void timestampModes() {
        SourceOptions s =
                source(
                                options(
                                        "scan.startup.mode", "timestamp",
                                        "scan.startup.timestamp-millis", "1700000000000",
                                        "scan.bounded.mode", "timestamp",
                                        "scan.bounded.timestamp-millis", "1700000001000"))
                        .options();
        assertThat(s.startupTimestampMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(s.boundedTimestampMillis()).isEqualTo(1_700_000_001_000L);
        // 'yyyy-MM-dd HH:mm:ss' strings in 'time-zone'; millis win over the string.
        s =
                source(
                                options(
                                        "scan.startup.timestamp", "2026-01-31 23:59:00",
                                        "scan.bounded.timestamp", "2026-02-01 00:00:00",
                                        "time-zone", "+08:00"))
                        .options();
        assertThat(s.startupMode()).isEqualTo(ScanStartupMode.TIMESTAMP);
        assertThat(s.startupTimestampMillis()).isEqualTo(1_769_875_140_000L);
        assertThat(s.boundedMode()).isEqualTo(ScanBoundedMode.TIMESTAMP);
        assertThat(s.boundedTimestampMillis()).isEqualTo(1_769_875_200_000L);
        s =
                source(
                                options(
                                        "scan.startup.timestamp", "2026-01-31 23:59:00",
                                        "scan.startup.timestamp-millis", "5"))
                        .options();
        assertThat(s.startupTimestampMillis()).isEqualTo(5L);
    }

    @Test
    void modesAreInferredWhenNotSet() {
        assertThat(source(options("scan.startup.timestamp-millis", "-1")).options().startupMode())
                .isEqualTo(ScanStartupMode.LATEST);
        assertThat(source(options("scan.subscription-id", "s")).options().startupMode())
                .isEqualTo(ScanStartupMode.SUBSCRIPTION);
        assertThat(
                        source(options("scan.startup.specific-sequences", "shard:3,sequence:1"))
                                .options()
                                .startupMode())
                .isEqualTo(ScanStartupMode.SPECIFIC_SEQUENCES);
        assertThat(
                        source(options("scan.bounded.specific-sequences", "shard:3,sequence:1"))
                                .options()
                                .boundedMode())
                .isEqualTo(ScanBoundedMode.SPECIFIC_SEQUENCES);
        SourceOptions latest = source(options("scan.bounded.mode", "latest")).options();
        assertThat(latest.boundedMode()).isEqualTo(ScanBoundedMode.LATEST);
        assertThat(latest.isBounded()).isTrue();
        // An explicit mode wins over the inference: subscription id used only for commits.
        SourceOptions explicit =
                source(options("scan.startup.mode", "latest", "scan.subscription-id", "s"))
                        .options();
        assertThat(explicit.startupMode()).isEqualTo(ScanStartupMode.LATEST);
        assertThat(explicit.subscriptionId()).isEqualTo("s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing endpoint|endpoint||Missing required options|endpoint",
                "missing project|project||Missing required options|project",
                "missing topic|topic||Missing required options|topic",
                "blank topic|topic|'  '|Missing required option 'topic'|",
                "bad endpoint scheme|endpoint|ftp://host|'endpoint' (or 'endPoint')|http or https",
                "unknown option|scan.no-such-option|1|Unsupported options|scan.no-such-option",
                "bad protocol|protocol|xml|protocol|[pb, json, batch]",
                "bad compression|compression|zstd|'compression' (or 'CompressType')|'lz4',"
                        + " 'deflate', 'none'",
                "bad time zone|time-zone|Mars/Base|'time-zone' (or 'timeZone')|zone id",
                "bad startup mode|scan.startup.mode|first|scan.startup.mode|[earliest, latest,"
                        + " timestamp, specific-sequences, subscription]",
                "timestamp without millis|scan.startup.mode|timestamp|scan.startup.mode ="
                        + " 'timestamp' needs|'scan.startup.timestamp-millis' (or 'startTimeMs')",
                "sequences without mode value|scan.startup.mode|specific-sequences|needs"
                        + " 'scan.startup.specific-sequences'|",
                "subscription without id|scan.startup.mode|subscription|scan.startup.mode ="
                        + " 'subscription' needs 'scan.subscription-id' (or 'subId')|",
                "bounded timestamp without millis|scan.bounded.mode|timestamp|scan.bounded.mode ="
                        + " 'timestamp' needs|'scan.bounded.timestamp-millis'",
                "bounded sequences without value|scan.bounded.mode|specific-sequences|needs"
                        + " 'scan.bounded.specific-sequences'|",
                "bad bounded mode|scan.bounded.mode|forever|scan.bounded.mode|[unbounded, latest,"
                        + " timestamp, specific-sequences]",
                "malformed sequences|scan.startup.specific-sequences|shard0:42|Invalid entry"
                        + " 'shard0:42'|'shard:0,sequence:42;shard:1,sequence:7'",
                "negative sequence|scan.startup.specific-sequences|shard:0,sequence:-1|Invalid"
                        + " entry|'shard:<id>,sequence:<n>'",
                "empty sequences|scan.startup.specific-sequences|;;|has no entries|",
                "duplicate"
                    + " shard|scan.startup.specific-sequences|shard:1,sequence:1;shard:01,sequence:2|Shard"
                    + " 1 appears twice|",
                "negative millis|scan.startup.timestamp-millis|-2|must be >="
                        + " 0|'scan.startup.timestamp-millis' (or 'startTimeMs')",
                "bad start time|scan.startup.timestamp|2026/01/01 10:00|expected 'yyyy-MM-dd"
                        + " HH:mm:ss'|'scan.startup.timestamp' (or 'startTime')",
                "12-hour start time|scan.startup.timestamp|2026-01-01 25:00:00|expected 'yyyy-MM-dd"
                        + " HH:mm:ss'|",
                "records per fetch zero|scan.records-per-fetch|0|between 1 and"
                        + " 1000|'scan.records-per-fetch' (or 'maxFetchSize')",
                "records per fetch too many|scan.records-per-fetch|1001|between 1 and 1000|",
                "discovery zero|scan.shard-discovery.interval|0 s|'scan.shard-discovery.interval'"
                        + " must be a positive duration|",
                "bad expired position|scan.expired-position|skip|scan.expired-position|[fail,"
                        + " earliest]",
                "bad length check|scan.length-check|truncate|scan.length-check|[none, skip,"
                        + " exception, pad]",
                "zero parallelism|scan.parallelism|0|'scan.parallelism' must be >= 1|",
                "retry interval zero|retry.interval|0 ms|'retry.interval' (or 'retryInterval') must"
                        + " be a positive duration|",
            })
    void invalidScanOptions(String name, String key, String value, String text1, String text2) {
        assertFails(
                () -> source(options(key, value)),
                text2 == null ? new String[] {text1} : new String[] {text1, text2});
    }

    @Test
    void crossOptionErrors() {
        assertFails(
                () -> source(options("access-key-id", "id")),
                "'access-key-id' (or 'accessId') and 'access-key-secret' (or 'accessKey') must be"
                        + " set together");
        assertFails(
                () -> source(options("access-key-secret", SECRET)),
                "only 'access-key-secret' (or 'accessKey') is set");
        assertFails(
                () -> source(options("security-token", "tok")),
                "'security-token' needs 'access-key-id'");
        assertFails(
                () ->
                        source(
                                options(
                                        "scan.startup.mode", "earliest",
                                        "scan.startup.timestamp-millis", "5")),
                "is only used with scan.startup.mode = 'timestamp', but the mode is 'earliest'");
        assertFails(
                () ->
                        source(
                                options(
                                        "scan.startup.mode", "latest",
                                        "scan.startup.specific-sequences", "shard:0,sequence:1")),
                "only used with scan.startup.mode = 'specific-sequences'");
        assertFails(
                () ->
                        source(
                                options(
                                        "scan.startup.timestamp-millis", "2000",
                                        "scan.bounded.timestamp-millis", "1000")),
                "stop timestamp (scan.bounded.timestamp-millis = 1000) is before the start");
        assertFails(
                () ->
                        source(
                                options(
                                        "scan.startup.specific-sequences", "shard:0,sequence:10",
                                        "scan.bounded.specific-sequences", "shard:0,sequence:9")),
                "Shard 0 stops (scan.bounded.specific-sequences) at sequence 9, before it starts");
        assertFails(
                () ->
                        source(
                                options(
                                        "scan.startup.mode", "timestamp",
                                        "scan.startup.timestamp-millis", "-1")),
                "must be >= 0 (epoch milliseconds) with scan.startup.mode = 'timestamp'");
    }

    @Test
    void blobFormatAndItsOptions() {
        DataHubDynamicTableSource source =
                source(
                        options(
                                "format",
                                TestFormatFactory.IDENTIFIER,
                                "test-format.delimiter",
                                ";"));
        assertThat(source.format()).isNotNull();
        DataHubDynamicTableSink sink =
                sink(options("format", TestFormatFactory.IDENTIFIER, "test-format.delimiter", ";"));
        assertThat(sink.format()).isNotNull();
        assertFails(
                () ->
                        source(
                                options(
                                        "format", TestFormatFactory.IDENTIFIER,
                                        "test-format.delimiter", ";",
                                        "test-format.no-such", "x")),
                "Unsupported options",
                "test-format.no-such");
        assertFails(
                () -> source(options("format", "no-such-format")),
                "Could not find any factory for identifier 'no-such-format'");
    }

    @Test
    void theSecretKeyIsMaskedByFlinkButTheCommercialKeyIsNot() {
        assertThat(GlobalConfiguration.isSensitive(DataHubConnectorOptions.ACCESS_KEY_SECRET.key()))
                .isTrue();
        assertThat(GlobalConfiguration.isSensitive(DataHubConnectorOptions.SECURITY_TOKEN.key()))
                .isTrue();
        // Documented in docs/sql.md: Flink's list has "secret", "password", "token", ... but not
        // "accesskey", so DDL using the commercial key shows its value where Flink prints options.
        assertThat(GlobalConfiguration.isSensitive("accessKey")).isFalse();
    }

    @Test
    void flinksFactoryErrorMasksTheSecretKey() {
        assertFails(
                () ->
                        source(
                                options(
                                        "access-key-id", "id1",
                                        "access-key-secret", SECRET,
                                        "scan.records-per-fetch", "0")),
                "'access-key-secret'='******'",
                "between 1 and 1000");
    }

    /**
     * Flink lists a failing table's options in its error and masks only sensitive keys, which the
     * commercial key 'accessKey' is not: the factory then returns a stand-in whose planner calls
     * throw the original error, so the listing never happens.
     */
    @Test
    void aFailingCommercialDdlDefersItsErrorSoTheAccessKeyIsNeverListed() {
        Map<String, String> ddl =
                options("accessId", "id1", "accessKey", SECRET, "scan.records-per-fetch", "0");
        DynamicTableSource deferred = FactoryMocks.createTableSource(SCHEMA, ddl);
        assertThat(deferred.toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> ((ScanTableSource) deferred).getChangelogMode())
                .hasMessageContaining("between 1 and 1000")
                .hasMessageNotContaining(SECRET);
        // With only Flink-masked keys the error is raised at once, listing masked options.
        assertFails(
                () ->
                        source(
                                options(
                                        "access-key-id", "id1",
                                        "access-key-secret", SECRET,
                                        "scan.records-per-fetch", "0")),
                "'access-key-secret'='******'");
    }

    @Test
    void noSecretInStringsOfTheTableObjects() {
        Map<String, String> options =
                options(
                        "access-key-id",
                        "id1",
                        "access-key-secret",
                        SECRET,
                        "security-token",
                        "tok-secret-2");
        DataHubDynamicTableSource source = source(options);
        DataHubDynamicTableSink sink = sink(options);
        for (String text :
                new String[] {
                    source.toString(),
                    source.asSummaryString(),
                    source.connection().toString(),
                    sink.toString(),
                    sink.asSummaryString(),
                    source.connection().toClientConfig().toString()
                }) {
            assertThat(text).doesNotContain(SECRET).doesNotContain("tok-secret-2");
        }
        assertThat(source.connection().toString()).contains("accessKeySecret=******");
    }

    @Test
    void retryBoundsMapOntoTheClientConfig() {
        ConnectionOptions c =
                source(options("retry.timeout", "35 s", "retry.interval", "1 s")).connection();
        // 1 + 2 + 4 + 8 + 10 + 10 = 35 s of capped back-offs.
        assertThat(c.maxRetries()).isEqualTo(6);
        assertThat(c.toClientConfig().maxRetries()).isEqualTo(6);
        assertThat(c.toClientConfig().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.toClientConfig().maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(source(options("retry.timeout", "0 s")).connection().maxRetries()).isZero();
        ConnectionOptions slow =
                source(options("retry.timeout", "1 min", "retry.interval", "30 s")).connection();
        assertThat(slow.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(slow.maxRetries()).isEqualTo(2);
    }

    @Test
    void catalogTableOptionsAreAcceptedAndIgnored() {
        // SHOW CREATE TABLE of a catalog table prints them; the DDL must run again as it is.
        DataHubDynamicTableSource source = source(options("shard-count", "4", "lifecycle", "3"));
        assertThat(source.options()).isEqualTo(source(options()).options());
        assertThat(source.connection()).isEqualTo(source(options()).connection());
    }

    @Test
    void ignoredCommercialOptionsAreAccepted() {
        DataHubDynamicTableSource source =
                source(
                        options(
                                "maxBufferSize",
                                "50",
                                "columnErrorDebug",
                                "true",
                                "schemaVersion",
                                "-1",
                                "partitionBy",
                                "a"));
        assertThat(source.options().startupMode()).isEqualTo(ScanStartupMode.EARLIEST);
    }
}
