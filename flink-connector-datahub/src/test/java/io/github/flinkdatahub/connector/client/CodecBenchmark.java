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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The record codecs alone, without network: encoding PutRecords bodies and decoding GetRecords
 * bodies in protobuf and JSON, with and without LZ4. Part of {@link ClientBenchmark}; single
 * threaded, so the allocation counter of the current thread measures exactly the codec's garbage.
 */
final class CodecBenchmark {

    /** Keeps the JIT from discarding results that nothing reads. */
    private static volatile long sink;

    private final ClientBenchmark.Options options;
    private final List<List<TupleRecord>> tuples = new ArrayList<>();
    private final List<List<PutRecord>> puts = new ArrayList<>();
    private final List<byte[]> pbResponses = new ArrayList<>();
    private final List<byte[]> pbLz4Responses = new ArrayList<>();
    private final List<byte[]> jsonResponses = new ArrayList<>();
    private final List<byte[]> jsonLz4Responses = new ArrayList<>();

    CodecBenchmark(ClientBenchmark.Options options) {
        this.options = options;
        int batches = Math.max(1, options.codecRecords() / options.batch());
        for (int b = 0; b < batches; b++) {
            long first = (long) b * options.batch();
            List<TupleRecord> batch =
                    BenchData.records(first, options.batch(), options.recordBytes(), b);
            tuples.add(batch);
            puts.add(BenchData.partitioned(batch));
            byte[] pb = BenchData.pbGetRecordsResponse(batch, first);
            byte[] json = BenchData.jsonGetRecordsResponse(batch, first);
            pbResponses.add(pb);
            pbLz4Responses.add(BodyCodecs.compress(CompressionType.LZ4, pb));
            jsonResponses.add(json);
            jsonLz4Responses.add(BodyCodecs.compress(CompressionType.LZ4, json));
        }
    }

    /** One codec operation on batch {@code b}: adds raw and wire byte counts to {@code bytes}. */
    @FunctionalInterface
    private interface BatchOp {
        void run(int b, long[] bytes) throws Exception;
    }

    /** The median round of one operation. */
    record Row(
            String operation,
            long records,
            double seconds,
            long rawBytes,
            long wireBytes,
            long allocatedBytes,
            long cpuNanos) {}

    List<Row> run() throws Exception {
        checkDecodersReadWhatWasGenerated();
        List<Row> rows = new ArrayList<>();
        rows.add(measure("encode PutRecords protobuf", (b, n) -> encodePb(b, n, false)));
        rows.add(measure("encode PutRecords protobuf + LZ4", (b, n) -> encodePb(b, n, true)));
        rows.add(measure("encode PutRecords JSON", (b, n) -> encodeJson(b, n, false)));
        rows.add(measure("encode PutRecords JSON + LZ4", (b, n) -> encodeJson(b, n, true)));
        rows.add(measure("decode GetRecords protobuf", (b, n) -> decodePb(b, n, false)));
        rows.add(measure("decode GetRecords protobuf + LZ4", (b, n) -> decodePb(b, n, true)));
        rows.add(measure("decode GetRecords JSON", (b, n) -> decodeJson(b, n, false)));
        rows.add(measure("decode GetRecords JSON + LZ4", (b, n) -> decodeJson(b, n, true)));
        return rows;
    }

    private void encodePb(int b, long[] bytes, boolean lz4) {
        byte[] frame = PbRecordCodec.encodePutRecords(puts.get(b));
        count(bytes, frame, lz4 ? BodyCodecs.compress(CompressionType.LZ4, frame) : frame);
    }

    private void encodeJson(int b, long[] bytes, boolean lz4) {
        byte[] body = JsonRecordCodec.encodePutRecords(puts.get(b));
        count(bytes, body, lz4 ? BodyCodecs.compress(CompressionType.LZ4, body) : body);
    }

    private void decodePb(int b, long[] bytes, boolean lz4) throws Exception {
        byte[] raw = pbResponses.get(b);
        byte[] wire = lz4 ? pbLz4Responses.get(b) : raw;
        byte[] body = lz4 ? BodyCodecs.decompress("lz4", wire, raw.length) : wire;
        GetRecordsResult result =
                PbRecordCodec.decodeGetRecordsResponse(DhubFrame.unframe(body), "0", schema());
        sink += result.records().size();
        count(bytes, raw, wire);
    }

    private void decodeJson(int b, long[] bytes, boolean lz4) throws Exception {
        byte[] raw = jsonResponses.get(b);
        byte[] wire = lz4 ? jsonLz4Responses.get(b) : raw;
        byte[] body = lz4 ? BodyCodecs.decompress("lz4", wire, raw.length) : wire;
        // The client's path: streamed token by token, no JsonNode tree.
        GetRecordsResult result =
                JsonGetRecordsParser.parse(new java.io.ByteArrayInputStream(body), "0", schema());
        sink += result.records().size();
        count(bytes, raw, wire);
    }

    private static RecordSchema schema() {
        return BenchData.SCHEMA;
    }

    private static void count(long[] bytes, byte[] raw, byte[] wire) {
        bytes[0] += raw.length;
        bytes[1] += wire.length;
        sink += wire[wire.length - 1];
    }

    /** Fails fast if the synthetic response bodies do not decode to the generated records. */
    private void checkDecodersReadWhatWasGenerated() throws Exception {
        List<TupleRecord> expected = tuples.get(0);
        List<ReadRecord> pb =
                PbRecordCodec.decodeGetRecordsResponse(
                                DhubFrame.unframe(pbResponses.get(0)), "0", schema())
                        .records();
        List<ReadRecord> json =
                JsonGetRecordsParser.parse(
                                new java.io.ByteArrayInputStream(jsonResponses.get(0)),
                                "0",
                                schema())
                        .records();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(pb.get(i).payload())
                    || !expected.get(i).equals(json.get(i).payload())) {
                throw new IllegalStateException("Record " + i + " does not round-trip");
            }
        }
    }

    private Row measure(String operation, BatchOp op) throws Exception {
        System.out.printf(Locale.ROOT, "  %s ...%n", operation);
        for (int round = 0; round < options.codecWarmupRounds(); round++) {
            round(operation, op);
        }
        List<Row> rounds = new ArrayList<>();
        for (int round = 0; round < options.codecRounds(); round++) {
            rounds.add(round(operation, op));
        }
        // The thread's CPU time is less disturbed by other processes than wall time: its median
        // is reported on its own.
        long[] cpu = rounds.stream().mapToLong(Row::cpuNanos).sorted().toArray();
        rounds.sort(Comparator.comparingDouble(Row::seconds));
        Row median = rounds.get(rounds.size() / 2);
        return new Row(
                median.operation(),
                median.records(),
                median.seconds(),
                median.rawBytes(),
                median.wireBytes(),
                median.allocatedBytes(),
                cpu[cpu.length / 2]);
    }

    private Row round(String operation, BatchOp op) throws Exception {
        long[] bytes = new long[2];
        long allocatedBefore = allocatedBytes();
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        for (int b = 0; b < puts.size(); b++) {
            op.run(b, bytes);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = allocatedBefore < 0 ? -1 : allocatedBytes() - allocatedBefore;
        long cpu = cpuBefore < 0 ? -1 : cpuNanos() - cpuBefore;
        return new Row(
                operation,
                (long) puts.size() * options.batch(),
                seconds,
                bytes[0],
                bytes[1],
                allocated,
                cpu);
    }

    /** Bytes allocated by this thread so far, or -1 when the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()
                && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** CPU time of this thread so far in nanoseconds, or -1 when the JVM cannot tell. */
    private static long cpuNanos() {
        var bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
    }

    static void printTable(List<Row> rows) {
        System.out.println();
        System.out.println(
                "| codec operation                  | records/s |   MB/s | body B/rec | wire B/rec"
                        + " | alloc B/rec | CPU ns/rec |");
        System.out.println(
                "|----------------------------------|----------:|-------:|-----------:|-----------:"
                        + "|------------:|-----------:|");
        for (Row r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "| %-32s | %9.0f | %6.1f | %10d | %10d | %11s | %10s |%n",
                    r.operation(),
                    r.records() / r.seconds(),
                    r.rawBytes() / 1e6 / r.seconds(),
                    r.rawBytes() / r.records(),
                    r.wireBytes() / r.records(),
                    r.allocatedBytes() < 0
                            ? "n/a"
                            : Long.toString(r.allocatedBytes() / r.records()),
                    r.cpuNanos() < 0 ? "n/a" : Long.toString(r.cpuNanos() / r.records()));
        }
        System.out.println(
                "MB/s and body B/rec: uncompressed body (protobuf DHUB frame or JSON text);"
                        + " wire B/rec: after LZ4; alloc B/rec: heap allocated per record;"
                        + " CPU ns/rec: this thread's CPU time per record (median round).");
    }
}
