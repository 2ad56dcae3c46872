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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent appends stay contiguous; a concurrent reader never sees part of a batch. */
class ConcurrencyTest extends EngineFixture {

    private static final int WRITERS = 4;
    private static final int BATCHES = 200;
    private static final int BATCH = 10;

    @Test
    void concurrentWritersAndReader() throws Exception {
        tupleTopic(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    for (int b = 0; b < BATCHES; b++) {
                                        int from = (writer * BATCHES + b) * BATCH;
                                        engine.putRecordsByShard(P, T, "0", tuples(BATCH, from));
                                    }
                                    return null;
                                }));
            }
            Future<List<StoredRecord>> reader =
                    pool.submit(
                            () -> {
                                start.await();
                                List<StoredRecord> seen = new ArrayList<>();
                                String cursor = oldest("0");
                                while (true) {
                                    boolean finished = done.get();
                                    ReadResult r = engine.getRecords(P, T, "0", cursor, 7);
                                    seen.addAll(r.records());
                                    cursor = r.nextCursor();
                                    // every batch is published whole: what is visible ends on a
                                    // batch boundary
                                    assertThat((r.latestSequence() + 1) % BATCH).isZero();
                                    if (finished && r.records().isEmpty()) {
                                        return seen;
                                    }
                                }
                            });
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
            done.set(true);
            List<StoredRecord> seen = reader.get();

            int total = WRITERS * BATCHES * BATCH;
            assertThat(seen).hasSize(total);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < total; i++) {
                StoredRecord r = seen.get(i);
                assertThat(r.sequence()).isEqualTo(i);
                ids.add(r.tupleValues().get(0));
                // records of one batch are contiguous and in order
                if (i % BATCH != 0) {
                    long prev = Long.parseLong(seen.get(i - 1).tupleValues().get(0));
                    assertThat(Long.parseLong(r.tupleValues().get(0))).isEqualTo(prev + 1);
                }
            }
            assertThat(ids).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentTopicLevelPutsAcrossShards() throws Exception {
        tupleTopic(4);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int b = 0; b < 50; b++) {
                                        assertThat(
                                                        engine.putRecords(
                                                                P,
                                                                T,
                                                                tuples(20, (writer * 50 + b) * 20)))
                                                .isEmpty();
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            Set<String> ids = new HashSet<>();
            int total = 0;
            for (String shard : List.of("0", "1", "2", "3")) {
                List<StoredRecord> rs =
                        engine.getRecords(P, T, shard, oldest(shard), 1000).records();
                for (int i = 0; i < rs.size(); i++) {
                    assertThat(rs.get(i).sequence()).isEqualTo(i);
                    ids.add(rs.get(i).tupleValues().get(0));
                }
                total += rs.size();
            }
            assertThat(total).isEqualTo(WRITERS * 50 * 20);
            assertThat(ids).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }
}
