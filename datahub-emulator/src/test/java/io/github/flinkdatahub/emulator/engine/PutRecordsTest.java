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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing, per-record failures, whole-request failures and limits of the put operations. */
class PutRecordsTest extends EngineFixture {

    @Test
    void roundRobinOverActiveShards() {
        tupleTopic(3);
        assertThat(engine.putRecords(P, T, tuples(10, 0))).isEmpty();
        assertThat(count("0")).isEqualTo(4);
        assertThat(count("1")).isEqualTo(3);
        assertThat(count("2")).isEqualTo(3);
    }

    @Test
    void shardIdWins() {
        tupleTopic(3);
        PutRecord r = new PutRecord("2", "0".repeat(32), "a", null, List.of("1", "x"), null);
        assertThat(engine.putRecords(P, T, List.of(r))).isEmpty();
        assertThat(count("2")).isEqualTo(1);
    }

    @Test
    void hashKeyBeatsPartitionKeyAndUsesRanges() {
        tupleTopic(3);
        List<PutRecord> records =
                List.of(
                        new PutRecord(
                                null,
                                "55555555555555555555555555555555",
                                "a",
                                null,
                                List.of("1", "x"),
                                null),
                        new PutRecord(
                                null,
                                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                null,
                                null,
                                List.of("2", "x"),
                                null),
                        new PutRecord(null, "F".repeat(32), null, null, List.of("3", "x"), null),
                        new PutRecord(null, "10", null, null, List.of("4", "x"), null));
        assertThat(engine.putRecords(P, T, records)).isEmpty();
        assertThat(count("0")).isEqualTo(1);
        assertThat(count("1")).isEqualTo(1);
        assertThat(count("2")).isEqualTo(2);
    }

    @Test
    void partitionKeyIsRoutedByMd5() {
        tupleTopic(3);
        // RFC 1321 vectors: MD5("a") = 0CC175B9.., MD5("abc") = 90015098.., MD5("message
        // digest") = F96B697D..; 3 shards split at 5555.. and AAAA..
        assertThat(HashKeys.md5("abc").toString(16)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        List<PutRecord> records = new ArrayList<>();
        for (String key : new String[] {"a", "abc", "message digest", "message digest"}) {
            records.add(new PutRecord(null, null, key, null, List.of("1", key), null));
        }
        assertThat(engine.putRecords(P, T, records)).isEmpty();
        assertThat(values("0")).containsExactly("a");
        assertThat(values("1")).containsExactly("abc");
        assertThat(values("2")).containsExactly("message digest", "message digest");
    }

    @Test
    void emptyRoutingKeysCountAsUnset() {
        tupleTopic(2);
        PutRecord r = new PutRecord("", "", "", null, List.of("1", "x"), null);
        assertThat(engine.putRecords(P, T, List.of(r, r))).isEmpty();
        assertThat(count("0")).isEqualTo(1);
        assertThat(count("1")).isEqualTo(1);
    }

    @Test
    void perRecordFailures() {
        tupleTopic(3);
        clock.advance(Duration.ofSeconds(5));
        engine.mergeShard(P, T, "1", "2");
        List<PutRecord> records =
                List.of(
                        tupleTo("0", "1", "ok"),
                        tupleTo("4", "1", "x"),
                        tupleTo("AAA", "1", "x"),
                        tupleTo("1", "1", "x"),
                        tupleTo("0", "1", "x", "extra"),
                        new PutRecord("0", null, null, null, null, new byte[] {1}),
                        tupleTo("0", null, "x"),
                        tupleTo("0", "notanumber", "x"),
                        new PutRecord(null, "zz", null, null, List.of("1", "x"), null),
                        tupleTo("0", "2", "ok"));
        List<PutFailure> failures = engine.putRecords(P, T, records);
        assertThat(failures)
                .extracting(PutFailure::index, PutFailure::errorCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "NoSuchShard"),
                        org.assertj.core.groups.Tuple.tuple(2, "InvalidShardId"),
                        org.assertj.core.groups.Tuple.tuple(3, "InvalidShardOperation"),
                        org.assertj.core.groups.Tuple.tuple(4, "MalformedRecord"),
                        org.assertj.core.groups.Tuple.tuple(5, "MalformedRecord"),
                        org.assertj.core.groups.Tuple.tuple(6, "MalformedRecord"),
                        org.assertj.core.groups.Tuple.tuple(7, "MalformedRecord"),
                        org.assertj.core.groups.Tuple.tuple(8, "InvalidParameter"));
        assertThat(failures.get(5).errorMessage()).contains("'id'");
        assertThat(values("0")).containsExactly("ok", "ok");
        assertThat(sequences("0")).containsExactly(0L, 1L);
    }

    @Test
    void tupleIntoBlobTopicIsMalformed() {
        blobTopic(1);
        assertThat(engine.putRecords(P, T, List.of(tupleTo("0", "1"))))
                .singleElement()
                .satisfies(f -> assertThat(f.errorCode()).isEqualTo("MalformedRecord"));
        assertError(
                () -> engine.putRecordsByShard(P, T, "0", List.of(tuple("1"))),
                "MalformedRecord",
                400);
    }

    @Test
    void putByShardFailsAsAWhole() {
        tupleTopic(2);
        List<PutRecord> batch = new ArrayList<>(tuples(3, 0));
        batch.add(tuple("1", "x", "extra"));
        assertError(() -> engine.putRecordsByShard(P, T, "0", batch), "MalformedRecord", 400);
        assertThat(count("0")).isZero();
        assertError(() -> put("9", 1, 0), "NoSuchShard", 404);
        // a by-shard id that cannot exist is a missing shard, as the service answers
        assertError(() -> put("a1", 1, 0), "NoSuchShard", 404);
        assertError(() -> put("-1", 1, 0), "NoSuchShard", 404);
        clock.advance(Duration.ofSeconds(5));
        engine.mergeShard(P, T, "0", "1");
        assertError(() -> put("0", 1, 0), "InvalidShardOperation", 400);
        // per-record shard ids are ignored by put-by-shard
        engine.putRecordsByShard(P, T, "2", List.of(tupleTo("0", "1", "x")));
        assertThat(count("2")).isEqualTo(1);
    }

    @Test
    void recordCountLimit() {
        tupleTopic(1);
        assertError(() -> put("0", 10_001, 0), "InvalidParameter", 400);
        assertError(() -> engine.putRecords(P, T, tuples(10_001, 0)), "InvalidParameter", 400);
        put("0", 10_000, 0);
        assertThat(engine.getCursor(P, T, "0", DataHubEngine.CursorType.LATEST, 0).sequence())
                .isEqualTo(9_999);
    }

    @Test
    void sizeLimits() {
        tupleTopic(1);
        String big = "x".repeat(Values.MAX_STRING_BYTES + 1);
        assertError(
                () -> engine.putRecordsByShard(P, T, "0", List.of(tuple("1", big))),
                "MalformedRecord",
                400);
        engine.putRecordsByShard(P, T, "0", List.of(tuple("1", big.substring(1))));
        engine.createTopic(P, "b", blobSpec(1));
        byte[] huge = new byte[WriteOps.MAX_RECORD_BYTES + 1];
        assertError(
                () -> engine.putRecordsByShard(P, "b", "0", List.of(blob(huge))),
                "InvalidParameter",
                400);
    }

    @Test
    void valuesAreCanonicalised() {
        engine.createProject(P, "c");
        List<DataHubEngine.FieldSpec> fields = new ArrayList<>();
        for (String type : Names.FIELD_TYPES.stream().sorted().toList()) {
            fields.add(new DataHubEngine.FieldSpec("f_" + type.toLowerCase(), type, false, null));
        }
        engine.createTopic(
                P,
                T,
                new DataHubEngine.TopicSpec(
                        DataHubEngine.RecordType.TUPLE, 1, 1, null, fields, "", ""));
        // sorted: BIGINT BOOLEAN DECIMAL DOUBLE FLOAT INTEGER SMALLINT STRING TIMESTAMP TINYINT
        engine.putRecordsByShard(
                P,
                T,
                "0",
                List.of(
                        tuple(
                                "+007",
                                "True",
                                "10000.000100",
                                "1.5e+00",
                                "0.1",
                                "-0",
                                "12",
                                "s",
                                "1",
                                "-1"),
                        tuple("1", "1", "1E+3", "-2", "3", "4", "5", "", "0", "0"),
                        new PutRecord(
                                null,
                                null,
                                null,
                                Map.of("k", "v"),
                                Arrays.asList(
                                        null, "FALSE", null, null, null, null, null, null, null,
                                        null),
                                null)));
        List<StoredRecord> read = engine.getRecords(P, T, "0", oldest("0"), 10).records();
        assertThat(read.get(0).tupleValues())
                .containsExactly(
                        "7", "true", "10000.000100", "1.5e+00", "0.1", "0", "12", "s", "1", "-1");
        assertThat(read.get(1).tupleValues())
                .containsExactly("1", "true", "1E+3", "-2", "3", "4", "5", "", "0", "0");
        assertThat(read.get(2).tupleValues().get(1)).isEqualTo("false");
        assertThat(read.get(2).attributes()).containsEntry("k", "v");
        assertThat(engine.getTopic(P, T).recordSchemaJson())
                .startsWith("{\"fields\":[{\"name\":\"f_bigint\",\"type\":\"BIGINT\"}");
    }

    int count(String shardId) {
        return engine.getRecords(P, T, shardId, oldest(shardId), 1000).records().size();
    }

    List<String> values(String shardId) {
        return engine.getRecords(P, T, shardId, oldest(shardId), 1000).records().stream()
                .map(r -> r.tupleValues().get(1))
                .toList();
    }

    List<Long> sequences(String shardId) {
        return engine.getRecords(P, T, shardId, oldest(shardId), 1000).records().stream()
                .map(StoredRecord::sequence)
                .toList();
    }
}
