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

import com.aliyun.datahub.client.http.converter.batch.BatchDeserializer;
import com.aliyun.datahub.client.http.converter.batch.BatchSerializer;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordRespMeta;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our batch encoder and decoder against the Java SDK 2.21.6's own {@code BatchSerializer} and
 * {@code BatchDeserializer}, in every compression, for every field type, nulls, BLOBs and
 * attributes: each side decodes what the other wrote, and with at most one attribute per record
 * (the SDK writes attributes in HashMap order) both write the very same bytes.
 */
class BatchSdkParityTest {

    private static CompressType sdk(CompressionType c) {
        return CompressType.valueOf(c.name());
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void sdkDecodesOurTupleBatches(CompressionType compression) {
        List<PutRecord> ours = SdkRecords.ours(4);
        byte[] batch = BatchCodec.encodeBatch(ours, compression, 0);
        List<RecordEntry> read = sdkDecode(batch, SdkModels.sdkSchema());
        assertThat(read).hasSize(ours.size());
        for (int i = 0; i < ours.size(); i++) {
            TupleRecord expected = (TupleRecord) ours.get(i).payload();
            TupleRecordData data = (TupleRecordData) read.get(i).getRecordData();
            for (int f = 0; f < expected.size(); f++) {
                assertThat(data.getField(f))
                        .as("record %d field %d", i, f)
                        .isEqualTo(expected.get(f));
            }
            assertThat(read.get(i).getAttributes()).isEqualTo(ours.get(i).attributes());
            assertThat(read.get(i).getSegmentIndexForBatch()).isEqualTo(i);
            assertThat(read.get(i).getSegmentSizeForBatch()).isEqualTo(ours.size());
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void weDecodeSdkTupleBatches(CompressionType compression) {
        byte[] batch = sdkEncode(SdkRecords.sdk(4), compression);
        List<BatchRecordReader.Decoded> read =
                BatchCodec.decodeBatch(batch, 0, batch.length, SdkModels.schema(), v -> null);
        List<PutRecord> expected = SdkRecords.ours(4);
        assertThat(read).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(read.get(i).payload()).isEqualTo(expected.get(i).payload());
            assertThat(read.get(i).attributes()).isEqualTo(expected.get(i).attributes());
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void tupleBatchesAreByteIdenticalToTheSdks(CompressionType compression) {
        // SdkRecords carry at most one attribute per record, so HashMap order cannot differ.
        assertThat(Hex.hex(BatchCodec.encodeBatch(SdkRecords.ours(4), compression, 0)))
                .isEqualTo(Hex.hex(sdkEncode(SdkRecords.sdk(4), compression)));
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void blobBatchesAreByteIdenticalAndCrossDecode(CompressionType compression) {
        byte[] ours = BatchCodec.encodeBatch(SdkRecords.oursBlob(), compression, 0);
        byte[] theirs = sdkEncode(SdkRecords.sdkBlob(), compression);
        assertThat(Hex.hex(ours)).isEqualTo(Hex.hex(theirs));
        List<RecordEntry> read = sdkDecode(ours, null);
        List<BatchRecordReader.Decoded> back =
                BatchCodec.decodeBatch(theirs, 0, theirs.length, null, v -> null);
        for (int i = 0; i < SdkRecords.oursBlob().size(); i++) {
            PutRecord expected = SdkRecords.oursBlob().get(i);
            byte[] data = ((BlobRecord) expected.payload()).data();
            assertThat(((BlobRecordData) read.get(i).getRecordData()).getData()).isEqualTo(data);
            assertThat(((BlobRecord) back.get(i).payload()).data()).isEqualTo(data);
            assertThat(back.get(i).attributes()).isEqualTo(expected.attributes());
            assertThat(back.get(i).schemaVersion()).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void manyAttributesCrossDecode(CompressionType compression) {
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            attrs.put("key" + i, "value-" + i + "-".repeat(i));
        }
        List<PutRecord> ours = new ArrayList<>();
        for (PutRecord r : SdkRecords.ours(2)) {
            ours.add(r.withAttributes(attrs));
        }
        List<RecordEntry> sdkRecords = SdkRecords.sdk(2);
        sdkRecords.forEach(e -> e.setAttributes(new HashMap<>(attrs)));
        for (RecordEntry e :
                sdkDecode(BatchCodec.encodeBatch(ours, compression, 0), SdkModels.sdkSchema())) {
            assertThat(e.getAttributes()).isEqualTo(attrs);
        }
        byte[] theirs = sdkEncode(sdkRecords, compression);
        for (BatchRecordReader.Decoded d :
                BatchCodec.decodeBatch(theirs, 0, theirs.length, SdkModels.schema(), v -> null)) {
            assertThat(d.attributes()).isEqualTo(attrs);
        }
    }

    private static byte[] sdkEncode(List<RecordEntry> records, CompressionType compression) {
        return new BatchSerializer("p", "t", sdk(compression), null).serialize(records);
    }

    private static List<RecordEntry> sdkDecode(
            byte[] batch, com.aliyun.datahub.client.model.RecordSchema schema) {
        return new BatchDeserializer("p", "t", schema, null)
                .deserialize(batch, new RecordRespMeta(), "0");
    }
}
