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

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request shape (method, path, headers, signature, body) and response parsing of JSON calls. */
class ControlPlaneCallsTest extends MockServerTestBase {

    static void assertSignedBy(RecordedRequest request, Credentials credentials) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().names().forEach(n -> headers.put(n, request.getHeader(n)));
        String expected =
                RequestSigner.authorization(
                        credentials,
                        request.getMethod(),
                        request.getHeader("Content-Type"),
                        request.getHeader("Date"),
                        headers,
                        request.getPath());
        assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    }

    @Test
    void listProjectsIsASignedGetWithoutContentType() throws Exception {
        server.enqueue(json(200, "{\"ProjectNames\":[\"p1\",\"p2\"]}"));
        assertThat(client().listProjects()).containsExactly("p1", "p2");

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/projects");
        assertThat(request.getHeader("Date")).isEqualTo(DATE);
        assertThat(request.getHeader("x-datahub-client-version")).isEqualTo("1.1");
        assertThat(request.getHeader("Content-Type")).isNull();
        assertThat(request.getHeader("Authorization")).startsWith("DATAHUB testAccessId:");
        assertSignedBy(request, new Credentials(ACCESS_ID, SECRET, null));
    }

    @Test
    void stsTokenIsSentAndSigned() throws Exception {
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        client(b -> b.credentialsProvider(CredentialsProvider.of("stsId", "stsSecret", "stsToken")))
                .listProjects();
        RecordedRequest request = take();
        assertThat(request.getHeader("x-datahub-security-token")).isEqualTo("stsToken");
        assertSignedBy(request, new Credentials("stsId", "stsSecret", "stsToken"));
    }

    @Test
    void withoutCredentialsNothingIsSigned() throws Exception {
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        client(b -> b.credentialsProvider(null)).listProjects();
        assertThat(take().getHeader("Authorization")).isNull();
    }

    @Test
    void getProjectParsesSecondsTimes() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"Comment\":\"c\",\"CreateTime\":1525312757,\"LastModifyTime\":1525312758}"));
        ProjectInfo project = client().getProject("conf_p");
        assertThat(project.comment()).isEqualTo("c");
        assertThat(project.createTime()).isEqualTo(Instant.ofEpochSecond(1525312757));
        assertThat(take().getPath()).isEqualTo("/projects/conf_p");
    }

    @Test
    void createTupleTopicSendsTheSdkBody() throws Exception {
        server.enqueue(json(201, ""));
        RecordSchema schema =
                RecordSchema.of(
                        Field.of("f_str", FieldType.STRING),
                        new Field("f_big", FieldType.BIGINT, false, "a comment"));
        client().createTupleTopic("p", "t", 3, 3, schema, "tc");

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/projects/p/topics/t");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(bodyText(request))
                .isEqualTo(
                        "{\"Action\":\"create\",\"ShardCount\":3,\"Lifecycle\":3,\"RecordType\":\"TUPLE\","
                            + "\"RecordSchema\":\"{\\\"fields\\\":[{\\\"name\\\":\\\"f_str\\\",\\\"type\\\":\\\"STRING\\\"},"
                            + "{\\\"name\\\":\\\"f_big\\\",\\\"type\\\":\\\"BIGINT\\\",\\\"notnull\\\":true,\\\"comment\\\":\\\"a"
                            + " comment\\\"}]}\",\"Comment\":\"tc\",\"ExpandMode\":\"\"}");
        assertSignedBy(request, new Credentials(ACCESS_ID, SECRET, null));
    }

    @Test
    void getTopicParsesSchemaAndBlobTopics() {
        server.enqueue(
                json(
                        200,
                        "{\"Comment\":\"tuple\",\"CreateTime\":1,\"LastModifyTime\":2,\"Lifecycle\":7,"
                            + "\"RecordType\":\"TUPLE\",\"ShardCount\":3,\"ExpandMode\":\"\",\"RecordSchema\":"
                            + "\"{\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"bigint\\\",\\\"notnull\\\":true}]}\"}"));
        server.enqueue(json(200, "{\"RecordType\":\"BLOB\",\"ShardCount\":1,\"Lifecycle\":1}"));
        HttpDataHubClient client = client();
        TopicInfo tuple = client.getTopic("p", "t");
        assertThat(tuple.schema()).isEqualTo(RecordSchema.of(Field.notNull("a", FieldType.BIGINT)));
        assertThat(tuple.shardCount()).isEqualTo(3);
        assertThat(tuple.lifecycleDays()).isEqualTo(7);
        TopicInfo blob = client.getTopic("p", "b");
        assertThat(blob.recordType()).isEqualTo(RecordType.BLOB);
        assertThat(blob.schema()).isNull();
    }

    @Test
    void updateDeleteAndAppendField() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, ""));
        }
        HttpDataHubClient client = client();
        client.updateTopic("p", "t", "new", 5);
        client.deleteTopic("p", "t");
        client.appendField("p", "t", new Field("f_new", FieldType.STRING, true, "cmt"));

        RecordedRequest update = take();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(bodyText(update)).isEqualTo("{\"Comment\":\"new\",\"Lifecycle\":5}");
        RecordedRequest delete = take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getHeader("Content-Type")).isNull();
        assertThat(bodyText(take()))
                .isEqualTo(
                        "{\"Action\":\"AppendField\",\"Fields\":[{\"Name\":\"f_new\",\"Type\":\"STRING\","
                            + "\"Comment\":\"cmt\"}]}");
    }

    @Test
    void listShardsMapsNoNeighbourToNull() {
        server.enqueue(
                json(
                        200,
                        "{\"Protocol\":\"http1.1\",\"Interval\":300000,\"Shards\":[{\"ShardId\":\"0\","
                            + "\"State\":\"ACTIVE\",\"ClosedTime\":0,\"BeginHashKey\":\"00000000000000000000000000000000\","
                            + "\"EndHashKey\":\"55555555555555555555555555555555\",\"ParentShardIds\":[],"
                            + "\"LeftShardId\":\"4294967295\",\"RightShardId\":\"1\"},{\"ShardId\":\"3\","
                            + "\"State\":\"CLOSED\",\"ParentShardIds\":[\"0\",\"1\"],"
                            + "\"BeginHashKey\":\"00000000000000000000000000000000\",\"EndHashKey\":\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\"}]}"));
        List<ShardInfo> shards = client().listShards("p", "t");
        assertThat(shards.get(0).leftShardId()).isNull();
        assertThat(shards.get(0).rightShardId()).isEqualTo("1");
        assertThat(shards.get(0).state()).isEqualTo(ShardState.ACTIVE);
        assertThat(shards.get(1).parentShardIds()).containsExactly("0", "1");
    }

    @Test
    void splitWithoutKeyUsesTheMidpoint() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"Shards\":[{\"ShardId\":\"0\",\"State\":\"ACTIVE\",\"BeginHashKey\":"
                            + "\"00000000000000000000000000000000\",\"EndHashKey\":\"7FFFFFFFFFFFFFFF7FFFFFFFFFFFFFFF\"}]}"));
        server.enqueue(
                json(
                        200,
                        "{\"NewShards\":[{\"ShardId\":\"2\",\"BeginHashKey\":\"0\",\"EndHashKey\":\"3\"},"
                            + "{\"ShardId\":\"3\",\"BeginHashKey\":\"3\",\"EndHashKey\":\"7\"}]}"));
        List<ShardRange> ranges = client().splitShard("p", "t", "0");
        assertThat(ranges).extracting(ShardRange::shardId).containsExactly("2", "3");
        take();
        assertThat(bodyText(take()))
                .isEqualTo(
                        "{\"Action\":\"split\",\"ShardId\":\"0\",\"SplitKey\":\"3FFFFFFFFFFFFFFFBFFFFFFFFFFFFFFF\"}");
    }

    @Test
    void mergeAndMeter() throws Exception {
        server.enqueue(
                json(200, "{\"ShardId\":\"4\",\"BeginHashKey\":\"00\",\"EndHashKey\":\"FF\"}"));
        server.enqueue(json(200, "{\"ActiveTime\":1590206,\"Storage\":7}"));
        HttpDataHubClient client = client();
        assertThat(client.mergeShard("p", "t", "2", "3"))
                .isEqualTo(new ShardRange("4", "00", "FF"));
        assertThat(client.getShardMeterInfo("p", "t", "0"))
                .isEqualTo(new ShardMeterInfo(1590206, 7));
        assertThat(bodyText(take()))
                .isEqualTo("{\"Action\":\"merge\",\"ShardId\":\"2\",\"AdjacentShardId\":\"3\"}");
        RecordedRequest meter = take();
        assertThat(meter.getPath()).isEqualTo("/projects/p/topics/t/shards/0");
        assertThat(bodyText(meter)).isEqualTo("{\"Action\":\"meter\"}");
    }

    @Test
    void waitForShardsReadyPollsUntilReady() {
        server.enqueue(
                json(
                        200,
                        "{\"Shards\":[{\"ShardId\":\"0\",\"State\":\"OPENING\",\"BeginHashKey\":\"00000000000000000000000000000000\",\"EndHashKey\":\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\"}]}"));
        server.enqueue(
                json(
                        200,
                        "{\"Shards\":[{\"ShardId\":\"0\",\"State\":\"ACTIVE\",\"BeginHashKey\":\"00000000000000000000000000000000\",\"EndHashKey\":\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\"}]}"));
        assertThat(client().waitForShardsReady("p", "t", Duration.ofSeconds(30))).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void cursorRequests() throws Exception {
        server.enqueue(json(200, "{\"Cursor\":\"c1\",\"RecordTime\":5,\"Sequence\":9}"));
        server.enqueue(json(200, "{\"Cursor\":\"c2\",\"RecordTime\":6,\"Sequence\":1}"));
        HttpDataHubClient client = client();
        assertThat(client.getCursor("p", "t", "0", CursorType.SEQUENCE, 9))
                .isEqualTo(new CursorResult("c1", 5, 9));
        client.getCursor("p", "t", "0", CursorType.SYSTEM_TIME, 1700000000000L);
        assertThat(bodyText(take()))
                .isEqualTo("{\"Action\":\"cursor\",\"Type\":\"SEQUENCE\",\"Sequence\":9}");
        assertThat(bodyText(take()))
                .isEqualTo(
                        "{\"Action\":\"cursor\",\"Type\":\"SYSTEM_TIME\",\"SystemTime\":1700000000000}");
    }

    @Test
    void subscriptionLifecycle() throws Exception {
        server.enqueue(json(201, "{\"SubId\":\"1661239310380abcde\"}"));
        server.enqueue(
                json(
                        200,
                        "{\"SubId\":\"s\",\"TopicName\":\"t\",\"Comment\":\"c\",\"Type\":0,\"State\":1,"
                            + "\"CreateTime\":1,\"LastModifyTime\":2}"));
        server.enqueue(
                json(200, "{\"TotalCount\":1,\"Subscriptions\":[{\"SubId\":\"s\",\"State\":0}]}"));
        server.enqueue(json(200, ""));
        server.enqueue(json(200, ""));
        server.enqueue(json(200, ""));
        HttpDataHubClient client = client();
        assertThat(client.createSubscription("p", "t", "c")).isEqualTo("1661239310380abcde");
        SubscriptionInfo info = client.getSubscription("p", "t", "s");
        assertThat(info.online()).isTrue();
        assertThat(info.comment()).isEqualTo("c");
        SubscriptionPage page = client.listSubscriptions("p", "t", 1, 10);
        assertThat(page.totalCount()).isEqualTo(1);
        assertThat(page.subscriptions().get(0).online()).isFalse();
        client.updateSubscriptionComment("p", "t", "s", "c2");
        client.updateSubscriptionState("p", "t", "s", false);
        client.deleteSubscription("p", "t", "s");

        assertThat(bodyText(take())).isEqualTo("{\"Action\":\"create\",\"Comment\":\"c\"}");
        assertThat(take().getPath()).isEqualTo("/projects/p/topics/t/subscriptions/s");
        assertThat(bodyText(take()))
                .isEqualTo("{\"Action\":\"list\",\"PageIndex\":1,\"PageSize\":10}");
        assertThat(bodyText(take())).isEqualTo("{\"Comment\":\"c2\"}");
        assertThat(bodyText(take())).isEqualTo("{\"State\":0}");
        assertThat(take().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void offsetSessionCommitAndReset() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"Offsets\":{\"0\":{\"Sequence\":-1,\"Timestamp\":-1,\"Version\":0,\"SessionId\":1,"
                            + "\"BatchIndex\":0}}}"));
        server.enqueue(json(200, ""));
        server.enqueue(json(200, ""));
        server.enqueue(
                json(
                        200,
                        "{\"Offsets\":{\"0\":{\"Sequence\":20,\"Timestamp\":2000,\"Version\":1}}}"));
        HttpDataHubClient client = client();
        Map<String, SubscriptionOffset> opened =
                client.openOffsetSession("p", "t", "s", List.of("0"));
        assertThat(opened).containsEntry("0", new SubscriptionOffset(-1, -1, 0, 1L, 0));
        client.commitOffsets("p", "t", "s", Map.of("0", opened.get("0").withPosition(10, 1000)));
        client.resetOffsets("p", "t", "s", Map.of("0", SubscriptionOffset.forReset(20, 2000)));
        assertThat(client.getOffsets("p", "t", "s", List.of("0")))
                .containsEntry("0", new SubscriptionOffset(20, 2000, 1, null, 0));

        RecordedRequest open = take();
        assertThat(open.getPath()).isEqualTo("/projects/p/topics/t/subscriptions/s/offsets");
        assertThat(bodyText(open)).isEqualTo("{\"Action\":\"open\",\"ShardIds\":[\"0\"]}");
        RecordedRequest commit = take();
        assertThat(commit.getMethod()).isEqualTo("PUT");
        assertThat(bodyText(commit))
                .isEqualTo(
                        "{\"Action\":\"commit\",\"Offsets\":{\"0\":{\"Timestamp\":1000,\"Sequence\":10,"
                            + "\"BatchIndex\":0,\"Version\":0,\"SessionId\":1}}}");
        assertThat(bodyText(take()))
                .isEqualTo(
                        "{\"Action\":\"reset\",\"Offsets\":{\"0\":{\"Timestamp\":2000,\"Sequence\":20,"
                            + "\"BatchIndex\":0}}}");
    }

    @Test
    void projectCrud() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, ""));
        }
        server.enqueue(json(200, "{\"TopicNames\":[\"a\"]}"));
        HttpDataHubClient client = client();
        client.createProject("p", "c");
        client.updateProject("p", "c2");
        client.deleteProject("p");
        assertThat(client.listTopics("p")).containsExactly("a");
        RecordedRequest create = take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(bodyText(create)).isEqualTo("{\"Comment\":\"c\"}");
        assertThat(take().getMethod()).isEqualTo("PUT");
        assertThat(take().getMethod()).isEqualTo("DELETE");
        assertThat(take().getPath()).isEqualTo("/projects/p/topics");
    }

    @Test
    void aResponseMissingAFieldIsADecodeErrorNamingCallAndFieldAndIsNotRetried() {
        server.enqueue(json(200, "{\"Interval\":1000,\"Shards\":[{\"ShardId\":\"0\"}]}"));
        server.enqueue(json(200, "{\"Cursor\":\"c\",\"RecordTime\":\"soon\",\"Sequence\":0}"));
        HttpDataHubClient client = client();
        assertThatThrownBy(() -> client.listShards("p", "t"))
                .isInstanceOf(DataHubDecodeException.class)
                .hasMessageContaining("ListShard")
                .hasMessageContaining("Shards[0].State")
                .satisfies(e -> assertThat(((DataHubDecodeException) e).isRetryable()).isFalse());
        assertThatThrownBy(() -> client.getCursor("p", "t", "0", CursorType.OLDEST))
                .isInstanceOf(DataHubDecodeException.class)
                .satisfies(
                        e -> {
                            assertThat(((DataHubDecodeException) e).call()).isEqualTo("GetCursor");
                            assertThat(((DataHubDecodeException) e).field())
                                    .isEqualTo("RecordTime");
                        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
