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

package io.github.flinkdatahub.emulator.bench;

import io.github.flinkdatahub.emulator.conformance.Wire;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.aliyun.datahub.client.http.converter.batch.BatchBinaryRecord;
import com.aliyun.datahub.client.http.converter.batch.BatchDeserializer;
import com.aliyun.datahub.client.http.converter.batch.BinaryRecord;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.RecordSchema;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * The batch-mode side of {@link EmulatorBenchmark}: put bodies are one LZ4 batch per request, as
 * the official Java SDK's batch writer encodes it (so the benchmark's records match its protobuf
 * records field for field); reads are decoded with the SDK's batch reader.
 */
public final class BatchBench {

    private static final RecordSchema SCHEMA = schema();

    private BatchBench() {}

    private static RecordSchema schema() {
        RecordSchema s = new RecordSchema();
        s.addField(new Field("id", FieldType.BIGINT));
        s.addField(new Field("event_time", FieldType.TIMESTAMP));
        s.addField(new Field("user_name", FieldType.STRING));
        s.addField(new Field("score", FieldType.DOUBLE));
        s.addField(new Field("active", FieldType.BOOLEAN));
        s.addField(new Field("payload", FieldType.STRING));
        return s;
    }

    /** A DHUB frame of a PutBinaryRecordsRequest holding one batch of {@code batch} records. */
    public static byte[] encodePut(int seed, int batch, int recordBytes) {
        Random random = new Random(seed);
        String filler = "x".repeat(Math.max(0, recordBytes - 96));
        BatchBinaryRecord records = new BatchBinaryRecord();
        for (int i = 0; i < batch; i++) {
            long id = (long) seed * batch + i;
            BinaryRecord r = new BinaryRecord(SCHEMA, 0);
            r.setField(0, id);
            r.setField(1, 1_700_000_000_000_000L + id);
            r.setField(2, "user-" + random.nextInt(100_000));
            r.setField(3, random.nextDouble());
            r.setField(4, random.nextBoolean());
            r.setField(5, Long.toHexString(random.nextLong()) + filler);
            records.addRecord(r);
        }
        return Wire.frame(
                DatahubProtos.PutBinaryRecordsRequest.newBuilder()
                        .addRecords(
                                DatahubProtos.BinaryRecordEntry.newBuilder()
                                        .setData(
                                                ByteString.copyFrom(
                                                        records.serialize(CompressType.LZ4))))
                        .build()
                        .toByteArray());
    }

    /** Records and next cursor of a batch-mode read. */
    record Read(int records, String nextCursor) {}

    /** Parses a GetBinaryRecordsResponse frame and splits its batches into records. */
    static Read parseGet(byte[] frame) throws Exception {
        DatahubProtos.GetBinaryRecordsResponse response =
                DatahubProtos.GetBinaryRecordsResponse.parseFrom(
                        ByteBuffer.wrap(frame, 12, frame.length - 12));
        BatchDeserializer reader = new BatchDeserializer("bench", "t", SCHEMA, null);
        int records = 0;
        for (DatahubProtos.BinaryRecordEntry e : response.getRecordsList()) {
            records += reader.parseBatchRecordFrom(e.getData().toByteArray()).getRecords().size();
        }
        return new Read(records, response.getNextCursor());
    }
}
