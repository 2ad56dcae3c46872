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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The non-blocking path: with N shards, put and get throughput of N requests in flight from ONE
 * caller thread against N blocking threads, in the same run and against the same emulator. The
 * caller thread issues every request itself; completions only signal it through a queue, the way a
 * split reader or a sink writer would be woken. Each get interval reads the topic {@value
 * #GET_PASSES} times; throughput is taken while every shard still had a request in flight ({@link
 * ShardWindow}). Part of {@link ClientBenchmark}.
 */
final class AsyncBenchmark {

    private static final String PROJECT = SdkComparisonBenchmark.PROJECT + "_async";

    /**
     * Reads of the whole topic per measured get interval: reading is about twice as fast as
     * writing, and one pass alone would be timed over less than half a second.
     */
    static final int GET_PASSES = 3;

    /** Records/s of blocking threads and of one caller thread (medians), and async/blocking. */
    record Row(String op, double blocking, double async, PairedRounds.Ratio ratio) {}

    private final ClientBenchmark.Options options;
    private final List<PutRecord> batch;
    private final AtomicInteger topicCounter = new AtomicInteger();

    AsyncBenchmark(ClientBenchmark.Options options) {
        this.options = options;
        this.batch =
                BenchData.unrouted(BenchData.records(0, options.batch(), options.recordBytes(), 3));
    }

    List<Row> run() throws Exception {
        int shards = options.asyncShards();
        int perShard = Math.max(options.batch(), options.records() / shards);
        SdkComparisonBenchmark.Mode mode = SdkComparisonBenchmark.Mode.PROTOBUF_LZ4;
        List<double[]> blocking = new ArrayList<>();
        List<double[]> async = new ArrayList<>();
        try (DataHubEmulator emulator =
                        DataHubEmulator.builder()
                                .host("127.0.0.1")
                                .port(0)
                                .credentials(
                                        SdkComparisonBenchmark.ACCESS_ID,
                                        SdkComparisonBenchmark.ACCESS_KEY)
                                .build()
                                .start();
                DataHubClient client = SdkComparisonBenchmark.ours(emulator, mode)) {
            client.createProject(PROJECT, "async benchmark");
            System.out.printf(Locale.ROOT, "  non-blocking %d shards warm-up ...%n", shards);
            measure(client, shards, options.warmupRecords() / shards, false);
            measure(client, shards, options.warmupRecords() / shards, true);
            System.out.printf(Locale.ROOT, "  non-blocking %d shards ...%n", shards);
            for (int round = 0; round < options.rounds(); round++) {
                boolean asyncFirst = round % 2 == 1;
                (asyncFirst ? async : blocking).add(measure(client, shards, perShard, asyncFirst));
                (asyncFirst ? blocking : async).add(measure(client, shards, perShard, !asyncFirst));
            }
        }
        return List.of(row("put", 0, blocking, async), row("get", 1, blocking, async));
    }

    private static Row row(String op, int index, List<double[]> blocking, List<double[]> async) {
        return new Row(
                op,
                PairedRounds.median(blocking, index),
                PairedRounds.median(async, index),
                PairedRounds.Ratio.of(PairedRounds.ratios(async, blocking, index)));
    }

    private double[] measure(DataHubClient client, int shards, int perShard, boolean async)
            throws Exception {
        String topic = "a_" + topicCounter.incrementAndGet();
        client.createTupleTopic(PROJECT, topic, shards, 1, BenchData.SCHEMA, "benchmark");
        if (!client.waitForShardsReady(PROJECT, topic, Duration.ofSeconds(30))) {
            throw new IllegalStateException("Shards of " + topic + " did not become ACTIVE");
        }
        int requests = Math.max(1, perShard / options.batch());
        BenchHeap.settle();
        ShardWindow putWindow = new ShardWindow();
        ShardWindow.Pass puts = putWindow.start();
        if (async) {
            putAsync(client, topic, shards, requests, puts);
        } else {
            SdkComparisonBenchmark.perShard(
                    shards,
                    shard -> {
                        for (int r = 0; r < requests; r++) {
                            client.putRecordsByShard(
                                    PROJECT, topic, Integer.toString(shard), batch);
                            puts.add(batch.size());
                        }
                        puts.shardDone();
                        return 0L;
                    });
        }
        BenchHeap.settle();
        ShardWindow getWindow = new ShardWindow();
        long read = 0;
        for (int pass = 0; pass < GET_PASSES; pass++) {
            ShardWindow.Pass gets = getWindow.start();
            read +=
                    async
                            ? getAsync(client, topic, shards, gets)
                            : SdkComparisonBenchmark.perShard(
                                    shards,
                                    shard -> {
                                        long n =
                                                SdkComparisonBenchmark.readWholeShard(
                                                        client, PROJECT, topic, shard, gets::add);
                                        gets.shardDone();
                                        return n;
                                    });
        }
        client.deleteTopic(PROJECT, topic);
        long written = (long) shards * requests * options.batch();
        if (read != written * GET_PASSES) {
            throw new IllegalStateException(
                    "Read " + read + " records in " + GET_PASSES + " passes, wrote " + written);
        }
        return new double[] {putWindow.rate(), getWindow.rate()};
    }

    /** One outcome handed back to the caller thread. */
    private record Done(int shard, Object value, Throwable failure) {}

    private void putAsync(
            DataHubClient client, String topic, int shards, int requests, ShardWindow.Pass puts)
            throws Exception {
        LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
        int[] sent = new int[shards];
        int[] completed = new int[shards];
        int inFlight = 0;
        for (int s = 0; s < shards; s++) {
            send(
                    done,
                    s,
                    client.putRecordsByShardAsync(PROJECT, topic, Integer.toString(s), batch));
            sent[s]++;
            inFlight++;
        }
        while (inFlight > 0) {
            Done d = done.take();
            inFlight--;
            if (d.failure() != null) {
                throw new IllegalStateException("put failed", d.failure());
            }
            puts.add(batch.size());
            if (++completed[d.shard()] == requests) {
                puts.shardDone();
            }
            if (sent[d.shard()] < requests) {
                send(
                        done,
                        d.shard(),
                        client.putRecordsByShardAsync(
                                PROJECT, topic, Integer.toString(d.shard()), batch));
                sent[d.shard()]++;
                inFlight++;
            }
        }
    }

    private long getAsync(DataHubClient client, String topic, int shards, ShardWindow.Pass gets)
            throws Exception {
        LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
        int inFlight = 0;
        for (int s = 0; s < shards; s++) {
            String shardId = Integer.toString(s);
            String cursor = client.getCursor(PROJECT, topic, shardId, CursorType.OLDEST).cursor();
            send(
                    done,
                    s,
                    client.getRecordsAsync(
                            PROJECT,
                            topic,
                            shardId,
                            cursor,
                            SdkComparisonBenchmark.GET_LIMIT,
                            BenchData.SCHEMA));
            inFlight++;
        }
        long read = 0;
        while (inFlight > 0) {
            Done d = done.take();
            inFlight--;
            if (d.failure() != null) {
                throw new IllegalStateException("get failed", d.failure());
            }
            GetRecordsResult result = (GetRecordsResult) d.value();
            if (result.records().isEmpty()) {
                gets.shardDone();
            } else {
                read += result.records().size();
                gets.add(result.records().size());
                send(
                        done,
                        d.shard(),
                        client.getRecordsAsync(
                                PROJECT,
                                topic,
                                Integer.toString(d.shard()),
                                result.nextCursor(),
                                SdkComparisonBenchmark.GET_LIMIT,
                                BenchData.SCHEMA));
                inFlight++;
            }
        }
        return read;
    }

    private static void send(
            LinkedBlockingQueue<Done> done, int shard, CompletableFuture<?> future) {
        future.whenComplete((value, failure) -> done.add(new Done(shard, value, failure)));
    }

    static void printTable(int shards, List<Row> rows) {
        System.out.println();
        System.out.println(
                "| PB+LZ4, "
                        + shards
                        + " shards | "
                        + shards
                        + " blocking threads records/s | 1 thread, "
                        + shards
                        + " in flight records/s | ratio of medians | median of paired ratios"
                        + " (lowest-highest) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.2f | %.2f (%.2f-%.2f) |%n",
                    r.op(),
                    r.blocking(),
                    r.async(),
                    r.async() / r.blocking(),
                    r.ratio().median(),
                    r.ratio().min(),
                    r.ratio().max());
        }
    }
}
