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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic benchmark records of a realistic six-field schema (~1 KB each), and GetRecords
 * response bodies holding them, built the way the service lays them out. Shared by {@link
 * CodecBenchmark} and {@link EndToEndBenchmark}.
 */
final class BenchData {

    static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT),
                    Field.of("event_time", FieldType.TIMESTAMP),
                    Field.of("user_name", FieldType.STRING),
                    Field.of("score", FieldType.DOUBLE),
                    Field.of("active", FieldType.BOOLEAN),
                    Field.of("payload", FieldType.STRING));

    /**
     * Words for the payload text: log-like text compresses like real data (LZ4 roughly halves it),
     * unlike a run of one character, which would make LZ4 look unrealistically good.
     */
    private static final String[] WORDS = {
        "GET",
        "POST",
        "/api/v1/orders",
        "/api/v1/users",
        "status=200",
        "status=404",
        "latency",
        "region=cn-hangzhou",
        "region=cn-shanghai",
        "user_agent",
        "Mozilla/5.0",
        "okhttp/4.12",
        "session",
        "checkout",
        "cart",
        "item",
        "price",
        "currency=CNY",
        "warehouse",
        "shipped",
        "pending",
        "error",
        "retry",
        "timeout",
        "cache=hit",
        "cache=miss",
        "trace_id",
        "span_id",
        "tenant",
        "campaign",
        "referrer",
        "mobile",
        "desktop",
        "android",
        "ios",
        "web",
        "login",
        "logout",
        "search",
        "query",
        "page",
        "limit",
        "offset",
        "sort=desc",
        "filter",
        "true",
        "false",
        "null",
        "amount",
        "discount",
        "coupon",
        "payment",
        "alipay",
        "wechat",
        "bank"
    };

    private BenchData() {}

    /** One record of the benchmark schema; {@code recordBytes} is its approximate wire size. */
    static TupleRecord record(long id, int recordBytes, Random random) {
        int payloadLength = Math.max(0, recordBytes - 96);
        StringBuilder payload = new StringBuilder(payloadLength + 24);
        while (payload.length() < payloadLength) {
            payload.append(WORDS[random.nextInt(WORDS.length)]);
            payload.append(random.nextInt(4) == 0 ? "=" + random.nextInt(100_000) + " " : " ");
        }
        payload.setLength(payloadLength);
        return TupleRecord.of(
                SCHEMA,
                id,
                1_700_000_000_000_000L + id * 1_000L + random.nextInt(1_000),
                "user-" + random.nextInt(100_000),
                random.nextDouble() * 1000,
                random.nextBoolean(),
                payload.toString());
    }

    /** {@code count} records with ids from {@code firstId}, reproducible from the seed. */
    static List<TupleRecord> records(long firstId, int count, int recordBytes, long seed) {
        Random random = new Random(seed);
        List<TupleRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(firstId + i, recordBytes, random));
        }
        return out;
    }

    /** Records routed to one shard by the call ({@code putRecordsByShard} ignores routing). */
    static List<PutRecord> unrouted(List<TupleRecord> tuples) {
        List<PutRecord> out = new ArrayList<>(tuples.size());
        for (TupleRecord tuple : tuples) {
            out.add(PutRecord.of(tuple));
        }
        return out;
    }

    /** Records routed by a partition key (the id), as most writers do. */
    static List<PutRecord> partitioned(List<TupleRecord> tuples) {
        List<PutRecord> out = new ArrayList<>(tuples.size());
        for (TupleRecord tuple : tuples) {
            out.add(PutRecord.withPartitionKey(Long.toString(tuple.getLong(0)), tuple));
        }
        return out;
    }

    /** A 32-hex-digit cursor like the service's. */
    private static String cursor(long sequence) {
        return String.format(Locale.ROOT, "%016x%016x", 0x30005af19b38L, sequence);
    }

    /** A framed protobuf GetRecordsResponse holding the records, sequences from {@code first}. */
    static byte[] pbGetRecordsResponse(List<TupleRecord> tuples, long first) {
        DatahubProtos.GetRecordsResponse.Builder response =
                DatahubProtos.GetRecordsResponse.newBuilder()
                        .setNextCursor(cursor(first + tuples.size()))
                        .setRecordCount(tuples.size())
                        .setStartSequence(first)
                        .setLatestSequence(first + tuples.size() - 1)
                        .setLatestTime(1_700_000_000_000L);
        for (int i = 0; i < tuples.size(); i++) {
            DatahubProtos.RecordData.Builder data = DatahubProtos.RecordData.newBuilder();
            TupleRecord tuple = tuples.get(i);
            for (int f = 0; f < tuple.size(); f++) {
                DatahubProtos.FieldData.Builder field = DatahubProtos.FieldData.newBuilder();
                if (tuple.get(f) != null) {
                    field.setValue(ByteString.copyFromUtf8(ValueCodec.toText(tuple.get(f))));
                }
                data.addData(field);
            }
            long sequence = first + i;
            response.addRecords(
                    DatahubProtos.RecordEntry.newBuilder()
                            .setCursor(cursor(sequence))
                            .setNextCursor(cursor(sequence + 1))
                            .setSequence(sequence)
                            .setSystemTime(1_700_000_000_000L + sequence)
                            .setData(data));
        }
        return DhubFrame.frame(response.build().toByteArray());
    }

    /** A JSON GetRecords response holding the records, sequences from {@code first}. */
    static byte[] jsonGetRecordsResponse(List<TupleRecord> tuples, long first) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("NextCursor", cursor(first + tuples.size()));
        out.put("RecordCount", tuples.size());
        out.put("StartSeq", first);
        out.put("LatestSeq", first + tuples.size() - 1);
        out.put("LatestTime", 1_700_000_000_000L);
        ArrayNode list = out.putArray("Records");
        for (int i = 0; i < tuples.size(); i++) {
            long sequence = first + i;
            ObjectNode n = list.addObject();
            n.put("SystemTime", 1_700_000_000_000L + sequence);
            n.put("Sequence", sequence);
            n.put("Cursor", cursor(sequence));
            n.put("NextCursor", cursor(sequence + 1));
            ArrayNode values = n.putArray("Data");
            TupleRecord tuple = tuples.get(i);
            for (int f = 0; f < tuple.size(); f++) {
                Object value = tuple.get(f);
                if (value == null) {
                    values.addNull();
                } else {
                    values.add(ValueCodec.toText(value));
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
