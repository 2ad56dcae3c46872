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

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.testframe.TestResource;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.external.ExternalSystemDataReader;
import org.apache.flink.connector.testframe.external.sink.DataStreamSinkV2ExternalContext;
import org.apache.flink.connector.testframe.external.sink.TestingSinkSettings;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestExternalSystem;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SinkTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flink's sink test suite (every test it has) against the emulator, for AT_LEAST_ONCE and
 * EXACTLY_ONCE: basic write, restart from a savepoint, scale up and down, and the FLIP-33
 * numRecordsSend metric. Each test writes strings to a fresh 4-shard BLOB topic; the reader reads
 * the topic back with the client.
 */
class DataHubSinkITCase extends SinkTestSuiteBase<String> {

    private static final String PROJECT = "sink_suite";
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @TestEnv MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestExternalSystem Emulator emulator = new Emulator();

    @TestSemantics
    CheckpointingMode[] semantics = {
        CheckpointingMode.EXACTLY_ONCE, CheckpointingMode.AT_LEAST_ONCE
    };

    @TestContext ExternalContextFactory<Context> contexts = name -> new Context(emulator, name);

    /** The emulator as the suite's external system. */
    static final class Emulator implements TestResource {
        DataHubEmulator emulator;

        @Override
        public void startUp() {
            emulator = DataHubEmulator.builder().build().start();
            try (DataHubClient c = client()) {
                c.createProject(PROJECT, "sink test suite");
            }
        }

        DataHubClient client() {
            return DataHubClient.create(EmulatorTopics.config(emulator.endpoint()));
        }

        @Override
        public void tearDown() {
            emulator.close();
        }

        @Override
        public String toString() {
            return "DataHub emulator";
        }
    }

    /** One test's topic, sink and reader. */
    static final class Context implements DataStreamSinkV2ExternalContext<String> {
        private final Emulator emulator;
        private final String topic = "suite_" + TOPICS.incrementAndGet();
        private final List<DataHubClient> clients = new ArrayList<>();
        private boolean created;

        Context(Emulator emulator, String testName) {
            this.emulator = emulator;
        }

        @Override
        public Sink<String> createSink(TestingSinkSettings settings) {
            if (!created) {
                try (DataHubClient c = emulator.client()) {
                    c.createBlobTopic(PROJECT, topic, 4, 1, "suite");
                }
                created = true;
            }
            DeliveryGuarantee guarantee =
                    settings.getCheckpointingMode()
                                    == org.apache.flink.streaming.api.CheckpointingMode.EXACTLY_ONCE
                            ? DeliveryGuarantee.EXACTLY_ONCE
                            : DeliveryGuarantee.AT_LEAST_ONCE;
            return DataHubSink.<String>builder()
                    .setClientFactory(
                            DataHubClientFactory.of(
                                    EmulatorTopics.config(emulator.emulator.endpoint()).toBuilder()
                                            .maxRetries(0)
                                            .build()))
                    .setProject(PROJECT)
                    .setTopic(topic)
                    .setSerializer(DataHubRecordSerializationSchema.blob(new SimpleStringSchema()))
                    .setDeliveryGuarantee(guarantee)
                    .setMaxLinger(Duration.ofMillis(20))
                    .build();
        }

        @Override
        public ExternalSystemDataReader<String> createSinkDataReader(TestingSinkSettings settings) {
            DataHubClient client = emulator.client();
            clients.add(client);
            EmulatorTopics.Reader reader = new EmulatorTopics.Reader(client, PROJECT, topic, null);
            return new ExternalSystemDataReader<>() {
                @Override
                public List<String> poll(Duration timeout) {
                    List<String> out = new ArrayList<>();
                    for (ReadRecord r : reader.poll()) {
                        out.add(
                                new String(
                                        ((BlobRecord) r.payload()).data(), StandardCharsets.UTF_8));
                    }
                    return out;
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }

        @Override
        public List<String> generateTestData(TestingSinkSettings settings, long seed) {
            Random random = new Random(seed);
            int n = 200 + random.nextInt(300);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(i + "-" + Long.toHexString(random.nextLong()));
            }
            return out;
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }

        @Override
        public List<URL> getConnectorJarPaths() {
            return List.of();
        }

        @Override
        public void close() {
            clients.forEach(DataHubClient::close);
        }

        @Override
        public String toString() {
            return "DataHub topic " + topic;
        }
    }
}
