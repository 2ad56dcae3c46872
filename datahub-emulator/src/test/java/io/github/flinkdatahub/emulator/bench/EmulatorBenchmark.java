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

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.conformance.Wire;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Put and get throughput of an embedded in-memory emulator in protobuf + LZ4 mode ({@code pb}) and
 * in batch binary mode with LZ4 inside the batch ({@code batch}, one batch per request, encoded by
 * the official SDK's batch writer), for 1, 4 and 16 shards and the same records. Requests are
 * encoded before the clock starts so the figures describe the emulator, not the client (reads are
 * decoded: protobuf parsing for pb, the SDK's batch reader for batch). Not a test: it prints a
 * table and asserts nothing about timing.
 *
 * <p>Run: {@code ./mvnw -pl datahub-emulator -Pbenchmark test-compile exec:java}. Sizes via system
 * properties: {@code bench.shards} (1,4,16), {@code bench.records} (records written per shard
 * count, 400000: with fewer a round lasts well under a second and the figures are noise), {@code
 * bench.recordBytes} (1024), {@code bench.batch} (1000), {@code bench.threads} (4), {@code
 * bench.warmupRecords} (200000), {@code bench.rounds} (5; the table shows the median round, because
 * a shared machine makes single rounds noisy), {@code bench.modes} (pb,batch).
 */
public final class EmulatorBenchmark {

    private static final String PROJECT = "bench";
    private static final String SCHEMA =
            "{\"fields\":[{\"name\":\"id\",\"type\":\"BIGINT\"},"
                    + "{\"name\":\"event_time\",\"type\":\"TIMESTAMP\"},"
                    + "{\"name\":\"user_name\",\"type\":\"STRING\"},"
                    + "{\"name\":\"score\",\"type\":\"DOUBLE\"},"
                    + "{\"name\":\"active\",\"type\":\"BOOLEAN\"},"
                    + "{\"name\":\"payload\",\"type\":\"STRING\"}]}";

    private final int[] shardCounts;
    private final int records;
    private final int recordBytes;
    private final int batch;
    private final int threads;
    private final int warmupRecords;
    private final int rounds;
    private final List<String> modes;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

    private EmulatorBenchmark() {
        shardCounts =
                Arrays.stream(System.getProperty("bench.shards", "1,4,16").split(","))
                        .mapToInt(s -> Integer.parseInt(s.trim()))
                        .toArray();
        records = Integer.getInteger("bench.records", 400_000);
        recordBytes = Integer.getInteger("bench.recordBytes", 1024);
        batch = Integer.getInteger("bench.batch", 1000);
        threads = Integer.getInteger("bench.threads", 4);
        warmupRecords = Integer.getInteger("bench.warmupRecords", 200_000);
        rounds = Integer.getInteger("bench.rounds", 5);
        modes = List.of(System.getProperty("bench.modes", "pb,batch").split(","));
    }

    public static void main(String[] args) throws Exception {
        PeakHeap.reset();
        new EmulatorBenchmark().run();
        PeakHeap.print();
    }

    /** One measured configuration. */
    private record Result(
            String mode,
            int shards,
            long records,
            long rawBytes,
            double putSeconds,
            double getSeconds) {}

    private void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "DataHub emulator benchmark: %s (pb = protobuf + HTTP LZ4, batch = batch mode with"
                        + " LZ4 batches), %d-byte records, %d per request, %d"
                        + " client threads, %d records per round, median of %d rounds (JVM %s, %d"
                        + " cpus)%n",
                String.join(",", modes),
                recordBytes,
                batch,
                threads,
                records,
                rounds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (DataHubEmulator emulator =
                DataHubEmulator.builder().host("127.0.0.1").port(0).build().start()) {
            createJson(emulator, "/projects/" + PROJECT, "{\"Comment\":\"benchmark\"}");
            System.out.println("warm-up ...");
            for (String mode : modes) {
                measure(emulator, mode, "warmup_" + mode, 4, warmupRecords);
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < shardCounts.length; i++) {
                int shards = shardCounts[i];
                for (String mode : modes) {
                    System.out.printf(Locale.ROOT, "measuring %s, %d shard(s) ...%n", mode, shards);
                    List<Result> measured = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        measured.add(
                                measure(
                                        emulator,
                                        mode,
                                        "topic_" + mode + "_" + i + "_" + round,
                                        shards,
                                        records));
                    }
                    results.add(median(measured));
                }
            }
            printTable(results);
        }
    }

    private Result measure(
            DataHubEmulator emulator, String mode, String topic, int shards, int total)
            throws Exception {
        boolean pb = mode.equals("pb");
        if (!pb && !mode.equals("batch")) {
            throw new IllegalArgumentException("bench.modes allows pb and batch, got " + mode);
        }
        createJson(
                emulator,
                "/projects/" + PROJECT + "/topics/" + topic,
                "{\"Action\":\"create\",\"ShardCount\":"
                        + shards
                        + ",\"Lifecycle\":1,\"RecordType\":\"TUPLE\",\"RecordSchema\":"
                        + quote(SCHEMA)
                        + ",\"Comment\":\"bench\"}");
        int requests = Math.max(1, total / batch);
        List<Encoded> bodies = new ArrayList<>();
        for (int i = 0; i < Math.min(requests, 16); i++) {
            bodies.add(
                    pb
                            ? encodePut(i)
                            : new Encoded(BatchBench.encodePut(i, batch, recordBytes), -1));
        }
        // MB/s of both modes count the same payload: the protobuf frame of the same records.
        int rawSize = pb ? bodies.get(0).rawSize : encodePut(0).rawSize;
        String base =
                emulator.endpoint() + "/projects/" + PROJECT + "/topics/" + topic + "/shards/";

        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        runParallel(
                threads,
                () -> {
                    for (int r; (r = next.getAndIncrement()) < requests; ) {
                        Encoded body = bodies.get(r % bodies.size());
                        post(base + (r % shards), "pub", body);
                    }
                    return null;
                });
        double putSeconds = (System.nanoTime() - start) / 1e9;

        AtomicLong read = new AtomicLong();
        AtomicInteger nextShard = new AtomicInteger();
        start = System.nanoTime();
        runParallel(
                Math.min(threads, shards),
                () -> {
                    for (int s; (s = nextShard.getAndIncrement()) < shards; ) {
                        readShard(base + s, read, pb);
                    }
                    return null;
                });
        double getSeconds = (System.nanoTime() - start) / 1e9;
        // Free the records so later rounds measure the same heap, not a growing one.
        delete(emulator, "/projects/" + PROJECT + "/topics/" + topic);
        long written = (long) requests * batch;
        if (read.get() != written) {
            throw new IllegalStateException("read " + read.get() + " records, wrote " + written);
        }
        return new Result(mode, shards, written, (long) requests * rawSize, putSeconds, getSeconds);
    }

    private void readShard(String url, AtomicLong read, boolean pb) throws Exception {
        String cursor = cursor(url);
        while (true) {
            byte[] request =
                    Wire.frame(
                            DatahubProtos.GetRecordsRequest.newBuilder()
                                    .setCursor(cursor)
                                    .setLimit(1000)
                                    .build()
                                    .toByteArray());
            if (!pb) {
                BatchBench.Read batches =
                        BatchBench.parseGet(post(url, "sub", new Encoded(request, -1)).body());
                if (batches.records() == 0) {
                    return;
                }
                read.addAndGet(batches.records());
                cursor = batches.nextCursor();
                continue;
            }
            HttpResponse<byte[]> response = post(url, "sub", encode(request));
            byte[] frame = PbBench.decodeResponse(response);
            DatahubProtos.GetRecordsResponse records =
                    DatahubProtos.GetRecordsResponse.parseFrom(
                            ByteBuffer.wrap(frame, 12, frame.length - 12));
            if (records.getRecordCount() == 0) {
                return;
            }
            read.addAndGet(records.getRecordCount());
            cursor = records.getNextCursor();
        }
    }

    private String cursor(String url) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"Action\":\"cursor\",\"Type\":\"OLDEST\"}"))
                        .build();
        String body = check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        int at = body.indexOf("\"Cursor\"");
        int open = body.indexOf('"', body.indexOf(':', at) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    /**
     * A pre-encoded request body: LZ4 block of a DHUB frame and the frame's size, or (rawSize -1)
     * an uncompressed batch-mode frame.
     */
    private record Encoded(byte[] body, int rawSize) {}

    private Encoded encodePut(int seed) {
        return encode(PbBench.encodePut(seed, batch, recordBytes));
    }

    private static Encoded encode(byte[] frame) {
        return new Encoded(Wire.lz4(frame), frame.length);
    }

    private HttpResponse<byte[]> post(String url, String action, Encoded body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("x-datahub-request-action", action)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body));
        if (body.rawSize < 0) {
            // Batch mode: the SDK switches HTTP compression off, the batch is compressed itself.
            b.header("Content-Type", "application/x-binary");
        } else {
            b.header("Content-Type", "application/x-protobuf")
                    .header("Content-Encoding", "lz4")
                    .header("Accept-Encoding", "lz4")
                    .header("x-datahub-content-raw-size", Integer.toString(body.rawSize));
        }
        HttpRequest request = b.build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IOException(
                    "HTTP "
                            + response.statusCode()
                            + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    /** The round with the median put time, with the median get time of all rounds. */
    private static Result median(List<Result> measured) {
        List<Result> byPut = new ArrayList<>(measured);
        byPut.sort(Comparator.comparingDouble(Result::putSeconds));
        double[] gets = measured.stream().mapToDouble(Result::getSeconds).sorted().toArray();
        Result middle = byPut.get(byPut.size() / 2);
        return new Result(
                middle.mode(),
                middle.shards(),
                middle.records(),
                middle.rawBytes(),
                middle.putSeconds(),
                gets[gets.length / 2]);
    }

    private void delete(DataHubEmulator emulator, String path) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + path)).DELETE().build();
        check(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private void createJson(DataHubEmulator emulator, String path, String json) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
        check(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static String check(HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
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

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void printTable(List<Result> results) {
        System.out.println();
        System.out.println(
                "| mode  | shards | records | put records/s | put MB/s | get records/s | get MB/s"
                        + " |");
        System.out.println(
                "|-------|-------:|--------:|--------------:|---------:|--------------:|---------:|");
        for (Result r : results) {
            double mb = r.rawBytes / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "| %-5s | %6d | %7d | %13.0f | %8.1f | %13.0f | %8.1f |%n",
                    r.mode,
                    r.shards,
                    r.records,
                    r.records / r.putSeconds,
                    mb / r.putSeconds,
                    r.records / r.getSeconds,
                    mb / r.getSeconds);
        }
        System.out.println(
                "MB = uncompressed protobuf frame bytes of the put requests (10^6 bytes), the same"
                        + " figure for both modes; put and get move the same records.");
    }
}
