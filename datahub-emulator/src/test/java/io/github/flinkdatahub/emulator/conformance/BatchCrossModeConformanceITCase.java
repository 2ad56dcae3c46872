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

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.DatahubClientException;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.flinkdatahub.emulator.conformance.BatchModeConformanceITCase.oldest;
import static io.github.flinkdatahub.emulator.conformance.BatchModeConformanceITCase.records;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.assertSameValues;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.putToShard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data written in one mode is readable in every other (section 6.4): batch-written records read in
 * PB and JSON mode as per-record entries sharing their batch's sequence; PB- and JSON-written
 * records read in batch mode as one-record batches; {@code Limit} counts records but never splits a
 * batch; subscription offsets carry the batch index.
 */
class BatchCrossModeConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(true, null);

    private static String endpoint() {
        return EMULATOR.emulator().endpoint();
    }

    @ParameterizedTest(name = "read in {0}")
    @EnumSource(
            value = SdkMode.class,
            names = {"JSON", "PROTOBUF", "PROTOBUF_LZ4"})
    void batchWrittenRecordsReadPerRecordSharingTheBatchSequence(SdkMode mode) {
        DatahubClient batch = BatchClients.batch(endpoint(), CompressType.LZ4);
        String project = newProject(batch);
        String topic = newTupleTopic(batch, project, 1);
        RecordSchema schema = allTypesSchema();
        List<RecordEntry> written = records(schema, 0, 3);
        written.addAll(records(schema, 3, 2));
        batch.putRecordsByShard(project, topic, "0", written.subList(0, 3));
        batch.putRecordsByShard(project, topic, "0", written.subList(3, 5));
        DatahubClient reader = mode.client(endpoint());

        GetRecordsResult read =
                reader.getRecords(project, topic, "0", schema, oldest(reader, project, topic), 100);

        assertThat(read.getRecordCount()).isEqualTo(5);
        List<RecordEntry> got = read.getRecords();
        for (int i = 0; i < 5; i++) {
            assertSameValues(
                    (TupleRecordData) got.get(i).getRecordData(),
                    (TupleRecordData) written.get(i).getRecordData());
            assertThat(got.get(i).getAttributes()).containsEntry("attrKey", "attrVal" + i);
            assertThat(got.get(i).getSequence()).isEqualTo(i < 3 ? 0 : 1);
        }
        assertThat(got.get(0).getCursor()).isEqualTo(got.get(2).getCursor());
        assertThat(read.getNextCursor())
                .isEqualTo(
                        reader.getCursor(project, topic, "0", CursorType.SEQUENCE, 2).getCursor());
    }

    @Test
    void limitCountsRecordsButNeverSplitsABatch() {
        DatahubClient batch = BatchClients.batch(endpoint(), CompressType.NONE);
        String project = newProject(batch);
        String topic = newTupleTopic(batch, project, 1);
        RecordSchema schema = allTypesSchema();
        batch.putRecordsByShard(project, topic, "0", records(schema, 0, 3));
        batch.putRecordsByShard(project, topic, "0", records(schema, 3, 2));
        DatahubClient pb = SdkMode.PROTOBUF.client(endpoint());
        String start = oldest(pb, project, topic);

        // Limit 2 < first batch: the first batch is still returned whole.
        assertThat(pb.getRecords(project, topic, "0", schema, start, 2).getRecordCount())
                .isEqualTo(3);
        // Limit 4: the second batch (2 records) would pass it, so it waits for the next read.
        GetRecordsResult four = pb.getRecords(project, topic, "0", schema, start, 4);
        assertThat(four.getRecordCount()).isEqualTo(3);
        GetRecordsResult rest = pb.getRecords(project, topic, "0", schema, four.getNextCursor(), 4);
        assertThat(rest.getRecords()).extracting(RecordEntry::getSequence).containsExactly(1L, 1L);
        // Batch reads count the same way.
        assertThat(batch.getRecords(project, topic, "0", schema, start, 4).getRecordCount())
                .isEqualTo(3);
        assertThat(batch.getRecords(project, topic, "0", schema, start, 5).getRecordCount())
                .isEqualTo(5);
    }

    @ParameterizedTest(name = "written in {0}")
    @EnumSource(
            value = SdkMode.class,
            names = {"JSON", "PROTOBUF"})
    void singlyWrittenRecordsReadInBatchModeAsOneRecordBatches(SdkMode mode) {
        DatahubClient writer = mode.client(endpoint());
        String project = newProject(writer);
        String topic = newTupleTopic(writer, project, 1);
        RecordSchema schema = allTypesSchema();
        List<RecordEntry> written = records(schema, 0, 3);
        putToShard(writer, mode, project, topic, "0", written);
        DatahubClient batch = BatchClients.batch(endpoint(), CompressType.LZ4);

        GetRecordsResult read =
                batch.getRecords(project, topic, "0", schema, oldest(batch, project, topic), 2);

        assertThat(read.getRecords()).extracting(RecordEntry::getSequence).containsExactly(0L, 1L);
        List<RecordEntry> all = new ArrayList<>(read.getRecords());
        all.addAll(
                batch.getRecords(project, topic, "0", schema, read.getNextCursor(), 10)
                        .getRecords());
        assertThat(all).extracting(RecordEntry::getSequence).containsExactly(0L, 1L, 2L);
        for (int i = 0; i < 3; i++) {
            assertSameValues(
                    (TupleRecordData) all.get(i).getRecordData(),
                    (TupleRecordData) written.get(i).getRecordData());
            assertThat(all.get(i).getAttributes()).containsEntry("attrKey", "attrVal" + i);
            assertThat(all.get(i).getSegmentIndexForBatch()).isZero();
            assertThat(all.get(i).getSegmentSizeForBatch()).isEqualTo(1);
        }
    }

    @Test
    void batchesWrittenBeforeAnAppendFieldReadWithTheNewFieldNull() {
        DatahubClient batch = BatchClients.batch(endpoint(), CompressType.LZ4);
        String project = newProject(batch);
        String topic = newTupleTopic(batch, project, 1);
        List<RecordEntry> before = records(allTypesSchema(), 0, 2);
        batch.putRecordsByShard(project, topic, "0", before);
        batch.appendField(project, topic, new Field("added", FieldType.STRING));
        RecordSchema grown = batch.getTopic(project, topic).getRecordSchema();
        TupleRecordData after = new TupleRecordData(grown);
        after.setField("f_bigint", 7L);
        after.setField("added", "new");
        RecordEntry entry = new RecordEntry();
        entry.setRecordData(after);
        batch.putRecordsByShard(project, topic, "0", List.of(entry));

        List<RecordEntry> read =
                batch.getRecords(project, topic, "0", grown, oldest(batch, project, topic), 10)
                        .getRecords();

        assertThat(read).hasSize(3);
        for (int i = 0; i < 2; i++) {
            TupleRecordData d = (TupleRecordData) read.get(i).getRecordData();
            TupleRecordData w = (TupleRecordData) before.get(i).getRecordData();
            for (int f = 0; f < w.getRecordSchema().getFields().size(); f++) {
                assertThat(d.getField(f)).isEqualTo(w.getField(f));
            }
            assertThat(d.getField("added")).isNull();
        }
        assertThat(((TupleRecordData) read.get(2).getRecordData()).getField("added"))
                .isEqualTo("new");
    }

    @Test
    void subscriptionOffsetsCarryTheBatchIndex() {
        DatahubClient batch = BatchClients.batch(endpoint(), CompressType.LZ4);
        String project = newProject(batch);
        String topic = newTupleTopic(batch, project, 1);
        batch.putRecordsByShard(project, topic, "0", records(allTypesSchema(), 0, 3));
        String subId = batch.createSubscription(project, topic, "batch").getSubId();
        SubscriptionOffset open =
                batch.openSubscriptionSession(project, topic, subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        RecordEntry third =
                batch.getRecords(
                                project,
                                topic,
                                "0",
                                allTypesSchema(),
                                oldest(batch, project, topic),
                                10)
                        .getRecords()
                        .get(2);
        SubscriptionOffset commit = new SubscriptionOffset();
        commit.setSequence(third.getSequence());
        commit.setTimestamp(third.getSystemTime());
        commit.setBatchIndex(third.getSegmentIndexForBatch());
        commit.setVersionId(open.getVersionId());
        commit.setSessionId(open.getSessionId());

        batch.commitSubscriptionOffset(project, topic, subId, Map.of("0", commit));

        SubscriptionOffset got =
                batch.getSubscriptionOffset(project, topic, subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(got.getSequence()).isZero();
        assertThat(got.getBatchIndex()).isEqualTo(2);
        SubscriptionOffset reset = new SubscriptionOffset();
        reset.setSequence(0);
        reset.setTimestamp(third.getSystemTime());
        reset.setBatchIndex(1);
        batch.resetSubscriptionOffset(project, topic, subId, Map.of("0", reset));
        assertThat(
                        batch.getSubscriptionOffset(project, topic, subId, List.of("0"))
                                .getOffsets()
                                .get("0")
                                .getBatchIndex())
                .isEqualTo(1);
    }

    @Test
    void topicLevelPutIsNotABatchCall() {
        DatahubClient batch = BatchClients.batch(endpoint(), CompressType.LZ4);
        String project = newProject(batch);
        String topic = newTupleTopic(batch, project, 1);
        // The SDK refuses client-side; the emulator refuses a raw topic-level batch put too
        // (BatchRawProtocolITCase).
        assertThatThrownBy(() -> batch.putRecords(project, topic, records(allTypesSchema(), 0, 1)))
                .isInstanceOf(DatahubClientException.class)
                .hasMessageContaining("putRecordsByShard");
    }
}
