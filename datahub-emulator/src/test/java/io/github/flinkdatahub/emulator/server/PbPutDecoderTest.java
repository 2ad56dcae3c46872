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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PbPutDecoder} gives what the generated parser plus {@link RecordCodec#fromPb} gives, and
 * declines what it does not handle the same way.
 */
class PbPutDecoderTest {

    private static DatahubProtos.FieldData value(String v) {
        return DatahubProtos.FieldData.newBuilder().setValue(ByteString.copyFromUtf8(v)).build();
    }

    private static DatahubProtos.RecordEntry.Builder entry(DatahubProtos.FieldData... values) {
        return DatahubProtos.RecordEntry.newBuilder()
                .setData(DatahubProtos.RecordData.newBuilder().addAllData(Arrays.asList(values)));
    }

    private static void assertSame(byte[] payload, RecordType type) throws Exception {
        List<PutRecord> fast = PbPutDecoder.decode(payload, type);
        List<PutRecord> reference =
                RecordCodec.fromPb(DatahubProtos.PutRecordsRequest.parseFrom(payload), type);
        assertThat(fast).hasSameSizeAs(reference);
        for (int i = 0; i < fast.size(); i++) {
            PutRecord a = fast.get(i);
            PutRecord b = reference.get(i);
            assertThat(a.shardId()).isEqualTo(b.shardId());
            assertThat(a.hashKey()).isEqualTo(b.hashKey());
            assertThat(a.partitionKey()).isEqualTo(b.partitionKey());
            assertThat(a.attributes()).containsExactlyEntriesOf(b.attributes());
            assertThat(a.tupleValues()).isEqualTo(b.tupleValues());
            assertThat(a.blob()).isEqualTo(b.blob());
        }
    }

    @Test
    void decodesLikeTheGeneratedParser() throws Exception {
        byte[] invalidUtf8 = {(byte) 0xC3, 0x28, 'a'};
        DatahubProtos.PutRecordsRequest request =
                DatahubProtos.PutRecordsRequest.newBuilder()
                        .addRecords(entry(value("1"), value("ünï 😀"), value("")))
                        .addRecords(
                                entry(
                                                DatahubProtos.FieldData.getDefaultInstance(),
                                                DatahubProtos.FieldData.newBuilder()
                                                        .setValue(ByteString.copyFrom(invalidUtf8))
                                                        .build())
                                        .setShardId("3")
                                        .setHashKey("")
                                        .setPartitionKey("pk")
                                        .setCursor("c")
                                        .setSequence(7)
                                        .setSystemTime(9)
                                        .setSerial(4)
                                        .setAttributes(
                                                DatahubProtos.RecordAttributes.newBuilder()
                                                        .addAttributes(pair("b", "2"))
                                                        .addAttributes(pair("a", "1"))
                                                        .addAttributes(pair("b", "3"))))
                        .addRecords(entry())
                        .build();
        assertSame(request.toByteArray(), RecordType.TUPLE);
        assertSame(request.toByteArray(), RecordType.BLOB);
        assertSame(new byte[0], RecordType.TUPLE);
        byte[] blobs =
                DatahubProtos.PutRecordsRequest.newBuilder()
                        .addRecords(entry(value("raw")))
                        .addRecords(entry(DatahubProtos.FieldData.getDefaultInstance()))
                        .build()
                        .toByteArray();
        assertSame(blobs, RecordType.BLOB);
        assertSame(blobs, RecordType.TUPLE);
    }

    @Test
    void declinesWhatTheGeneratedParserTreatsDifferently() {
        byte[] good =
                DatahubProtos.PutRecordsRequest.newBuilder()
                        .addRecords(entry(value("1")))
                        .build()
                        .toByteArray();
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        byte[] noData =
                DatahubProtos.PutRecordsRequest.newBuilder()
                        .addRecords(
                                DatahubProtos.RecordEntry.newBuilder()
                                        .setShardId("0")
                                        .buildPartial())
                        .buildPartial()
                        .toByteArray();
        // data twice in one entry: protobuf merges the two RecordData messages
        byte[] entryBytes = entry(value("1")).build().toByteArray();
        byte[] twice = new byte[entryBytes.length * 2];
        System.arraycopy(entryBytes, 0, twice, 0, entryBytes.length);
        System.arraycopy(entryBytes, 0, twice, entryBytes.length, entryBytes.length);
        byte[] merged = new byte[twice.length + 2];
        merged[0] = 0x0A;
        merged[1] = (byte) twice.length;
        System.arraycopy(twice, 0, merged, 2, twice.length);
        byte[] unknownField = {0x10, 0x01}; // field 2, varint

        assertThat(PbPutDecoder.decode(good, RecordType.TUPLE)).hasSize(1);
        assertThat(PbPutDecoder.decode(truncated, RecordType.TUPLE)).isNull();
        assertThat(PbPutDecoder.decode(noData, RecordType.TUPLE)).isNull();
        assertThat(PbPutDecoder.decode(merged, RecordType.TUPLE)).isNull();
        assertThat(PbPutDecoder.decode(unknownField, RecordType.TUPLE)).isNull();
    }

    private static DatahubProtos.StringPair pair(String k, String v) {
        return DatahubProtos.StringPair.newBuilder().setKey(k).setValue(v).build();
    }
}
