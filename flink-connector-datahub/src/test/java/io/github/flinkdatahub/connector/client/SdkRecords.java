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

import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.TupleRecordData;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The same records built for the SDK and for our client: every routing key, type and null. */
final class SdkRecords {

    private SdkRecords() {}

    static final String HASH_KEY = "0123456789ABCDEF0123456789ABCDEF";
    static final byte[] BLOB = "blob\u0000data \u00e9\u4e2d".getBytes(StandardCharsets.UTF_8);

    /** Values in schema order of {@link SdkModels#schema()}. */
    static final Object[][] TUPLES = {
        {
            (byte) -1,
            (short) 300,
            7,
            5L,
            1.5f,
            0.1d,
            new BigDecimal("10000.000001"),
            true,
            "hello \u4e16\u754c",
            1700000000123456L
        },
        {null, null, null, -9L, null, null, null, null, null, null},
        {
            (byte) 127,
            (short) -32768,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            -3.25e-5f,
            1.0e20d,
            new BigDecimal("-0.000000123"),
            false,
            "",
            0L
        }
    };

    /** Tuple i routed by ShardId, HashKey, PartitionKey in turn; even ones carry an attribute. */
    static List<PutRecord> ours(int copies) {
        List<PutRecord> records = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < TUPLES.length; i++) {
                TupleRecord tuple = TupleRecord.of(SdkModels.schema(), TUPLES[i]);
                PutRecord record =
                        new PutRecord(
                                tuple,
                                i % 2 == 0 ? Map.of("attr" + i, "value " + c) : Map.of(),
                                i == 0 ? "0" : null,
                                i == 1 ? HASH_KEY : null,
                                i == 2 ? "pk-" + c : null);
                records.add(record);
            }
        }
        return records;
    }

    static List<RecordEntry> sdk(int copies) {
        List<RecordEntry> records = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < TUPLES.length; i++) {
                TupleRecordData data = new TupleRecordData(SdkModels.sdkSchema());
                for (int f = 0; f < TUPLES[i].length; f++) {
                    data.setField(f, TUPLES[i][f]);
                }
                RecordEntry entry = new RecordEntry();
                entry.setRecordData(data);
                if (i % 2 == 0) {
                    entry.addAttribute("attr" + i, "value " + c);
                }
                if (i == 0) {
                    entry.setShardId("0");
                } else if (i == 1) {
                    entry.setHashKey(HASH_KEY);
                } else {
                    entry.setPartitionKey("pk-" + c);
                }
                records.add(entry);
            }
        }
        return records;
    }

    static List<PutRecord> oursBlob() {
        return List.of(
                PutRecord.toShard("1", BlobRecord.of(BLOB)).withAttributes(Map.of("k", "v")),
                PutRecord.withPartitionKey("pk", BlobRecord.of(new byte[0])),
                PutRecord.withHashKey("abcdef", BlobRecord.of(new byte[] {1})),
                PutRecord.of(BlobRecord.of(new byte[] {2})));
    }

    static List<RecordEntry> sdkBlob() {
        RecordEntry first = new RecordEntry();
        first.setRecordData(new BlobRecordData(BLOB));
        first.setShardId("1");
        first.addAttribute("k", "v");
        RecordEntry second = new RecordEntry();
        second.setRecordData(new BlobRecordData(new byte[0]));
        second.setPartitionKey("pk");
        RecordEntry third = new RecordEntry();
        third.setRecordData(new BlobRecordData(new byte[] {1}));
        third.setHashKey("abcdef");
        RecordEntry unrouted = new RecordEntry();
        unrouted.setRecordData(new BlobRecordData(new byte[] {2}));
        return List.of(first, second, third, unrouted);
    }
}
