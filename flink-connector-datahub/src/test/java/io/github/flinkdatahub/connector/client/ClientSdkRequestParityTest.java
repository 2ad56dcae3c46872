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

import io.github.flinkdatahub.connector.client.SdkParityHarness.Wire;

import com.aliyun.datahub.client.DatahubClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.github.flinkdatahub.connector.client.SdkParityHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the control plane: every call both clients support is sent by the official
 * SDK 2.21.6 and by our client to a recording server, and what arrived is compared (request line,
 * x-datahub headers, JSON body tree, signature). The SDK is the ground truth for the wire.
 */
class ClientSdkRequestParityTest {

    static final String SDK_JSON = "application/json; charset=UTF-8";

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

    /**
     * Asserts the two requests are the same on the wire, apart from the documented Content-Type
     * difference, and that each carries a signature that verifies against its own headers.
     */
    static void assertParity(Wire[] wires) {
        Wire sdkWire = wires[0];
        Wire ourWire = wires[1];
        assertThat(ourWire.method()).isEqualTo(sdkWire.method());
        assertThat(ourWire.path()).isEqualTo(sdkWire.path());
        assertThat(ourWire.query()).isEqualTo(sdkWire.query());
        assertThat(ourWire.comparableHeaders()).isEqualTo(sdkWire.comparableHeaders());
        sdkWire.assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
        ourWire.assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
        if (sdkWire.body().length == 0) {
            assertThat(ourWire.body()).isEmpty();
            assertThat(ourWire.contentType()).isEqualTo(sdkWire.contentType());
        } else {
            // Deliberate: the Java SDK appends "; charset=UTF-8" (Retrofit/Jackson); we send plain
            // "application/json" like the Python and Go SDKs (protocol notes §1 table). Both
            // are signed as sent (§2), and the signature checks above prove self-consistency.
            assertThat(sdkWire.contentType()).isEqualTo(SDK_JSON);
            assertThat(ourWire.contentType()).isEqualTo(JsonCalls.JSON_TYPE);
            assertThat(ourWire.jsonTree()).isEqualTo(sdkWire.jsonTree());
        }
    }

    @Test
    void projects() throws Exception {
        harness.respond(json(200, "{\"ProjectNames\":[\"a\",\"b\"]}"));
        assertParity(harness.exchange(() -> sdk.listProject(), () -> ours.listProjects()));

        harness.respond(
                json(
                        200,
                        "{\"Comment\":\"c\",\"CreateTime\":1525312757,"
                                + "\"LastModifyTime\":1525312758,\"Creator\":\"me\"}"));
        assertParity(
                harness.exchange(() -> sdk.getProject("proj_a"), () -> ours.getProject("proj_a")));

        harness.respond(json(201, "{}"));
        assertParity(
                harness.exchange(
                        () -> sdk.createProject("proj_a", "a comment"),
                        () -> ours.createProject("proj_a", "a comment")));
        harness.respond(json(200, ""));
        assertParity(
                harness.exchange(
                        () -> sdk.updateProject("proj_a", "new comment"),
                        () -> ours.updateProject("proj_a", "new comment")));
        assertParity(
                harness.exchange(
                        () -> sdk.deleteProject("proj_a"), () -> ours.deleteProject("proj_a")));
    }

    @Test
    void topics() throws Exception {
        harness.respond(json(201, "{}"));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.createTopic(
                                        "proj_a",
                                        "topic_a",
                                        3,
                                        7,
                                        com.aliyun.datahub.client.model.RecordType.TUPLE,
                                        SdkModels.sdkSchema(),
                                        "tuple topic"),
                        () ->
                                ours.createTupleTopic(
                                        "proj_a",
                                        "topic_a",
                                        3,
                                        7,
                                        SdkModels.schema(),
                                        "tuple topic")));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.createTopic(
                                        "proj_a",
                                        "blob_a",
                                        2,
                                        1,
                                        com.aliyun.datahub.client.model.RecordType.BLOB,
                                        "blob topic"),
                        () -> ours.createBlobTopic("proj_a", "blob_a", 2, 1, "blob topic")));

        harness.respond(json(200, "{\"TopicNames\":[\"topic_a\",\"blob_a\"]}"));
        assertParity(
                harness.exchange(() -> sdk.listTopic("proj_a"), () -> ours.listTopics("proj_a")));
        harness.respond(json(200, SdkModels.GET_TOPIC));
        assertParity(
                harness.exchange(
                        () -> sdk.getTopic("proj_a", "topic_a"),
                        () -> ours.getTopic("proj_a", "topic_a")));

        harness.respond(json(200, ""));
        assertParity(
                harness.exchange(
                        () -> sdk.updateTopic("proj_a", "topic_a", "c2"),
                        () -> ours.updateTopic("proj_a", "topic_a", "c2", null)));
        assertParity(
                harness.exchange(
                        () -> sdk.updateTopic("proj_a", "topic_a", 5, "c3"),
                        () -> ours.updateTopic("proj_a", "topic_a", "c3", 5)));
        // Deliberate: SDK appendField(Field) sends the single form {"FieldName","FieldType"},
        // which cannot carry a comment; we always send the list form of appendField(List<Field>)
        // (protocol notes §4.2 lists both as valid), so a comment survives. A field without
        // comment is sent as "Comment":null, which the notes allow; the SDK writes whatever its
        // Field holds (null here, "" from its 2-argument constructor).
        assertParity(
                harness.exchange(
                        () ->
                                sdk.appendField(
                                        "proj_a",
                                        "topic_a",
                                        List.of(
                                                new com.aliyun.datahub.client.model.Field(
                                                        "f_new",
                                                        com.aliyun.datahub.client.model.FieldType
                                                                .STRING,
                                                        true,
                                                        null))),
                        () ->
                                ours.appendField(
                                        "proj_a", "topic_a", Field.of("f_new", FieldType.STRING))));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.appendField(
                                        "proj_a",
                                        "topic_a",
                                        List.of(
                                                new com.aliyun.datahub.client.model.Field(
                                                        "f_new2",
                                                        com.aliyun.datahub.client.model.FieldType
                                                                .DECIMAL,
                                                        true,
                                                        "appended"))),
                        () ->
                                ours.appendField(
                                        "proj_a",
                                        "topic_a",
                                        new Field("f_new2", FieldType.DECIMAL, true, "appended"))));
        assertParity(
                harness.exchange(
                        () -> sdk.deleteTopic("proj_a", "topic_a"),
                        () -> ours.deleteTopic("proj_a", "topic_a")));
    }

    @Test
    void recordSchemaJsonStringIsIdentical() throws Exception {
        harness.respond(json(201, "{}"));
        Wire[] wires =
                harness.exchange(
                        () ->
                                sdk.createTopic(
                                        "proj_a",
                                        "topic_a",
                                        1,
                                        1,
                                        com.aliyun.datahub.client.model.RecordType.TUPLE,
                                        SdkModels.sdkSchema(),
                                        "c"),
                        () ->
                                ours.createTupleTopic(
                                        "proj_a", "topic_a", 1, 1, SdkModels.schema(), "c"));
        // The schema travels as a JSON string inside JSON (notes §4.2); compare it as text.
        String sdkSchema = wires[0].jsonTree().get("RecordSchema").asText();
        assertThat(wires[1].jsonTree().get("RecordSchema").asText()).isEqualTo(sdkSchema);
        assertThat(sdkSchema).contains("\"notnull\":true").contains("\"comment\":");
    }

    @Test
    void mixedCaseNamesTravelLikeTheSdkSendsThem() throws Exception {
        harness.respond(json(201, "{}"));
        com.aliyun.datahub.client.model.RecordSchema sdkSchema =
                new com.aliyun.datahub.client.model.RecordSchema();
        sdkSchema.addField(
                new com.aliyun.datahub.client.model.Field(
                        "F_Mixed", com.aliyun.datahub.client.model.FieldType.STRING));
        Wire[] wires =
                harness.exchange(
                        () ->
                                sdk.createTopic(
                                        "Proj_A",
                                        "Topic_A",
                                        1,
                                        1,
                                        com.aliyun.datahub.client.model.RecordType.TUPLE,
                                        sdkSchema,
                                        "c"),
                        () ->
                                ours.createTupleTopic(
                                        "Proj_A",
                                        "Topic_A",
                                        1,
                                        1,
                                        RecordSchema.of(Field.of("F_Mixed", FieldType.STRING)),
                                        "c"));
        assertParity(wires);
        // Field names are lower-cased client-side by both (notes §4.2); resource names are not.
        assertThat(wires[1].path()).isEqualTo("/projects/Proj_A/topics/Topic_A");
        assertThat(wires[1].jsonTree().get("RecordSchema").asText()).contains("\"f_mixed\"");
    }

    @Test
    void shards() throws Exception {
        harness.respond(json(200, SdkModels.LIST_SHARDS));
        assertParity(
                harness.exchange(
                        () -> sdk.listShard("proj_a", "topic_a"),
                        () -> ours.listShards("proj_a", "topic_a")));

        harness.respond(json(200, SdkModels.SPLIT));
        assertParity(
                harness.exchange(
                        () ->
                                sdk.splitShard(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                        () ->
                                ours.splitShard(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));

        // Midpoint split: both first list the shards, then split at (begin+end)/2.
        harness.respond(
                r ->
                        r.getMethod().equals("GET")
                                ? json(200, SdkModels.LIST_SHARDS)
                                : json(200, SdkModels.SPLIT));
        Wire[] listAndSplit = new Wire[4];
        sdk.splitShard("proj_a", "topic_a", "1");
        listAndSplit[0] = harness.take();
        listAndSplit[1] = harness.take();
        ours.splitShard("proj_a", "topic_a", "1");
        listAndSplit[2] = harness.take();
        listAndSplit[3] = harness.take();
        assertParity(new Wire[] {listAndSplit[0], listAndSplit[2]});
        assertParity(new Wire[] {listAndSplit[1], listAndSplit[3]});
        assertThat(listAndSplit[3].jsonTree().get("SplitKey").asText())
                .isEqualTo("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");

        harness.respond(
                json(
                        200,
                        "{\"ShardId\":\"3\",\"BeginHashKey\":\"55555555555555555555555555555555\","
                                + "\"EndHashKey\":\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\"}"));
        assertParity(
                harness.exchange(
                        () -> sdk.mergeShard("proj_a", "topic_a", "1", "2"),
                        () -> ours.mergeShard("proj_a", "topic_a", "1", "2")));

        harness.respond(json(200, "{\"ActiveTime\":1590206,\"Storage\":12}"));
        assertParity(
                harness.exchange(
                        () -> sdk.getMeterInfo("proj_a", "topic_a", "0"),
                        () -> ours.getShardMeterInfo("proj_a", "topic_a", "0")));
    }

    @ParameterizedTest
    @CsvSource({"OLDEST,0", "LATEST,0", "SYSTEM_TIME,1700000000000", "SEQUENCE,5"})
    void cursors(String type, long parameter) throws Exception {
        harness.respond(
                json(
                        200,
                        "{\"Cursor\":\"30000000000000000000000000000000\","
                                + "\"RecordTime\":1700000000123,\"Sequence\":5}"));
        com.aliyun.datahub.client.model.CursorType sdkType =
                com.aliyun.datahub.client.model.CursorType.valueOf(type);
        // OLDEST/LATEST use the SDK's 4-argument overload: its 5-argument one writes any
        // parameter other than -1 as a stray "Sequence" even for OLDEST/LATEST; the notes (§4.4)
        // show those two types without a parameter, which is what we send.
        boolean positional = type.equals("OLDEST") || type.equals("LATEST");
        Wire[] wires =
                harness.exchange(
                        () -> {
                            if (positional) {
                                sdk.getCursor("proj_a", "topic_a", "0", sdkType);
                            } else {
                                sdk.getCursor("proj_a", "topic_a", "0", sdkType, parameter);
                            }
                        },
                        () ->
                                ours.getCursor(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        CursorType.valueOf(type),
                                        parameter));
        assertParity(wires);
    }
}
