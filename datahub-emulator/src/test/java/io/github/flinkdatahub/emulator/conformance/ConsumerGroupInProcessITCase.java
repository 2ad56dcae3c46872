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

package io.github.flinkdatahub.emulator.conformance;

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.exception.ServiceInProcessException;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.HeartbeatResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ConsumerGroupInProcess} as the Java SDK 2.21.6 and the raw protocol see it: answered to
 * joinGroup and to the heartbeats of consumers waiting for a withheld shard during the first second
 * of a handover (on a {@link ManualClock}), with HTTP 503 and {@code ServiceInProcessException},
 * never to syncGroup or leaveGroup, and never outside that second.
 */
class ConsumerGroupInProcessITCase {

    private static final long SESSION_MS = 60_000;
    private static final String IN_PROCESS = "ConsumerGroupInProcess";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Shared by both emulators; each test uses its own subscription. */
    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair(CLOCK);

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void aHandoverRefusesJoinsAndWaitingHeartbeatsForItsFirstSecond(
            SdkMode mode, boolean withSignatures) {
        DatahubClient client = EMULATORS.client(mode, withSignatures);
        Group g = Group.create(client);
        String a = g.join();
        assertThat(g.beat(a, List.of()).getShardList()).containsExactlyInAnyOrder("0", "1");
        String b = g.join(); // one of A's two shards is B's now, but A still holds it

        ServiceInProcessException join =
                assertDataHubError(g::join, ServiceInProcessException.class, IN_PROCESS);
        assertThat(join.getHttpStatus()).isEqualTo(503);
        assertThat(join.getErrorMessage()).contains("rebalancing");
        ServiceInProcessException beat =
                assertDataHubError(
                        () -> g.beat(b, List.of()), ServiceInProcessException.class, IN_PROCESS);
        assertThat(beat.getHttpStatus()).isEqualTo(503);

        List<String> kept = g.beat(a, List.of("0", "1")).getShardList();
        assertThat(kept).as("A, which gives a shard up, is answered").hasSize(1);
        client.syncGroup(g.project, g.topic, g.subId, b, 1, List.of(), List.of());

        CLOCK.advance(Duration.ofMillis(999));
        assertDataHubError(g::join, ServiceInProcessException.class, IN_PROCESS);
        CLOCK.advance(Duration.ofMillis(1));
        String c = g.join();
        assertThat(g.beat(b, List.of()).getShardList()).as("A still holds it").isEmpty();
        client.leaveGroup(g.project, g.topic, g.subId, c, 1);
    }

    @Test
    void theWireAnswerIs503WithTheErrorCodeInJson() throws Exception {
        Group g = Group.create(EMULATORS.client(SdkMode.PROTOBUF, false));
        String a = g.join();
        g.beat(a, List.of());
        g.join();

        HttpResponse<String> r =
                post(g, "{\"Action\":\"joinGroup\",\"SessionTimeout\":" + SESSION_MS + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("x-datahub-request-id")).isPresent();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("ErrorCode").asText()).isEqualTo(IN_PROCESS);
        assertThat(body.path("ErrorMessage").asText()).isNotBlank();
    }

    @Test
    void groupsWithoutAHandoverNeverAnswerIt() {
        Group g = Group.create(EMULATORS.client(SdkMode.PROTOBUF, false));
        String a = g.join();
        String b = g.join(); // A holds nothing yet, so nothing has to move
        String c = g.join();
        assertThat(g.beat(a, List.of()).getShardList()).hasSize(1);
        assertThat(g.beat(b, List.of()).getShardList()).hasSize(1);
        assertThat(g.beat(c, List.of()).getShardList()).isEmpty();
        g.client.leaveGroup(g.project, g.topic, g.subId, b, 1);
        assertThat(g.beat(c, List.of()).getShardList())
                .as("a leave frees its shards at once: no handover")
                .hasSize(1);
        g.join();
    }

    @Test
    void theSdksOwnRetryOneSecondLaterGetsIn() {
        try (DataHubEmulator emulator =
                DataHubEmulator.builder().host("127.0.0.1").port(0).build().start()) {
            // The SDK retries codes outside its fatal set when maxRetryCount > 1 (default 1).
            HttpConfig retrying = new HttpConfig().setMaxRetryCount(3).setRetryIntervalMs(1000);
            DatahubClient client =
                    DatahubClientBuilder.newBuilder()
                            .setDatahubConfig(
                                    new DatahubConfig(
                                            emulator.endpoint(),
                                            new AliyunAccount(
                                                    SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY),
                                            true))
                            .setHttpConfig(retrying)
                            .build();
            Group g = Group.create(client);
            String a = g.join();
            g.beat(a, List.of());
            g.join(); // the handover starts
            Group once =
                    new Group(
                            SdkMode.PROTOBUF.client(emulator.endpoint()),
                            g.project,
                            g.topic,
                            g.subId);
            assertDataHubError(once::join, ServiceInProcessException.class, IN_PROCESS);
            assertThat(g.join()).as("refused at first, accepted at the retry").isNotBlank();
        }
    }

    private static HttpResponse<String> post(Group g, String body) throws Exception {
        String path = "/projects/" + g.project + "/topics/" + g.topic + "/subscriptions/" + g.subId;
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(EMULATORS.endpoint(false) + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A two-shard topic with a subscription whose group the test drives. */
    private record Group(DatahubClient client, String project, String topic, String subId) {

        static Group create(DatahubClient client) {
            String project = newProject(client);
            String topic = newBlobTopic(client, project, 2);
            String subId = client.createSubscription(project, topic, "in process").getSubId();
            return new Group(client, project, topic, subId);
        }

        String join() {
            return client.joinGroup(project, topic, subId, SESSION_MS).getConsumerId();
        }

        HeartbeatResult beat(String consumerId, List<String> held) {
            return client.heartbeat(project, topic, subId, consumerId, 1, held, List.of());
        }
    }
}
