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

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Non-idempotent creates after an ambiguous failure (issue 6 item 8): the server received and
 * applied the first attempt but its answer never arrived. Projects and topics resolve the ambiguity
 * by looking the resource up; subscriptions are not re-sent.
 */
class CreateRetriesTest extends MockServerTestBase {

    private static final String TOPIC_JSON =
            "{\"Comment\":\"c\",\"CreateTime\":1,\"LastModifyTime\":1,\"Lifecycle\":3,"
                    + "\"RecordType\":\"BLOB\",\"ShardCount\":2}";

    private HttpDataHubClient shortTimeoutClient() {
        return client(b -> b.readTimeout(Duration.ofMillis(300)));
    }

    /** The server reads the request (and so "applies" it) but never answers. */
    private static MockResponse appliedButNoAnswer() {
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }

    @Test
    void aProjectCreatedByTheTimedOutAttemptIsFoundNotRecreated() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(json(200, "{\"Comment\":\"mine\",\"CreateTime\":1,\"LastModifyTime\":1}"));
        shortTimeoutClient().createProject("p", "mine");
        assertThat(requests()).containsExactly("POST /projects/p", "GET /projects/p");
    }

    @Test
    void aProjectAbsentAfterTheAmbiguousFailureIsCreatedAgain() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(error(404, "NoSuchProject", "The specified project name does not exist."));
        server.enqueue(json(201, ""));
        shortTimeoutClient().createProject("p", "mine");
        assertThat(requests())
                .containsExactly("POST /projects/p", "GET /projects/p", "POST /projects/p");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void alreadyExistAfterAnAmbiguousAttemptIsSuccessWhenTheProjectMatches() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(error(404, "NoSuchProject", "not yet visible"));
        server.enqueue(error(409, "ProjectAlreadyExist", "The specified project already exists."));
        server.enqueue(json(200, "{\"Comment\":\"mine\",\"CreateTime\":1,\"LastModifyTime\":1}"));
        shortTimeoutClient().createProject("p", "mine");
        assertThat(requests())
                .containsExactly(
                        "POST /projects/p",
                        "GET /projects/p",
                        "POST /projects/p",
                        "GET /projects/p");
    }

    @Test
    void alreadyExistIsRaisedWhenTheExistingProjectIsSomeoneElses() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(json(200, "{\"Comment\":\"theirs\",\"CreateTime\":1,\"LastModifyTime\":1}"));
        server.enqueue(error(409, "ProjectAlreadyExist", "The specified project already exists."));
        server.enqueue(json(200, "{\"Comment\":\"theirs\",\"CreateTime\":1,\"LastModifyTime\":1}"));
        assertThatThrownBy(() -> shortTimeoutClient().createProject("p", "mine"))
                .isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void alreadyExistWithoutAnyAmbiguityIsRaisedWithoutALookup() throws Exception {
        server.enqueue(error(409, "ProjectAlreadyExist", "The specified project already exists."));
        assertThatThrownBy(() -> client().createProject("p", "mine"))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(requests()).containsExactly("POST /projects/p");
    }

    @Test
    void aServerErrorAfterTheTopicWasCreatedIsResolvedByLookingItUp() throws Exception {
        server.enqueue(error(500, "InternalServerError", "applied, then failed to answer"));
        server.enqueue(json(200, TOPIC_JSON));
        client().createBlobTopic("p", "t", 2, 3, "c");
        assertThat(requests())
                .containsExactly("POST /projects/p/topics/t", "GET /projects/p/topics/t");
    }

    @Test
    void aTopicThatExistsWithOtherPropertiesIsAlreadyExist() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(json(200, TOPIC_JSON.replace("\"ShardCount\":2", "\"ShardCount\":5")));
        server.enqueue(error(409, "TopicAlreadyExist", "The specified topic already exists."));
        server.enqueue(json(200, TOPIC_JSON.replace("\"ShardCount\":2", "\"ShardCount\":5")));
        assertThatThrownBy(() -> shortTimeoutClient().createBlobTopic("p", "t", 2, 3, "c"))
                .isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void aSubscriptionIsNotResentAfterAnAmbiguousFailure() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(json(201, "{\"SubId\":\"second\"}"));
        assertThatThrownBy(() -> shortTimeoutClient().createSubscription("p", "t", "c"))
                .isInstanceOf(DataHubTransportException.class)
                .satisfies(e -> assertThat(((DataHubTransportException) e).requestSent()).isTrue());
        assertThat(requests()).containsExactly("POST /projects/p/topics/t/subscriptions");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSubscriptionIsResentWhenTheFailureProvesNothingWasApplied() throws Exception {
        server.enqueue(error(429, "LimitExceeded", "throttled"));
        server.enqueue(json(201, "{\"SubId\":\"1700000000000abcd\"}"));
        assertThat(client().createSubscription("p", "t", "c")).isEqualTo("1700000000000abcd");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSubscriptionServerErrorIsNotRetried() {
        server.enqueue(error(500, "InternalServerError", "maybe applied"));
        server.enqueue(json(201, "{\"SubId\":\"second\"}"));
        assertThatThrownBy(() -> client().createSubscription("p", "t", "c"))
                .isInstanceOf(DataHubException.class)
                .satisfies(e -> assertThat(((DataHubException) e).httpStatus()).isEqualTo(500));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static final String KEY_0 = "00000000000000000000000000000000";
    private static final String KEY_MID = "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String KEY_MAX = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    private static String shard(String id, String state, String begin, String end, String parents) {
        return "{\"ShardId\":\""
                + id
                + "\",\"State\":\""
                + state
                + "\",\"BeginHashKey\":\""
                + begin
                + "\",\"EndHashKey\":\""
                + end
                + "\",\"ParentShardIds\":["
                + parents
                + "]}";
    }

    @Test
    void aSplitAppliedByTheTimedOutAttemptReturnsTheChildrenWithoutSplittingAgain()
            throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(
                json(
                        200,
                        "{\"Interval\":300000,\"Shards\":["
                                + shard("0", "CLOSED", KEY_0, KEY_MAX, "")
                                + ","
                                + shard("1", "ACTIVE", KEY_0, KEY_MID, "\"0\"")
                                + ","
                                + shard("2", "ACTIVE", KEY_MID, KEY_MAX, "\"0\"")
                                + "]}"));
        List<ShardRange> children = shortTimeoutClient().splitShard("p", "t", "0", KEY_MID);
        assertThat(children)
                .containsExactly(
                        new ShardRange("1", KEY_0, KEY_MID), new ShardRange("2", KEY_MID, KEY_MAX));
        assertThat(requests())
                .containsExactly(
                        "POST /projects/p/topics/t/shards", "GET /projects/p/topics/t/shards");
    }

    @Test
    void aSplitNotAppliedIsSentAgainAndASealedAnswerIsThenCheckedToo() throws Exception {
        String unsplit =
                "{\"Interval\":300000,\"Shards\":["
                        + shard("0", "ACTIVE", KEY_0, KEY_MAX, "")
                        + "]}";
        String split =
                "{\"Interval\":300000,\"Shards\":["
                        + shard("0", "CLOSED", KEY_0, KEY_MAX, "")
                        + ","
                        + shard("1", "ACTIVE", KEY_0, KEY_MID, "\"0\"")
                        + ","
                        + shard("2", "ACTIVE", KEY_MID, KEY_MAX, "\"0\"")
                        + "]}";
        server.enqueue(appliedButNoAnswer());
        server.enqueue(json(200, unsplit)); // not visible yet
        server.enqueue(error(400, "InvalidShardOperation", "The specified shard is not active."));
        server.enqueue(json(200, split));
        assertThat(shortTimeoutClient().splitShard("p", "t", "0", KEY_MID)).hasSize(2);
        assertThat(requests())
                .containsExactly(
                        "POST /projects/p/topics/t/shards",
                        "GET /projects/p/topics/t/shards",
                        "POST /projects/p/topics/t/shards",
                        "GET /projects/p/topics/t/shards");
    }

    @Test
    void aMergeAppliedByTheTimedOutAttemptReturnsTheMergedShard() throws Exception {
        server.enqueue(appliedButNoAnswer());
        server.enqueue(
                json(
                        200,
                        "{\"Interval\":300000,\"Shards\":["
                                + shard("0", "CLOSED", KEY_0, KEY_MID, "")
                                + ","
                                + shard("1", "CLOSED", KEY_MID, KEY_MAX, "")
                                + ","
                                + shard("2", "ACTIVE", KEY_0, KEY_MAX, "\"0\",\"1\"")
                                + "]}"));
        assertThat(shortTimeoutClient().mergeShard("p", "t", "0", "1"))
                .isEqualTo(new ShardRange("2", KEY_0, KEY_MAX));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAppendedFieldFoundAfterAnAmbiguousFailureIsNotAppendedAgain() throws Exception {
        server.enqueue(error(503, "ServiceUnavailable", "applied, then failed to answer"));
        server.enqueue(
                json(
                        200,
                        "{\"Comment\":\"c\",\"Lifecycle\":1,\"RecordType\":\"TUPLE\",\"ShardCount\":1,"
                            + "\"RecordSchema\":\"{\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":"
                            + "\\\"BIGINT\\\"},{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"STRING\\\"}]}\"}"));
        client().appendField("p", "t", Field.of("b", FieldType.STRING));
        assertThat(requests())
                .containsExactly("POST /projects/p/topics/t", "GET /projects/p/topics/t");
    }

    private List<String> requests() throws InterruptedException {
        List<String> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            out.add(r.getMethod() + " " + r.getPath());
        }
        return out;
    }
}
