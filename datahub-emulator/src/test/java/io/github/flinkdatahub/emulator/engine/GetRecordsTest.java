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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.MeterInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GetRecords cursors, limits, tail and sealed-shard behaviour, and metering. */
class GetRecordsTest extends EngineFixture {

    @Test
    void readsWithCursorsAndLimit() {
        tupleTopic(1);
        put("0", 5, 0);
        clock.advance(Duration.ofMillis(7));
        put("0", 1, 5);
        ReadResult first = engine.getRecords(P, T, "0", oldest("0"), 2);
        assertThat(first.records()).extracting(StoredRecord::sequence).containsExactly(0L, 1L);
        assertThat(first.startSequence()).isZero();
        assertThat(first.latestSequence()).isEqualTo(5);
        assertThat(first.latestTimeMillis()).isEqualTo(START.toEpochMilli() + 7);
        StoredRecord r0 = first.records().get(0);
        assertThat(r0.shardId()).isEqualTo("0");
        assertThat(r0.systemTimeMillis()).isEqualTo(START.toEpochMilli());
        assertThat(r0.cursor()).isEqualTo(oldest("0"));
        assertThat(r0.nextCursor()).isEqualTo(first.records().get(1).cursor());
        assertThat(first.nextCursor()).isEqualTo(first.records().get(1).nextCursor());

        ReadResult rest = engine.getRecords(P, T, "0", first.nextCursor(), 100);
        assertThat(rest.startSequence()).isEqualTo(2);
        assertThat(rest.records())
                .extracting(StoredRecord::sequence)
                .containsExactly(2L, 3L, 4L, 5L);
        assertThat(rest.records().get(3).systemTimeMillis()).isEqualTo(START.toEpochMilli() + 7);

        // the tail of an ACTIVE shard: nothing, and the same cursor back
        ReadResult tail = engine.getRecords(P, T, "0", rest.nextCursor(), 10);
        assertThat(tail.records()).isEmpty();
        assertThat(tail.nextCursor()).isEqualTo(rest.nextCursor());
        assertThat(tail.startSequence()).isEqualTo(6);
        put("0", 1, 6);
        assertThat(engine.getRecords(P, T, "0", rest.nextCursor(), 10).records())
                .singleElement()
                .satisfies(r -> assertThat(r.sequence()).isEqualTo(6));
    }

    @Test
    void limitIsClamped() {
        tupleTopic(1);
        put("0", 1500, 0);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 0).records()).hasSize(1);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), -5).records()).hasSize(1);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 5000).records()).hasSize(1000);
    }

    @Test
    void emptyShardReportsNoLatest() {
        tupleTopic(1);
        ReadResult r = engine.getRecords(P, T, "0", oldest("0"), 10);
        assertThat(r.records()).isEmpty();
        assertThat(r.latestSequence()).isEqualTo(-1);
        assertThat(r.latestTimeMillis()).isEqualTo(-1);
    }

    @Test
    void blobsAndAttributesRoundTrip() {
        blobTopic(1);
        byte[] data = "blobdata".getBytes(StandardCharsets.UTF_8);
        engine.putRecordsByShard(
                P,
                T,
                "0",
                List.of(
                        new DataHubEngine.PutRecord(
                                null, null, null, Map.of("a", "1", "b", ""), null, data)));
        StoredRecord r = engine.getRecords(P, T, "0", oldest("0"), 1).records().get(0);
        assertThat(r.blob()).isEqualTo(data);
        assertThat(r.tupleValues()).isNull();
        assertThat(r.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", ""));
    }

    @Test
    void closedShardEndsWithInvalidShardOperation() {
        tupleTopic(1);
        put("0", 3, 0);
        clock.advance(Duration.ofSeconds(5));
        engine.splitShard(P, T, "0", "10");
        ReadResult r = engine.getRecords(P, T, "0", oldest("0"), 2);
        assertThat(r.records()).hasSize(2);
        r = engine.getRecords(P, T, "0", r.nextCursor(), 2);
        assertThat(r.records()).hasSize(1);
        String end = r.nextCursor();
        assertError(() -> engine.getRecords(P, T, "0", end, 2), "InvalidShardOperation", 400);
        // an empty closed shard is sealed from the start
        engine.createTopic(P, "other", tupleSpec(1));
        clock.advance(Duration.ofSeconds(5));
        engine.splitShard(P, "other", "0", "10");
        String start =
                engine.getCursor(P, "other", "0", DataHubEngine.CursorType.OLDEST, 0).cursor();
        assertError(
                () -> engine.getRecords(P, "other", "0", start, 2), "InvalidShardOperation", 400);
    }

    @Test
    void metering() {
        tupleTopic(2);
        assertError(() -> engine.getMeter(P, T, "0"), "NoSuchMeteringInfo", 404);
        assertError(() -> engine.getMeter(P, T, "5"), "NoSuchShard", 404);
        clock.advance(Duration.ofSeconds(30));
        engine.putRecordsByShard(P, T, "0", List.of(tuple("1", "abc")));
        MeterInfo m = engine.getMeter(P, T, "0");
        assertThat(m.activeTimeSeconds()).isEqualTo(30);
        assertThat(m.storageBytes()).isPositive();
        long one = m.storageBytes();
        engine.putRecordsByShard(P, T, "0", List.of(tuple("1", "abc")));
        assertThat(engine.getMeter(P, T, "0").storageBytes()).isEqualTo(2 * one);
        engine.mergeShard(P, T, "0", "1");
        clock.advance(Duration.ofSeconds(100));
        assertThat(engine.getMeter(P, T, "0").activeTimeSeconds()).isEqualTo(30);
    }
}
