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

import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every builder setting is validated in build() with a message naming the setter and range. */
class DataHubSinkBuilderTest {

    private final FakeDataHub hub = new FakeDataHub();

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private DataHubSinkBuilder<Event> valid() {
        return SinkTestSupport.builder(hub);
    }

    private void rejects(UnaryOperator<DataHubSinkBuilder<Event>> change, String... fragments) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void defaults() {
        DataHubSink<Event> sink = valid().build();
        SinkSettings s = sink.settings();
        assertThat(s.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.routing()).isEqualTo(ShardRouting.ROUND_ROBIN);
        assertThat(s.maxBatchRecords()).isEqualTo(1000);
        assertThat(s.maxBatchBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(s.maxLinger()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.maxInFlightRequests()).isEqualTo(8);
        assertThat(s.maxStagedBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(s.maxRetries()).isEqualTo(10);
    }

    @Test
    void requiredSettings() {
        rejects(b -> b.setClientFactory(null), "setClientConfig or setClientFactory");
        rejects(
                b -> b.setClientConfig(DataHubClientConfig.builder().endpoint("localhost").build()),
                "Exactly one of setClientConfig or setClientFactory");
        rejects(b -> b.setProject(" "), "setProject");
        rejects(b -> b.setTopic(null), "setTopic");
        rejects(b -> b.setSerializer(null), "setSerializer");
        rejects(b -> b.setDeliveryGuarantee(null), "setDeliveryGuarantee", "EXACTLY_ONCE");
        rejects(b -> b.setRouting(null), "setRouting", "PARTITION_KEY");
        rejects(b -> b.setRouting(ShardRouting.FIXED_SHARD), "setFixedShard");
    }

    @Test
    void limits() {
        rejects(b -> b.setMaxBatchRecords(0), "setMaxBatchRecords", "1..10000");
        rejects(b -> b.setMaxBatchRecords(10_001), "setMaxBatchRecords", "10001");
        assertThat(valid().setMaxBatchRecords(10_000).build().settings().maxBatchRecords())
                .isEqualTo(10_000);
        rejects(b -> b.setMaxBatchBytes(4L * 1024 * 1024 + 1), "setMaxBatchBytes", "4 MiB");
        rejects(b -> b.setMaxBatchBytes(1000), "setMaxBatchBytes", "1024..");
        rejects(b -> b.setMaxLinger(Duration.ofMillis(-1)), "setMaxLinger", "0..10 min");
        rejects(b -> b.setMaxLinger(null), "setMaxLinger");
        rejects(b -> b.setMaxInFlightRequests(0), "setMaxInFlightRequests", "1..1000");
        rejects(b -> b.setMaxStagedBytes(1024), "setMaxStagedBytes", "setMaxBatchBytes");
        rejects(b -> b.setMaxRetries(-1), "setMaxRetries", "0..1000");
        rejects(
                b -> b.setRetryBackoff(Duration.ZERO, Duration.ofSeconds(1)),
                "setRetryBackoff",
                "1 ms..10 min");
        rejects(
                b -> b.setRetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "setRetryBackoff",
                "must be >= initial");
    }

    @Test
    void aClientConfigGetsItsRetriesTurnedOff() {
        DataHubSink<String> sink =
                DataHubSink.<String>builder()
                        .setClientConfig(
                                DataHubClientConfig.builder()
                                        .endpoint("localhost:1")
                                        .maxRetries(5)
                                        .build())
                        .setProject("p")
                        .setTopic("t")
                        .setSerializer(
                                DataHubRecordSerializationSchema.blob(new SimpleStringSchema()))
                        .build();
        assertThat(sink.settings().clientFactory().toString()).contains("maxRetries=0");
    }

    @Test
    void fixedShard() {
        assertThat(valid().setFixedShard("3").build().settings().fixedShardId()).isEqualTo("3");
        assertThat(valid().setFixedShard("3").build().settings().routing())
                .isEqualTo(ShardRouting.FIXED_SHARD);
    }
}
