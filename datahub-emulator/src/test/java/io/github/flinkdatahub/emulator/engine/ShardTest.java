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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Initial key ranges, neighbours, split/merge semantics, error codes and the 5-second rule. */
class ShardTest extends EngineFixture {

    private static final String F32 = "F".repeat(32);

    @ParameterizedTest
    @CsvSource({
        "1, 00000000000000000000000000000000",
        "2, 00000000000000000000000000000000 7FFFFFFFFFFFFFFF7FFFFFFFFFFFFFFF",
        "3, 00000000000000000000000000000000 55555555555555555555555555555555"
                + " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "4, 00000000000000000000000000000000 3FFFFFFFFFFFFFFF3FFFFFFFFFFFFFFF"
                + " 7FFFFFFFFFFFFFFE7FFFFFFFFFFFFFFE BFFFFFFFFFFFFFFDBFFFFFFFFFFFFFFD",
        "7, 00000000000000000000000000000000 24924924924924922492492492492492"
                + " 49249249249249244924924924924924 6DB6DB6DB6DB6DB66DB6DB6DB6DB6DB6"
                + " 92492492492492489249249249249248 B6DB6DB6DB6DB6DAB6DB6DB6DB6DB6DA"
                + " DB6DB6DB6DB6DB6CDB6DB6DB6DB6DB6C"
    })
    void initialRanges(int n, String begins) {
        blobTopic(n);
        List<ShardInfo> shards = engine.listShards(P, T);
        String[] b = begins.split(" ");
        assertThat(shards).hasSize(n);
        for (int i = 0; i < n; i++) {
            ShardInfo s = shards.get(i);
            assertThat(s.shardId()).isEqualTo(Integer.toString(i));
            assertThat(s.state()).isEqualTo(ShardState.ACTIVE);
            assertThat(s.beginHashKey()).isEqualTo(b[i]);
            assertThat(s.endHashKey()).isEqualTo(i == n - 1 ? F32 : b[i + 1]);
            assertThat(s.leftShardId()).isEqualTo(i == 0 ? null : Integer.toString(i - 1));
            assertThat(s.rightShardId()).isEqualTo(i == n - 1 ? null : Integer.toString(i + 1));
            assertThat(s.parentShardIds()).isEmpty();
            assertThat(s.createTime()).isEqualTo(START.getEpochSecond());
            assertThat(s.closedTime()).isZero();
        }
    }

    @Test
    void splitWithinFiveSecondsIsLimitExceeded() {
        blobTopic(3);
        assertError(
                () -> engine.splitShard(P, T, "0", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                "LimitExceeded",
                429);
        clock.advance(Duration.ofMillis(4999));
        assertError(() -> engine.mergeShard(P, T, "0", "1"), "LimitExceeded", 429);
        clock.advance(Duration.ofMillis(1));
        engine.splitShard(P, T, "0", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        // the new shards are young again
        assertError(
                () -> engine.splitShard(P, T, "3", "1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                "LimitExceeded",
                429);
    }

    @Test
    void splitSemantics() {
        blobTopic(3);
        clock.advance(Duration.ofSeconds(5));
        engine.putRecordsByShard(P, T, "0", List.of(blob(new byte[] {1}), blob(new byte[] {2})));
        List<ShardInfo> created = engine.splitShard(P, T, "0", "2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(created).extracting(ShardInfo::shardId).containsExactly("3", "4");
        assertThat(created.get(0).beginHashKey()).isEqualTo("0".repeat(32));
        assertThat(created.get(0).endHashKey()).isEqualTo("2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(created.get(1).beginHashKey()).isEqualTo("2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(created.get(1).endHashKey()).isEqualTo("5".repeat(32));
        assertThat(created.get(0).parentShardIds()).containsExactly("0");
        assertThat(created.get(0).leftShardId()).isNull();
        assertThat(created.get(0).rightShardId()).isEqualTo("4");
        assertThat(created.get(1).rightShardId()).isEqualTo("1");

        List<ShardInfo> all = engine.listShards(P, T);
        assertThat(all).extracting(ShardInfo::shardId).containsExactly("0", "1", "2", "3", "4");
        ShardInfo parent = all.get(0);
        assertThat(parent.state()).isEqualTo(ShardState.CLOSED);
        assertThat(parent.closedTime()).isEqualTo(START.getEpochSecond() + 5);
        assertThat(all.get(1).leftShardId()).isEqualTo("4");

        // writes to the closed shard fail, its data stays readable, then it is sealed
        assertThat(engine.putRecords(P, T, List.of(tupleOrBlobTo("0"))))
                .singleElement()
                .satisfies(f -> assertThat(f.errorCode()).isEqualTo("InvalidShardOperation"));
        var read = engine.getRecords(P, T, "0", oldest("0"), 10);
        assertThat(read.records()).hasSize(2);
        assertError(
                () -> engine.getRecords(P, T, "0", read.nextCursor(), 10),
                "InvalidShardOperation",
                400);
        assertError(
                () -> engine.splitShard(P, T, "0", "1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                "InvalidShardOperation",
                400);
    }

    @Test
    void splitKeyValidation() {
        blobTopic(2);
        clock.advance(Duration.ofSeconds(5));
        assertError(() -> engine.splitShard(P, T, "1", F32), "InvalidParameter", 400);
        assertError(
                () -> engine.splitShard(P, T, "1", "7FFFFFFFFFFFFFFF7FFFFFFFFFFFFFFF"),
                "InvalidParameter",
                400);
        assertError(() -> engine.splitShard(P, T, "1", "xyz"), "InvalidParameter", 400);
        assertError(() -> engine.splitShard(P, T, "1", "1" + F32), "InvalidParameter", 400);
        assertError(() -> engine.splitShard(P, T, "9", "10"), "NoSuchShard", 404);
        // lower-case keys (Python clients) are accepted
        List<ShardInfo> created = engine.splitShard(P, T, "0", "3fffffffffffffffbfffffffffffffff");
        assertThat(created.get(0).endHashKey()).isEqualTo("3FFFFFFFFFFFFFFFBFFFFFFFFFFFFFFF");
        assertThat(created).extracting(ShardInfo::shardId).containsExactly("2", "3");
    }

    @Test
    void shortSplitKey() {
        blobTopic(1);
        clock.advance(Duration.ofSeconds(5));
        List<ShardInfo> created = engine.splitShard(P, T, "0", "10");
        assertThat(created.get(0).endHashKey()).isEqualTo("0".repeat(30) + "10");
    }

    @Test
    void mergeSemantics() {
        blobTopic(3);
        clock.advance(Duration.ofSeconds(5));
        ShardInfo merged = engine.mergeShard(P, T, "1", "2");
        assertThat(merged.shardId()).isEqualTo("3");
        assertThat(merged.beginHashKey()).isEqualTo("5".repeat(32));
        assertThat(merged.endHashKey()).isEqualTo(F32);
        assertThat(merged.parentShardIds()).containsExactly("1", "2");
        assertThat(merged.leftShardId()).isEqualTo("0");
        assertThat(merged.rightShardId()).isNull();
        assertThat(engine.getTopic(P, T).shardCount()).isEqualTo(2);
        assertError(() -> engine.mergeShard(P, T, "1", "2"), "InvalidShardOperation", 400);
        assertError(() -> engine.mergeShard(P, T, "0", "0"), "InvalidParameter", 400);
        assertError(() -> engine.mergeShard(P, T, "0", "9"), "NoSuchShard", 404);
        // merging in reverse order is fine: adjacency is symmetric
        clock.advance(Duration.ofSeconds(5));
        assertThat(engine.mergeShard(P, T, "3", "0").beginHashKey()).isEqualTo("0".repeat(32));
    }

    @Test
    void mergeNonAdjacent() {
        blobTopic(3);
        clock.advance(Duration.ofSeconds(5));
        assertError(() -> engine.mergeShard(P, T, "0", "2"), "InvalidParameter", 400);
    }

    @Test
    void shardLimits() {
        engine.close();
        engine = DataHubEngine.open(options().maxActiveShards(2).maxTotalShards(4).build());
        blobTopic(2);
        clock.advance(Duration.ofSeconds(5));
        assertError(() -> engine.splitShard(P, T, "0", "10"), "LimitExceeded", 429);
        engine.mergeShard(P, T, "0", "1"); // 3 shards in total
        clock.advance(Duration.ofSeconds(5));
        assertError(() -> engine.splitShard(P, T, "2", "10"), "LimitExceeded", 429);
    }

    private static DataHubEngine.PutRecord tupleOrBlobTo(String shardId) {
        return new DataHubEngine.PutRecord(shardId, null, null, null, null, new byte[] {9});
    }
}
