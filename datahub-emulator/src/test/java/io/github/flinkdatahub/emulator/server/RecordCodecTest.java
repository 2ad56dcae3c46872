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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutFailure;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Record conversions against the golden vectors of section 12.A and the JSON shapes of 4.5. */
class RecordCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String C0 = "30000000000000000000000000000000";
    private static final String C1 = "30000000000000000000000000000001";

    @Test
    void goldenGetRecordsResponse() {
        byte[] blob = "blobdata".getBytes(StandardCharsets.US_ASCII);
        StoredRecord r = new StoredRecord("0", 0, 1700000000123L, C0, C1, Map.of(), null, blob);
        byte[] payload =
                RecordCodec.readPb(new ReadResult(C1, 0, -1, -1, List.of(r)), RecordType.BLOB);
        String expected =
                "0a203330303030303030303030303030303030303030303030303030303030303031100118002"
                    + "25b222033303030303030303030303030303030303030303030303030303030303030302a2033"
                    + "303030303030303030303030303030303030303030303030303030303030313000"
                    + "38fbd095ffbc314a0c0a0a0a08626c6f6264617461";
        assertThat(HEX.formatHex(payload)).isEqualTo(expected);
        assertThat(payload).hasSize(131);
        assertThat(PbFrame.crc32c(payload)).isEqualTo(0xb3fe1bbfL);
    }

    @Test
    void goldenPutRequestDecodesAsOneBlobRecord() {
        byte[] payload = HEX.parseHex("0a110a01314a0c0a0a0a08626c6f6264617461");
        List<PutRecord> records =
                RecordCodec.fromPb(RecordCodec.parsePut(payload), RecordType.BLOB);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).shardId()).isEqualTo("1");
        assertThat(records.get(0).blob()).isEqualTo("blobdata".getBytes(StandardCharsets.US_ASCII));
        assertThat(records.get(0).tupleValues()).isNull();
    }

    @Test
    void pbTupleNullsAreUnsetFieldData() {
        DatahubProtos.PutRecordsRequest req =
                DatahubProtos.PutRecordsRequest.newBuilder()
                        .addRecords(
                                DatahubProtos.RecordEntry.newBuilder()
                                        .setShardId("")
                                        .setPartitionKey("pk")
                                        .setAttributes(
                                                DatahubProtos.RecordAttributes.newBuilder()
                                                        .addAttributes(
                                                                DatahubProtos.StringPair
                                                                        .newBuilder()
                                                                        .setKey("k")
                                                                        .setValue("v")))
                                        .setData(
                                                DatahubProtos.RecordData.newBuilder()
                                                        .addData(
                                                                DatahubProtos.FieldData.newBuilder()
                                                                        .setValue(
                                                                                com.google.protobuf
                                                                                        .ByteString
                                                                                        .copyFromUtf8(
                                                                                                "5")))
                                                        .addData(
                                                                DatahubProtos.FieldData
                                                                        .getDefaultInstance())))
                        .build();
        PutRecord r = RecordCodec.fromPb(req, RecordType.TUPLE).get(0);
        assertThat(r.tupleValues()).containsExactly("5", null);
        assertThat(r.shardId()).isNull();
        assertThat(r.partitionKey()).isEqualTo("pk");
        assertThat(r.attributes()).containsEntry("k", "v");

        StoredRecord stored =
                new StoredRecord("0", 4, 9, C0, C1, Map.of(), Arrays.asList("5", null), null);
        byte[] payload =
                RecordCodec.readPb(new ReadResult(C1, 4, 4, 9, List.of(stored)), RecordType.TUPLE);
        // ... 4a 07 (RecordData) 0a 03 0a 01 35 (FieldData "5") 0a 00 (unset FieldData) ...
        assertThat(HEX.formatHex(payload)).contains("4a070a030a01350a00").endsWith("28043009");
    }

    @Test
    void badProtobufIsInvalidParameter() {
        assertThatThrownBy(() -> RecordCodec.parsePut(new byte[] {0x0a, 0x05, 0x01}))
                .hasMessageContaining("PutRecordsRequest");
        // A RecordEntry without its required data field.
        assertThatThrownBy(() -> RecordCodec.parsePut(HEX.parseHex("0a030a0131")))
                .hasMessageContaining("PutRecordsRequest");
        assertThatThrownBy(() -> RecordCodec.parseGet(new byte[0]))
                .hasMessageContaining("GetRecordsRequest");
    }

    @Test
    void jsonPutRecords() {
        var body =
                Json.parseObject(
                        ("{\"Action\":\"pub\",\"Records\":["
                             + "{\"ShardId\":\"0\",\"Attributes\":{\"a\":\"b\"},\"Data\":[\"x\",null,\"5\"],\"estimateSize\":3},"
                             + "{\"HashKey\":\"00\",\"Data\":\"YmxvYmRhdGE=\"},"
                             + "{\"PartitionKey\":\"pk\",\"ShardId\":\"\",\"Data\":[1,true]}]}")
                                .getBytes(StandardCharsets.UTF_8));
        List<PutRecord> records = RecordCodec.fromJson(body);
        assertThat(records.get(0).tupleValues()).containsExactly("x", null, "5");
        assertThat(records.get(0).attributes()).containsEntry("a", "b");
        assertThat(records.get(1).blob()).isEqualTo("blobdata".getBytes(StandardCharsets.US_ASCII));
        assertThat(records.get(1).hashKey()).isEqualTo("00");
        assertThat(records.get(2).tupleValues()).containsExactly("1", "true");
        assertThat(records.get(2).shardId()).isNull();

        assertThatThrownBy(
                        () ->
                                RecordCodec.fromJson(
                                        Json.parseObject(
                                                "{\"Records\":[{\"Data\":\"%%\"}]}"
                                                        .getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("Base64");
        assertThatThrownBy(
                        () ->
                                RecordCodec.fromJson(
                                        Json.parseObject(
                                                "{\"Records\":[{\"Data\":{}}]}"
                                                        .getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("Records[0].Data");
        assertThatThrownBy(
                        () ->
                                RecordCodec.fromJson(
                                        Json.parseObject("{}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("Records");
    }

    @Test
    void jsonShapesOfPutAndGetResponses() {
        assertThat(
                        Json.bytes(
                                RecordCodec.failuresJson(
                                        List.of(new PutFailure(3, "NoSuchShard", "m")))))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(
                        "{\"FailedRecordCount\":1,\"FailedRecords\":[{\"Index\":3,"
                                + "\"ErrorCode\":\"NoSuchShard\",\"ErrorMessage\":\"m\"}]}");
        StoredRecord tuple =
                new StoredRecord(
                        "0", 0, 5, C0, C1, Map.of("k", "v"), Arrays.asList("a", null), null);
        assertThat(
                        Json.bytes(
                                RecordCodec.readJson(
                                        new ReadResult(C1, 0, 0, 5, List.of(tuple)),
                                        RecordType.TUPLE)))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(
                        "{\"NextCursor\":\""
                                + C1
                                + "\",\"RecordCount\":1,\"StartSeq\":0,\"LatestSeq\":0,"
                                + "\"LatestTime\":5,\"Records\":[{\"ShardId\":\"0\",\"SystemTime\":5,"
                                + "\"Sequence\":0,\"Cursor\":\""
                                + C0
                                + "\",\"NextCursor\":\""
                                + C1
                                + "\","
                                + "\"Data\":[\"a\",null],\"Attributes\":{\"k\":\"v\"}}]}");
        StoredRecord blob = new StoredRecord("0", 0, 5, C0, C1, Map.of(), null, new byte[] {1, 2});
        assertThat(
                        Json.bytes(
                                RecordCodec.readJson(
                                        new ReadResult(C1, 0, 0, 5, List.of(blob)),
                                        RecordType.BLOB)))
                .asString(StandardCharsets.UTF_8)
                .contains("\"Data\":\"AQI=\"");
        assertThat(
                        Json.bytes(
                                RecordCodec.readJson(
                                        new ReadResult(C0, 0, -1, -1, List.of()), RecordType.BLOB)))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(
                        "{\"NextCursor\":\""
                                + C0
                                + "\",\"RecordCount\":0,\"StartSeq\":0,"
                                + "\"LatestSeq\":-1,\"LatestTime\":-1,\"Records\":[]}");
    }
}
