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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutFailure;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardState;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic-level puts routed by HashKey while shards split and merge: a record caught by a reshaping
 * may fail, but only with InvalidShardOperation (writers re-list shards and retry on it), never
 * with an error that blames the record.
 */
class ReshardingRaceTest extends EngineFixture {

    private static final int RESHARDS = 300;
    private static final int WRITERS = 3;

    @Test
    void recordsRacingASplitOrMergeFailOnlyAsShardNotActive() throws Exception {
        tupleTopic(1);
        Set<String> failureCodes = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> write(done, failureCodes)));
            }
            for (int i = 0; i < RESHARDS; i++) {
                clock.advance(Duration.ofSeconds(6)); // past the 5 s split/merge guard
                List<ShardInfo> active =
                        engine.listShards(P, T).stream()
                                .filter(s -> s.state() == ShardState.ACTIVE)
                                .toList();
                if (active.size() == 1) {
                    engine.splitShard(P, T, active.get(0).shardId(), "8");
                } else {
                    engine.mergeShard(P, T, active.get(0).shardId(), active.get(1).shardId());
                }
            }
            done.set(true);
            int written = 0;
            for (Future<Integer> writer : writers) {
                written += writer.get();
            }
            assertThat(written).isPositive();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        assertThat(failureCodes).isSubsetOf("InvalidShardOperation");
    }

    private int write(AtomicBoolean done, Set<String> failureCodes) {
        int written = 0;
        while (!done.get()) {
            List<PutRecord> batch = new ArrayList<>();
            for (PutRecord r : tuples(20, 0)) {
                String hashKey =
                        String.format("%032X", ThreadLocalRandom.current().nextLong() >>> 1);
                batch.add(new PutRecord(null, hashKey, null, Map.of(), r.tupleValues(), r.blob()));
            }
            List<PutFailure> failures = engine.putRecords(P, T, batch);
            failures.forEach(f -> failureCodes.add(f.errorCode()));
            written += batch.size() - failures.size();
        }
        return written;
    }
}
