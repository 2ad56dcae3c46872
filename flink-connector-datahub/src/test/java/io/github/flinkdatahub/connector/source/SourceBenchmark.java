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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardSealedException;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.testutils.PeakHeap;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of {@link DataHubSource} against a plain client loop doing the same fetches and
 * decoding, on an embedded in-memory emulator (protobuf + LZ4). Not a test: it prints records/s,
 * MB/s and the ratio, and asserts nothing.
 *
 * <p>Writes {@code bench.records} (default 1,000,000) six-field tuple records of about 1 KB to 4
 * shards, then reads all of them: (1) a plain loop keeping one GetRecords in flight per shard, (2)
 * the source at parallelism 1 and (3) at parallelism 4, bounded by {@code
 * StoppingPosition.latest()}, into a discarding sink. For the source it prints the rate including
 * the job's start (a fresh local MiniCluster per run) and the steady rate from the first record to
 * the job's end; the ratios compare the steady rate with the loop of the same parallelism.
 *
 * <p>Run: {@code ./mvnw -pl flink-connector-datahub -am -Psource-benchmark process-test-classes
 * -Dbench.records=1000000 -Dbench.rounds=2} (see {@code docs/source.md}).
 */
public final class SourceBenchmark {

    private static final String PROJECT = "bench";
    private static final String TOPIC = "records";
    private static final int SHARDS = 4;
    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("id", FieldType.BIGINT),
                    Field.of("name", FieldType.STRING),
                    Field.of("city", FieldType.STRING),
                    Field.of("note", FieldType.STRING),
                    Field.of("price", FieldType.DOUBLE),
                    Field.of("ts", FieldType.TIMESTAMP));

    /** Payload bytes per record: 3 x 8 numeric + 300 + 300 + 376 characters. */
    private static final int RECORD_BYTES = 24 + 300 + 300 + 376;

    private SourceBenchmark() {}

    /** Entry point; see the class Javadoc for the properties. */
    /** Runs the benchmark and prints its peak heap. */
    public static void main(String[] args) throws Exception {
        PeakHeap.reset();
        runBenchmark(args);
        PeakHeap.print();
    }

    private static void runBenchmark(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        try (DataHubEmulator emulator = DataHubEmulator.builder().build().start()) {
            DataHubClientConfig config =
                    DataHubClientConfig.builder()
                            .endpoint(emulator.endpoint())
                            .credentials("bench", "bench")
                            .protocol(BodyProtocol.PROTOBUF)
                            .compression(CompressionType.LZ4)
                            .build();
            try (DataHubClient client = DataHubClient.create(config)) {
                client.createProject(PROJECT, "benchmark");
                client.createTupleTopic(PROJECT, TOPIC, SHARDS, 7, SCHEMA, "benchmark");
                client.waitForShardsReady(PROJECT, TOPIC, java.time.Duration.ofSeconds(30));
                long t0 = System.nanoTime();
                write(client, records);
                System.out.printf(
                        Locale.ROOT,
                        "wrote %,d records of ~%d bytes to %d shards in %.1f s%n",
                        records,
                        RECORD_BYTES,
                        SHARDS,
                        (System.nanoTime() - t0) / 1e9);
                System.out.println(
                        "rates in records/s (MB/s); source: including job start / steady;"
                                + " ratio = source steady / plain loop");
                System.out.println(
                        "round | loop, 1 thread | source p=1            | ratio"
                                + " | loop, 4 threads | source p=4            | ratio");
                for (int round = 1; round <= rounds; round++) {
                    double plain = plainLoop(client, records);
                    double[] p1 = source(config, 1, records);
                    double threaded = threadedLoop(config, records);
                    double[] p4 = source(config, 4, records);
                    System.out.printf(
                            Locale.ROOT,
                            "%5d | %,7.0f (%5.1f) | %,7.0f / %,7.0f (%5.1f) | %.2f"
                                    + " | %,7.0f (%5.1f)  | %,7.0f / %,7.0f (%5.1f) | %.2f%n",
                            round,
                            plain,
                            mb(plain),
                            p1[0],
                            p1[1],
                            mb(p1[1]),
                            p1[1] / plain,
                            threaded,
                            mb(threaded),
                            p4[0],
                            p4[1],
                            mb(p4[1]),
                            p4[1] / threaded);
                }
            }
        }
    }

    private static double mb(double recordsPerSecond) {
        return recordsPerSecond * RECORD_BYTES / 1e6;
    }

    private static void write(DataHubClient client, int records) {
        Random random = new Random(42);
        String[] pool = new String[256];
        for (int i = 0; i < pool.length; i++) {
            StringBuilder sb = new StringBuilder(376);
            for (int j = 0; j < 376; j++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            pool[i] = sb.toString();
        }
        int perShard = records / SHARDS;
        for (int s = 0; s < SHARDS; s++) {
            int count = s == SHARDS - 1 ? records - perShard * (SHARDS - 1) : perShard;
            List<PutRecord> batch = new ArrayList<>(1000);
            for (int i = 0; i < count; i++) {
                long id = (long) s * perShard + i;
                batch.add(
                        PutRecord.toShard(
                                Integer.toString(s),
                                TupleRecord.of(
                                        SCHEMA,
                                        id,
                                        pool[(int) (id % 256)].substring(0, 300),
                                        pool[(int) ((id * 7) % 256)].substring(76),
                                        pool[(int) ((id * 13) % 256)],
                                        id * 0.01,
                                        1_700_000_000_000_000L + id)));
                if (batch.size() == 1000 || i == count - 1) {
                    client.putRecordsByShard(PROJECT, TOPIC, Integer.toString(s), batch);
                    batch = new ArrayList<>(1000);
                }
            }
        }
    }

    /** One GetRecords in flight per shard, 1000 records each, touching every decoded record. */
    private static double plainLoop(DataHubClient client, int records) {
        long start = System.nanoTime();
        String[] cursors = new String[SHARDS];
        for (int s = 0; s < SHARDS; s++) {
            cursors[s] =
                    client.getCursor(PROJECT, TOPIC, Integer.toString(s), CursorType.OLDEST)
                            .cursor();
        }
        long read = 0;
        long checksum = 0;
        boolean[] done = new boolean[SHARDS];
        int remaining = SHARDS;
        while (remaining > 0) {
            List<CompletableFuture<GetRecordsResult>> inFlight = new ArrayList<>();
            for (int s = 0; s < SHARDS; s++) {
                inFlight.add(
                        done[s]
                                ? null
                                : client.getRecordsAsync(
                                        PROJECT,
                                        TOPIC,
                                        Integer.toString(s),
                                        cursors[s],
                                        1000,
                                        SCHEMA));
            }
            for (int s = 0; s < SHARDS; s++) {
                if (done[s]) {
                    continue;
                }
                GetRecordsResult r;
                try {
                    r = inFlight.get(s).join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof ShardSealedException) {
                        done[s] = true;
                        remaining--;
                        continue;
                    }
                    throw e;
                }
                for (ReadRecord rec : r.records()) {
                    checksum += ((TupleRecord) rec.payload()).getLong(0);
                }
                read += r.recordCount();
                cursors[s] = r.nextCursor();
                if (r.records().isEmpty()) {
                    done[s] = true; // the tail of an ACTIVE shard: everything was read
                    remaining--;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read != records || checksum == 0) {
            throw new IllegalStateException("plain loop read " + read + " of " + records);
        }
        return read / seconds;
    }

    /** One thread per shard, each a sequential GetRecords loop: the client's parallel rate. */
    private static double threadedLoop(DataHubClientConfig config, int records) throws Exception {
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(SHARDS);
        List<java.util.concurrent.Future<Long>> counts = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            String shard = Integer.toString(s);
            counts.add(
                    pool.submit(
                            () -> {
                                try (DataHubClient c = DataHubClient.create(config)) {
                                    String cursor =
                                            c.getCursor(PROJECT, TOPIC, shard, CursorType.OLDEST)
                                                    .cursor();
                                    long n = 0;
                                    long checksum = 0;
                                    while (true) {
                                        GetRecordsResult r =
                                                c.getRecords(
                                                        PROJECT, TOPIC, shard, cursor, 1000,
                                                        SCHEMA);
                                        if (r.records().isEmpty()) {
                                            return checksum == -1 ? -1 : n;
                                        }
                                        for (ReadRecord rec : r.records()) {
                                            checksum += ((TupleRecord) rec.payload()).getLong(0);
                                        }
                                        n += r.recordCount();
                                        cursor = r.nextCursor();
                                    }
                                }
                            }));
        }
        long read = 0;
        for (java.util.concurrent.Future<Long> f : counts) {
            read += f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read != records) {
            throw new IllegalStateException("threaded loop read " + read + " of " + records);
        }
        return read / seconds;
    }

    /** {records/s including job start, records/s from the first record to the job's end}. */
    private static double[] source(DataHubClientConfig config, int parallelism, int records)
            throws Exception {
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        DataHubSource<Long> source =
                DataHubSource.<Long>builder()
                        .setClientConfig(config)
                        .setProject(PROJECT)
                        .setTopics(TOPIC)
                        .setStoppingPosition(StoppingPosition.latest())
                        .setDeserializer(new IdOnly())
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "datahub")
                .sinkTo(new DiscardingSink<>());
        IdOnly.COUNT.reset();
        IdOnly.FIRST.set(0);
        long start = System.nanoTime();
        env.execute("source-benchmark-p" + parallelism);
        long end = System.nanoTime();
        if (IdOnly.COUNT.sum() != records) {
            throw new IllegalStateException("source read " + IdOnly.COUNT.sum() + " of " + records);
        }
        return new double[] {
            records / ((end - start) / 1e9), records / ((end - IdOnly.FIRST.get()) / 1e9)
        };
    }

    /** Emits the id of each record: the source decodes every record as the loop does. */
    private static final class IdOnly implements DataHubRecordDeserializationSchema<Long> {
        static final LongAdder COUNT = new LongAdder();
        static final AtomicLong FIRST = new AtomicLong();

        @Override
        public void deserialize(DataHubRecord record, Collector<Long> out) {
            if (FIRST.get() == 0) {
                FIRST.compareAndSet(0, System.nanoTime());
            }
            COUNT.increment();
            out.collect(record.tuple().getLong(0));
        }

        @Override
        public TypeInformation<Long> getProducedType() {
            return Types.LONG;
        }
    }
}
