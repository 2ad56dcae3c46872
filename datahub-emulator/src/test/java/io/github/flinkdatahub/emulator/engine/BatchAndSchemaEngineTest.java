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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch mode and the schema registry on the engine: one sequence per batch, reads in both shapes,
 * validation against the named schema version, and durability of batches and schemas across an
 * abrupt stop and a compaction.
 */
class BatchAndSchemaEngineTest extends EngineFixture {

    @TempDir Path dir;

    private final List<DataHubEngine> abandoned = new ArrayList<>();

    private static BatchRecord rec(int version, String... values) {
        return new BatchRecord(version, Map.of("a", "b"), Arrays.asList(values), null);
    }

    private static List<FieldSpec> wide() {
        return List.of(
                new FieldSpec("name", "STRING", false, null),
                new FieldSpec("id", "BIGINT", true, null),
                new FieldSpec("flag", "BOOLEAN", false, null));
    }

    @Test
    void aBatchTakesOneSequenceSharedByItsRecords() {
        tupleTopic(1);
        engine.putBatchesByShard(
                P,
                T,
                "0",
                List.of(List.of(rec(0, "1", "a"), rec(0, "2", null)), List.of(rec(0, "3", "c"))),
                null);
        put("0", 1, 9);

        ReadResult read = engine.getRecords(P, T, "0", oldest("0"), 100);
        assertThat(read.records())
                .extracting(StoredRecord::sequence)
                .containsExactly(0L, 0L, 1L, 2L);
        assertThat(read.records().get(1).tupleValues()).containsExactly("2", null);
        assertThat(read.records().get(0).attributes()).containsEntry("a", "b");

        BatchReadResult batches = engine.getBatches(P, T, "0", oldest("0"), 100);
        assertThat(batches.batches()).hasSize(3);
        assertThat(batches.batches().get(0).records()).hasSize(2);
        assertThat(batches.batches().get(2).records())
                .singleElement()
                .satisfies(r -> assertThat(r.schemaVersion()).isZero());
        assertThat(batches.schemas()).containsOnlyKeys(0);
        assertThat(batches.latestSequence()).isEqualTo(2);
    }

    @Test
    void theClientsWireFormIsServedUntilTheLayoutChanges() {
        tupleTopic(1);
        byte[] wire = {9, 8, 7};
        engine.putBatchesByShard(P, T, "0", List.of(List.of(rec(0, "1", "a"))), List.of(wire));

        var kept = engine.getBatches(P, T, "0", oldest("0"), 10).batches().get(0);
        assertThat(kept.wire()).isEqualTo(wire);
        assertThat(kept.records()).isNull();
        assertThat(kept.recordCount()).isEqualTo(1);
        engine.appendFields(P, T, List.of(new FieldSpec("more", "STRING", false, null)));
        var reencoded = engine.getBatches(P, T, "0", oldest("0"), 10).batches().get(0);
        assertThat(reencoded.wire()).isNull();
        assertThat(reencoded.records().get(0).tupleValues()).containsExactly("1", "a", null);
    }

    @Test
    void recordsAreValidatedAgainstTheVersionTheyName() {
        tupleTopic(1);
        assertError(
                () -> engine.putBatchesByShard(P, T, "0", List.of(List.of(rec(3, "1", "a"))), null),
                "MalformedRecord",
                400);
        assertError(
                () ->
                        engine.putBatchesByShard(
                                P, T, "0", List.of(List.of(rec(0, null, "a"))), null),
                "MalformedRecord",
                400);
        assertError(
                () ->
                        engine.putBatchesByShard(
                                P,
                                T,
                                "0",
                                List.of(List.of(new BatchRecord(-1, Map.of(), null, new byte[1]))),
                                null),
                "MalformedRecord",
                400);
        int v1 = engine.registerSchema(P, T, null, wide());
        assertThat(v1).isEqualTo(1);
        engine.putBatchesByShard(P, T, "0", List.of(List.of(rec(1, "n", "7", "1"))), null);
        // read per record in the topic's layout: matched by name, unknown fields dropped
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records().get(0).tupleValues())
                .containsExactly("7", "n");
        BatchReadResult batch = engine.getBatches(P, T, "0", oldest("0"), 10);
        assertThat(batch.batches().get(0).records().get(0).tupleValues())
                .containsExactly("n", "7", "true");
        assertThat(batch.schemas().get(1)).isEqualTo(wide());
        engine.deleteSchema(P, T, 1);
        assertError(
                () ->
                        engine.putBatchesByShard(
                                P, T, "0", List.of(List.of(rec(1, "n", "7", "1"))), null),
                "MalformedRecord",
                400);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records()).hasSize(1);
    }

    @Test
    void batchesAndSchemasSurviveAnAbruptStopAndCompaction() {
        engine.close();
        engine = durable();
        tupleTopic(1);
        int v1 = engine.registerSchema(P, T, null, wide());
        int v2 =
                engine.registerSchema(
                        P,
                        T,
                        "{\"fields\":[{\"name\":\"x\",\"type\":\"STRING\"}]}",
                        List.of(new FieldSpec("x", "STRING", false, null)));
        engine.deleteSchema(P, T, v2);
        engine.putBatchesByShard(
                P, T, "0", List.of(List.of(rec(0, "1", "a"), rec(v1, "n", "2", "0"))), null);
        put("0", 2, 5);
        var schemasBefore = engine.listSchemas(P, T, -1, -1);
        ReadResult before = engine.getRecords(P, T, "0", oldest("0"), 100);

        engine = durable(); // abandoned, as after kill -9
        assertThat(engine.listSchemas(P, T, -1, -1)).isEqualTo(schemasBefore);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 100)).isEqualTo(before);

        ((EngineImpl) engine).coreForTests().compact();
        engine = durable();
        assertThat(engine.listSchemas(P, T, -1, -1)).isEqualTo(schemasBefore);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 100)).isEqualTo(before);
        assertThat(engine.getBatches(P, T, "0", oldest("0"), 100).batches()).hasSize(3);
        assertThat(
                        engine.registerSchema(
                                P, T, null, List.of(new FieldSpec("y", "STRING", false, null))))
                .as("deleted ids stay used after recovery")
                .isEqualTo(3);
    }

    @Override
    void closeEngine() {
        abandoned.forEach(DataHubEngine::close);
        engine.close();
    }

    private DataHubEngine durable() {
        DataHubEngine e = DataHubEngine.open(options().dataDir(dir).build());
        abandoned.add(e);
        return e;
    }
}
