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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Our client and the official Java SDK side by side in one JVM against one embedded emulator: the
 * same records (the six-field ~1 KB tuples of {@link BenchData}), 1000 per request, one thread per
 * shard, put then get, for each protocol and shard count, timed while every shard still had work
 * ({@link ShardWindow}). Rounds alternate which client goes first; the table shows each client's
 * median round and the median of the pairs' ratios ({@link PairedRounds}), which the geometric mean
 * is taken over. Part of {@link ClientBenchmark}.
 */
final class SdkComparisonBenchmark {

    static final String PROJECT = "sdk_bench";
    static final String ACCESS_ID = "benchId";
    static final String ACCESS_KEY = "benchKeySecret";
    static final int GET_LIMIT = 1000;

    /** A protocol setting, for both clients. */
    enum Mode {
        PROTOBUF_LZ4(BodyProtocol.PROTOBUF, CompressionType.LZ4, true, CompressType.LZ4, "PB+LZ4"),
        PROTOBUF(BodyProtocol.PROTOBUF, CompressionType.NONE, true, CompressType.NONE, "PB"),
        JSON(BodyProtocol.JSON, CompressionType.NONE, false, CompressType.NONE, "JSON");

        final BodyProtocol protocol;
        final CompressionType compression;
        final boolean sdkBinary;
        final CompressType sdkCompression;
        final String label;

        Mode(
                BodyProtocol protocol,
                CompressionType compression,
                boolean sdkBinary,
                CompressType sdkCompression,
                String label) {
            this.protocol = protocol;
            this.compression = compression;
            this.sdkBinary = sdkBinary;
            this.sdkCompression = sdkCompression;
            this.label = label;
        }
    }

    /** One client under test: puts one batch to a shard, reads a whole shard. */
    interface Side {
        void put(String topic, int shard, int batch) throws Exception;

        /** Reads the shard from OLDEST to its end; reports each response's record count. */
        long readShard(String topic, int shard, LongConsumer progress) throws Exception;
    }

    /** Records/s of one cell for both clients (medians), and ours/SDK over the pairs of rounds. */
    record Cell(
            Mode mode, int shards, String op, double ours, double sdk, PairedRounds.Ratio paired) {
        double ratio() {
            return paired.median();
        }
    }

    private final ClientBenchmark.Options options;
    private final List<TupleRecord> tuples;
    private final AtomicInteger topicCounter = new AtomicInteger();

    SdkComparisonBenchmark(ClientBenchmark.Options options) {
        this.options = options;
        this.tuples = BenchData.records(0, options.batch() * 4, options.recordBytes(), 7);
    }

    List<Cell> run() throws Exception {
        List<Cell> cells = new ArrayList<>();
        try (DataHubEmulator emulator =
                        DataHubEmulator.builder()
                                .host("127.0.0.1")
                                .port(0)
                                .credentials(ACCESS_ID, ACCESS_KEY)
                                .build()
                                .start();
                DataHubClient admin = ours(emulator, Mode.PROTOBUF)) {
            admin.createProject(PROJECT, "sdk comparison");
            for (Mode mode : options.sdkModes()) {
                try (DataHubClient client = ours(emulator, mode)) {
                    DatahubClient sdk = sdk(emulator, mode);
                    Side ourSide = ourSide(client, mode);
                    Side sdkSide = SdkBenchSide.create(sdk, mode, tuples, options.batch());
                    System.out.printf(Locale.ROOT, "  SDK comparison %s warm-up ...%n", mode.label);
                    measure(admin, ourSide, 4, options.warmupRecords() / 4);
                    measure(admin, sdkSide, 4, options.warmupRecords() / 4);
                    for (int shards : options.sdkShards()) {
                        System.out.printf(
                                Locale.ROOT,
                                "  SDK comparison %s %d shard(s) ...%n",
                                mode.label,
                                shards);
                        List<double[]> ourRounds = new ArrayList<>();
                        List<double[]> sdkRounds = new ArrayList<>();
                        int perShard = Math.max(options.batch(), options.records() / shards);
                        for (int round = 0; round < options.rounds(); round++) {
                            if (round % 2 == 0) {
                                ourRounds.add(measure(admin, ourSide, shards, perShard));
                                sdkRounds.add(measure(admin, sdkSide, shards, perShard));
                            } else {
                                sdkRounds.add(measure(admin, sdkSide, shards, perShard));
                                ourRounds.add(measure(admin, ourSide, shards, perShard));
                            }
                        }
                        cells.add(cell(mode, shards, "put", 0, ourRounds, sdkRounds));
                        cells.add(cell(mode, shards, "get", 1, ourRounds, sdkRounds));
                    }
                }
            }
        }
        return cells;
    }

    /**
     * Reads a shard with our client from OLDEST to its end, limit {@value #GET_LIMIT}; reports each
     * response's record count and returns their sum.
     */
    static long readWholeShard(
            DataHubClient client, String project, String topic, int shard, LongConsumer progress) {
        String shardId = Integer.toString(shard);
        String cursor = client.getCursor(project, topic, shardId, CursorType.OLDEST).cursor();
        long read = 0;
        while (true) {
            GetRecordsResult result =
                    client.getRecords(project, topic, shardId, cursor, GET_LIMIT, BenchData.SCHEMA);
            if (result.records().isEmpty()) {
                return read;
            }
            read += result.records().size();
            progress.accept(result.records().size());
            cursor = result.nextCursor();
        }
    }

    private static Cell cell(
            Mode mode, int shards, String op, int index, List<double[]> ours, List<double[]> sdk) {
        return new Cell(
                mode,
                shards,
                op,
                PairedRounds.median(ours, index),
                PairedRounds.median(sdk, index),
                PairedRounds.Ratio.of(PairedRounds.ratios(ours, sdk, index)));
    }

    static DataHubClient ours(DataHubEmulator emulator, Mode mode) {
        return DataHubClient.create(
                DataHubClientConfig.builder()
                        .endpoint(emulator.endpoint())
                        .credentials(ACCESS_ID, ACCESS_KEY)
                        .protocol(mode.protocol)
                        .compression(mode.compression)
                        .maxRetries(0)
                        .readTimeout(Duration.ofSeconds(30))
                        .build());
    }

    private static DatahubClient sdk(DataHubEmulator emulator, Mode mode) {
        String endpoint = emulator.endpoint().replaceAll("/+$", "");
        // The SDK's default maxRetryCount of 1 means no retries, like maxRetries(0) above.
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(
                        new DatahubConfig(
                                endpoint, new AliyunAccount(ACCESS_ID, ACCESS_KEY), mode.sdkBinary))
                .setHttpConfig(
                        new HttpConfig()
                                .setCompressType(mode.sdkCompression)
                                .setConnTimeout(10_000)
                                .setReadTimeout(30_000))
                .build();
    }

    /**
     * Protobuf modes use putRecordsByShard (what the sink uses); the SDK's JSON client has no
     * putRecordsByShard, so JSON uses putRecords with each record's ShardId set.
     */
    private Side ourSide(DataHubClient client, Mode mode) {
        int requests = tuples.size() / options.batch();
        List<List<PutRecord>> unrouted = new ArrayList<>();
        List<List<List<PutRecord>>> routed = new ArrayList<>();
        for (int b = 0; b < requests; b++) {
            List<TupleRecord> batch =
                    tuples.subList(b * options.batch(), (b + 1) * options.batch());
            unrouted.add(BenchData.unrouted(batch));
        }
        for (int s = 0; s < 4; s++) {
            List<List<PutRecord>> perShard = new ArrayList<>();
            for (List<PutRecord> batch : unrouted) {
                List<PutRecord> toShard = new ArrayList<>(batch.size());
                for (PutRecord r : batch) {
                    toShard.add(PutRecord.toShard(Integer.toString(s), r.payload()));
                }
                perShard.add(toShard);
            }
            routed.add(perShard);
        }
        return new Side() {
            @Override
            public void put(String topic, int shard, int batch) {
                String shardId = Integer.toString(shard);
                if (mode == Mode.JSON) {
                    PutRecordsResult result =
                            client.putRecords(
                                    PROJECT, topic, routed.get(shard).get(batch % requests));
                    if (!result.allSucceeded()) {
                        throw new IllegalStateException("Records failed: " + result);
                    }
                } else {
                    client.putRecordsByShard(
                            PROJECT, topic, shardId, unrouted.get(batch % requests));
                }
            }

            @Override
            public long readShard(String topic, int shard, LongConsumer progress) {
                return readWholeShard(client, PROJECT, topic, shard, progress);
            }
        };
    }

    /**
     * Put then get {@code perShard} records on each shard; returns {put, get} records/s while every
     * shard had work ({@link ShardWindow}).
     */
    private double[] measure(DataHubClient admin, Side side, int shards, int perShard)
            throws Exception {
        String topic = "s_" + topicCounter.incrementAndGet();
        admin.createTupleTopic(PROJECT, topic, shards, 1, BenchData.SCHEMA, "benchmark");
        if (!admin.waitForShardsReady(PROJECT, topic, Duration.ofSeconds(30))) {
            throw new IllegalStateException("Shards of " + topic + " did not become ACTIVE");
        }
        int requests = Math.max(1, perShard / options.batch());
        BenchHeap.settle();
        ShardWindow putWindow = new ShardWindow();
        ShardWindow.Pass puts = putWindow.start();
        perShard(
                shards,
                shard -> {
                    for (int r = 0; r < requests; r++) {
                        side.put(topic, shard, r);
                        puts.add(options.batch());
                    }
                    puts.shardDone();
                    return 0L;
                });
        BenchHeap.settle();
        ShardWindow getWindow = new ShardWindow();
        ShardWindow.Pass gets = getWindow.start();
        long read =
                perShard(
                        shards,
                        shard -> {
                            long n = side.readShard(topic, shard, gets::add);
                            gets.shardDone();
                            return n;
                        });
        admin.deleteTopic(PROJECT, topic);
        long written = (long) shards * requests * options.batch();
        if (read != written) {
            throw new IllegalStateException("Read " + read + " records, wrote " + written);
        }
        return new double[] {putWindow.rate(), getWindow.rate()};
    }

    /** A task for one shard. */
    @FunctionalInterface
    interface ShardTask {
        long run(int shard) throws Exception;
    }

    /** Runs the task with one thread per shard and sums the results. */
    static long perShard(int shards, ShardTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(shards);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                int shard = s;
                futures.add(pool.submit((Callable<Long>) () -> task.run(shard)));
            }
            long sum = 0;
            for (Future<Long> future : futures) {
                sum += future.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    static void printTable(List<Cell> cells) {
        System.out.println();
        System.out.println(
                "| mode   | shards | op  | ours records/s | SDK records/s | ratio of medians |"
                        + " ours/SDK: median of paired ratios (lowest-highest) |");
        System.out.println(
                "|--------|-------:|-----|---------------:|--------------:|-----------------:|"
                        + "---------------------------------------------------:|");
        double logPaired = 0;
        double logMedians = 0;
        for (Cell c : cells) {
            System.out.printf(
                    Locale.ROOT,
                    "| %-6s | %6d | %-3s | %14.0f | %13.0f | %16.2f | %36.2f (%.2f-%.2f) |%n",
                    c.mode().label,
                    c.shards(),
                    c.op(),
                    c.ours(),
                    c.sdk(),
                    c.ours() / c.sdk(),
                    c.ratio(),
                    c.paired().min(),
                    c.paired().max());
            logPaired += Math.log(c.ratio());
            logMedians += Math.log(c.ours() / c.sdk());
        }
        System.out.printf(
                Locale.ROOT,
                "Geometric mean of ours/SDK over %d cells: %.2f of the paired ratios, %.2f of the"
                        + " ratios of medians (cells below 1.00: %s paired, %s by medians)%n",
                cells.size(),
                Math.exp(logPaired / cells.size()),
                Math.exp(logMedians / cells.size()),
                below(cells, c -> c.ratio()),
                below(cells, c -> c.ours() / c.sdk()));
    }

    private static String below(List<Cell> cells, ToDoubleFunction<Cell> ratio) {
        return Arrays.toString(
                cells.stream()
                        .filter(c -> ratio.applyAsDouble(c) < 1)
                        .map(c -> c.mode().label + "/" + c.shards() + "/" + c.op())
                        .toArray());
    }
}
