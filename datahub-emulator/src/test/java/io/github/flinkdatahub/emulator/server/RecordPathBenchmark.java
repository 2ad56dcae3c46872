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

import io.github.flinkdatahub.emulator.bench.BatchBench;
import io.github.flinkdatahub.emulator.bench.PbBench;
import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;
import io.github.flinkdatahub.emulator.engine.EngineOptions;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jpountz.lz4.LZ4Factory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's cost per request of the record handlers, in process (no HTTP, one thread): put of
 * 1,000 records in PB + LZ4 and in batch mode (the {@code EmulatorBenchmark} records), and
 * GetRecords of 1,000 records in PB, JSON and batch mode. Prints the best time, the CPU time per
 * request and the heap allocated per record. Not a test; it asserts nothing:
 *
 * <pre>{@code
 * ./mvnw -pl datahub-emulator -Pbenchmark test-compile exec:java \
 *     -Dexec.mainClass=io.github.flinkdatahub.emulator.server.RecordPathBenchmark
 * }</pre>
 *
 * <p>{@code -Dbench.rounds} (50) requests are measured per case after as many for warm-up.
 */
public final class RecordPathBenchmark {

    private static final String P = "bench_project";

    private RecordPathBenchmark() {}

    /** Runs every case three times and prints the last. */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 50);
        byte[] pbFrame = PbBench.encodePut(1, 1000, 1024);
        byte[] batchFrame = BatchBench.encodePut(1, 1000, 1024);
        byte[] pbLz4 = LZ4Factory.fastestInstance().fastCompressor().compress(pbFrame);
        String rawSize = Integer.toString(pbFrame.length);
        try (DataHubEngine engine = DataHubEngine.open(EngineOptions.defaults())) {
            engine.createProject(P, "c");
            for (String topic : List.of("pb_topic", "batch_topic")) {
                engine.createTopic(
                        P, topic, new TopicSpec(RecordType.TUPLE, 1, 1, "{}", fields(), "c", ""));
            }
            ShardLimiter none = new ShardLimiter(Clock.systemUTC(), 0, 0);
            Operations ops = new Operations(engine, 0, none, none);
            Map<String, Runnable> cases = new LinkedHashMap<>();
            cases.put(
                    "put PB + LZ4",
                    () ->
                            ops.execute(
                                    exchange(
                                            Operation.PutRecordsByShard,
                                            "pb_topic",
                                            PbFrame.decode(
                                                    Compression.decode(
                                                            pbLz4,
                                                            "lz4",
                                                            rawSize,
                                                            RequestLimits.MAX_BODY_BYTES)))));
            cases.put(
                    "put batch (LZ4 inside)",
                    () ->
                            ops.execute(
                                    exchange(
                                            Operation.PutBatchRecordsByShard,
                                            "batch_topic",
                                            PbFrame.decode(batchFrame))));
            for (int i = 0; i < 5; i++) {
                cases.values().forEach(Runnable::run); // records to read
            }
            byte[] getPb = getRequest(engine, "pb_topic");
            byte[] getBatch = getRequest(engine, "batch_topic");
            ObjectNode getJson = Json.object();
            getJson.put("Action", "sub");
            getJson.put("Cursor", DatahubProtos.GetRecordsRequest.parseFrom(getPb).getCursor());
            getJson.put("Limit", 1000);
            cases.put(
                    "get PB", () -> ops.execute(exchange(Operation.GetRecords, "pb_topic", getPb)));
            cases.put(
                    "get JSON",
                    () ->
                            ops.execute(
                                    new Exchange(
                                            route(Operation.GetRecords, "pb_topic"),
                                            Map.of(),
                                            getJson,
                                            null)));
            cases.put(
                    "get PB of batch-written",
                    () -> ops.execute(exchange(Operation.GetRecords, "batch_topic", getBatch)));
            cases.put(
                    "get batch",
                    () ->
                            ops.execute(
                                    exchange(Operation.GetBatchRecords, "batch_topic", getBatch)));
            for (int round = 0; round < 3; round++) {
                for (Map.Entry<String, Runnable> c : cases.entrySet()) {
                    String line = measure(c.getValue(), rounds);
                    if (round == 2) {
                        System.out.printf("%-24s %s%n", c.getKey(), line);
                    }
                }
            }
        }
    }

    private static String measure(Runnable request, int rounds) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
            request.run();
        }
        long best = Long.MAX_VALUE;
        long alloc = mx.getCurrentThreadAllocatedBytes();
        long cpu = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            request.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        return String.format(
                "best %6.2f ms  cpu/request %6.2f ms  alloc/record %6d B",
                best / 1e6,
                (mx.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds,
                (mx.getCurrentThreadAllocatedBytes() - alloc) / rounds / 1000);
    }

    private static List<FieldSpec> fields() {
        return List.of(
                new FieldSpec("id", "BIGINT", false, ""),
                new FieldSpec("event_time", "TIMESTAMP", false, ""),
                new FieldSpec("user_name", "STRING", false, ""),
                new FieldSpec("score", "DOUBLE", false, ""),
                new FieldSpec("active", "BOOLEAN", false, ""),
                new FieldSpec("payload", "STRING", false, ""));
    }

    private static byte[] getRequest(DataHubEngine engine, String topic) {
        String cursor = engine.getCursor(P, topic, "0", CursorType.OLDEST, 0).cursor();
        return DatahubProtos.GetRecordsRequest.newBuilder()
                .setCursor(cursor)
                .setLimit(1000)
                .build()
                .toByteArray();
    }

    private static Route route(Operation op, String topic) {
        return new Route(op, P, topic, "0", null, null);
    }

    private static Exchange exchange(Operation op, String topic, byte[] payload) {
        return new Exchange(route(op, topic), Map.of(), Json.object(), payload);
    }
}
