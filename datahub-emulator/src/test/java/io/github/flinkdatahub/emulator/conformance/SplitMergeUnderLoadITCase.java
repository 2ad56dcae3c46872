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

package io.github.flinkdatahub.emulator.conformance;

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.ShardSealedException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.PutErrorEntry;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Splits and merges while writers route by HashKey and a reader tails the parent: a record is
 * either written (to the shard whose range holds its key, exactly once) or rejected per record with
 * {@code InvalidShardOperation} and re-sent; the tailing reader sees every record of the parent
 * before the sealed error.
 */
class SplitMergeUnderLoadITCase {

    private static final int WRITERS = 4;
    private static final int BATCHES = 60;
    private static final int BATCH_SIZE = 10;

    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, CLOCK);

    @Test
    void writesStayExactlyOnceAcrossSplitAndMerge() throws Exception {
        ManualClock clock = CLOCK;
        {
            DataHubEmulator emulator = EMULATOR.emulator();
            DatahubClient admin = SdkMode.PROTOBUF.client(emulator.endpoint());
            String project = newProject(admin);
            String topic = uniqueName("reshaped");
            admin.createTopic(project, topic, 2, 1, RecordType.BLOB, "split under load");
            clock.advance(Duration.ofSeconds(6));
            Map<String, String> keyOfValue = new ConcurrentHashMap<>();
            AtomicInteger acked = new AtomicInteger();
            CountDownLatch split = new CountDownLatch(1);
            CountDownLatch merged = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            try {
                Future<List<String>> tail =
                        pool.submit(() -> tailUntilSealed(emulator, project, topic));
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(
                            pool.submit(
                                    () -> {
                                        write(
                                                emulator,
                                                project,
                                                topic,
                                                writer,
                                                keyOfValue,
                                                acked,
                                                split,
                                                merged);
                                        return null;
                                    }));
                }
                // Writers stop at a third and two thirds (800 and 1600 records) for the reshapes.
                awaitAcked(acked, 400);
                admin.splitShard(project, topic, "0", "3FFFFFFFFFFFFFFFBFFFFFFFFFFFFFFF");
                split.countDown();
                awaitAcked(acked, 1200);
                clock.advance(Duration.ofSeconds(6));
                admin.mergeShard(project, topic, "3", "1");
                merged.countDown();
                for (Future<?> writer : writers) {
                    writer.get(2, TimeUnit.MINUTES);
                }
                List<String> tailed = tail.get(1, TimeUnit.MINUTES);

                List<ShardEntry> shards = admin.listShard(project, topic).getShards();
                assertThat(shards)
                        .extracting(ShardEntry::getShardId, ShardEntry::getState)
                        .containsExactlyInAnyOrder(
                                tuple("0", ShardState.CLOSED),
                                tuple("1", ShardState.CLOSED),
                                tuple("2", ShardState.ACTIVE),
                                tuple("3", ShardState.CLOSED),
                                tuple("4", ShardState.ACTIVE));
                Map<String, String> shardOfValue = new HashMap<>();
                for (ShardEntry shard : shards) {
                    List<String> values = readAll(admin, project, topic, shard);
                    assertThat(values)
                            .as("writes reached shard %s", shard.getShardId())
                            .isNotEmpty();
                    if (shard.getShardId().equals("0")) {
                        assertThat(tailed).as("tail of the split parent").isEqualTo(values);
                    }
                    for (String value : values) {
                        assertThat(shardOfValue.put(value, shard.getShardId()))
                                .as("%s stored twice", value)
                                .isNull();
                        BigInteger key = new BigInteger(keyOfValue.get(value), 16);
                        assertThat(key)
                                .as("%s in shard %s", value, shard.getShardId())
                                .isGreaterThanOrEqualTo(
                                        new BigInteger(shard.getBeginHashKey(), 16));
                        if (!shard.getEndHashKey().equals("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")) {
                            assertThat(key).isLessThan(new BigInteger(shard.getEndHashKey(), 16));
                        }
                    }
                }
                assertThat(shardOfValue).hasSize(WRITERS * BATCHES * BATCH_SIZE);
                assertThat(shardOfValue.keySet()).isEqualTo(keyOfValue.keySet());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Writes batches by HashKey, re-sending records rejected because their shard closed. A third of
     * the way it waits for the split, two thirds of the way for the merge, so every phase of the
     * topic gets writes however the threads are scheduled.
     */
    private static void write(
            DataHubEmulator emulator,
            String project,
            String topic,
            int writer,
            Map<String, String> keyOfValue,
            AtomicInteger acked,
            CountDownLatch split,
            CountDownLatch merged)
            throws InterruptedException {
        DatahubClient client = SdkMode.values()[writer % 4].client(emulator.endpoint());
        Random random = new Random(writer);
        for (int b = 0; b < BATCHES; b++) {
            if (b == BATCHES / 3) {
                assertThat(split.await(1, TimeUnit.MINUTES)).isTrue();
            } else if (b == 2 * BATCHES / 3) {
                assertThat(merged.await(1, TimeUnit.MINUTES)).isTrue();
            }
            List<RecordEntry> pending = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                String value = "w" + writer + "-" + b + "-" + i;
                String key = String.format("%032X", new BigInteger(128, random));
                keyOfValue.put(value, key);
                RecordEntry record = new RecordEntry();
                record.setHashKey(key);
                record.setRecordData(new BlobRecordData(value.getBytes(StandardCharsets.UTF_8)));
                pending.add(record);
            }
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                assertThat(attempt).as("re-sends of one batch").isLessThan(5);
                PutRecordsResult result = client.putRecords(project, topic, pending);
                List<RecordEntry> retry = new ArrayList<>();
                for (PutErrorEntry error : result.getPutErrorEntries()) {
                    assertThat(error.getErrorcode()).isEqualTo("InvalidShardOperation");
                    retry.add(pending.get(error.getIndex()));
                }
                acked.addAndGet(pending.size() - retry.size());
                pending = retry;
            }
        }
    }

    private static void awaitAcked(AtomicInteger acked, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private static List<String> tailUntilSealed(
            DataHubEmulator emulator, String project, String topic) throws InterruptedException {
        DatahubClient client = SdkMode.PROTOBUF_LZ4.client(emulator.endpoint());
        List<String> values = new ArrayList<>();
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        while (true) {
            GetRecordsResult page;
            try {
                page = client.getRecords(project, topic, "0", cursor, 13);
            } catch (ShardSealedException sealed) {
                return values;
            }
            for (RecordEntry record : page.getRecords()) {
                assertThat(record.getSequence()).isEqualTo(values.size());
                values.add(text(record));
            }
            if (page.getRecordCount() == 0) {
                Thread.sleep(2);
            }
            cursor = page.getNextCursor();
        }
    }

    private static List<String> readAll(
            DatahubClient client, String project, String topic, ShardEntry shard) {
        List<String> values = new ArrayList<>();
        String id = shard.getShardId();
        String cursor = client.getCursor(project, topic, id, CursorType.OLDEST).getCursor();
        while (true) {
            GetRecordsResult page;
            try {
                page = client.getRecords(project, topic, id, cursor, 1000);
            } catch (ShardSealedException sealed) {
                assertThat(shard.getState()).isEqualTo(ShardState.CLOSED);
                break;
            }
            if (page.getRecordCount() == 0) {
                assertThat(shard.getState())
                        .as("only an ACTIVE shard has an open tail")
                        .isEqualTo(ShardState.ACTIVE);
                break;
            }
            for (RecordEntry record : page.getRecords()) {
                assertThat(record.getSequence())
                        .as("sequence in shard %s", id)
                        .isEqualTo(values.size());
                values.add(text(record));
            }
            cursor = page.getNextCursor();
        }
        assertThat(new HashSet<>(values)).hasSameSizeAs(values);
        return values;
    }

    private static String text(RecordEntry record) {
        return new String(
                ((BlobRecordData) record.getRecordData()).getData(), StandardCharsets.UTF_8);
    }
}
