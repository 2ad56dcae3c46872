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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SECRET;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.options;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.sink;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys of Alibaba's commercial DataHub connector (connector-landscape §2.1) are fallback keys with
 * the same meaning and units: each gives exactly the options its Flink-style key gives.
 */
class DataHubCommercialOptionsTest {

    @ParameterizedTest(name = "{0} = {1}  ==  {2} = {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "endPoint|http://dh.example:80|endpoint|http://dh.example:80",
                "subId|sub-7|scan.subscription-id|sub-7",
                "startTimeMs|1700000000000|scan.startup.timestamp-millis|1700000000000",
                "startTime|2026-03-01 08:00:00|scan.startup.timestamp|2026-03-01 08:00:00",
                "startTime|2026-03-01 08:00:00|scan.startup.timestamp-millis|1772352000000",
                "endTime|2026-03-01 08:00:00|scan.bounded.timestamp-millis|1772352000000",
                "maxFetchSize|50|scan.records-per-fetch|50",
                "fetchLatestDelay|500|scan.idle-fetch-delay|500 ms",
                "retryTimeout|1800000|retry.timeout|30 min",
                "retryInterval|1000|retry.interval|1 s",
                "CompressType|lz4|compression|lz4",
                "CompressType|deflate|compression|deflate",
                "CompressType|''|compression|none",
                "lengthCheck|SKIP|scan.length-check|skip",
                "lengthCheck|EXCEPTION|scan.length-check|exception",
                "timeZone|Asia/Shanghai|time-zone|Asia/Shanghai",
            })
    void sourceFallbackKeyMeansTheSame(String commercial, String value, String key, String ours) {
        // The Flink key is removed so that the fallback key is the only one (the Flink key wins).
        DataHubDynamicTableSource a = source(options(key, null, commercial, value));
        DataHubDynamicTableSource b = source(options(key, ours));
        assertThat(a.connection()).isEqualTo(b.connection());
        assertThat(a.options()).isEqualTo(b.options());
    }

    @ParameterizedTest(name = "{0} = {1}  ==  {2} = {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "batchCount|500|sink.buffer-flush.max-rows|500",
                "batchSize|512000|sink.buffer-flush.max-bytes|512000 bytes",
                "flushInterval|5000|sink.buffer-flush.interval|5 s",
                "hashFields|id,name|sink.hash-fields|id,name",
                "timeZone|+08:00|time-zone|+08:00",
            })
    void sinkFallbackKeyMeansTheSame(String commercial, String value, String key, String ours) {
        DataHubDynamicTableSink a = sink(options(key, null, commercial, value));
        DataHubDynamicTableSink b = sink(options(key, ours));
        assertThat(a.connection()).isEqualTo(b.connection());
        assertThat(a.options()).isEqualTo(b.options());
    }

    @Test
    void credentialsByCommercialKeys() {
        ConnectionOptions c =
                source(options("accessId", "the-id", "accessKey", SECRET)).connection();
        assertThat(c.accessKeyId()).isEqualTo("the-id");
        assertThat(c.accessKeySecret()).isEqualTo(SECRET);
    }

    @Test
    void commercialSourceDdlRunsUnchanged() {
        // The WITH clause of the commercial connector's documented source example.
        Map<String, String> ddl =
                Map.of(
                        "connector", "datahub",
                        "subId", "1610000000000xxxx",
                        "endPoint", "https://dh-cn-hangzhou.aliyuncs.com",
                        "project", "p",
                        "topic", "t",
                        "accessId", "id",
                        "accessKey", SECRET,
                        "startTime", "2018-06-01 00:00:00",
                        "maxFetchSize", "100",
                        "lengthCheck", "PAD");
        SourceOptions s = source(ddl).options();
        assertThat(s.startupMode()).isEqualTo(ScanStartupMode.TIMESTAMP);
        assertThat(s.startupTimestampMillis()).isEqualTo(1_527_811_200_000L);
        assertThat(s.subscriptionId()).isEqualTo("1610000000000xxxx");
        assertThat(s.recordsPerFetch()).isEqualTo(100);
        assertThat(s.lengthCheck()).isEqualTo(LengthCheck.PAD);
        assertThat(s.boundedMode()).isEqualTo(ScanBoundedMode.UNBOUNDED);
    }

    @Test
    void commercialSinkDdlRunsUnchanged() {
        Map<String, String> ddl =
                Map.of(
                        "connector", "datahub",
                        "endPoint", "https://dh-cn-hangzhou.aliyuncs.com",
                        "project", "p",
                        "topic", "t",
                        "accessId", "id",
                        "accessKey", SECRET,
                        "batchCount", "100",
                        "batchSize", "204800",
                        "flushInterval", "2000",
                        "hashFields", "id");
        SinkOptions s = sink(ddl).options();
        assertThat(s.partitioner()).isEqualTo(SinkPartitioner.HASH);
        assertThat(s.hashFields()).containsExactly("id");
        assertThat(s.maxBufferedRows()).isEqualTo(100);
        assertThat(s.maxBufferedBytes()).isEqualTo(204_800);
        assertThat(s.flushInterval()).isEqualTo(Duration.ofSeconds(2));
    }
}
