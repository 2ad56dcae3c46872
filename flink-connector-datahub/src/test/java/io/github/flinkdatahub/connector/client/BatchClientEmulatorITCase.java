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

package io.github.flinkdatahub.connector.client;

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our client in protocol BATCH against the emulator, cross-checked with the official SDK's batch
 * client in every compression, plus the schema registry calls and version-naming writes.
 */
class BatchClientEmulatorITCase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    private static DataHubClient ours(CompressionType compression, boolean registry) {
        return DataHubClient.create(
                DataHubClientConfig.builder()
                        .endpoint(EMULATOR.endpoint())
                        .protocol(BodyProtocol.BATCH)
                        .compression(compression)
                        .schemaRegistry(registry)
                        .build());
    }

    private static DatahubClient sdkBatch(CompressType compression) {
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(
                        new DatahubConfig(EMULATOR.endpoint(), new AliyunAccount("a", "b"), true)
                                .setEnableBatch(true))
                .setHttpConfig(new HttpConfig().setCompressType(compression))
                .build();
    }

    private static String topic(DataHubClient c, String project) {
        String topic = "t" + COUNTER.incrementAndGet();
        c.createTupleTopic(project, topic, 1, 1, SdkModels.schema(), "batch client IT");
        c.waitForShardsReady(project, topic, Duration.ofSeconds(30));
        return topic;
    }

    private static String project(DataHubClient c) {
        String project = "batch_client_" + COUNTER.incrementAndGet();
        c.createProject(project, "batch client IT");
        return project;
    }

    private static String oldest(DataHubClient c, String project, String topic) {
        return c.getCursor(project, topic, "0", CursorType.OLDEST).cursor();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void sdkReadsOurBatchesAndWeReadTheSdks(CompressionType compression) {
        try (DataHubClient client = ours(compression, false)) {
            String project = project(client);
            String topic = topic(client, project);
            List<PutRecord> records = SdkRecords.ours(3);
            client.putRecordsByShard(project, topic, "0", records);
            CompressType sdkCompression =
                    compression == CompressionType.NONE
                            ? CompressType.LZ4
                            : CompressType.valueOf(compression.name());
            DatahubClient sdk = sdkBatch(sdkCompression);
            sdk.putRecordsByShard(project, topic, "0", SdkRecords.sdk(3));

            List<RecordEntry> sdkRead =
                    sdk.getRecords(
                                    project,
                                    topic,
                                    "0",
                                    SdkModels.sdkSchema(),
                                    sdk.getCursor(
                                                    project,
                                                    topic,
                                                    "0",
                                                    com.aliyun.datahub.client.model.CursorType
                                                            .OLDEST)
                                            .getCursor(),
                                    100)
                            .getRecords();
            List<ReadRecord> ourRead =
                    client.getRecords(
                                    project,
                                    topic,
                                    "0",
                                    oldest(client, project, topic),
                                    100,
                                    SdkModels.schema())
                            .records();
            assertThat(sdkRead).hasSize(2 * records.size());
            assertThat(ourRead).hasSize(2 * records.size());
            for (int i = 0; i < ourRead.size(); i++) {
                PutRecord expected = records.get(i % records.size());
                ReadRecord r = ourRead.get(i);
                assertThat(r.payload()).isEqualTo(expected.payload());
                assertThat(r.attributes()).isEqualTo(expected.attributes());
                assertThat(r.sequence()).isEqualTo(i < records.size() ? 0 : 1);
                assertThat(r.batchIndex()).isEqualTo(i % records.size());
                TupleRecord t = (TupleRecord) expected.payload();
                TupleRecordData data = (TupleRecordData) sdkRead.get(i).getRecordData();
                for (int f = 0; f < t.size(); f++) {
                    assertThat(data.getField(f)).isEqualTo(t.get(f));
                }
                assertThat(sdkRead.get(i).getSequence()).isEqualTo(r.sequence());
            }
        }
    }

    @Test
    void registryCallsAndVersionNamingWrites() {
        try (DataHubClient plain = ours(CompressionType.LZ4, false);
                DataHubClient registry = ours(CompressionType.LZ4, true)) {
            String project = project(plain);
            String topic = topic(plain, project);
            List<TopicSchema> versions = plain.listSchemas(project, topic);
            assertThat(versions).extracting(TopicSchema::versionId).containsExactly(0);
            assertThat(versions.get(0).schema()).isEqualTo(SdkModels.schema());

            RecordSchema narrow = RecordSchema.of(SdkModels.schema().fields().subList(0, 4));
            int v1 = plain.registerSchema(project, topic, narrow);
            assertThat(v1).isEqualTo(1);
            assertThat(plain.getSchema(project, topic, v1).schema()).isEqualTo(narrow);

            // A registry-aware writer names version 1 for records of the narrow schema; a reader
            // of the topic schema fetches version 1 and reads the missing fields as null.
            TupleRecord narrowRow = TupleRecord.of(narrow, (byte) 1, (short) 2, 3, 4L);
            registry.putRecordsByShard(project, topic, "0", List.of(PutRecord.of(narrowRow)));
            ReadRecord read =
                    plain.getRecords(
                                    project,
                                    topic,
                                    "0",
                                    oldest(plain, project, topic),
                                    10,
                                    SdkModels.schema())
                            .records()
                            .get(0);
            TupleRecord wide = (TupleRecord) read.payload();
            assertThat(wide.values())
                    .containsExactly(
                            (byte) 1, (short) 2, 3, 4L, null, null, null, null, null, null);

            // A schema that is not registered fails before sending.
            RecordSchema other = RecordSchema.of(Field.of("x", FieldType.STRING));
            assertThatThrownBy(
                            () ->
                                    registry.putRecordsByShard(
                                            project,
                                            topic,
                                            "0",
                                            List.of(PutRecord.of(TupleRecord.of(other, "v")))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not registered");

            plain.deleteSchema(project, topic, v1);
            assertThat(plain.listSchemas(project, topic))
                    .extracting(TopicSchema::versionId)
                    .containsExactly(0);
        }
    }

    @Test
    void topicLevelPutIsRefusedBeforeSending() {
        try (DataHubClient client = ours(CompressionType.LZ4, false)) {
            assertThatThrownBy(() -> client.putRecords("p", "t", SdkRecords.ours(1)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
