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

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PutRecord#estimatedEncodedSize()} against the real protobuf encoding: the message the
 * generated {@code DatahubProtos} classes build for the same record, and the body the client sends.
 * The estimate must never be below the encoded size, and not far above it.
 */
class PutRecordSizeTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("f_tinyint", FieldType.TINYINT),
                    Field.of("f_smallint", FieldType.SMALLINT),
                    Field.of("f_integer", FieldType.INTEGER),
                    Field.of("f_bigint", FieldType.BIGINT),
                    Field.of("f_float", FieldType.FLOAT),
                    Field.of("f_double", FieldType.DOUBLE),
                    Field.of("f_decimal", FieldType.DECIMAL),
                    Field.of("f_boolean", FieldType.BOOLEAN),
                    Field.of("f_string", FieldType.STRING),
                    Field.of("f_timestamp", FieldType.TIMESTAMP));

    private final Random random = new Random(42);

    @Test
    void theEstimateCoversTheRealEncodingOfEveryRandomRecord() {
        List<PutRecord> batch = new ArrayList<>();
        long estimated = 0;
        for (int i = 0; i < 3_000; i++) {
            PutRecord record = randomRecord();
            int actual = generatedEntry(record).getSerializedSize();
            // As an element of repeated field 1: tag + length prefix + message.
            int actualInRequest =
                    DatahubProtos.PutRecordsRequest.newBuilder()
                            .addRecords(generatedEntry(record))
                            .build()
                            .getSerializedSize();
            assertThat(actualInRequest).isGreaterThan(actual);
            int estimate = record.estimatedEncodedSize();
            assertThat(estimate)
                    .as("record %d: %s", i, record)
                    .isGreaterThanOrEqualTo(actualInRequest);
            assertThat(estimate)
                    .as("not far above")
                    .isLessThanOrEqualTo(actualInRequest + actualInRequest / 20 + 8);
            batch.add(record);
            estimated += estimate;
        }
        byte[] body = PbRecordCodec.encodePutRecords(batch);
        DatahubProtos.PutRecordsRequest.Builder generated =
                DatahubProtos.PutRecordsRequest.newBuilder();
        batch.forEach(r -> generated.addRecords(generatedEntry(r)));
        assertThat(estimated + PutRecord.REQUEST_OVERHEAD_BYTES)
                .isGreaterThanOrEqualTo(body.length)
                .isGreaterThanOrEqualTo(
                        generated.build().getSerializedSize() + PutRecord.REQUEST_OVERHEAD_BYTES);
    }

    @Test
    void lengthPrefixesAroundTheVarintBoundariesAreCounted() {
        for (int length : new int[] {0, 1, 126, 127, 128, 129, 16_383, 16_384, 16_385, 2_097_152}) {
            byte[] data = new byte[length];
            PutRecord blob = PutRecord.of(BlobRecord.of(data));
            int actual =
                    DatahubProtos.PutRecordsRequest.newBuilder()
                            .addRecords(generatedEntry(blob))
                            .build()
                            .getSerializedSize();
            assertThat(blob.estimatedEncodedSize())
                    .as("blob of %d bytes", length)
                    .isGreaterThanOrEqualTo(actual);
            assertThat(blob.estimatedEncodedSize()).isLessThanOrEqualTo(actual + 8);
            String text = "x".repeat(length);
            PutRecord tuple =
                    PutRecord.of(TupleRecord.builder(SCHEMA).set("f_string", text).build());
            int actualTuple =
                    DatahubProtos.PutRecordsRequest.newBuilder()
                            .addRecords(generatedEntry(tuple))
                            .build()
                            .getSerializedSize();
            assertThat(tuple.estimatedEncodedSize())
                    .isGreaterThanOrEqualTo(actualTuple)
                    .isLessThanOrEqualTo(actualTuple + 8);
        }
    }

    @Test
    void limitsAreTheServicesLimits() {
        assertThat(PutRecord.MAX_RECORDS_PER_REQUEST).isEqualTo(10_000);
        assertThat(PutRecord.MAX_REQUEST_BYTES).isEqualTo(4 * 1024 * 1024);
        assertThat(PbRecordCodec.encodePutRecords(List.of()).length)
                .isEqualTo(PutRecord.REQUEST_OVERHEAD_BYTES);
    }

    private PutRecord randomRecord() {
        RecordPayload payload;
        if (random.nextInt(4) == 0) {
            byte[] data =
                    new byte[random.nextInt(3) == 0 ? random.nextInt(70_000) : random.nextInt(300)];
            random.nextBytes(data);
            payload = BlobRecord.of(data);
        } else {
            TupleRecord.Builder b = TupleRecord.builder(SCHEMA);
            if (random.nextBoolean()) b.set(0, (byte) random.nextInt());
            if (random.nextBoolean()) b.set(1, (short) random.nextInt());
            if (random.nextBoolean()) b.set(2, random.nextInt());
            if (random.nextBoolean()) b.set(3, random.nextLong());
            if (random.nextBoolean()) b.set(4, random.nextFloat() * 1e6f);
            if (random.nextBoolean())
                b.set(5, random.nextDouble() * Math.pow(10, random.nextInt(300)));
            if (random.nextBoolean())
                b.set(6, new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(20)));
            if (random.nextBoolean()) b.set(7, random.nextBoolean());
            if (random.nextBoolean()) b.set(8, randomText(random.nextInt(3) == 0 ? 5_000 : 60));
            if (random.nextBoolean())
                b.set(9, (random.nextLong() & Long.MAX_VALUE) % 253402271999000000L);
            payload = b.build();
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            attributes.put(randomText(10) + i, randomText(40));
        }
        String shardId = random.nextInt(3) == 0 ? Integer.toString(random.nextInt(600)) : null;
        String hashKey = random.nextInt(3) == 0 ? "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" : null;
        String partitionKey = random.nextInt(3) == 0 ? randomText(30) : null;
        return new PutRecord(payload, attributes, shardId, hashKey, partitionKey);
    }

    /** ASCII, accented, CJK and astral (surrogate pair) characters. */
    private String randomText(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.append((char) ('a' + random.nextInt(26)));
                case 1 -> sb.append((char) (0xC0 + random.nextInt(0x100)));
                case 2 -> sb.append((char) (0x4E00 + random.nextInt(0x5000)));
                default -> sb.appendCodePoint(0x1F600 + random.nextInt(0x50));
            }
        }
        return sb.toString();
    }

    /** The same record, built with the generated classes (the reference encoding). */
    private static DatahubProtos.RecordEntry generatedEntry(PutRecord record) {
        DatahubProtos.RecordEntry.Builder e = DatahubProtos.RecordEntry.newBuilder();
        if (record.shardId() != null) e.setShardId(record.shardId());
        if (record.hashKey() != null) e.setHashKey(record.hashKey());
        if (record.partitionKey() != null) e.setPartitionKey(record.partitionKey());
        if (!record.attributes().isEmpty()) {
            DatahubProtos.RecordAttributes.Builder a = DatahubProtos.RecordAttributes.newBuilder();
            record.attributes()
                    .forEach(
                            (k, v) ->
                                    a.addAttributes(
                                            DatahubProtos.StringPair.newBuilder()
                                                    .setKey(k)
                                                    .setValue(v)));
            e.setAttributes(a);
        }
        DatahubProtos.RecordData.Builder data = DatahubProtos.RecordData.newBuilder();
        if (record.payload() instanceof BlobRecord blob) {
            data.addData(
                    DatahubProtos.FieldData.newBuilder()
                            .setValue(ByteString.copyFrom(blob.data())));
        } else {
            TupleRecord t = (TupleRecord) record.payload();
            for (int i = 0; i < t.size(); i++) {
                Object v = t.get(i);
                DatahubProtos.FieldData.Builder f = DatahubProtos.FieldData.newBuilder();
                if (v != null) {
                    String text = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
                    f.setValue(ByteString.copyFrom(text, StandardCharsets.UTF_8));
                }
                data.addData(f);
            }
        }
        return e.setData(data).build();
    }
}
