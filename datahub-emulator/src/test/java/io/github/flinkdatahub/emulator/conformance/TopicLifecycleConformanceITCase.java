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
import com.aliyun.datahub.client.exception.OperationDeniedException;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.GetTopicResult;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.putToShard;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK operations beyond the 12.B list that connectors and users rely on: schema evolution with
 * AppendField, topic/project updates and deletes, metering, HashKey/PartitionKey routing, and the
 * SEQUENCE cursor at the tail (latest + 1) that restarting consumers ask for.
 */
class TopicLifecycleConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static DatahubClient client(SdkMode mode, boolean withSignatures) {
        return EMULATORS.client(mode, withSignatures);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void appendFieldKeepsOlderRecordsReadable(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        RecordSchema before = allTypesSchema();
        putToShard(client, mode, project, topic, "0", List.of(tupleRecord(before, 0)));

        client.appendField(project, topic, new Field("f_added", FieldType.STRING));
        RecordSchema after = client.getTopic(project, topic).getRecordSchema();

        assertThat(after.getFields()).hasSize(11);
        assertThat(after.getField(10)).isEqualTo(new Field("f_added", FieldType.STRING));
        assertThat(after.getFields().subList(0, 10)).isEqualTo(before.getFields());
        RecordEntry newer = tupleRecord(after, 1);
        ((TupleRecordData) newer.getRecordData()).setField("f_added", "present");
        putToShard(client, mode, project, topic, "0", List.of(newer));
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords(project, topic, "0", after, cursor, 10);
        assertThat(read.getRecords())
                .extracting(r -> ((TupleRecordData) r.getRecordData()).getField("f_added"))
                .containsExactly(null, "present");

        RecordEntry stale = tupleRecord(before, 2);
        stale.setShardId("0");
        PutRecordsResult rejected = client.putRecords(project, topic, List.of(stale));
        assertThat(rejected.getFailedRecordCount()).isEqualTo(1);
        assertThat(rejected.getPutErrorEntries().get(0).getErrorcode())
                .isEqualTo("MalformedRecord");
        if (mode.binary()) {
            assertDataHubError(
                    () -> client.putRecordsByShard(project, topic, "0", List.of(stale)),
                    MalformedRecordException.class,
                    "MalformedRecord");
        }
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void updatesAndDeletes(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);

        client.updateProject(project, "updated project");
        client.updateTopic(project, topic, 5, "updated topic");
        GetTopicResult updated = client.getTopic(project, topic);

        assertThat(client.getProject(project).getComment()).isEqualTo("updated project");
        assertThat(updated.getLifeCycle()).isEqualTo(5);
        assertThat(updated.getComment()).isEqualTo("updated topic");
        assertThat(updated.getRecordSchema()).isEqualTo(allTypesSchema());
        assertDataHubError(
                () -> client.deleteProject(project),
                OperationDeniedException.class,
                "OperationDenied");

        client.deleteTopic(project, topic);
        assertDataHubError(
                () -> client.getTopic(project, topic),
                ResourceNotFoundException.class,
                "NoSuchTopic");
        assertThat(client.listTopic(project).getTopicNames()).isEmpty();
        client.deleteProject(project);
        assertDataHubError(
                () -> client.getProject(project), ResourceNotFoundException.class, "NoSuchProject");
        assertThat(client.listProject().getProjectNames()).doesNotContain(project);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void meteringNeedsData(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newBlobTopic(client, project, 1);

        assertDataHubError(
                () -> client.getMeterInfo(project, topic, "0"),
                ResourceNotFoundException.class,
                "NoSuchMeteringInfo");
        putBlobs(client, project, topic, List.of("metered"), r -> r.setShardId("0"));

        assertThat(client.getMeterInfo(project, topic, "0").getActiveTime()).isNotNegative();
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void hashKeyAndPartitionKeyRouting(SdkMode mode, boolean withSignatures) throws Exception {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newBlobTopic(client, project, 3);
        List<String> hashKeys =
                List.of(
                        "00000000000000000000000000000000",
                        "55555555555555555555555555555554",
                        "55555555555555555555555555555555",
                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
                        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE");
        List<String> partitionKeys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            partitionKeys.add("user-" + i);
        }
        List<List<String>> expected =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String hashKey : hashKeys) {
            expected.get(shardOf(hashKey)).add("hash:" + hashKey);
        }
        for (String key : partitionKeys) {
            expected.get(shardOf(md5(key))).add("pk:" + key);
        }

        for (String hashKey : hashKeys) {
            putBlobs(
                    client, project, topic, List.of("hash:" + hashKey), r -> r.setHashKey(hashKey));
        }
        for (String key : partitionKeys) {
            putBlobs(client, project, topic, List.of("pk:" + key), r -> r.setPartitionKey(key));
        }

        for (int shard = 0; shard < 3; shard++) {
            String id = String.valueOf(shard);
            String cursor = client.getCursor(project, topic, id, CursorType.OLDEST).getCursor();
            assertThat(client.getRecords(project, topic, id, cursor, 100).getRecords())
                    .as("shard %s", id)
                    .extracting(
                            r ->
                                    new String(
                                            ((BlobRecordData) r.getRecordData()).getData(),
                                            StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(expected.get(shard));
        }
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void sequenceCursorAtTheTail(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newBlobTopic(client, project, 1);
        putBlobs(client, project, topic, List.of("a", "b"), r -> r.setShardId("0"));

        String tail = client.getCursor(project, topic, "0", CursorType.SEQUENCE, 2).getCursor();

        assertThat(client.getRecords(project, topic, "0", tail, 10).getRecordCount()).isZero();
        putBlobs(client, project, topic, List.of("c"), r -> r.setShardId("0"));
        GetRecordsResult next = client.getRecords(project, topic, "0", tail, 10);
        assertThat(next.getRecords()).extracting(RecordEntry::getSequence).containsExactly(2L);
        assertThat(client.getCursor(project, topic, "0", CursorType.SEQUENCE, 1).getSequence())
                .isEqualTo(1L);
    }

    private static void putBlobs(
            DatahubClient client,
            String project,
            String topic,
            List<String> values,
            Consumer<RecordEntry> route) {
        List<RecordEntry> records = new ArrayList<>();
        for (String value : values) {
            RecordEntry record = new RecordEntry();
            record.setRecordData(new BlobRecordData(value.getBytes(StandardCharsets.UTF_8)));
            route.accept(record);
            records.add(record);
        }
        assertThat(client.putRecords(project, topic, records).getFailedRecordCount()).isZero();
    }

    /** Index of the initial 3-shard range {@code [begin, end)} holding {@code hashKey}. */
    private static int shardOf(String hashKey) {
        String key = hashKey.toUpperCase(Locale.ROOT);
        if (key.compareTo("55555555555555555555555555555555") < 0) {
            return 0;
        }
        return key.compareTo("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") < 0 ? 1 : 2;
    }

    private static String md5(String key) throws Exception {
        return HexFormat.of()
                .withUpperCase()
                .formatHex(
                        MessageDigest.getInstance("MD5")
                                .digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
