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
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.RecordEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests over raw HTTP: each must get a 4xx DataHub error with {@code Content-Type:
 * application/json} exactly, an error code and a request id, and the emulator must keep serving SDK
 * clients afterwards.
 */
class RawProtocolAbuseITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, null);

    private static DataHubEmulator emulator;
    private DatahubClient sdk;
    private String project;
    private String topic;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @BeforeEach
    void createTopic() {
        sdk = SdkMode.PROTOBUF.client(emulator.endpoint());
        project = newProject(sdk);
        topic = newTupleTopic(sdk, project, 2);
    }

    /** The emulator still serves the SDK normally after the abuse. */
    @AfterEach
    void sdkStillWorks() {
        sdk.putRecordsByShard(project, topic, "1", List.of(tupleRecord(allTypesSchema(), 0)));
        String cursor = sdk.getCursor(project, topic, "1", CursorType.OLDEST).getCursor();
        assertThat(sdk.getRecords(project, topic, "1", allTypesSchema(), cursor, 10).getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactly(0L);
        assertThat(sdk.getTopic(project, topic).getShardCount()).isEqualTo(2);
    }

    private String shardPath(String shard) {
        return "/projects/" + project + "/topics/" + topic + "/shards/" + shard;
    }

    private String topicPath() {
        return "/projects/" + project + "/topics/" + topic;
    }

    @Test
    void badJson() throws Exception {
        assertDataHubError(postJson(shardPath("0"), "{\"Action\":"));
        assertDataHubError(postJson(shardPath("0"), "not json at all"));
        assertDataHubError(postJson(shardPath("0"), "[1,2,3]"));
        assertDataHubError(
                postJson(topicPath() + "/shards", "{\"Action\":\"pub\",\"Records\":[{]}"));
        assertDataHubError(postJson("/projects/" + project + "_new", "{\"Comment\":"));
    }

    @Test
    void wrongJsonTypes() throws Exception {
        assertDataHubError(postJson(shardPath("0"), "{\"Action\":\"cursor\",\"Type\":123}"));
        assertDataHubError(
                postJson(
                        shardPath("0"),
                        "{\"Action\":\"cursor\",\"Type\":\"SEQUENCE\",\"Sequence\":\"abc\"}"));
        assertDataHubError(
                postJson(shardPath("0"), "{\"Action\":\"sub\",\"Cursor\":{},\"Limit\":1}"));
        assertDataHubError(
                postJson(topicPath() + "/shards", "{\"Action\":\"pub\",\"Records\":\"none\"}"));
        assertDataHubError(
                postJson(
                        topicPath() + "/shards",
                        "{\"Action\":\"pub\",\"Records\":[{\"ShardId\":\"0\",\"Data\":{\"a\":1}}]}"));
        assertDataHubError(
                postJson(
                        "/projects/" + project + "/topics/typed_topic",
                        "{\"Action\":\"create\",\"ShardCount\":\"three\",\"Lifecycle\":1,"
                                + "\"RecordType\":\"BLOB\",\"Comment\":\"c\"}"));
        assertDataHubError(
                postJson(
                        "/projects/" + project + "/topics/typed_topic",
                        "{\"Action\":\"create\",\"ShardCount\":1,\"Lifecycle\":1,"
                                + "\"RecordType\":\"TUPLE\",\"RecordSchema\":\"{not json\","
                                + "\"Comment\":\"c\"}"));
    }

    @Test
    void missingRequiredFields() throws Exception {
        assertDataHubError(postJson(shardPath("0"), "{\"Action\":\"cursor\"}"));
        assertDataHubError(postJson(shardPath("0"), "{\"Action\":\"sub\",\"Limit\":10}"));
        assertDataHubError(postJson(shardPath("0"), "{}"));
        assertDataHubError(
                postJson(topicPath() + "/shards", "{\"Action\":\"split\",\"ShardId\":\"0\"}"));
        assertDataHubError(
                postJson(topicPath() + "/shards", "{\"Action\":\"merge\",\"ShardId\":\"0\"}"));
        assertDataHubError(
                postJson(
                        "/projects/" + project + "/topics/missing_type",
                        "{\"Action\":\"create\",\"ShardCount\":1,\"Lifecycle\":1}"));
        assertDataHubError(
                postJson(
                        topicPath() + "/subscriptions/unknown_sub/offsets",
                        "{\"Action\":\"commit\"}"));
    }

    @Test
    void unknownPathsMethodsAndActions() throws Exception {
        assertDataHubError(send("GET", "/", null, Map.of()));
        assertDataHubError(send("GET", "/nothing/here", null, Map.of()));
        assertDataHubError(send("GET", topicPath() + "/unknown", null, Map.of()));
        assertDataHubError(send("GET", shardPath("0") + "/deeper/still", null, Map.of()));
        assertDataHubError(send("PATCH", "/projects/" + project, "{}".getBytes(), jsonHeaders()));
        assertDataHubError(send("DELETE", topicPath() + "/shards", null, Map.of()));
        assertDataHubError(send("PUT", shardPath("0"), "{}".getBytes(), jsonHeaders()));
        assertDataHubError(postJson(topicPath() + "/shards", "{\"Action\":\"explode\"}"));
        assertDataHubError(postJson(shardPath("0"), "{\"Action\":\"explode\"}"));
        assertDataHubError(postJson(topicPath() + "/subscriptions", "{\"Action\":\"explode\"}"));
    }

    @Test
    void brokenProtobufFrames() throws Exception {
        byte[] payload =
                DatahubProtos.GetRecordsRequest.newBuilder()
                        .setCursor("30000000000000000000000000000000")
                        .setLimit(10)
                        .build()
                        .toByteArray();
        byte[] good = Wire.frame(payload);
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        byte[] badCrc = Wire.frame(payload, Wire.crc32c(payload) ^ 1, payload.length);
        byte[] lengthTooLong = Wire.frame(payload, Wire.crc32c(payload), payload.length + 100);
        byte[] lengthNegative = Wire.frame(payload, Wire.crc32c(payload), -5);
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] headerOnly = Arrays.copyOf(good, 7);
        byte[] garbagePayload = Wire.frame(new byte[] {(byte) 0xff, (byte) 0xff, 0x01, 0x02});

        for (byte[] body :
                List.of(badMagic, badCrc, lengthTooLong, lengthNegative, truncated, headerOnly)) {
            assertDataHubError(sendPb("sub", shardPath("0"), body, Map.of()));
            assertDataHubError(sendPb("pub", shardPath("0"), body, Map.of()));
            assertDataHubError(sendPb("pub", topicPath() + "/shards", body, Map.of()));
        }
        assertDataHubError(sendPb("sub", shardPath("0"), garbagePayload, Map.of()));
        assertDataHubError(sendPb("pub", shardPath("0"), new byte[0], Map.of()));
        assertDataHubError(sendPb("sideways", shardPath("0"), good, Map.of()));
    }

    @Test
    void brokenCompression() throws Exception {
        byte[] payload =
                DatahubProtos.GetRecordsRequest.newBuilder()
                        .setCursor("30000000000000000000000000000000")
                        .setLimit(10)
                        .build()
                        .toByteArray();
        byte[] frame = Wire.frame(payload);
        byte[] lz4 = Wire.lz4(frame);
        String rawSize = String.valueOf(frame.length);

        assertDataHubError(sendPb("sub", shardPath("0"), garbage(64), lz4Headers(rawSize)));
        assertDataHubError(
                sendPb(
                        "sub",
                        shardPath("0"),
                        Arrays.copyOf(lz4, lz4.length / 2),
                        lz4Headers(rawSize)));
        assertDataHubError(
                sendPb("sub", shardPath("0"), lz4, lz4Headers(String.valueOf(frame.length + 50))));
        assertDataHubError(
                sendPb("sub", shardPath("0"), lz4, lz4Headers(String.valueOf(frame.length - 5))));
        assertDataHubError(sendPb("sub", shardPath("0"), lz4, lz4Headers("not-a-number")));
        assertDataHubError(sendPb("sub", shardPath("0"), lz4, lz4Headers("-1")));
        assertDataHubError(sendPb("sub", shardPath("0"), lz4, lz4Headers("999999999999")));
        assertDataHubError(sendPb("sub", shardPath("0"), lz4, Map.of("Content-Encoding", "lz4")));
        assertDataHubError(
                sendPb("sub", shardPath("0"), garbage(64), Map.of("Content-Encoding", "deflate")));
        byte[] zlib = Wire.deflate(frame);
        assertDataHubError(
                sendPb(
                        "sub",
                        shardPath("0"),
                        Arrays.copyOf(zlib, zlib.length - 4),
                        Map.of("Content-Encoding", "deflate")));
        assertDataHubError(
                sendPb("sub", shardPath("0"), frame, Map.of("Content-Encoding", "brotli-9000")));
    }

    @Test
    void bodiesOverFourMegabytes() throws Exception {
        StringBuilder big = new StringBuilder("{\"Action\":\"pub\",\"Records\":[");
        String value = "x".repeat(1024);
        for (int i = 0; i < 5 * 1024; i++) {
            big.append(i == 0 ? "" : ",")
                    .append("{\"ShardId\":\"0\",\"Data\":[\"")
                    .append(value)
                    .append("\",\"1\",null,null,null,null,null,null,null,null]}");
        }
        big.append("]}");
        assertDataHubError(postJson(topicPath() + "/shards", big.toString()));

        byte[] bigFrame = Wire.frame(new byte[5 * 1024 * 1024]);
        assertDataHubError(sendPb("pub", shardPath("0"), bigFrame, Map.of()));

        byte[] smallLz4 = Wire.lz4(bigFrame);
        assertDataHubError(
                sendPb(
                        "pub",
                        shardPath("0"),
                        smallLz4,
                        lz4Headers(String.valueOf(bigFrame.length))));
    }

    @Test
    void hugeAndOddLimits() throws Exception {
        List<RecordEntry> records = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            records.add(tupleRecord(allTypesSchema(), i));
        }
        sdk.putRecordsByShard(project, topic, "0", records);
        String cursor = sdk.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();

        for (long limit : new long[] {1_000_000_000L, 1001}) {
            HttpResponse<byte[]> response =
                    postJson(
                            shardPath("0"),
                            "{\"Action\":\"sub\",\"Cursor\":\""
                                    + cursor
                                    + "\",\"Limit\":"
                                    + limit
                                    + "}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("RecordCount").asInt()).isEqualTo(1000);
        }
        assertDataHubError(
                postJson(
                        "/projects/" + project + "/topics/too_many_shards",
                        "{\"Action\":\"create\",\"ShardCount\":100000,\"Lifecycle\":1,"
                                + "\"RecordType\":\"BLOB\",\"Comment\":\"c\"}"));
        assertDataHubError(
                postJson(
                        "/projects/" + project + "/topics/negative_shards",
                        "{\"Action\":\"create\",\"ShardCount\":-1,\"Lifecycle\":1,"
                                + "\"RecordType\":\"BLOB\",\"Comment\":\"c\"}"));
        assertDataHubError(
                postJson(shardPath("0"), "{\"Action\":\"sub\",\"Cursor\":\"zz\",\"Limit\":1}"));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertDataHubError(HttpResponse<byte[]> response) throws Exception {
        String described =
                response.request().method()
                        + " "
                        + response.uri().getPath()
                        + " -> "
                        + response.statusCode()
                        + " "
                        + new String(
                                response.body(),
                                0,
                                Math.min(300, response.body().length),
                                StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(described).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(described)
                .hasValue("application/json");
        String requestId = response.headers().firstValue("x-datahub-request-id").orElse(null);
        assertThat(requestId).as(described).isNotBlank();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("ErrorCode").asText()).as(described).isNotBlank();
        assertThat(body.path("ErrorMessage").asText()).as(described).isNotBlank();
        assertThat(body.path("RequestId").asText()).as(described).isEqualTo(requestId);
    }

    private static HttpResponse<byte[]> postJson(String path, String body) throws Exception {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), jsonHeaders());
    }

    private static HttpResponse<byte[]> sendPb(
            String action, String path, byte[] body, Map<String, String> extraHeaders)
            throws Exception {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/x-protobuf");
        headers.put("x-datahub-request-action", action);
        return send("POST", path, body, headers);
    }

    private static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", "application/json");
    }

    private static Map<String, String> lz4Headers(String rawSize) {
        return Map.of("Content-Encoding", "lz4", "x-datahub-content-raw-size", rawSize);
    }

    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static HttpResponse<byte[]> send(
            String method, String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                        .timeout(Duration.ofSeconds(20))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
