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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink writing in batch mode (protocol BATCH, each put-by-shard one batch, compressed inside)
 * to the emulator in a MiniCluster; the official Java SDK reads the topic back, in batch mode and
 * in protobuf, and finds every record exactly once.
 */
class BatchModeSinkITCase {

    private static final String PROJECT = "batch_sink_it";
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final int N = 3000;

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static DatahubClient sdk(boolean batch) {
        DatahubConfig config =
                new DatahubConfig(EMULATOR.endpoint(), new AliyunAccount("it", "it"), true);
        if (batch) {
            config.setEnableBatch(true);
        }
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(config)
                .setHttpConfig(new HttpConfig())
                .build();
    }

    private static RecordSchema sdkSchema() {
        RecordSchema s = new RecordSchema();
        for (var f : Event.SCHEMA.fields()) {
            s.addField(new Field(f.name(), FieldType.valueOf(f.type().name()), f.nullable()));
        }
        return s;
    }

    /** Every record of the topic as the SDK reads it. */
    private static List<RecordEntry> readWithSdk(DatahubClient sdk, String topic, int shards) {
        List<RecordEntry> all = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            String shard = Integer.toString(s);
            String cursor = sdk.getCursor(PROJECT, topic, shard, CursorType.OLDEST).getCursor();
            while (true) {
                GetRecordsResult r =
                        sdk.getRecords(PROJECT, topic, shard, sdkSchema(), cursor, 1000);
                if (r.getRecordCount() == 0) {
                    break;
                }
                all.addAll(r.getRecords());
                cursor = r.getNextCursor();
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "LZ4, AT_LEAST_ONCE",
        "DEFLATE, EXACTLY_ONCE",
        "NONE, AT_LEAST_ONCE",
        "LZ4, EXACTLY_ONCE"
    })
    void sinkBatchWritesAreReadBackOnceByTheSdk(
            CompressionType compression, DeliveryGuarantee guarantee) throws Exception {
        String topic = "batch_sink_" + TOPICS.incrementAndGet();
        DataHubClientConfig config =
                DataHubClientConfig.builder()
                        .endpoint(EMULATOR.endpoint())
                        .protocol(BodyProtocol.BATCH)
                        .compression(compression)
                        .build();
        try (DataHubClient admin = DataHubClient.create(config)) {
            if (TOPICS.get() == 1) {
                admin.createProject(PROJECT, "batch sink IT");
            }
            admin.createTupleTopic(PROJECT, topic, 2, 1, Event.SCHEMA, "batch sink IT");
            admin.waitForShardsReady(PROJECT, topic, Duration.ofSeconds(30));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        env.fromSequence(0, N - 1)
                .map(i -> Event.of(i, "k" + (i % 13)))
                .returns(Event.class)
                .sinkTo(
                        DataHubSink.<Event>builder()
                                .setClientConfig(config)
                                .setProject(PROJECT)
                                .setTopic(topic)
                                .setSerializer(new Event.Serializer())
                                .setDeliveryGuarantee(guarantee)
                                .setMaxBatchRecords(100)
                                .setMaxLinger(Duration.ofMillis(20))
                                .build());
        env.execute("batch-mode sink");

        List<RecordEntry> batchRead = readWithSdk(sdk(true), topic, 2);
        List<Long> ids = new ArrayList<>();
        int multiRecordBatches = 0;
        for (RecordEntry e : batchRead) {
            ids.add((Long) ((TupleRecordData) e.getRecordData()).getField(0));
            if (e.getSegmentSizeForBatch() > 1 && e.getSegmentIndexForBatch() == 0) {
                multiRecordBatches++;
            }
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                assertThat(e.getAttributes()).containsKey(DataHubCommittable.TXN_ATTRIBUTE);
            }
        }
        assertThat(ids).hasSize(N).doesNotHaveDuplicates();
        assertThat(multiRecordBatches).as("puts were written as batches").isPositive();
        // Records of one batch share its sequence.
        assertThat(batchRead.stream().map(e -> e.getShardId() + "/" + e.getSequence()).distinct())
                .hasSizeLessThan(N);
        // A protobuf reader sees the same records.
        assertThat(readWithSdk(sdk(false), topic, 2)).hasSize(N);
    }
}
