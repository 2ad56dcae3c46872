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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;
import io.github.flinkdatahub.emulator.engine.EngineOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GetRecords encoders that copy stored bytes ({@link PbReadEncoder}, {@link JsonReadEncoder})
 * produce exactly the bytes of the message- and tree-based reference ({@link RecordCodec#readPb},
 * {@link RecordCodec#readJson}) for every kind of stored record.
 */
class ReadEncodersTest {

    private static final String P = "project_a";

    private final DataHubEngine engine = DataHubEngine.open(EngineOptions.defaults());

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private static List<FieldSpec> twoFields() {
        return List.of(
                new FieldSpec("id", "BIGINT", true, null),
                new FieldSpec("name", "STRING", false, null));
    }

    private void topic(String name, RecordType type) {
        if (engine.listProjects(null).isEmpty()) {
            engine.createProject(P, "c");
        }
        String schema =
                "{\"fields\":[{\"name\":\"id\",\"type\":\"BIGINT\",\"notnull\":true},"
                        + "{\"name\":\"name\",\"type\":\"STRING\"}]}";
        engine.createTopic(
                P,
                name,
                type == RecordType.TUPLE
                        ? new TopicSpec(type, 1, 1, schema, twoFields(), "c", "")
                        : new TopicSpec(type, 1, 1, null, List.of(), "c", ""));
    }

    private static PutRecord tuple(Map<String, String> attrs, String... values) {
        return new PutRecord(null, null, null, attrs, Arrays.asList(values), null);
    }

    private void assertSameBytes(String topic, RecordType type, int limit) {
        String cursor = engine.getCursor(P, topic, "0", CursorType.OLDEST, 0).cursor();
        for (int from = 0; from < 2; from++) {
            var raw = engine.getRecordsRaw(P, topic, "0", cursor, limit);
            var decoded = engine.getRecords(P, topic, "0", cursor, limit);
            assertThat(raw.records()).hasSameSizeAs(decoded.records());
            assertThat(PbReadEncoder.frame(raw, type))
                    .isEqualTo(PbFrame.encode(RecordCodec.readPb(decoded, type)));
            assertThat(new String(JsonReadEncoder.body(raw, type)))
                    .isEqualTo(new String(Json.bytes(RecordCodec.readJson(decoded, type))));
            cursor = decoded.nextCursor(); // the second round reads past the end: no records
        }
    }

    @Test
    void tupleRecordsWithAttributesNullsAndEscapes() {
        topic("tuples", RecordType.TUPLE);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("z-key", "v\"1\\\n");
        attrs.put("ä", "€ 😀");
        List<PutRecord> records = new ArrayList<>();
        records.add(tuple(Map.of(), "1", "plain"));
        records.add(tuple(attrs, "+2", null));
        records.add(tuple(Map.of(), "3", ""));
        records.add(tuple(Map.of("k", ""), "-4", "tab\tcontrol\u0001 ünïcödé 😀 \u2028"));
        records.add(tuple(Map.of(), "5", "x".repeat(300)));
        engine.putRecordsByShard(P, "tuples", "0", records);
        assertSameBytes("tuples", RecordType.TUPLE, 1000);
        assertSameBytes("tuples", RecordType.TUPLE, 2);
    }

    @Test
    void recordsWrittenBeforeAnAppendFieldAndBatchesOfAnotherVersion() {
        topic("evolving", RecordType.TUPLE);
        engine.putRecordsByShard(P, "evolving", "0", List.of(tuple(Map.of(), "1", "old")));
        engine.putBatchesByShard(
                P,
                "evolving",
                "0",
                List.of(
                        List.of(
                                new BatchRecord(0, Map.of("a", "b"), Arrays.asList("2", "x"), null),
                                new BatchRecord(0, Map.of(), Arrays.asList("3", null), null))),
                null);
        engine.appendFields(P, "evolving", List.of(new FieldSpec("more", "STRING", false, null)));
        int version =
                engine.registerSchema(
                        P,
                        "evolving",
                        "{\"fields\":[{\"name\":\"more\",\"type\":\"STRING\"},"
                                + "{\"name\":\"id\",\"type\":\"BIGINT\"}]}",
                        List.of(
                                new FieldSpec("more", "STRING", false, null),
                                new FieldSpec("id", "BIGINT", false, null)));
        engine.putBatchesByShard(
                P,
                "evolving",
                "0",
                List.of(List.of(new BatchRecord(version, Map.of(), Arrays.asList("m", "7"), null))),
                null);
        engine.putRecordsByShard(P, "evolving", "0", List.of(tuple(Map.of(), "8", "new", "third")));
        assertSameBytes("evolving", RecordType.TUPLE, 1000);
    }

    @Test
    void blobRecords() {
        topic("blobs", RecordType.BLOB);
        byte[] bytes = new byte[517];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        engine.putRecordsByShard(
                P,
                "blobs",
                "0",
                List.of(
                        new PutRecord(null, null, null, Map.of("k", "v"), null, bytes),
                        new PutRecord(null, null, null, Map.of(), null, new byte[0]),
                        new PutRecord(null, null, null, null, null, new byte[] {1})));
        engine.putBatchesByShard(
                P,
                "blobs",
                "0",
                List.of(List.of(new BatchRecord(-1, Map.of(), null, new byte[] {4, 5, 6}))),
                null);
        assertSameBytes("blobs", RecordType.BLOB, 1000);
    }
}
