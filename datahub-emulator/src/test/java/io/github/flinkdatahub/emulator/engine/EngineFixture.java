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

import io.github.flinkdatahub.emulator.ManualClock;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Base of engine tests: an in-memory engine on a manual clock plus record helpers. */
abstract class EngineFixture {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String P = "proj";
    static final String T = "topic";

    final ManualClock clock = new ManualClock(START);
    DataHubEngine engine = DataHubEngine.open(options().build());

    EngineOptions.Builder options() {
        return EngineOptions.builder().clock(clock).retentionCheckInterval(Duration.ZERO);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    static List<FieldSpec> twoFields() {
        return List.of(
                new FieldSpec("id", "BIGINT", true, null),
                new FieldSpec("name", "STRING", false, "a name"));
    }

    static TopicSpec tupleSpec(int shards) {
        return new TopicSpec(
                RecordType.TUPLE,
                shards,
                3,
                "{\"fields\":[{\"name\":\"id\",\"type\":\"BIGINT\",\"notnull\":true},"
                        + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"a name\"}]}",
                twoFields(),
                "c",
                "");
    }

    static TopicSpec blobSpec(int shards) {
        return new TopicSpec(RecordType.BLOB, shards, 1, null, List.of(), "c", "");
    }

    void tupleTopic(int shards) {
        engine.createProject(P, "c");
        engine.createTopic(P, T, tupleSpec(shards));
    }

    void blobTopic(int shards) {
        engine.createProject(P, "c");
        engine.createTopic(P, T, blobSpec(shards));
    }

    static PutRecord tuple(String... values) {
        return new PutRecord(null, null, null, Map.of(), Arrays.asList(values), null);
    }

    static PutRecord tupleTo(String shardId, String... values) {
        return new PutRecord(shardId, null, null, Map.of(), Arrays.asList(values), null);
    }

    static PutRecord blob(byte[] data) {
        return new PutRecord(null, null, null, null, null, data);
    }

    static List<PutRecord> tuples(int n, int from) {
        List<PutRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(tuple(Integer.toString(from + i), "v" + (from + i)));
        }
        return out;
    }

    void put(String shardId, int n, int from) {
        engine.putRecordsByShard(P, T, shardId, tuples(n, from));
    }

    String oldest(String shardId) {
        return engine.getCursor(P, T, shardId, DataHubEngine.CursorType.OLDEST, 0).cursor();
    }

    static void assertError(ThrowingCallable call, String code, int status) {
        assertThatThrownBy(call)
                .isInstanceOf(EngineException.class)
                .satisfies(
                        e -> {
                            EngineException ee = (EngineException) e;
                            org.assertj.core.api.Assertions.assertThat(ee.errorCode())
                                    .as("error code of: %s", ee.getMessage())
                                    .isEqualTo(code);
                            org.assertj.core.api.Assertions.assertThat(ee.httpStatus())
                                    .isEqualTo(status);
                        });
    }
}
