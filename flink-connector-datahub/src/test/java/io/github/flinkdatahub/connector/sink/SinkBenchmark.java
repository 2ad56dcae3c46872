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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.EncodedRecords;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.testutils.PeakHeap;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Sink throughput benchmark (not a test). Writes N 1 KB six-field tuple records to a 4-shard topic
 * of an embedded emulator (protobuf + LZ4) with the sink for each delivery guarantee, in a local
 * Flink job of parallelism 1, and, in the same run, with a plain loop over the client that puts
 * batches of the same size round-robin to the shards. Prints records/s, MB/s and the ratio to the
 * plain loop. Command and figures: docs/sink.md.
 *
 * <p>Properties: {@code bench.records} (default 1,000,000), {@code bench.batch} (1,000), {@code
 * bench.checkpointMillis} (1,000), {@code bench.guarantees} (NONE,AT_LEAST_ONCE,EXACTLY_ONCE),
 * {@code bench.payloads} (64: how many distinct 900-character payloads the records cycle through;
 * with 64 a request of 1,000 records repeats each many times and LZ4 shrinks it about 6-fold, with
 * 100,000 every record of a run up to that size is different and LZ4 only halves it, as it does
 * typical log text; the header line prints the factor).
 */
public final class SinkBenchmark {

    static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT),
                    Field.of("event_time", FieldType.TIMESTAMP),
                    Field.of("user_name", FieldType.STRING),
                    Field.of("score", FieldType.DOUBLE),
                    Field.of("active", FieldType.BOOLEAN),
                    Field.of("payload", FieldType.STRING));

    private static final String PROJECT = "bench";
    private static final int SHARDS = 4;
    private static final String[] PAYLOADS = payloads();

    private SinkBenchmark() {}

    /** Runs the benchmark (see the class comment for the properties) and prints its peak heap. */
    public static void main(String[] args) throws Exception {
        PeakHeap.reset();
        runBenchmark(args);
        PeakHeap.print();
    }

    private static void runBenchmark(String[] args) throws Exception {
        long n = Long.getLong("bench.records", 1_000_000L);
        int batch = Integer.getInteger("bench.batch", 1000);
        long checkpointMillis = Long.getLong("bench.checkpointMillis", 1000L);
        String[] guarantees =
                System.getProperty("bench.guarantees", "NONE,AT_LEAST_ONCE,EXACTLY_ONCE")
                        .split(",");
        try (DataHubEmulator emulator = DataHubEmulator.builder().build().start()) {
            DataHubClientConfig config =
                    EmulatorTopics.config(emulator.endpoint()).toBuilder().maxRetries(0).build();
            long bytesPerRecord = PutRecord.of(record(0)).estimatedEncodedSize();
            // Setup and checks with the client's default retries; the sink without (it retries).
            try (DataHubClient client =
                    DataHubClient.create(EmulatorTopics.config(emulator.endpoint()))) {
                client.createProject(PROJECT, "benchmark");
                // Warm-up: JIT, emulator and a first Flink job.
                plainLoop(client, topic(client, "warmup_loop"), Math.min(n, 100_000), batch);
                sinkJob(
                        config,
                        topic(client, "warmup_sink"),
                        Math.min(n, 100_000),
                        batch,
                        DeliveryGuarantee.AT_LEAST_ONCE,
                        checkpointMillis);

                String loopTopic = topic(client, "loop");
                long start = System.nanoTime();
                plainLoop(client, loopTopic, n, batch);
                double loopSeconds = (System.nanoTime() - start) / 1e9;
                check(client, loopTopic, n);
                dropTopics(client); // the emulator keeps records in memory: free them
                System.out.printf(
                        Locale.ROOT,
                        "%nrecords=%d batch=%d shards=%d ~%d B/record (estimate) checkpoint=%d ms"
                                + " cores=%d payloads=%d LZ4 shrinks a request %.1f-fold%n%n",
                        n,
                        batch,
                        SHARDS,
                        bytesPerRecord,
                        checkpointMillis,
                        Runtime.getRuntime().availableProcessors(),
                        PAYLOADS.length,
                        lz4Ratio(batch));
                System.out.println("| writer | records/s | MB/s | ratio to plain loop |");
                System.out.println("|---|---:|---:|---:|");
                row("plain client loop", n, loopSeconds, bytesPerRecord, loopSeconds);
                for (String g : guarantees) {
                    DeliveryGuarantee guarantee = DeliveryGuarantee.valueOf(g.trim());
                    String t = topic(client, "sink_" + guarantee.name().toLowerCase(Locale.ROOT));
                    JobExecutionResult result =
                            sinkJob(config, t, n, batch, guarantee, checkpointMillis);
                    double seconds = result.getNetRuntime(TimeUnit.MILLISECONDS) / 1e3;
                    if (guarantee != DeliveryGuarantee.NONE) {
                        check(client, t, n);
                    }
                    row("sink " + guarantee, n, seconds, bytesPerRecord, loopSeconds);
                    dropTopics(client);
                }
            }
        }
    }

    private static void row(String name, long n, double seconds, long bytes, double loopSeconds) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.1f | %.2f |%n",
                name,
                n / seconds,
                n * bytes / seconds / 1e6,
                loopSeconds / seconds);
    }

    /** How much LZ4 shrinks the body of a request of the first {@code batch} records. */
    private static double lz4Ratio(int batch) {
        EncodedRecords.Builder builder = EncodedRecords.builder(SCHEMA);
        for (int i = 0; i < batch; i++) {
            builder.add(PutRecord.of(record(i)));
        }
        EncodedRecords compressed = builder.build().compress(CompressionType.LZ4);
        return (double) compressed.rawSize() / compressed.sizeInBytes();
    }

    private static String topic(DataHubClient client, String name) {
        client.createTupleTopic(PROJECT, name, SHARDS, 1, SCHEMA, "benchmark");
        return name;
    }

    static TupleRecord record(long i) {
        return TupleRecord.of(
                SCHEMA,
                i,
                1_700_000_000_000_000L + i,
                "user-" + (i % 10_000),
                (i % 1000) / 10.0,
                (i & 1) == 0,
                PAYLOADS[(int) (i % PAYLOADS.length)]);
    }

    private static void plainLoop(DataHubClient client, String topic, long n, int batch) {
        List<PutRecord> records = new ArrayList<>(batch);
        int shard = 0;
        for (long i = 0; i < n; i++) {
            records.add(PutRecord.of(record(i)));
            if (records.size() == batch || i == n - 1) {
                client.putRecordsByShard(PROJECT, topic, Integer.toString(shard), records);
                shard = (shard + 1) % SHARDS;
                records = new ArrayList<>(batch);
            }
        }
    }

    private static JobExecutionResult sinkJob(
            DataHubClientConfig config,
            String topic,
            long n,
            int batch,
            DeliveryGuarantee guarantee,
            long checkpointMillis)
            throws Exception {
        // EXACTLY_ONCE committables carry the staged records: they do not fit the JobManager's
        // 5 MB memory checkpoint storage, so checkpoint to files (docs/sink.md).
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Files.createTempDirectory("sink-bench-checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(checkpointMillis, CheckpointingMode.EXACTLY_ONCE);
        env.fromSequence(0, n - 1)
                .sinkTo(
                        DataHubSink.<Long>builder()
                                .setClientFactory(DataHubClientFactory.of(config))
                                .setProject(PROJECT)
                                .setTopic(topic)
                                .setSerializer(new BenchSerializer())
                                .setDeliveryGuarantee(guarantee)
                                .setMaxBatchRecords(batch)
                                .setMaxBatchBytes(4L * 1024 * 1024)
                                .setMaxStagedBytes(1024L * 1024 * 1024)
                                .build());
        return env.execute("sink-benchmark-" + guarantee);
    }

    private static void dropTopics(DataHubClient client) {
        for (String topic : client.listTopics(PROJECT)) {
            client.deleteTopic(PROJECT, topic);
        }
        System.gc();
    }

    private static void check(DataHubClient client, String topic, long n) {
        long total = 0;
        for (ShardInfo s : client.listShards(PROJECT, topic)) {
            long seq = client.getCursor(PROJECT, topic, s.shardId(), CursorType.LATEST).sequence();
            total += seq + 1;
        }
        if (total != n) {
            throw new IllegalStateException(topic + " holds " + total + " records, expected " + n);
        }
    }

    private static String[] payloads() {
        String[] words = {
            "GET",
            "POST",
            "/api/v1/orders",
            "status=200",
            "status=404",
            "latency",
            "region=cn",
            "Mozilla/5.0",
            "session",
            "checkout",
            "cart",
            "item",
            "price",
            "currency=CNY",
            "shipped",
            "pending",
            "error",
            "retry",
            "timeout",
            "cache=hit",
            "trace_id",
            "tenant"
        };
        Random random = new Random(42);
        String[] out = new String[Integer.getInteger("bench.payloads", 64)];
        for (int p = 0; p < out.length; p++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 900) {
                sb.append(words[random.nextInt(words.length)]).append(' ');
                sb.append(random.nextInt(100_000)).append(' ');
            }
            out[p] = sb.substring(0, 900);
        }
        return out;
    }

    /** The element is the record number; the record is built in the sink, as in the loop. */
    private static final class BenchSerializer implements DataHubRecordSerializationSchema<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(SerializationSchema.InitializationContext context, DataHubSinkContext s) {
            if (!SCHEMA.equals(s.schema())) {
                throw new IllegalStateException("unexpected schema " + s.schema());
            }
        }

        @Override
        public DataHubSinkRecord serialize(Long i) {
            return DataHubSinkRecord.of(record(i));
        }
    }
}
