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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordSchemaInfo;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch-written data and registered schemas survive {@code kill -9} of the emulator process (the
 * CLI in its own JVM, durable on a data directory): every acknowledged batch comes back once, its
 * records sharing one sequence, sequences contiguous; the registry keeps its versions and ids.
 */
class BatchDurabilityITCase {

    private static final String PROJECT = "batchdurable";
    private static final String TOPIC = "events";
    private static final int BATCH = 5;

    @TempDir Path dataDir;

    private static RecordSchema schema() {
        RecordSchema s = new RecordSchema();
        s.addField(new Field("id", FieldType.STRING));
        s.addField(new Field("n", FieldType.BIGINT));
        return s;
    }

    private static RecordSchema v1() {
        RecordSchema s = schema();
        s.addField(new Field("extra", FieldType.DOUBLE));
        return s;
    }

    private static List<RecordEntry> batch(RecordSchema schema, String prefix) {
        List<RecordEntry> out = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            TupleRecordData d = new TupleRecordData(schema);
            d.setField("id", prefix + "-" + i);
            d.setField("n", (long) i);
            RecordEntry e = new RecordEntry();
            e.setRecordData(d);
            e.addAttribute("batch", prefix);
            out.add(e);
        }
        return out;
    }

    @Test
    void batchesAndSchemasSurviveSigkill() throws Exception {
        EmulatorProcess process = EmulatorProcess.start(dataDir);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try {
            DatahubClient admin = SdkMode.PROTOBUF.client(process.endpoint());
            admin.createProject(PROJECT, "batch durability");
            admin.createTopic(PROJECT, TOPIC, 1, 7, RecordType.TUPLE, schema(), "events");
            assertThat(admin.registerTopicSchema(PROJECT, TOPIC, v1()).getVersionId()).isEqualTo(1);
            RecordSchema v2 = v1();
            v2.addField(new Field("gone", FieldType.STRING));
            assertThat(admin.registerTopicSchema(PROJECT, TOPIC, v2).getVersionId()).isEqualTo(2);
            admin.deleteTopicSchema(PROJECT, TOPIC, 2);
            DatahubClient registry = BatchClients.registry(process.endpoint(), CompressType.LZ4);
            registry.putRecordsByShard(PROJECT, TOPIC, "0", batch(v1(), "v1"));
            acknowledged.add("v1");

            DatahubClient writer = BatchClients.batch(process.endpoint(), CompressType.DEFLATE);
            AtomicBoolean killing = new AtomicBoolean();
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            Thread t =
                    new Thread(
                            () -> {
                                for (int b = 0; ; b++) {
                                    try {
                                        writer.putRecordsByShard(
                                                PROJECT, TOPIC, "0", batch(schema(), "b" + b));
                                        acknowledged.add("b" + b);
                                    } catch (RuntimeException e) {
                                        if (!killing.get()) {
                                            unexpected.add(e);
                                        }
                                        return;
                                    }
                                }
                            });
            t.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (acknowledged.size() < 50 && System.nanoTime() < deadline && t.isAlive()) {
                Thread.sleep(5); // polling with a deadline
            }
            killing.set(true);
            process.kill();
            t.join(30_000);
            assertThat(unexpected).isEmpty();
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(50);
        } finally {
            process.close();
        }

        process = EmulatorProcess.start(dataDir);
        try {
            DatahubClient admin = SdkMode.PROTOBUF.client(process.endpoint());
            assertThat(admin.listTopicSchema(PROJECT, TOPIC).getRecordSchemaInfoList())
                    .extracting(RecordSchemaInfo::getVersionId)
                    .containsExactly(0L, 1L);
            assertThat(admin.getTopicSchema(PROJECT, TOPIC, 1).getRecordSchema()).isEqualTo(v1());
            assertThat(admin.registerTopicSchema(PROJECT, TOPIC, schema()).getVersionId()).isZero();

            Map<Long, List<RecordEntry>> bySequence =
                    readAll(BatchClients.registry(process.endpoint(), CompressType.NONE));
            List<String> batches = new ArrayList<>();
            long expected = 0;
            for (Map.Entry<Long, List<RecordEntry>> e : bySequence.entrySet()) {
                assertThat(e.getKey()).as("contiguous sequences").isEqualTo(expected++);
                assertThat(e.getValue()).hasSize(BATCH);
                String name = e.getValue().get(0).getAttributes().get("batch");
                for (int i = 0; i < BATCH; i++) {
                    RecordEntry r = e.getValue().get(i);
                    assertThat(r.getAttributes()).containsEntry("batch", name);
                    assertThat(((TupleRecordData) r.getRecordData()).getField("id"))
                            .isEqualTo(name + "-" + i);
                }
                batches.add(name);
            }
            // every acknowledged batch once, in order; at most one unacknowledged one after them
            assertThat(batches.subList(0, acknowledged.size())).isEqualTo(acknowledged);
            assertThat(batches.size()).isBetween(acknowledged.size(), acknowledged.size() + 1);
            assertThat(bySequence.get(0L).get(0).getSchemaVersionId()).isEqualTo(1);
        } finally {
            process.close();
        }
    }

    private static Map<Long, List<RecordEntry>> readAll(DatahubClient client) {
        Map<Long, List<RecordEntry>> out = new LinkedHashMap<>();
        String cursor = client.getCursor(PROJECT, TOPIC, "0", CursorType.OLDEST).getCursor();
        while (true) {
            GetRecordsResult r = client.getRecords(PROJECT, TOPIC, "0", cursor, 1000);
            if (r.getRecordCount() == 0) {
                return out;
            }
            for (RecordEntry e : r.getRecords()) {
                out.computeIfAbsent(e.getSequence(), k -> new ArrayList<>()).add(e);
            }
            cursor = r.getNextCursor();
        }
    }
}
