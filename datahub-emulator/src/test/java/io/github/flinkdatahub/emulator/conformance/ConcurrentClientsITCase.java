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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many SDK clients (every mode) write to several topics and shards at once while readers tail a
 * shard: afterwards every shard holds each written record exactly once under contiguous sequences,
 * and the tailing readers saw a gap-free, duplicate-free stream.
 */
class ConcurrentClientsITCase {

    private static final int WRITERS = 8;
    private static final int BATCHES_PER_WRITER = 30;
    private static final int BATCH_SIZE = 10;
    private static final int TOPICS = 3;
    private static final int SHARDS = 3;

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, null);

    private static DataHubEmulator emulator;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @Test
    void parallelWritersKeepPerShardSequencesContiguous() throws Exception {
        DatahubClient setup = SdkMode.PROTOBUF.client(emulator.endpoint());
        String project = newProject(setup);
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) {
            String topic = uniqueName("busy");
            setup.createTopic(project, topic, SHARDS, 1, RecordType.BLOB, "concurrency");
            topics.add(topic);
        }
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            List<Future<List<String>>> tails = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                tails.add(pool.submit(() -> tail(project, topics.get(0), writing)));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(writer, project, topics, written)));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);

            List<String> shard0 = readAll(setup, project, topics.get(0), "0");
            for (Future<List<String>> tail : tails) {
                assertThat(tail.get(1, TimeUnit.MINUTES)).containsExactlyElementsOf(shard0);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> read = new HashSet<>();
        int total = 0;
        for (String topic : topics) {
            for (int s = 0; s < SHARDS; s++) {
                List<String> values = readAll(setup, project, topic, String.valueOf(s));
                total += values.size();
                read.addAll(values);
            }
        }
        assertThat(total).isEqualTo(WRITERS * BATCHES_PER_WRITER * BATCH_SIZE);
        assertThat(read).isEqualTo(written);
    }

    private static void write(
            int writer, String project, List<String> topics, Set<String> written) {
        SdkMode mode = SdkMode.values()[writer % SdkMode.values().length];
        DatahubClient client = mode.client(emulator.endpoint());
        Random random = new Random(writer);
        for (int b = 0; b < BATCHES_PER_WRITER; b++) {
            String topic = topics.get(random.nextInt(topics.size()));
            String shard = String.valueOf(random.nextInt(SHARDS));
            List<RecordEntry> records = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                String value = "w" + writer + "-b" + b + "-r" + i;
                RecordEntry record = new RecordEntry();
                record.setRecordData(new BlobRecordData(value.getBytes(StandardCharsets.UTF_8)));
                record.setShardId(shard);
                records.add(record);
                values.add(value);
            }
            if (mode.binary() && b % 2 == 0) {
                client.putRecordsByShard(project, topic, shard, records);
            } else {
                assertThat(client.putRecords(project, topic, records).getFailedRecordCount())
                        .isZero();
            }
            written.addAll(values);
        }
    }

    /** Follows shard 0 with small reads until writing stopped and the tail is reached. */
    private static List<String> tail(String project, String topic, AtomicBoolean writing) {
        DatahubClient client = SdkMode.PROTOBUF_LZ4.client(emulator.endpoint());
        List<String> values = new ArrayList<>();
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        while (true) {
            boolean lastRound = !writing.get();
            GetRecordsResult page = client.getRecords(project, topic, "0", cursor, 7);
            for (RecordEntry record : page.getRecords()) {
                assertThat(record.getSequence()).isEqualTo(values.size());
                values.add(text(record));
            }
            if (page.getRecordCount() == 0) {
                assertThat(page.getNextCursor()).isEqualTo(cursor);
                if (lastRound) {
                    return values;
                }
                pause();
            }
            cursor = page.getNextCursor();
        }
    }

    /** A short back-off at the tail, as real readers do, so two cores are not saturated. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tailing", e);
        }
    }

    private static List<String> readAll(
            DatahubClient client, String project, String topic, String shard) {
        List<String> values = new ArrayList<>();
        String cursor = client.getCursor(project, topic, shard, CursorType.OLDEST).getCursor();
        while (true) {
            GetRecordsResult page = client.getRecords(project, topic, shard, cursor, 1000);
            if (page.getRecordCount() == 0) {
                assertThat(new HashSet<>(values))
                        .as("duplicates in %s/%s", topic, shard)
                        .hasSameSizeAs(values);
                return values;
            }
            for (RecordEntry record : page.getRecords()) {
                assertThat(record.getSequence())
                        .as("sequence in %s/%s", topic, shard)
                        .isEqualTo(values.size());
                values.add(text(record));
            }
            cursor = page.getNextCursor();
        }
    }

    private static String text(RecordEntry record) {
        return new String(
                ((BlobRecordData) record.getRecordData()).getData(), StandardCharsets.UTF_8);
    }
}
