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
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.api.connector.source.Boundedness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataHubSourceBuilderTest {

    private final FakeDataHub hub = new FakeDataHub();

    @AfterEach
    void tearDown() {
        hub.close();
    }

    @Test
    void defaults() {
        DataHubSource<String> source = SourceTestUtils.builder(hub).build();
        DataHubSourceConfig c = source.config();
        assertThat(c.recordsPerFetch()).isEqualTo(1000);
        assertThat(c.fetchesInFlight()).isEqualTo(4);
        assertThat(c.startingPosition()).isEqualTo(StartingPosition.earliest());
        assertThat(c.expiredPositionPolicy()).isEqualTo(ExpiredPositionPolicy.FAIL);
        assertThat(c.shardDiscoveryInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(
                        SourceTestUtils.builder(hub)
                                .setStoppingPosition(StoppingPosition.latest())
                                .build()
                                .getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void rejectsBadValuesNamingTheSetterAndRange() {
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setRecordsPerFetch(1001).build())
                .hasMessage("setRecordsPerFetch(int) must be between 1 and 1000, got 1001");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setFetchesInFlight(0).build())
                .hasMessage("setFetchesInFlight(int) must be between 1 and 64, got 0");
        assertThatThrownBy(
                        () ->
                                SourceTestUtils.builder(hub)
                                        .setIdleShardPollInterval(Duration.ZERO)
                                        .build())
                .hasMessageStartingWith(
                        "setIdleShardPollInterval(Duration) must be between PT0.001S and PT1H");
        assertThatThrownBy(
                        () -> SourceTestUtils.builder(hub).setShardDiscoveryInterval(null).build())
                .hasMessageStartingWith("setShardDiscoveryInterval(Duration) must be between");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setFetchRetries(-1).build())
                .hasMessageStartingWith("setFetchRetries(int) must be between 0 and 1000");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setProject(" ").build())
                .hasMessageStartingWith("setProject(String) needs a DataHub project name");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setTopics().build())
                .hasMessage("setTopics(String...) needs at least one topic");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setTopics("a", "a").build())
                .hasMessageContaining("got a topic twice");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setDeserializer(null).build())
                .hasMessageContaining("setDeserializer");
    }

    @Test
    void clientSourceMustBeExactlyOne() {
        DataHubClientConfig config =
                DataHubClientConfig.builder()
                        .endpoint("http://localhost:1")
                        .credentials("a", "b")
                        .build();
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setClientConfig(config).build())
                .hasMessageContaining("Set exactly one of setClientConfig");
        assertThatThrownBy(() -> SourceTestUtils.builder(hub).setClientFactory(null).build())
                .hasMessageContaining("Set exactly one of setClientConfig");
        assertThat(
                        SourceTestUtils.builder(hub)
                                .setClientFactory(null)
                                .setClientConfig(config)
                                .build())
                .isNotNull();
    }

    @Test
    void subscriptionRules() {
        assertThatThrownBy(
                        () ->
                                SourceTestUtils.builder(hub)
                                        .setStartingPosition(
                                                StartingPosition.subscription(
                                                        StartingPosition.Fallback.EARLIEST))
                                        .build())
                .hasMessageContaining("needs setSubscriptionId(String)");
        assertThatThrownBy(
                        () ->
                                SourceTestUtils.builder(hub)
                                        .setTopics("a", "b")
                                        .setSubscriptionId("1")
                                        .build())
                .hasMessageContaining("a DataHub subscription belongs to one topic");
    }

    @Test
    void positionFactoriesValidate() {
        assertThatThrownBy(() -> StartingPosition.timestamp(-1)).hasMessageContaining("timestamp");
        assertThatThrownBy(
                        () ->
                                StartingPosition.sequences(
                                        Map.of("0", -2L), StartingPosition.Fallback.FAIL))
                .hasMessageContaining("shard 0 must be >= 0");
        assertThatThrownBy(() -> StoppingPosition.sequences(Map.of("0", -2L)))
                .hasMessageContaining("must be >= -1");
    }
}
