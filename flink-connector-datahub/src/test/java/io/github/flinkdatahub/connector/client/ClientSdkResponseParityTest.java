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

import io.github.flinkdatahub.protocol.DatahubProtos;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.GetTopicResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.TupleRecordData;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.github.flinkdatahub.connector.client.SdkParityHarness.json;
import static io.github.flinkdatahub.connector.client.SdkParityHarness.protobuf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reverse direction: both clients decode identical recorded responses, and what they return
 * must agree value for value.
 */
class ClientSdkResponseParityTest {

    static final String CURSOR = "30000000000000000000000000000000";

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
    void getRecordsAsJsonDecodesLikeTheSdk() {
        harness.respond(json(200, SdkResponses.GET_RECORDS_JSON));
        assertSameRecords(
                sdk.getRecords("proj_a", "topic_a", "0", SdkModels.sdkSchema(), CURSOR, 10),
                ours.getRecords("proj_a", "topic_a", "0", CURSOR, 10, SdkModels.schema()));
    }

    @Test
    void shortTupleAfterAppendFieldReadsTrailingNullsLikeTheSdk() {
        // Records written before an AppendField carry fewer values than the schema (notes §4.2).
        String shortened =
                SdkResponses.GET_RECORDS_JSON.replace(
                        "\"-9\",null,null,null,null,null,null]",
                        "\"-9\",null,null,null,null,null]");
        assertThat(shortened).isNotEqualTo(SdkResponses.GET_RECORDS_JSON);
        harness.respond(json(200, shortened));
        assertSameRecords(
                sdk.getRecords("proj_a", "topic_a", "0", SdkModels.sdkSchema(), CURSOR, 10),
                ours.getRecords("proj_a", "topic_a", "0", CURSOR, 10, SdkModels.schema()));
    }

    @Test
    void getRecordsAsProtobufDecodesLikeTheSdk() {
        DatahubClient pbSdk = harness.sdk(true, CompressType.LZ4, null);
        DataHubClient pbOurs = harness.ours(BodyProtocol.PROTOBUF, CompressionType.LZ4, null);
        harness.respond(protobuf(SdkResponses.getRecordsPb()));
        assertSameRecords(
                pbSdk.getRecords("proj_a", "topic_a", "0", SdkModels.sdkSchema(), CURSOR, 10),
                pbOurs.getRecords("proj_a", "topic_a", "0", CURSOR, 10, SdkModels.schema()));
    }

    @ParameterizedTest
    @CsvSource({"LZ4,LZ4,lz4", "DEFLATE,DEFLATE,deflate"})
    void compressedProtobufResponsesDecodeLikeTheSdk(
            CompressType sdkType, CompressionType ourType, String codec) {
        DatahubClient pbSdk = harness.sdk(true, sdkType, null);
        DataHubClient pbOurs = harness.ours(BodyProtocol.PROTOBUF, ourType, null);
        harness.respond(SdkParityHarness.compressedProtobuf(SdkResponses.getRecordsPb(), codec));
        assertSameRecords(
                pbSdk.getRecords("proj_a", "topic_a", "0", SdkModels.sdkSchema(), CURSOR, 10),
                pbOurs.getRecords("proj_a", "topic_a", "0", CURSOR, 10, SdkModels.schema()));

        // A compressed JSON control-plane answer is decoded by Content-Encoding too.
        harness.respond(SdkParityHarness.compressedJson(SdkModels.GET_TOPIC, codec));
        assertThat(pbOurs.getTopic("proj_a", "topic_a").schema().field(0).comment())
                .isEqualTo(
                        pbSdk.getTopic("proj_a", "topic_a")
                                .getRecordSchema()
                                .getField(0)
                                .getComment())
                .isEqualTo("the key");
    }

    private static void assertSameRecords(
            com.aliyun.datahub.client.model.GetRecordsResult expected, GetRecordsResult actual) {
        assertThat(actual.nextCursor()).isEqualTo(expected.getNextCursor());
        assertThat(actual.startSequence()).isEqualTo(expected.getStartSequence());
        assertThat(actual.latestSequence()).isEqualTo(expected.getLatestSequence());
        assertThat(actual.latestTime()).isEqualTo(expected.getLatestTime());
        assertThat(actual.records()).hasSize(expected.getRecordCount()).hasSize(3);
        for (int i = 0; i < actual.records().size(); i++) {
            RecordEntry sdkRecord = expected.getRecords().get(i);
            ReadRecord ourRecord = actual.records().get(i);
            assertThat(ourRecord.sequence()).isEqualTo(sdkRecord.getSequence());
            assertThat(ourRecord.systemTime()).isEqualTo(sdkRecord.getSystemTime());
            assertThat(ourRecord.cursor()).isEqualTo(sdkRecord.getCursor());
            assertThat(ourRecord.nextCursor()).isEqualTo(sdkRecord.getNextCursor());
            assertThat(ourRecord.shardId()).isEqualTo(sdkRecord.getShardId()).isEqualTo("0");
            Map<String, String> sdkAttributes =
                    sdkRecord.getAttributes() == null ? Map.of() : sdkRecord.getAttributes();
            assertThat(ourRecord.attributes()).isEqualTo(sdkAttributes);
            TupleRecordData sdkData = (TupleRecordData) sdkRecord.getRecordData();
            TupleRecord ourData = (TupleRecord) ourRecord.payload();
            for (int f = 0; f < SdkModels.schema().size(); f++) {
                // Same Java classes too (Byte, Short, Float, BigDecimal with its scale, ...).
                assertThat(ourData.get(f))
                        .as("record %d field %s", i, SdkModels.schema().field(f).name())
                        .isEqualTo(sdkData.getField(f));
            }
        }
    }

    @Test
    void blobRecordsDecodeLikeTheSdkInJsonAndProtobuf() {
        String base64 = java.util.Base64.getEncoder().encodeToString(SdkRecords.BLOB);
        harness.respond(
                json(
                        200,
                        "{\"NextCursor\":\""
                                + SdkResponses.cursor(1)
                                + "\",\"RecordCount\":1,\"StartSeq\":0,\"Records\":[{"
                                + "\"SystemTime\":1700000000123,\"Sequence\":0,\"Cursor\":\""
                                + CURSOR
                                + "\",\"NextCursor\":\""
                                + SdkResponses.cursor(1)
                                + "\",\"Data\":\""
                                + base64
                                + "\"}]}"));
        assertSameBlob(
                sdk.getRecords("proj_a", "blob_a", "0", CURSOR, 10),
                ours.getRecords("proj_a", "blob_a", "0", CURSOR, 10, null));

        DatahubClient pbSdk = harness.sdk(true, CompressType.NONE, null);
        DataHubClient pbOurs = harness.ours(BodyProtocol.PROTOBUF, CompressionType.NONE, null);
        DatahubProtos.RecordData blobData =
                DatahubProtos.RecordData.newBuilder()
                        .addData(
                                DatahubProtos.FieldData.newBuilder()
                                        .setValue(ByteString.copyFrom(SdkRecords.BLOB)))
                        .build();
        harness.respond(
                protobuf(
                        DatahubProtos.GetRecordsResponse.newBuilder()
                                .setNextCursor(SdkResponses.cursor(1))
                                .setRecordCount(1)
                                .setStartSequence(0)
                                .addRecords(
                                        DatahubProtos.RecordEntry.newBuilder()
                                                .setCursor(CURSOR)
                                                .setNextCursor(SdkResponses.cursor(1))
                                                .setSequence(0)
                                                .setSystemTime(1700000000123L)
                                                .setData(blobData))
                                .build()));
        assertSameBlob(
                pbSdk.getRecords("proj_a", "blob_a", "0", CURSOR, 10),
                pbOurs.getRecords("proj_a", "blob_a", "0", CURSOR, 10, null));
    }

    private static void assertSameBlob(
            com.aliyun.datahub.client.model.GetRecordsResult expected, GetRecordsResult actual) {
        assertThat(actual.nextCursor()).isEqualTo(expected.getNextCursor());
        // Absent LatestSeq/LatestTime default to -1 on both sides (notes §4.5.4).
        assertThat(actual.latestSequence()).isEqualTo(expected.getLatestSequence()).isEqualTo(-1);
        assertThat(actual.latestTime()).isEqualTo(expected.getLatestTime());
        assertThat(actual.records()).hasSize(1);
        byte[] sdkBytes =
                ((com.aliyun.datahub.client.model.BlobRecordData)
                                expected.getRecords().get(0).getRecordData())
                        .getData();
        assertThat(((BlobRecord) actual.records().get(0).payload()).data())
                .isEqualTo(sdkBytes)
                .isEqualTo(SdkRecords.BLOB);
        assertThat(actual.records().get(0).sequence())
                .isEqualTo(expected.getRecords().get(0).getSequence());
    }

    @Test
    void splitAndMergeResultsDecodeLikeTheSdk() {
        harness.respond(json(200, SdkModels.SPLIT));
        var sdkSplit =
                sdk.splitShard("proj_a", "topic_a", "0", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                        .getNewShards();
        List<ShardRange> ourSplit =
                ours.splitShard("proj_a", "topic_a", "0", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(ourSplit).hasSize(2).hasSameSizeAs(sdkSplit);
        for (int i = 0; i < ourSplit.size(); i++) {
            assertThat(ourSplit.get(i).shardId()).isEqualTo(sdkSplit.get(i).getShardId());
            assertThat(ourSplit.get(i).beginHashKey()).isEqualTo(sdkSplit.get(i).getBeginHashKey());
            assertThat(ourSplit.get(i).endHashKey()).isEqualTo(sdkSplit.get(i).getEndHashKey());
        }
        harness.respond(
                json(
                        200,
                        "{\"ShardId\":\"5\",\"BeginHashKey\":\"55555555555555555555555555555555\","
                                + "\"EndHashKey\":\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\"}"));
        var sdkMerge = sdk.mergeShard("proj_a", "topic_a", "1", "2");
        ShardRange ourMerge = ours.mergeShard("proj_a", "topic_a", "1", "2");
        assertThat(ourMerge.shardId()).isEqualTo(sdkMerge.getShardId()).isEqualTo("5");
        assertThat(ourMerge.beginHashKey()).isEqualTo(sdkMerge.getBeginHashKey());
        assertThat(ourMerge.endHashKey()).isEqualTo(sdkMerge.getEndHashKey());
    }

    @Test
    void putRecordsFailuresDecodeLikeTheSdk() {
        harness.respond(
                json(
                        200,
                        "{\"FailedRecordCount\":2,\"FailedRecords\":["
                            + "{\"Index\":0,\"ErrorCode\":\"NoSuchShard\",\"ErrorMessage\":\"m0\"},"
                            + "{\"Index\":2,\"ErrorCode\":\"MalformedRecord\","
                            + "\"ErrorMessage\":\"m2\"}]}"));
        assertSameFailures(
                sdk.putRecords("proj_a", "topic_a", SdkRecords.sdk(1)),
                ours.putRecords("proj_a", "topic_a", SdkRecords.ours(1)));

        DatahubClient pbSdk = harness.sdk(true, CompressType.NONE, null);
        DataHubClient pbOurs = harness.ours(BodyProtocol.PROTOBUF, CompressionType.NONE, null);
        harness.respond(
                protobuf(
                        DatahubProtos.PutRecordsResponse.newBuilder()
                                .setFailedCount(1)
                                .addFailedRecords(
                                        DatahubProtos.FailedRecord.newBuilder()
                                                .setIndex(1)
                                                .setErrorCode("InvalidShardOperation")
                                                .setErrorMessage("closed"))
                                .build()));
        assertSameFailures(
                pbSdk.putRecords("proj_a", "topic_a", SdkRecords.sdk(1)),
                pbOurs.putRecords("proj_a", "topic_a", SdkRecords.ours(1)));
    }

    private static void assertSameFailures(
            com.aliyun.datahub.client.model.PutRecordsResult expected, PutRecordsResult actual) {
        assertThat(actual.failedRecordCount())
                .isEqualTo(expected.getFailedRecordCount())
                .isPositive();
        for (int i = 0; i < actual.failedRecordCount(); i++) {
            assertThat(actual.failedRecords().get(i).index())
                    .isEqualTo(expected.getPutErrorEntries().get(i).getIndex());
            assertThat(actual.failedRecords().get(i).errorCode())
                    .isEqualTo(expected.getPutErrorEntries().get(i).getErrorcode());
            assertThat(actual.failedRecords().get(i).errorMessage())
                    .isEqualTo(expected.getPutErrorEntries().get(i).getMessage());
        }
    }

    @Test
    void controlPlaneResultsDecodeLikeTheSdk() {
        harness.respond(
                json(
                        200,
                        "{\"Comment\":\"c\",\"CreateTime\":1525312757,"
                                + "\"LastModifyTime\":1525312758,\"Creator\":\"me\"}"));
        var sdkProject = sdk.getProject("proj_a");
        ProjectInfo ourProject = ours.getProject("proj_a");
        assertThat(ourProject.name()).isEqualTo(sdkProject.getProjectName());
        assertThat(ourProject.comment()).isEqualTo(sdkProject.getComment());
        assertThat(ourProject.creator()).isEqualTo(sdkProject.getCreator());
        assertThat(ourProject.createTime().getEpochSecond()).isEqualTo(sdkProject.getCreateTime());
        assertThat(ourProject.lastModifyTime().getEpochSecond())
                .isEqualTo(sdkProject.getLastModifyTime());

        harness.respond(json(200, SdkModels.GET_TOPIC));
        GetTopicResult sdkTopic = sdk.getTopic("proj_a", "topic_a");
        TopicInfo ourTopic = ours.getTopic("proj_a", "topic_a");
        assertThat(ourTopic.shardCount()).isEqualTo(sdkTopic.getShardCount());
        assertThat(ourTopic.lifecycleDays()).isEqualTo(sdkTopic.getLifeCycle());
        assertThat(ourTopic.comment()).isEqualTo(sdkTopic.getComment());
        assertThat(ourTopic.recordType().name()).isEqualTo(sdkTopic.getRecordType().name());
        assertThat(ourTopic.createTime().getEpochSecond()).isEqualTo(sdkTopic.getCreateTime());
        assertThat(ourTopic.schema().size())
                .isEqualTo(sdkTopic.getRecordSchema().getFields().size());
        for (int f = 0; f < ourTopic.schema().size(); f++) {
            Field ourField = ourTopic.schema().field(f);
            var sdkField = sdkTopic.getRecordSchema().getField(f);
            assertThat(ourField.name()).isEqualTo(sdkField.getName());
            assertThat(ourField.type().name()).isEqualTo(sdkField.getType().name());
            assertThat(ourField.nullable()).isEqualTo(sdkField.isAllowNull());
            // Deliberate: a field without comment is null in our model; the SDK's Field holds ""
            // (the wire has no "comment" key in either case, notes §4.2).
            assertThat(ourField.comment())
                    .isEqualTo(sdkField.getComment().isEmpty() ? null : sdkField.getComment());
        }

        harness.respond(json(200, SdkModels.LIST_SHARDS));
        List<ShardEntry> sdkShards = sdk.listShard("proj_a", "topic_a").getShards();
        List<ShardInfo> ourShards = ours.listShards("proj_a", "topic_a");
        assertThat(ourShards).hasSameSizeAs(sdkShards);
        for (int i = 0; i < ourShards.size(); i++) {
            ShardEntry s = sdkShards.get(i);
            ShardInfo o = ourShards.get(i);
            assertThat(o.shardId()).isEqualTo(s.getShardId());
            assertThat(o.state().name()).isEqualTo(s.getState().name());
            assertThat(o.beginHashKey()).isEqualTo(s.getBeginHashKey());
            assertThat(o.endHashKey()).isEqualTo(s.getEndHashKey());
            assertThat(o.parentShardIds()).isEqualTo(s.getParentShardIds());
            // "4294967295" means "no neighbour"; the SDK turns it into null (notes §4.3).
            assertThat(o.leftShardId()).isEqualTo(s.getLeftShardId());
            assertThat(o.rightShardId()).isEqualTo(s.getRightShardId());
            assertThat(o.closedTime()).isEqualTo(s.getClosedTime());
        }

        harness.respond(
                json(
                        200,
                        "{\"Cursor\":\"30000000000000000000000000000005\","
                                + "\"RecordTime\":1700000000123,\"Sequence\":5}"));
        var sdkCursor =
                sdk.getCursor(
                        "proj_a",
                        "topic_a",
                        "0",
                        com.aliyun.datahub.client.model.CursorType.SEQUENCE,
                        5);
        CursorResult ourCursor = ours.getCursor("proj_a", "topic_a", "0", CursorType.SEQUENCE, 5);
        assertThat(ourCursor.cursor()).isEqualTo(sdkCursor.getCursor());
        assertThat(ourCursor.recordTime()).isEqualTo(sdkCursor.getTimestamp());
        assertThat(ourCursor.sequence()).isEqualTo(sdkCursor.getSequence());

        harness.respond(json(200, "{\"ActiveTime\":1590206,\"Storage\":12}"));
        var sdkMeter = sdk.getMeterInfo("proj_a", "topic_a", "0");
        ShardMeterInfo ourMeter = ours.getShardMeterInfo("proj_a", "topic_a", "0");
        assertThat(ourMeter.activeTime()).isEqualTo(sdkMeter.getActiveTime());
        assertThat(ourMeter.storage()).isEqualTo(sdkMeter.getStorage());
    }
}
