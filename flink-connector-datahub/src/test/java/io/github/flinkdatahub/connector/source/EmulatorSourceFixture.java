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

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;

import org.apache.flink.api.common.serialization.SimpleStringSchema;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Emulator helpers shared by the source ITCases: client config, topics, writes. */
public final class EmulatorSourceFixture implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DataHubClientConfig config;
    private final DataHubClient client;
    private final String project;

    /** A fixture with its own project on the emulator at {@code endpoint}. */
    public EmulatorSourceFixture(String endpoint) {
        this.config =
                DataHubClientConfig.builder()
                        .endpoint(endpoint)
                        .credentials("it-id", "it-key")
                        .protocol(BodyProtocol.PROTOBUF)
                        .compression(CompressionType.LZ4)
                        .initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200))
                        .build();
        this.client = DataHubClient.create(config);
        this.project =
                "it_source_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        client.createProject(project, "source ITs");
    }

    /** The client configuration. */
    public DataHubClientConfig config() {
        return config;
    }

    /** The fixture's client. */
    public DataHubClient client() {
        return client;
    }

    /** The fixture's project. */
    public String project() {
        return project;
    }

    /** Creates a BLOB topic with the shard count and waits until its shards are ready. */
    public String createTopic(int shards) {
        String topic = "topic_" + COUNTER.incrementAndGet();
        client.createBlobTopic(project, topic, shards, 1, "source IT");
        client.waitForShardsReady(project, topic, Duration.ofSeconds(30));
        return topic;
    }

    /** Writes strings to one shard; returns them. */
    public List<String> writeToShard(String topic, String shard, List<String> values) {
        List<PutRecord> records = new ArrayList<>();
        for (String v : values) {
            records.add(PutRecord.toShard(shard, blob(v)));
        }
        for (int i = 0; i < records.size(); i += 500) {
            client.putRecordsByShard(
                    project, topic, shard, records.subList(i, Math.min(records.size(), i + 500)));
        }
        return values;
    }

    /** Writes "key:index" strings routed by partition key {@code key}. */
    public void writeKeyed(String topic, List<String> values) {
        List<PutRecord> records = new ArrayList<>();
        for (String v : values) {
            records.add(PutRecord.withPartitionKey(v.substring(0, v.indexOf(':')), blob(v)));
        }
        for (int i = 0; i < records.size(); i += 500) {
            PutRecordsResult r =
                    client.putRecords(
                            project, topic, records.subList(i, Math.min(records.size(), i + 500)));
            if (!r.failedRecords().isEmpty()) {
                throw new IllegalStateException("Writes failed: " + r.failedRecords());
            }
        }
    }

    private static BlobRecord blob(String v) {
        return BlobRecord.of(v.getBytes(StandardCharsets.UTF_8));
    }

    /** A source builder for strings of the topics. */
    public DataHubSourceBuilder<String> source(String... topics) {
        return DataHubSource.<String>builder()
                .setClientConfig(config)
                .setProject(project)
                .setTopics(topics)
                .setIdleShardPollInterval(Duration.ofMillis(20))
                .setShardDiscoveryInterval(Duration.ofMillis(200))
                .setDeserializer(
                        DataHubRecordDeserializationSchema.valueOnly(new SimpleStringSchema()));
    }

    @Override
    public void close() {
        client.close();
    }
}
