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

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-exact protobuf vectors of protocol §4.5 and §12.A.2-3. */
class PbRecordCodecTest {

    private static final String CURSOR_0 = "30000000000000000000000000000000";
    private static final String CURSOR_1 = "30000000000000000000000000000001";

    @Test
    void putRecordsRequestMatchesTheSdkBytes() {
        byte[] body =
                PbRecordCodec.encodePutRecords(
                        List.of(
                                PutRecord.toShard(
                                        "1",
                                        BlobRecord.of(
                                                "blobdata".getBytes(StandardCharsets.US_ASCII)))));
        assertThat(Hex.hex(body))
                .isEqualTo("444855426504410c000000130a110a01314a0c0a0a0a08626c6f6264617461");
    }

    @Test
    void sdkPutRequestDecodesToTheSameRecord() throws Exception {
        var request =
                DatahubProtos.PutRecordsRequest.parseFrom(
                        DhubFrame.unframe(
                                Hex.bytes(
                                        "444855426504410c000000130a110a01314a0c0a0a0a08626c6f6264617461")));
        assertThat(request.getRecordsCount()).isEqualTo(1);
        assertThat(request.getRecords(0).getShardId()).isEqualTo("1");
        assertThat(request.getRecords(0).getData().getData(0).getValue().toStringUtf8())
                .isEqualTo("blobdata");
    }

    @Test
    void getRecordsRequestMatchesTheSdkBytes() {
        assertThat(Hex.hex(PbRecordCodec.encodeGetRecords(CURSOR_0, 10)))
                .isEqualTo(
                        "4448554251e858f3000000240a20"
                                + Hex.hex(CURSOR_0.getBytes(StandardCharsets.US_ASCII))
                                + "100a");
    }

    @Test
    void decodesTheGetRecordsResponseVector() throws Exception {
        byte[] payload =
                Hex.bytes(
                        "0a203330303030303030303030303030303030303030303030303030303030303031100118002"
                            + "25b222033303030303030303030303030303030303030303030303030303030303030302a2033"
                            + "303030303030303030303030303030303030303030303030303030303030313000"
                            + "38fbd095ffbc314a0c0a0a0a08626c6f6264617461");
        assertThat(payload).hasSize(131);
        assertThat(DhubFrame.crc32c(payload, 0, payload.length)).isEqualTo(0xb3fe1bbfL);

        GetRecordsResult result =
                PbRecordCodec.decodeGetRecordsResponse(
                        DhubFrame.unframe(DhubFrame.frame(payload)), "0", null);
        assertThat(result.nextCursor()).isEqualTo(CURSOR_1);
        assertThat(result.recordCount()).isEqualTo(1);
        assertThat(result.startSequence()).isZero();
        ReadRecord record = result.records().get(0);
        assertThat(record.cursor()).isEqualTo(CURSOR_0);
        assertThat(record.nextCursor()).isEqualTo(CURSOR_1);
        assertThat(record.sequence()).isZero();
        assertThat(record.systemTime()).isEqualTo(1700000000123L);
        assertThat(record.shardId()).isEqualTo("0");
        assertThat(record.attributes()).isEqualTo(Map.of());
        assertThat(record.payload())
                .isEqualTo(BlobRecord.of("blobdata".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void decodedRecordsDoNotShareTheResponseBody() throws Exception {
        // The decoder parses with aliasing (no per-value copies); what it returns must still own
        // its bytes, because a caller may reuse or overwrite the body later.
        RecordSchema schema = RecordSchema.of(Field.of("s", FieldType.STRING));
        DatahubProtos.RecordEntry.Builder entry =
                DatahubProtos.RecordEntry.newBuilder()
                        .setCursor(CURSOR_0)
                        .setNextCursor(CURSOR_1)
                        .setData(
                                DatahubProtos.RecordData.newBuilder()
                                        .addData(
                                                DatahubProtos.FieldData.newBuilder()
                                                        .setValue(
                                                                com.google.protobuf.ByteString
                                                                        .copyFromUtf8(
                                                                                "blobdata"))));
        byte[] body =
                DhubFrame.frame(
                        DatahubProtos.GetRecordsResponse.newBuilder()
                                .setNextCursor(CURSOR_1)
                                .setRecordCount(1)
                                .addRecords(entry)
                                .build()
                                .toByteArray());
        ReadRecord blob =
                PbRecordCodec.decodeGetRecordsResponse(DhubFrame.unframe(body), "0", null)
                        .records()
                        .get(0);
        ReadRecord tuple =
                PbRecordCodec.decodeGetRecordsResponse(DhubFrame.unframe(body), "0", schema)
                        .records()
                        .get(0);

        java.util.Arrays.fill(body, (byte) 'x');

        assertThat(blob.payload())
                .isEqualTo(BlobRecord.of("blobdata".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((TupleRecord) tuple.payload()).getString(0)).isEqualTo("blobdata");
        assertThat(blob.cursor()).isEqualTo(CURSOR_0);
        assertThat(tuple.nextCursor()).isEqualTo(CURSOR_1);
    }

    @Test
    void decodesAPutRecordsResponseWithFailures() throws Exception {
        byte[] payload =
                DatahubProtos.PutRecordsResponse.newBuilder()
                        .setFailedCount(1)
                        .addFailedRecords(
                                DatahubProtos.FailedRecord.newBuilder()
                                        .setIndex(2)
                                        .setErrorCode("NoSuchShard")
                                        .setErrorMessage("gone"))
                        .build()
                        .toByteArray();
        PutRecordsResult result =
                PbRecordCodec.decodePutRecordsResponse(DhubFrame.unframe(DhubFrame.frame(payload)));
        assertThat(result.failedRecords())
                .containsExactly(new PutRecordsResult.FailedRecord(2, "NoSuchShard", "gone"));
        assertThat(
                        PbRecordCodec.decodePutRecordsResponse(
                                        DhubFrame.unframe(
                                                Hex.bytes("444855426c75b46a000000020800")))
                                .allSucceeded())
                .isTrue();
    }

    @Test
    void encodesNullsAttributesAndRoutingLikeTheGeneratedClasses() throws Exception {
        RecordSchema schema =
                RecordSchema.of(Field.of("a", FieldType.STRING), Field.of("b", FieldType.BIGINT));
        PutRecord record =
                new PutRecord(
                        TupleRecord.of(schema, "héllo", null),
                        Map.of("k", "v"),
                        null,
                        "0123456789ABCDEF0123456789ABCDEF",
                        "pk");
        byte[] body = PbRecordCodec.encodePutRecords(List.of(record, record));
        var expectedEntry =
                DatahubProtos.RecordEntry.newBuilder()
                        .setHashKey("0123456789ABCDEF0123456789ABCDEF")
                        .setPartitionKey("pk")
                        .setAttributes(
                                DatahubProtos.RecordAttributes.newBuilder()
                                        .addAttributes(
                                                DatahubProtos.StringPair.newBuilder()
                                                        .setKey("k")
                                                        .setValue("v")))
                        .setData(
                                DatahubProtos.RecordData.newBuilder()
                                        .addData(
                                                DatahubProtos.FieldData.newBuilder()
                                                        .setValue(
                                                                com.google.protobuf.ByteString
                                                                        .copyFromUtf8("héllo")))
                                        .addData(DatahubProtos.FieldData.getDefaultInstance()));
        byte[] expected =
                DhubFrame.frame(
                        DatahubProtos.PutRecordsRequest.newBuilder()
                                .addRecords(expectedEntry)
                                .addRecords(expectedEntry)
                                .build()
                                .toByteArray());
        assertThat(Hex.hex(body)).isEqualTo(Hex.hex(expected));
    }
}
