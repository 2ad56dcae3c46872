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
import com.aliyun.datahub.client.exception.MalformedRecordException;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.exception.SeekOutOfRangeException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetCursorResult;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.PutErrorEntry;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.assertSameValues;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.putToShard;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Checks B4-B10 (cursors, put and get in every body protocol and compression, tail reads,
 * per-record failures) of protocol section 12.B with the SDK.
 */
class RecordConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static DatahubClient client(SdkMode mode, boolean withSignatures) {
        return EMULATORS.client(mode, withSignatures);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b4CursorsOnAnEmptyShard(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);

        GetCursorResult oldest = client.getCursor(project, topic, "0", CursorType.OLDEST);

        assertThat(oldest.getSequence()).isZero();
        assertThat(oldest.getCursor()).isNotBlank();
        assertDataHubError(
                () -> client.getCursor(project, topic, "0", CursorType.SEQUENCE, 1),
                SeekOutOfRangeException.class,
                "SeekOutOfRange");
        assertDataHubError(
                () -> client.getCursor(project, topic, "7", CursorType.OLDEST),
                ResourceNotFoundException.class,
                "NoSuchShard");
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b5b6TupleRecordsRoundTripWithEveryType(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);
        RecordSchema schema = allTypesSchema();
        List<RecordEntry> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(tupleRecord(schema, i));
        }

        putToShard(client, mode, project, topic, "0", written);
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords(project, topic, "0", schema, cursor, 10);

        assertThat(read.getRecordCount()).isEqualTo(3);
        assertThat(read.getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactly(0L, 1L, 2L);
        assertThat(read.getStartSequence()).isZero();
        assertThat(read.getLatestSequence()).isEqualTo(2L);
        assertThat(read.getLatestTime()).isEqualTo(read.getRecords().get(2).getSystemTime());
        long previousTime = 0;
        for (int i = 0; i < 3; i++) {
            RecordEntry record = read.getRecords().get(i);
            assertThat(record.getSystemTime()).isGreaterThanOrEqualTo(previousTime).isPositive();
            previousTime = record.getSystemTime();
            assertThat(record.getAttributes())
                    .containsExactlyEntriesOf(written.get(i).getAttributes());
            assertSameValues(
                    (TupleRecordData) record.getRecordData(),
                    (TupleRecordData) written.get(i).getRecordData());
        }
        assertThat(
                        ((TupleRecordData) read.getRecords().get(1).getRecordData())
                                .getField("f_string"))
                .isNull();
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b7BlobBytesAndRoundRobinShardIds(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String blobTopic = newBlobTopic(client, project, 3);
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        RecordEntry blob = new RecordEntry();
        blob.setRecordData(new BlobRecordData(bytes));
        blob.setShardId("1");

        assertThat(client.putRecords(project, blobTopic, List.of(blob)).getFailedRecordCount())
                .isZero();
        String cursor = client.getCursor(project, blobTopic, "1", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords(project, blobTopic, "1", cursor, 10);

        assertThat(read.getRecordCount()).isEqualTo(1);
        assertThat(((BlobRecordData) read.getRecords().get(0).getRecordData()).getData())
                .isEqualTo(bytes);

        String tupleTopic = newTupleTopic(client, project, 3);
        List<RecordEntry> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RecordEntry record = tupleRecord(allTypesSchema(), i);
            record.setShardId(String.valueOf(i % 3));
            records.add(record);
        }
        assertThat(client.putRecords(project, tupleTopic, records).getFailedRecordCount()).isZero();
        String shard0 = client.getCursor(project, tupleTopic, "0", CursorType.OLDEST).getCursor();
        assertThat(
                        client.getRecords(project, tupleTopic, "0", allTypesSchema(), shard0, 100)
                                .getRecordCount())
                .isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b8ReadingAtTheTailReturnsTheSameCursorUntilDataArrives(
            SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        RecordSchema schema = allTypesSchema();
        putToShard(client, mode, project, topic, "0", List.of(tupleRecord(schema, 0)));
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        String tail = client.getRecords(project, topic, "0", schema, cursor, 10).getNextCursor();

        GetRecordsResult empty = client.getRecords(project, topic, "0", schema, tail, 10);

        assertThat(empty.getRecordCount()).isZero();
        assertThat(empty.getRecords()).isEmpty();
        assertThat(empty.getNextCursor()).isEqualTo(tail);

        putToShard(client, mode, project, topic, "0", List.of(tupleRecord(schema, 1)));
        GetRecordsResult next = client.getRecords(project, topic, "0", schema, tail, 10);

        assertThat(next.getRecordCount()).isEqualTo(1);
        assertThat(next.getRecords().get(0).getSequence()).isEqualTo(1L);
        assertThat(
                        ((TupleRecordData) next.getRecords().get(0).getRecordData())
                                .getField("f_bigint"))
                .isEqualTo(1_000_000_000_001L);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b9SystemTimeAndLatestCursors(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        RecordSchema schema = allTypesSchema();
        long t0 = System.currentTimeMillis();
        putToShard(
                client,
                mode,
                project,
                topic,
                "0",
                List.of(tupleRecord(schema, 0), tupleRecord(schema, 1), tupleRecord(schema, 2)));

        GetCursorResult first =
                client.getCursor(project, topic, "0", CursorType.SYSTEM_TIME, t0 - 1000);
        GetCursorResult latest = client.getCursor(project, topic, "0", CursorType.LATEST);

        assertThat(first.getSequence()).isZero();
        assertThat(first.getTimestamp()).isGreaterThanOrEqualTo(t0 - 1000);
        assertThat(latest.getSequence()).isEqualTo(2L);
        GetRecordsResult fromLatest =
                client.getRecords(project, topic, "0", schema, latest.getCursor(), 10);
        assertThat(fromLatest.getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactly(2L);
        assertDataHubError(
                () ->
                        client.getCursor(
                                project,
                                topic,
                                "0",
                                CursorType.SYSTEM_TIME,
                                System.currentTimeMillis() + 10_000),
                SeekOutOfRangeException.class,
                "SeekOutOfRange");
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b10PerRecordFailures(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);
        RecordSchema schema = allTypesSchema();

        assertAllFailed(client.putRecords(project, topic, tenRecordsTo("4")), "NoSuchShard");
        assertAllFailed(client.putRecords(project, topic, tenRecordsTo("AAA")), "InvalidShardId");

        RecordSchema wider = allTypesSchema();
        wider.addField(new Field("f_extra", FieldType.STRING));
        RecordEntry extraField = tupleRecord(wider, 0);
        ((TupleRecordData) extraField.getRecordData()).setField("f_extra", "surplus");
        extraField.setShardId("0");
        RecordEntry blob = new RecordEntry();
        blob.setRecordData(new BlobRecordData("blob".getBytes(StandardCharsets.UTF_8)));
        blob.setShardId("0");
        RecordEntry good = tupleRecord(schema, 1);
        good.setShardId("0");

        PutRecordsResult mixed = client.putRecords(project, topic, List.of(extraField, good, blob));

        assertThat(mixed.getFailedRecordCount()).isEqualTo(2);
        assertThat(mixed.getPutErrorEntries())
                .extracting(PutErrorEntry::getIndex, PutErrorEntry::getErrorcode)
                .containsExactlyInAnyOrder(
                        tuple(0, "MalformedRecord"), tuple(2, "MalformedRecord"));
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        assertThat(client.getRecords(project, topic, "0", schema, cursor, 10).getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactly(0L);
        if (mode.binary()) {
            assertDataHubError(
                    () -> client.putRecordsByShard(project, topic, "1", List.of(extraField)),
                    MalformedRecordException.class,
                    "MalformedRecord");
        }
    }

    private static List<RecordEntry> tenRecordsTo(String shardId) {
        List<RecordEntry> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RecordEntry record = tupleRecord(allTypesSchema(), i);
            record.setShardId(shardId);
            records.add(record);
        }
        return records;
    }

    private static void assertAllFailed(PutRecordsResult result, String errorCode) {
        assertThat(result.getFailedRecordCount()).isEqualTo(10);
        assertThat(result.getPutErrorEntries())
                .extracting(PutErrorEntry::getErrorcode)
                .containsOnly(errorCode);
        assertThat(result.getPutErrorEntries())
                .extracting(PutErrorEntry::getIndex)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
