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
import io.github.flinkdatahub.protocol.DatahubProtos;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.CompressType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.github.flinkdatahub.connector.client.SdkParityHarness.json;
import static io.github.flinkdatahub.connector.client.SdkParityHarness.protobuf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the record calls (put, put by shard, get) in JSON and protobuf, with and
 * without compression and STS: the SDK's request and ours must decode to the same message.
 */
class ClientSdkRecordParityTest {

    static final String CURSOR = "30000000000000000000000000000000";

    SdkParityHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new SdkParityHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    /** Request line, x-datahub headers and signatures; bodies are compared by the caller. */
    static void assertSameEnvelope(Wire[] wires) {
        assertThat(wires[1].method()).isEqualTo(wires[0].method());
        assertThat(wires[1].path()).isEqualTo(wires[0].path());
        assertThat(wires[1].query()).isEqualTo(wires[0].query());
        assertThat(wires[1].acceptEncoding()).isEqualTo(wires[0].acceptEncoding());
        assertThat(wires[1].comparableHeaders()).isEqualTo(wires[0].comparableHeaders());
        wires[0].assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
        wires[1].assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
    }

    static void assertSameJson(Wire[] wires) {
        assertSameEnvelope(wires);
        // Deliberate: no "; charset=UTF-8" on ours (protocol notes §1; see the control-plane test).
        assertThat(wires[0].contentType()).isEqualTo(ClientSdkRequestParityTest.SDK_JSON);
        assertThat(wires[1].contentType()).isEqualTo("application/json");
        assertThat(wires[1].jsonTree()).isEqualTo(wires[0].jsonTree());
    }

    static void assertSameProtobuf(Wire[] wires) {
        assertSameEnvelope(wires);
        assertThat(wires[0].contentType()).isEqualTo("application/x-protobuf");
        assertThat(wires[1].contentType()).isEqualTo("application/x-protobuf");
        // Field by field first (a readable diff), then byte for byte.
        assertThat(parsePut(wires[1].framePayload())).isEqualTo(parsePut(wires[0].framePayload()));
        assertThat(wires[1].framePayload()).isEqualTo(wires[0].framePayload());
        assertThat(wires[1].body()).isEqualTo(wires[0].body());
    }

    private static DatahubProtos.PutRecordsRequest parsePut(byte[] payload) {
        try {
            return DatahubProtos.PutRecordsRequest.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("not a PutRecordsRequest", e);
        }
    }

    @Test
    void putTupleAndBlobRecordsAsJson() throws Exception {
        DatahubClient sdk = harness.sdk();
        DataHubClient ours = harness.ours();
        harness.respond(json(200, "{\"FailedRecordCount\":0,\"FailedRecords\":[]}"));
        Wire[] tuples =
                harness.exchange(
                        () -> sdk.putRecords("proj_a", "topic_a", SdkRecords.sdk(2)),
                        () -> ours.putRecords("proj_a", "topic_a", SdkRecords.ours(2)));
        assertSameJson(tuples);
        assertThat(tuples[1].jsonTree().get("Records")).hasSize(6);
        assertThat(tuples[1].jsonTree().get("Records").get(1).get("Data").get(0).isNull()).isTrue();

        Wire[] blobs =
                harness.exchange(
                        () -> sdk.putRecords("proj_a", "blob_a", SdkRecords.sdkBlob()),
                        () -> ours.putRecords("proj_a", "blob_a", SdkRecords.oursBlob()));
        assertSameJson(blobs);
    }

    @ParameterizedTest
    @CsvSource({"NONE,NONE", "LZ4,LZ4", "DEFLATE,DEFLATE"})
    void putRecordsAsProtobuf(CompressType sdkType, CompressionType ourType) throws Exception {
        DatahubClient sdk = harness.sdk(true, sdkType, null);
        DataHubClient ours = harness.ours(BodyProtocol.PROTOBUF, ourType, null);
        harness.respond(
                protobuf(DatahubProtos.PutRecordsResponse.newBuilder().setFailedCount(0).build()));
        // Ten copies make the body compressible, so both sides compress (we only do when smaller).
        Wire[] tuples =
                harness.exchange(
                        () -> sdk.putRecords("proj_a", "topic_a", SdkRecords.sdk(10)),
                        () -> ours.putRecords("proj_a", "topic_a", SdkRecords.ours(10)));
        assertSameProtobuf(tuples);
        assertThat(tuples[1].contentEncoding()).isEqualTo(tuples[0].contentEncoding());
        if (sdkType != CompressType.NONE) {
            assertThat(tuples[1].contentEncoding()).isEqualToIgnoringCase(sdkType.name());
            assertThat(tuples[1].rawBody().length).isLessThan(tuples[1].body().length);
        }
        assertThat(tuples[0].datahubHeaders()).containsEntry("x-datahub-request-action", "pub");
        DatahubProtos.PutRecordsRequest request =
                DatahubProtos.PutRecordsRequest.parseFrom(tuples[1].framePayload());
        assertThat(request.getRecordsCount()).isEqualTo(30);
        // Null values are FieldData with value unset (notes §5.3).
        assertThat(request.getRecords(1).getData().getData(0).hasValue()).isFalse();
        assertThat(request.getRecords(1).getHashKey()).isEqualTo(SdkRecords.HASH_KEY);

        Wire[] blobs =
                harness.exchange(
                        () -> sdk.putRecords("proj_a", "blob_a", SdkRecords.sdkBlob()),
                        () -> ours.putRecords("proj_a", "blob_a", SdkRecords.oursBlob()));
        if (sdkType == CompressType.NONE) {
            assertSameProtobuf(blobs);
        } else {
            assertSameDecompressedBodies(blobs);
        }
    }

    /**
     * For a body too small to shrink, the SDK still compresses (notes §7, it even grows) while we
     * send it plain (deliberate, like Python/Go): the uncompressed bytes must still be identical.
     */
    static void assertSameDecompressedBodies(Wire[] wires) {
        assertThat(wires[1].body()).isEqualTo(wires[0].body());
        Map<String, String> sdkHeaders = wires[0].comparableHeaders();
        if (wires[1].contentEncoding() == null && wires[0].contentEncoding() != null) {
            assertThat(sdkHeaders.remove("x-datahub-content-raw-size"))
                    .isEqualTo(Integer.toString(wires[0].body().length));
        }
        assertThat(wires[1].comparableHeaders()).isEqualTo(sdkHeaders);
        assertThat(wires[1].acceptEncoding()).isEqualTo(wires[0].acceptEncoding());
        wires[0].assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
        wires[1].assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
    }

    @ParameterizedTest
    @CsvSource({"NONE,NONE", "LZ4,LZ4", "DEFLATE,DEFLATE"})
    void putRecordsByShardWithStsToken(CompressType sdkType, CompressionType ourType)
            throws Exception {
        DatahubClient sdk = harness.sdk(true, sdkType, "sts-token");
        DataHubClient ours = harness.ours(BodyProtocol.PROTOBUF, ourType, "sts-token");
        harness.respond(json(200, ""));
        Wire[] wires =
                harness.exchange(
                        () -> sdk.putRecordsByShard("proj_a", "topic_a", "2", SdkRecords.sdk(10)),
                        () ->
                                ours.putRecordsByShard(
                                        "proj_a", "topic_a", "2", SdkRecords.ours(10)));
        assertSameProtobuf(wires);
        assertThat(wires[1].path()).isEqualTo("/projects/proj_a/topics/topic_a/shards/2");
        assertThat(wires[1].datahubHeaders())
                .containsEntry("x-datahub-security-token", "sts-token")
                .containsEntry("x-datahub-request-action", "pub");
        if (sdkType != CompressType.NONE) {
            assertThat(wires[1].contentEncoding()).isEqualTo(wires[0].contentEncoding());
            assertThat(wires[1].datahubHeaders()).containsKey("x-datahub-content-raw-size");
        }
    }

    @Test
    void putRecordsByShardIsProtobufEvenForAJsonClient() throws Exception {
        // The service has no JSON put-by-shard and the SDK's JSON client refuses it (notes
        // §4.5.3); ours sends it as protobuf, so it must equal the SDK's protobuf request.
        DatahubClient sdk = harness.sdk(true, CompressType.NONE, null);
        DataHubClient ours = harness.ours();
        harness.respond(json(200, ""));
        assertSameProtobuf(
                harness.exchange(
                        () -> sdk.putRecordsByShard("proj_a", "blob_a", "1", SdkRecords.sdkBlob()),
                        () ->
                                ours.putRecordsByShard(
                                        "proj_a", "blob_a", "1", SdkRecords.oursBlob())));
    }

    @Test
    void severalAttributesMatchAsAMap() throws Exception {
        DatahubClient sdk = harness.sdk(true, CompressType.NONE, null);
        DataHubClient ours = harness.ours(BodyProtocol.PROTOBUF, CompressionType.NONE, null);
        Map<String, String> attributes =
                Map.of("a", "1", "b\u00e9", "\u4e2d", "empty", "", "k4", "v4");
        com.aliyun.datahub.client.model.RecordEntry entry =
                new com.aliyun.datahub.client.model.RecordEntry();
        entry.setRecordData(new com.aliyun.datahub.client.model.BlobRecordData(SdkRecords.BLOB));
        entry.setShardId("0");
        attributes.forEach(entry::addAttribute);
        harness.respond(
                protobuf(DatahubProtos.PutRecordsResponse.newBuilder().setFailedCount(0).build()));
        Wire[] wires =
                harness.exchange(
                        () -> sdk.putRecords("proj_a", "blob_a", java.util.List.of(entry)),
                        () ->
                                ours.putRecords(
                                        "proj_a",
                                        "blob_a",
                                        java.util.List.of(
                                                PutRecord.toShard(
                                                                "0", BlobRecord.of(SdkRecords.BLOB))
                                                        .withAttributes(attributes))));
        assertSameEnvelope(wires);
        // Attribute order is not significant (notes §5.3: the SDK writes a HashMap), so compare
        // the pairs as a map and everything else field by field.
        DatahubProtos.RecordEntry sdkRecord = parsePut(wires[0].framePayload()).getRecords(0);
        DatahubProtos.RecordEntry ourRecord = parsePut(wires[1].framePayload()).getRecords(0);
        assertThat(asMap(ourRecord)).isEqualTo(asMap(sdkRecord)).isEqualTo(attributes);
        assertThat(ourRecord.toBuilder().clearAttributes().build())
                .isEqualTo(sdkRecord.toBuilder().clearAttributes().build());
    }

    private static Map<String, String> asMap(DatahubProtos.RecordEntry record) {
        Map<String, String> map = new java.util.HashMap<>();
        record.getAttributes()
                .getAttributesList()
                .forEach(p -> assertThat(map.put(p.getKey(), p.getValue())).isNull());
        return map;
    }

    @Test
    void getRecordsAsJson() throws Exception {
        DatahubClient sdk = harness.sdk();
        DataHubClient ours = harness.ours();
        harness.respond(json(200, SdkResponses.GET_RECORDS_JSON));
        assertSameJson(
                harness.exchange(
                        () ->
                                sdk.getRecords(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        SdkModels.sdkSchema(),
                                        CURSOR,
                                        10),
                        () ->
                                ours.getRecords(
                                        "proj_a", "topic_a", "0", CURSOR, 10, SdkModels.schema())));
    }

    @ParameterizedTest
    @CsvSource({"NONE,NONE", "LZ4,LZ4", "DEFLATE,DEFLATE"})
    void getRecordsAsProtobuf(CompressType sdkType, CompressionType ourType) throws Exception {
        DatahubClient sdk = harness.sdk(true, sdkType, "sts-token");
        DataHubClient ours = harness.ours(BodyProtocol.PROTOBUF, ourType, "sts-token");
        harness.respond(protobuf(SdkResponses.getRecordsPb()));
        Wire[] wires =
                harness.exchange(
                        () ->
                                sdk.getRecords(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        SdkModels.sdkSchema(),
                                        CURSOR,
                                        1000),
                        () ->
                                ours.getRecords(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        CURSOR,
                                        1000,
                                        SdkModels.schema()));
        assertThat(wires[0].datahubHeaders()).containsEntry("x-datahub-request-action", "sub");
        assertSameDecompressedBodies(wires);
        assertThat(wires[1].contentType()).isEqualTo(wires[0].contentType());
        DatahubProtos.GetRecordsRequest request =
                DatahubProtos.GetRecordsRequest.parseFrom(wires[1].framePayload());
        assertThat(request)
                .isEqualTo(DatahubProtos.GetRecordsRequest.parseFrom(wires[0].framePayload()));
        assertThat(request.getLimit()).isEqualTo(1000);
    }
}
