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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ExtendShard, expand modes and CLOSED-shard expiry from ListShard, durable across restarts. */
class ShardExtensionTest extends EngineFixture {

    @TempDir Path dir;

    private final List<DataHubEngine> abandoned = new ArrayList<>();

    @AfterEach
    void closeAbandoned() {
        abandoned.forEach(DataHubEngine::close);
    }

    private DataHubEngine durable() {
        DataHubEngine e = DataHubEngine.open(options().dataDir(dir).build());
        abandoned.add(e);
        return e;
    }

    private static TopicSpec blobIn(String expandMode, int shards) {
        return new TopicSpec(RecordType.BLOB, shards, 1, null, List.of(), "c", expandMode);
    }

    @Test
    void extendedShardsAndHiddenClosedShardsSurviveCompactionAndAnAbruptStop() {
        engine.close();
        engine = durable();
        engine.createProject(P, "c");
        engine.createTopic(P, T, blobIn("", 2));
        engine.extendShard(P, T, 1, "INC");
        clock.advance(Duration.ofSeconds(6));
        engine.splitShard(P, T, "0", "4");
        ((EngineImpl) engine).coreForTests().compact();
        engine.extendShard(P, T, 5, "TO"); // journaled after the compaction

        DataHubEngine reopened = durable();
        assertThat(reopened.listShards(P, T))
                .extracting(ShardInfo::shardId)
                .containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(reopened.listShards(P, T).get(2).beginHashKey()).isEqualTo("0".repeat(32));
        assertThat(reopened.listShards(P, T).get(5).endHashKey()).isEqualTo("F".repeat(32));

        clock.advance(Duration.ofDays(1));
        assertThat(reopened.listShards(P, T))
                .extracting(ShardInfo::shardId)
                .containsExactly("1", "2", "3", "4", "5");
        // still there for calls by id
        assertThat(reopened.getCursor(P, T, "0", DataHubEngine.CursorType.OLDEST, 0)).isNotNull();
        assertThat(reopened.getTopic(P, T).shardCount()).isEqualTo(5);
    }

    @Test
    void expandModesGateSplitMergeAndExtend() {
        engine.createProject(P, "c");
        engine.createTopic(P, "kafka", blobIn("extend", 2));
        engine.createTopic(P, "classic", blobIn("split", 2));
        clock.advance(Duration.ofSeconds(6));

        assertThat(engine.listShards(P, "kafka"))
                .extracting(ShardInfo::beginHashKey, ShardInfo::endHashKey)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("0".repeat(32), "F".repeat(32)));
        assertError(() -> engine.splitShard(P, "kafka", "0", "8"), "InvalidParameter", 400);
        assertError(() -> engine.mergeShard(P, "kafka", "0", "1"), "InvalidParameter", 400);
        assertError(() -> engine.extendShard(P, "classic", 3, "TO"), "InvalidParameter", 400);
        assertError(() -> engine.extendShard(P, "kafka", 2, "TO"), "InvalidParameter", 400);
        assertError(() -> engine.extendShard(P, "kafka", 0, "INC"), "InvalidParameter", 400);
        assertError(() -> engine.extendShard(P, "kafka", 1, "MORE"), "InvalidParameter", 400);
        assertError(() -> engine.extendShard(P, "kafka", 100_000, "TO"), "LimitExceeded", 429);
        engine.mergeShard(P, "classic", "0", "1");
        engine.extendShard(P, "kafka", 3, null);
        assertThat(engine.listShards(P, "kafka")).hasSize(3);
    }
}
