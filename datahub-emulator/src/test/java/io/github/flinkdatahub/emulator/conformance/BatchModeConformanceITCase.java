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

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.LimitExceededException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.assertSameValues;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check B15 of protocol section 12.B: batch binary mode round trips through the official Java SDK
 * in every compression, TUPLE with every field type and nulls, BLOB, attributes, and the sequence
 * semantics of section 6.4 (one put batch = one sequence shared by its records).
 */
class BatchModeConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(true, null);

    private static String endpoint() {
        return EMULATOR.emulator().endpoint();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CompressType.class)
    void tupleBatchesRoundTripAndShareOneSequencePerPut(CompressType compression) {
        DatahubClient batch = BatchClients.batch(endpoint(), compression);
        String project = newProject(batch);
        String topic = newTupleTopic(batch, project, 1);
        RecordSchema schema = allTypesSchema();
        List<RecordEntry> first = records(schema, 0, 3);
        List<RecordEntry> second = records(schema, 3, 2);

        batch.putRecordsByShard(project, topic, "0", first);
        batch.putRecordsByShard(project, topic, "0", second);
        GetRecordsResult read =
                batch.getRecords(project, topic, "0", schema, oldest(batch, project, topic), 100);

        List<RecordEntry> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(read.getRecords()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            RecordEntry r = read.getRecords().get(i);
            assertSameValues(
                    (TupleRecordData) r.getRecordData(),
                    (TupleRecordData) all.get(i).getRecordData());
            assertThat(r.getAttributes()).containsEntry("attrKey", "attrVal" + i);
            assertThat(r.getSequence()).as("sequence of record %s", i).isEqualTo(i < 3 ? 0 : 1);
            assertThat(r.getSegmentIndexForBatch()).isEqualTo(i < 3 ? i : i - 3);
            assertThat(r.getShardId()).isEqualTo("0");
        }
        assertThat(read.getStartSequence()).isZero();
        assertThat(read.getLatestSequence()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CompressType.class)
    void blobBatchesRoundTrip(CompressType compression) {
        DatahubClient batch = BatchClients.batch(endpoint(), compression);
        String project = newProject(batch);
        String topic = newBlobTopic(batch, project, 1);
        List<RecordEntry> records = new ArrayList<>();
        byte[] big = new byte[5000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 7);
        }
        for (byte[] data :
                List.of(
                        "blobdata".getBytes(StandardCharsets.UTF_8),
                        new byte[] {1, 2},
                        big,
                        new byte[0])) {
            RecordEntry e = new RecordEntry();
            e.setRecordData(new BlobRecordData(data));
            e.addAttribute("k", "v" + data.length);
            records.add(e);
        }

        batch.putRecordsByShard(project, topic, "0", records);
        GetRecordsResult read =
                batch.getRecords(project, topic, "0", oldest(batch, project, topic), 10);

        assertThat(read.getRecords()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            byte[] expected = ((BlobRecordData) records.get(i).getRecordData()).getData();
            RecordEntry r = read.getRecords().get(i);
            assertThat(((BlobRecordData) r.getRecordData()).getData()).isEqualTo(expected);
            assertThat(r.getAttributes()).containsEntry("k", "v" + expected.length);
            assertThat(r.getSequence()).isZero();
        }
    }

    @Test
    void batchPutsCountAgainstThePerShardWriteLimit() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));
        try (DataHubEmulator limited =
                DataHubEmulator.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .clock(clock)
                        .perShardWriteQps(1)
                        .build()
                        .start()) {
            DatahubClient batch = BatchClients.batch(limited.endpoint(), CompressType.LZ4);
            String project = newProject(batch);
            String topic = newTupleTopic(batch, project, 1);
            List<RecordEntry> records = records(allTypesSchema(), 0, 2);

            batch.putRecordsByShard(project, topic, "0", records);
            assertDataHubError(
                    () -> batch.putRecordsByShard(project, topic, "0", records),
                    LimitExceededException.class,
                    "LimitExceeded");
            clock.advance(Duration.ofSeconds(1));
            batch.putRecordsByShard(project, topic, "0", records);
            assertThat(
                            batch.getRecords(
                                            project,
                                            topic,
                                            "0",
                                            allTypesSchema(),
                                            oldest(batch, project, topic),
                                            10)
                                    .getRecords())
                    .hasSize(4);
        }
    }

    static String oldest(DatahubClient client, String project, String topic) {
        return client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
    }

    static List<RecordEntry> records(RecordSchema schema, int from, int count) {
        List<RecordEntry> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(tupleRecord(schema, i));
        }
        return out;
    }
}
