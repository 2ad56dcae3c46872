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

package io.github.flinkdatahub.connector.client;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.GetTopicResult;
import com.aliyun.datahub.client.model.SubscriptionEntry;
import com.aliyun.datahub.client.model.SubscriptionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.flinkdatahub.connector.client.ClientSdkRequestParityTest.assertParity;
import static io.github.flinkdatahub.connector.client.SdkParityHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the subscription and offset calls against the official SDK; the checks are
 * those of {@link ClientSdkRequestParityTest#assertParity}.
 */
class ClientSdkSubscriptionParityTest {

    SdkParityHarness harness;
    DatahubClient sdk;
    DataHubClient ours;

    @BeforeEach
    void start() throws Exception {
        harness = new SdkParityHarness();
        sdk = harness.sdk();
        ours = harness.ours();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void subscriptions() throws Exception {
        harness.respond(json(201, "{\"SubId\":\"1661239310380007Nh\"}"));
        assertParity(
                harness.exchange(
                        () -> sdk.createSubscription("proj_a", "topic_a", "sub comment"),
                        () -> ours.createSubscription("proj_a", "topic_a", "sub comment")));
        harness.respond(json(200, SdkModels.SUBSCRIPTION));
        assertParity(
                harness.exchange(
                        () -> sdk.getSubscription("proj_a", "topic_a", "s1"),
                        () -> ours.getSubscription("proj_a", "topic_a", "s1")));
        harness.respond(
                json(200, "{\"TotalCount\":1,\"Subscriptions\":[" + SdkModels.SUBSCRIPTION + "]}"));
        assertParity(
                harness.exchange(
                        () -> sdk.listSubscription("proj_a", "topic_a", 2, 10),
                        () -> ours.listSubscriptions("proj_a", "topic_a", 2, 10)));
        harness.respond(json(200, ""));
        assertParity(
                harness.exchange(
                        () -> sdk.updateSubscription("proj_a", "topic_a", "s1", "c2"),
                        () -> ours.updateSubscriptionComment("proj_a", "topic_a", "s1", "c2")));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.updateSubscriptionState(
                                        "proj_a", "topic_a", "s1", SubscriptionState.OFFLINE),
                        () -> ours.updateSubscriptionState("proj_a", "topic_a", "s1", false)));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.updateSubscriptionState(
                                        "proj_a", "topic_a", "s1", SubscriptionState.ONLINE),
                        () -> ours.updateSubscriptionState("proj_a", "topic_a", "s1", true)));
        assertParity(
                harness.exchange(
                        () -> sdk.deleteSubscription("proj_a", "topic_a", "s1"),
                        () -> ours.deleteSubscription("proj_a", "topic_a", "s1")));
    }

    @Test
    void offsets() throws Exception {
        harness.respond(json(200, SdkModels.OFFSETS));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.openSubscriptionSession(
                                        "proj_a", "topic_a", "s1", List.of("0", "1")),
                        () ->
                                ours.openOffsetSession(
                                        "proj_a", "topic_a", "s1", List.of("0", "1"))));
        assertParity(
                harness.exchange(
                        () -> sdk.getSubscriptionOffset("proj_a", "topic_a", "s1", List.of("0")),
                        () -> ours.getOffsets("proj_a", "topic_a", "s1", List.of("0"))));

        harness.respond(json(200, ""));
        Map<String, SubscriptionOffset> commit = new LinkedHashMap<>();
        commit.put("0", new SubscriptionOffset(10, 1700000000123L, 0, 1L, 0));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.commitSubscriptionOffset(
                                        "proj_a", "topic_a", "s1", SdkModels.sdkOffsets(commit)),
                        () -> ours.commitOffsets("proj_a", "topic_a", "s1", commit)));
        Map<String, SubscriptionOffset> reset =
                Map.of("0", SubscriptionOffset.forReset(20, 1700000000999L));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.resetSubscriptionOffset(
                                        "proj_a", "topic_a", "s1", SdkModels.sdkOffsets(reset)),
                        () -> ours.resetOffsets("proj_a", "topic_a", "s1", reset)));
    }

    @Test
    void subscriptionResultsDecodeLikeTheSdk() {
        harness.respond(json(201, "{\"SubId\":\"1661239310380007Nh\"}"));
        assertThat(ours.createSubscription("proj_a", "topic_a", "c"))
                .isEqualTo(sdk.createSubscription("proj_a", "topic_a", "c").getSubId());

        harness.respond(json(200, SdkModels.SUBSCRIPTION));
        assertSameSubscription(
                sdk.getSubscription("proj_a", "topic_a", "s1"),
                ours.getSubscription("proj_a", "topic_a", "s1"));

        harness.respond(
                json(200, "{\"TotalCount\":7,\"Subscriptions\":[" + SdkModels.SUBSCRIPTION + "]}"));
        var sdkPage = sdk.listSubscription("proj_a", "topic_a", 1, 10);
        SubscriptionPage ourPage = ours.listSubscriptions("proj_a", "topic_a", 1, 10);
        assertThat(ourPage.totalCount()).isEqualTo(sdkPage.getTotalCount());
        assertSameSubscription(sdkPage.getSubscriptions().get(0), ourPage.subscriptions().get(0));

        harness.respond(json(200, SdkModels.OFFSETS));
        var sdkOffsets =
                sdk.openSubscriptionSession("proj_a", "topic_a", "s1", List.of("0", "1"))
                        .getOffsets();
        Map<String, SubscriptionOffset> ourOffsets =
                ours.openOffsetSession("proj_a", "topic_a", "s1", List.of("0", "1"));
        assertThat(ourOffsets.keySet()).isEqualTo(sdkOffsets.keySet());
        sdkOffsets.forEach(
                (shard, s) -> {
                    SubscriptionOffset o = ourOffsets.get(shard);
                    assertThat(o.sequence()).isEqualTo(s.getSequence());
                    assertThat(o.timestamp()).isEqualTo(s.getTimestamp());
                    assertThat(o.version()).isEqualTo(s.getVersionId());
                    assertThat(o.batchIndex()).isEqualTo(s.getBatchIndex());
                    assertThat(String.valueOf(o.sessionId())).isEqualTo(s.getSessionId());
                });
    }

    @Test
    void blobTopicOfflineSubscriptionAndSessionlessOffsetsDecodeLikeTheSdk() {
        harness.respond(
                json(
                        200,
                        "{\"Comment\":\"blob\",\"CreateTime\":1,\"LastModifyTime\":2,"
                                + "\"Lifecycle\":3,\"RecordType\":\"BLOB\",\"ShardCount\":1}"));
        GetTopicResult sdkTopic = sdk.getTopic("proj_a", "blob_a");
        TopicInfo ourTopic = ours.getTopic("proj_a", "blob_a");
        assertThat(ourTopic.recordType().name()).isEqualTo(sdkTopic.getRecordType().name());
        assertThat(ourTopic.schema()).isNull();
        assertThat(sdkTopic.getRecordSchema()).isNull();

        harness.respond(
                json(
                        200,
                        SdkModels.SUBSCRIPTION
                                .replace("\"Type\":0", "\"Type\":1")
                                .replace("\"State\":1", "\"State\":0")));
        var sdkSub = sdk.getSubscription("proj_a", "topic_a", "s1");
        SubscriptionInfo ourSub = ours.getSubscription("proj_a", "topic_a", "s1");
        assertThat(ourSub.online()).isFalse();
        assertThat(sdkSub.getState())
                .isEqualTo(com.aliyun.datahub.client.model.SubscriptionState.OFFLINE);
        assertThat(ourSub.type()).isEqualTo(sdkSub.getType().ordinal()).isEqualTo(1);

        // GetOffset may omit SessionId (notes §4.8).
        harness.respond(
                json(
                        200,
                        "{\"Offsets\":{\"0\":{\"Sequence\":10,\"Timestamp\":1000,\"Version\":0}}}"));
        var sdkOffset =
                sdk.getSubscriptionOffset("proj_a", "topic_a", "s1", List.of("0"))
                        .getOffsets()
                        .get("0");
        SubscriptionOffset ourOffset =
                ours.getOffsets("proj_a", "topic_a", "s1", List.of("0")).get("0");
        assertThat(ourOffset.sequence()).isEqualTo(sdkOffset.getSequence()).isEqualTo(10);
        assertThat(ourOffset.timestamp()).isEqualTo(sdkOffset.getTimestamp());
        assertThat(ourOffset.version()).isEqualTo(sdkOffset.getVersionId());
        assertThat(ourOffset.batchIndex()).isEqualTo(sdkOffset.getBatchIndex());
        assertThat(ourOffset.sessionId()).isNull();
        assertThat(sdkOffset.getSessionId()).isNull();
    }

    private static void assertSameSubscription(
            SubscriptionEntry expected, SubscriptionInfo actual) {
        assertThat(actual.subId()).isEqualTo(expected.getSubId());
        assertThat(actual.topicName()).isEqualTo(expected.getTopicName());
        assertThat(actual.comment()).isEqualTo(expected.getComment());
        assertThat(actual.type()).isEqualTo(expected.getType().ordinal());
        assertThat(actual.online())
                .isEqualTo(
                        expected.getState()
                                == com.aliyun.datahub.client.model.SubscriptionState.ONLINE)
                .isTrue();
        assertThat(actual.createTime().getEpochSecond()).isEqualTo(expected.getCreateTime());
        assertThat(actual.lastModifyTime().getEpochSecond())
                .isEqualTo(expected.getLastModifyTime());
    }
}
