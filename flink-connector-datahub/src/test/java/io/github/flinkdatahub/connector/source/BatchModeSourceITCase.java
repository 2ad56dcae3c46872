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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic written by the official Java SDK in batch mode ({@code setEnableBatch(true)}, LZ4 or
 * deflate inside the batches) is read exactly once by the DataHubSource in a MiniCluster, in the
 * batch protocol and in protobuf, with a failure and restore while batches are half emitted; the
 * subscription's committed offsets carry batch indexes.
 */
class BatchModeSourceITCase {

    private static final int RECORDS_PER_SHARD = 400;

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private EmulatorSourceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new EmulatorSourceFixture(EMULATOR.endpoint());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static io.github.flinkdatahub.connector.client.RecordSchema schema() {
        return io.github.flinkdatahub.connector.client.RecordSchema.of(
                io.github.flinkdatahub.connector.client.Field.notNull(
                        "id", io.github.flinkdatahub.connector.client.FieldType.BIGINT),
                field("f_tinyint", "TINYINT"),
                field("f_smallint", "SMALLINT"),
                field("f_integer", "INTEGER"),
                field("f_float", "FLOAT"),
                field("f_double", "DOUBLE"),
                field("f_decimal", "DECIMAL"),
                field("f_boolean", "BOOLEAN"),
                field("f_string", "STRING"),
                field("f_timestamp", "TIMESTAMP"));
    }

    private static io.github.flinkdatahub.connector.client.Field field(String name, String type) {
        return io.github.flinkdatahub.connector.client.Field.of(
                name, io.github.flinkdatahub.connector.client.FieldType.parse(type));
    }

    private static RecordSchema sdkSchema() {
        RecordSchema s = new RecordSchema();
        for (var f : schema().fields()) {
            s.addField(new Field(f.name(), FieldType.valueOf(f.type().name()), f.nullable()));
        }
        return s;
    }

    /** The values of record {@code id}; every seventh field is null. */
    private static Object[] values(long id) {
        Object[] v = {
            id,
            (byte) (id % 128),
            (short) (id * 3 % 30000),
            (int) (id * 1000),
            id / 4f,
            id / 3d,
            new BigDecimal(id + ".000123"),
            id % 2 == 0,
            "string \u00e9 " + id + (id % 5 == 0 ? "" : " long enough to leave the slot"),
            1_700_000_000_000_000L + id
        };
        for (int f = 1; f < v.length; f++) {
            if ((id + f) % 7 == 0) {
                v[f] = null;
            }
        }
        return v;
    }

    /** The text the deserializer makes of a record, from either side's values. */
    private static String text(Object[] values) {
        return Arrays.toString(values);
    }

    /** Renders a tuple the way {@link #text} renders the written values. */
    static final class TupleText implements DataHubRecordDeserializationSchema<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(DataHubRecord record, Collector<String> out) {
            TupleRecord t = record.tuple();
            out.collect(Arrays.toString(t.values()) + "@" + record.attributes().get("id"));
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    /** Fails once after some records, once a checkpoint completed (so it restores mid-stream). */
    static final class FailOnce implements MapFunction<String, String>, CheckpointListener {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public String map(String value) throws InterruptedException {
            if (!FAILED.get()) {
                // Throttles the records before the failure (not a wait for a condition), so that
                // checkpoints complete while batches are half emitted, however fast the machine.
                Thread.sleep(2);
            }
            if (SEEN.incrementAndGet() > 250
                    && CHECKPOINTED.get()
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected failure while batches are half read");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    private static DatahubClient sdkBatchClient(CompressType compression) {
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(
                        new DatahubConfig(
                                        EMULATOR.endpoint(),
                                        new AliyunAccount("it-id", "it-key"),
                                        true)
                                .setEnableBatch(true))
                .setHttpConfig(new HttpConfig().setCompressType(compression))
                .build();
    }

    /** Writes batches of 1..40 records to both shards with the SDK; returns the expected texts. */
    private List<String> writeWithSdk(String topic, CompressType compression) {
        DatahubClient sdk = sdkBatchClient(compression);
        RecordSchema schema = sdkSchema();
        Random random = new Random(11);
        List<String> expected = new ArrayList<>();
        long id = 0;
        for (String shard : List.of("0", "1")) {
            int written = 0;
            while (written < RECORDS_PER_SHARD) {
                int n = Math.min(RECORDS_PER_SHARD - written, 1 + random.nextInt(40));
                List<RecordEntry> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Object[] v = values(id);
                    TupleRecordData data = new TupleRecordData(schema);
                    for (int f = 0; f < v.length; f++) {
                        data.setField(f, v[f]);
                    }
                    RecordEntry e = new RecordEntry();
                    e.setRecordData(data);
                    e.addAttribute("id", Long.toString(id));
                    batch.add(e);
                    expected.add(text(v) + "@" + id);
                    id++;
                }
                sdk.putRecordsByShard(fixture.project(), topic, shard, batch);
                written += n;
            }
        }
        return expected;
    }

    private String createTupleTopic() {
        String topic = "batch_topic_" + System.nanoTime();
        fixture.client().createTupleTopic(fixture.project(), topic, 2, 1, schema(), "batch IT");
        fixture.client().waitForShardsReady(fixture.project(), topic, Duration.ofSeconds(30));
        return topic;
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        return env;
    }

    @ParameterizedTest(name = "SDK {0}, source {1}")
    @CsvSource({"LZ4, BATCH", "DEFLATE, BATCH", "LZ4, PROTOBUF", "DEFLATE, JSON"})
    void sdkBatchWrittenTopicIsReadExactlyOnceAcrossARestore(
            CompressType compression, BodyProtocol protocol) throws Exception {
        String topic = createTupleTopic();
        List<String> expected = writeWithSdk(topic, compression);
        String sub = fixture.client().createSubscription(fixture.project(), topic, "batch IT");
        DataHubClientConfig config = fixture.config().toBuilder().protocol(protocol).build();
        FailOnce.FAILED.set(false);
        FailOnce.CHECKPOINTED.set(false);
        FailOnce.SEEN.set(0);
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env().fromSource(
                                DataHubSource.<String>builder()
                                        .setClientConfig(config)
                                        .setProject(fixture.project())
                                        .setTopics(topic)
                                        .setSubscriptionId(sub)
                                        .setRecordsPerFetch(7)
                                        .setIdleShardPollInterval(Duration.ofMillis(20))
                                        .setStoppingPosition(StoppingPosition.latest())
                                        .setDeserializer(new TupleText())
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "datahub")
                        .map(new FailOnce())
                        .executeAndCollect()) {
            while (it.hasNext()) {
                got.add(it.next());
            }
        }
        assertThat(FailOnce.FAILED).as("the job failed over once").isTrue();
        assertThat(got).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);

        // Batches share sequences: the committed offsets name the last record of a shard by
        // its batch's sequence and its index in that batch.
        Map<String, SubscriptionOffset> offsets =
                fixture.client().getOffsets(fixture.project(), topic, sub, List.of("0", "1"));
        DataHubClient reader =
                DataHubClient.create(
                        fixture.config().toBuilder().protocol(BodyProtocol.BATCH).build());
        try (reader) {
            for (String shard : List.of("0", "1")) {
                var latest =
                        reader.getCursor(
                                fixture.project(),
                                topic,
                                shard,
                                io.github.flinkdatahub.connector.client.CursorType.LATEST);
                var last =
                        reader.getRecords(
                                        fixture.project(),
                                        topic,
                                        shard,
                                        latest.cursor(),
                                        1000,
                                        schema())
                                .records();
                var tail = last.get(last.size() - 1);
                assertThat(tail.batchSize()).isGreaterThanOrEqualTo(1);
                // A commit happens on checkpoint completion after the job finished reading only
                // if a checkpoint completes then; when one did, it names the tail exactly.
                SubscriptionOffset o = offsets.get(shard);
                if (o.sequence() == tail.sequence()) {
                    assertThat(o.batchIndex()).isEqualTo(tail.batchIndex());
                }
                assertThat(o.sequence()).isLessThanOrEqualTo(tail.sequence());
            }
        }
    }
}
