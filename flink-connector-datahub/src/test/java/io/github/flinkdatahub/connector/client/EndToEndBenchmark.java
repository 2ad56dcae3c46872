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

import io.github.flinkdatahub.emulator.DataHubEmulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client against an embedded in-memory emulator on loopback: {@code putRecordsByShard} and
 * {@code putRecords} from several writer threads sharing one client, then {@code getRecords} (limit
 * 1000) reading everything back. Part of {@link ClientBenchmark}; the emulator runs in the same
 * JVM, so the figures are a lower bound for the client alone.
 */
final class EndToEndBenchmark {

    private static final String PROJECT = "client_bench";
    private static final int GET_LIMIT = 1000;

    /** A client setting under test. */
    enum Mode {
        PROTOBUF_LZ4(BodyProtocol.PROTOBUF, CompressionType.LZ4, "protobuf + LZ4"),
        JSON(BodyProtocol.JSON, CompressionType.NONE, "JSON");

        final BodyProtocol protocol;
        final CompressionType compression;
        final String label;

        Mode(BodyProtocol protocol, CompressionType compression, String label) {
            this.protocol = protocol;
            this.compression = compression;
            this.label = label;
        }
    }

    /** The put call under test. */
    enum PutCall {
        PUT_RECORDS_BY_SHARD("putRecordsByShard"),
        PUT_RECORDS("putRecords");

        final String label;

        PutCall(String label) {
            this.label = label;
        }
    }

    /** One measured configuration (the median round). */
    record Row(
            Mode mode,
            PutCall call,
            int shards,
            long records,
            long bodyBytes,
            double putSeconds,
            double getSeconds) {}

    private final ClientBenchmark.Options options;
    private final List<List<TupleRecord>> batches = new ArrayList<>();
    private final AtomicInteger topicCounter = new AtomicInteger();

    EndToEndBenchmark(ClientBenchmark.Options options) {
        this.options = options;
        // 16 distinct request batches are reused round-robin, like the emulator benchmark.
        int distinct = Math.max(1, Math.min(16, options.records() / options.batch()));
        for (int b = 0; b < distinct; b++) {
            batches.add(
                    BenchData.records(
                            (long) b * options.batch(), options.batch(), options.recordBytes(), b));
        }
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (DataHubEmulator emulator =
                DataHubEmulator.builder().host("127.0.0.1").port(0).build().start()) {
            for (Mode mode : options.modes()) {
                try (DataHubClient client = client(emulator, mode)) {
                    if (mode == options.modes().get(0)) {
                        client.createProject(PROJECT, "client benchmark");
                    }
                    for (PutCall call : PutCall.values()) {
                        System.out.printf(
                                Locale.ROOT, "  %s %s warm-up ...%n", mode.label, call.label);
                        measure(client, mode, call, 4, options.warmupRecords());
                        for (int shards : options.shards()) {
                            System.out.printf(
                                    Locale.ROOT,
                                    "  %s %s %d shard(s) ...%n",
                                    mode.label,
                                    call.label,
                                    shards);
                            List<Row> rounds = new ArrayList<>();
                            for (int round = 0; round < options.rounds(); round++) {
                                rounds.add(measure(client, mode, call, shards, options.records()));
                            }
                            rows.add(median(rounds));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static DataHubClient client(DataHubEmulator emulator, Mode mode) {
        return DataHubClient.create(
                DataHubClientConfig.builder()
                        .endpoint(emulator.endpoint())
                        .protocol(mode.protocol)
                        .compression(mode.compression)
                        .maxRetries(0)
                        .build());
    }

    private Row measure(DataHubClient client, Mode mode, PutCall call, int shards, int total)
            throws Exception {
        String topic = "t_" + topicCounter.incrementAndGet();
        client.createTupleTopic(PROJECT, topic, shards, 1, BenchData.SCHEMA, "benchmark");
        if (!client.waitForShardsReady(PROJECT, topic, Duration.ofSeconds(30))) {
            throw new IllegalStateException("Shards of " + topic + " did not become ACTIVE");
        }
        List<List<PutRecord>> requests = new ArrayList<>();
        long[] bodyBytes = new long[batches.size()];
        for (int b = 0; b < batches.size(); b++) {
            List<PutRecord> records =
                    call == PutCall.PUT_RECORDS
                            ? BenchData.partitioned(batches.get(b))
                            : BenchData.unrouted(batches.get(b));
            requests.add(records);
            // putRecordsByShard is protobuf in every mode (the service has no JSON variant).
            bodyBytes[b] =
                    mode.protocol == BodyProtocol.JSON && call == PutCall.PUT_RECORDS
                            ? JsonRecordCodec.encodePutRecords(records).length
                            : PbRecordCodec.encodePutRecords(records).length;
        }
        int requestCount = Math.max(1, total / options.batch());
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        runParallel(
                options.threads(),
                () -> {
                    for (int r; (r = next.getAndIncrement()) < requestCount; ) {
                        int b = r % requests.size();
                        put(client, call, topic, Integer.toString(r % shards), requests.get(b));
                        bytes.addAndGet(bodyBytes[b]);
                    }
                    return null;
                });
        double putSeconds = (System.nanoTime() - start) / 1e9;

        AtomicLong read = new AtomicLong();
        AtomicInteger nextShard = new AtomicInteger();
        start = System.nanoTime();
        runParallel(
                Math.min(options.threads(), shards),
                () -> {
                    for (int s; (s = nextShard.getAndIncrement()) < shards; ) {
                        read.addAndGet(readShard(client, topic, Integer.toString(s)));
                    }
                    return null;
                });
        double getSeconds = (System.nanoTime() - start) / 1e9;
        // Free the records so that later rounds run against the same heap, not a growing one.
        client.deleteTopic(PROJECT, topic);
        long written = (long) requestCount * options.batch();
        if (read.get() != written) {
            throw new IllegalStateException("Read " + read.get() + " records, wrote " + written);
        }
        return new Row(mode, call, shards, written, bytes.get(), putSeconds, getSeconds);
    }

    private static void put(
            DataHubClient client,
            PutCall call,
            String topic,
            String shardId,
            List<PutRecord> records) {
        if (call == PutCall.PUT_RECORDS_BY_SHARD) {
            client.putRecordsByShard(PROJECT, topic, shardId, records);
            return;
        }
        PutRecordsResult result = client.putRecords(PROJECT, topic, records);
        if (!result.failedRecords().isEmpty()) {
            throw new IllegalStateException(
                    result.failedRecords().size()
                            + " records failed, first: "
                            + result.failedRecords().get(0));
        }
    }

    private static long readShard(DataHubClient client, String topic, String shardId) {
        String cursor = client.getCursor(PROJECT, topic, shardId, CursorType.OLDEST).cursor();
        long read = 0;
        while (true) {
            GetRecordsResult batch =
                    client.getRecords(PROJECT, topic, shardId, cursor, GET_LIMIT, BenchData.SCHEMA);
            if (batch.records().isEmpty()) {
                return read;
            }
            read += batch.records().size();
            cursor = batch.nextCursor();
        }
    }

    /** The round with the median put time, with the median get time of all rounds. */
    private static Row median(List<Row> rounds) {
        List<Row> byPut = new ArrayList<>(rounds);
        byPut.sort(Comparator.comparingDouble(Row::putSeconds));
        double[] gets = rounds.stream().mapToDouble(Row::getSeconds).sorted().toArray();
        Row middle = byPut.get(byPut.size() / 2);
        return new Row(
                middle.mode(),
                middle.call(),
                middle.shards(),
                middle.records(),
                middle.bodyBytes(),
                middle.putSeconds(),
                gets[gets.length / 2]);
    }

    private static void runParallel(int threads, Callable<Void> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(task));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void printTable(List<Row> rows) {
        System.out.println();
        System.out.println(
                "| protocol       | put call          | shards | records | put records/s | put MB/s"
                        + " | get records/s | get MB/s |");
        System.out.println(
                "|----------------|-------------------|-------:|--------:|--------------:|--------:"
                        + "|--------------:|---------:|");
        for (Row r : rows) {
            double mb = r.bodyBytes() / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "| %-14s | %-17s | %6d | %7d | %13.0f | %8.1f | %13.0f | %8.1f |%n",
                    r.mode().label,
                    r.call().label,
                    r.shards(),
                    r.records(),
                    r.records() / r.putSeconds(),
                    mb / r.putSeconds(),
                    r.records() / r.getSeconds(),
                    mb / r.getSeconds());
        }
        System.out.println(
                "MB = uncompressed put request bodies (10^6 bytes; putRecordsByShard is always"
                        + " protobuf); get reads the same records back with limit "
                        + GET_LIMIT
                        + ".");
    }
}
