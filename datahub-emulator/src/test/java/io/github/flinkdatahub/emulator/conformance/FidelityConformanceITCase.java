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

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers the official SDKs' own tests expect of the real service (the Python SDK's function tests,
 * the Java client library's fixtures), where the emulator used to differ: names are validated
 * before they are looked up, shard ids that cannot exist are missing shards, and field comments may
 * be any JSON scalar. The Java SDK validates some of these client-side, so those go over raw HTTP.
 */
class FidelityConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, null);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Conformance vector A.2: a framed PB PutRecordsRequest with one blob record. */
    private static final byte[] PB_PUT =
            HexFormat.of()
                    .parseHex("444855426504410c000000130a110a01314a0c0a0a0a08626c6f6264617461");

    private static final String PROJECT = "fidelity";
    private static final String TOPIC = "blobs";

    @BeforeAll
    static void createTopic() {
        DatahubClient client = SdkMode.JSON.client(EMULATOR.emulator().endpoint());
        client.createProject(PROJECT, "c");
        client.createTopic(PROJECT, TOPIC, 2, 1, RecordType.BLOB, "c");
    }

    /** Every kind of call that names a project; "a" is too short to be a project name. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET|/projects/a|",
                "PUT|/projects/a|{\"Comment\":\"c\"}",
                "DELETE|/projects/a|",
                "GET|/projects/a/topics|",
                "POST|/projects/a/topics/blobs|{\"Action\":\"create\",\"ShardCount\":1,"
                        + "\"Lifecycle\":1,\"RecordType\":\"BLOB\",\"Comment\":\"c\"}",
                "GET|/projects/a/topics/blobs|",
                "DELETE|/projects/a/topics/blobs|",
                "GET|/projects/a/topics/blobs/shards|",
                "POST|/projects/a/topics/blobs/shards|{\"Action\":\"pub\",\"Records\":[]}",
                "POST|/projects/a/topics/blobs/shards/0|{\"Action\":\"cursor\",\"Type\":\"OLDEST\"}",
                "POST|/projects/a/topics/blobs/subscriptions|{\"Action\":\"list\","
                        + "\"PageIndex\":1,\"PageSize\":10}",
                "GET|/projects/a/topics/blobs/connectors?mode=id|",
            })
    void anInvalidProjectNameIsInvalidParameterInEveryCall(String method, String path, String body)
            throws Exception {
        HttpResponse<String> r = json(method, path, body);

        assertError(r, 400, "InvalidParameter", "Project name is missing or invalid:a");
    }

    @Test
    void putByShardToAnInvalidProjectIsInvalidParameter() throws Exception {
        assertError(
                pb("/projects/a/topics/blobs/shards/0"),
                400,
                "InvalidParameter",
                "Project name is missing or invalid:a");
    }

    @Test
    void invalidNamesThroughTheJavaSdk() {
        DatahubClient client = SdkMode.PROTOBUF.client(EMULATOR.emulator().endpoint());
        // The SDK lets these through (its lookup check allows a digit first); they cannot exist.
        assertThat(
                        assertDataHubError(
                                        () -> client.getProject("9abc"),
                                        InvalidParameterException.class,
                                        "InvalidParameter")
                                .getErrorMessage())
                .isEqualTo("Project name is missing or invalid:9abc");
        assertThat(
                        assertDataHubError(
                                        () -> client.getTopic(PROJECT, "9t"),
                                        InvalidParameterException.class,
                                        "InvalidParameter")
                                .getErrorMessage())
                .isEqualTo("Topic name is missing or invalid:9t");
        // a valid name that does not exist is still NoSuchTopic
        assertDataHubError(
                () -> client.getTopic(PROJECT, "a"),
                ResourceNotFoundException.class,
                "NoSuchTopic");
    }

    @ParameterizedTest(name = "shard {0}")
    @CsvSource({"-1", "abc", "99"})
    void shardIdsThatCannotExistAreMissingShards(String shard) throws Exception {
        String path = "/projects/" + PROJECT + "/topics/" + TOPIC + "/shards/" + shard;
        String message = "Shard is not exist: " + PROJECT + "/" + TOPIC + "/" + shard;

        assertError(pb(path), 404, "NoSuchShard", message);
        assertError(
                json("POST", path, "{\"Action\":\"cursor\",\"Type\":\"OLDEST\"}"),
                404,
                "NoSuchShard",
                message);
        assertError(
                json("POST", path, "{\"Action\":\"sub\",\"Cursor\":\"x\",\"Limit\":1}"),
                404,
                "NoSuchShard",
                message);
        assertError(json("POST", path, "{\"Action\":\"meter\"}"), 404, "NoSuchShard", message);
        assertError(
                json(
                        "POST",
                        "/projects/" + PROJECT + "/topics/" + TOPIC + "/shards",
                        "{\"Action\":\"merge\",\"ShardId\":\"0\",\"AdjacentShardId\":\""
                                + shard
                                + "\"}"),
                404,
                "NoSuchShard",
                message);
    }

    @Test
    void fieldCommentsMayBeBooleansOrNumbers() throws Exception {
        String schema =
                "{\"fields\":[{\"name\":\"a\",\"type\":\"STRING\",\"comment\":true},"
                        + "{\"name\":\"b\",\"type\":\"BIGINT\",\"comment\":42}]}";
        String body =
                MAPPER.createObjectNode()
                        .put("Action", "create")
                        .put("ShardCount", 1)
                        .put("Lifecycle", 1)
                        .put("RecordType", "TUPLE")
                        .put("RecordSchema", schema)
                        .put("Comment", "c")
                        .toString();

        HttpResponse<String> created =
                json("POST", "/projects/" + PROJECT + "/topics/scalars", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        DatahubClient client = SdkMode.JSON.client(EMULATOR.emulator().endpoint());
        RecordSchema read = client.getTopic(PROJECT, "scalars").getRecordSchema();
        assertThat(read.getField("a").getComment()).isEqualTo("true");
        assertThat(read.getField("b").getComment()).isEqualTo("42");
        assertThat(
                        json(
                                        "POST",
                                        "/projects/" + PROJECT + "/topics/scalars",
                                        "{\"Action\":\"AppendField\",\"Fields\":[{\"Name\":\"c\","
                                                + "\"Type\":\"STRING\",\"Comment\":false}]}")
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownSubscriptionsAndConnectorsAreMissing() throws Exception {
        String topicPath = "/projects/" + PROJECT + "/topics/" + TOPIC;
        assertError(
                json("GET", topicPath + "/subscriptions/nope", null),
                404,
                "NoSuchSubscription",
                "Subscription id invalid:nope");
        assertThat(json("GET", topicPath + "/connectors/nope", null).body())
                .contains("NoSuchConnector");
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message)
            throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = MAPPER.readTree(r.body());
        assertThat(body.path("ErrorCode").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.path("ErrorMessage").asText()).isEqualTo(message);
    }

    private static HttpResponse<String> json(String method, String path, String body)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(EMULATOR.emulator().endpoint() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null || body.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body, StandardCharsets.UTF_8))
                        .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> pb(String path) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(EMULATOR.emulator().endpoint() + path))
                        .header("Content-Type", "application/x-protobuf")
                        .header("x-datahub-request-action", "pub")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(PB_PUT))
                        .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
