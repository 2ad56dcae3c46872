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

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.connector.testutils.JobCounters;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink in a MiniCluster against the emulator while shards are split and merged, and while the
 * emulator throttles writes (a per-shard limit of 25 writes a second, answered with LimitExceeded),
 * answers 10% of puts with a 5xx, drops 3% of their connections and fails 10% of ListShard and
 * GetCursor calls.
 */
class DataHubSinkResilienceITCase {

    private static final String PROJECT = "resilience";
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @RegisterExtension
    @Order(1)
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.perShardWriteQps(25)); // real throttling

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(4)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    /** The sum of a counter over every (also closed) metric group of the job. */
    private static long sum(JobID job, String counter) {
        return JobCounters.sum(METRICS, job, counter);
    }

    @AfterEach
    void clearFaults() {
        EMULATOR.emulator().faults().clear();
    }

    private static DataHubClient client() {
        return DataHubClient.create(EmulatorTopics.config(EMULATOR.endpoint()));
    }

    private static String createTopic(DataHubClient client) {
        if (!client.listProjects().contains(PROJECT)) {
            client.createProject(PROJECT, "resilience tests");
        }
        String topic = "t" + TOPICS.incrementAndGet();
        client.createTupleTopic(PROJECT, topic, 4, 1, Event.SCHEMA, "resilience");
        return topic;
    }

    private static DataHubSinkBuilder<Event> sink(String topic, DeliveryGuarantee guarantee) {
        return DataHubSink.<Event>builder()
                .setClientFactory(
                        DataHubClientFactory.of(
                                EmulatorTopics.config(EMULATOR.endpoint()).toBuilder()
                                        .maxRetries(0)
                                        .build()))
                .setProject(PROJECT)
                .setTopic(topic)
                .setSerializer(new Event.Serializer())
                .setDeliveryGuarantee(guarantee)
                .setRouting(ShardRouting.PARTITION_KEY)
                .setMaxBatchRecords(200)
                .setMaxLinger(Duration.ofMillis(20))
                .setMaxRetries(30)
                .setRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(200));
    }

    /** Keyed by the event key, so that each key is written by one sink subtask, in order. */
    private static JobID runJob(DataHubSinkBuilder<Event> sink, long n, long perSecond)
            throws Exception {
        FailoverJob.MAPPED.set(0);
        FailoverJob.THROW_AT.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200, CheckpointingMode.EXACTLY_ONCE);
        env.fromSequence(0, n - 1)
                .setParallelism(1)
                .map(new FailoverJob.ThrottledFailingMapper(perSecond))
                .setParallelism(1)
                .keyBy(Event::key)
                .sinkTo(sink.build());
        return env.execute("datahub-sink-resilience").getJobID();
    }

    @Test
    void splitAndMergeWhileWritingLoseNothing() throws Exception {
        splitAndMergeWhileWriting(false);
    }

    @Test
    void splitAndMergeWhileWritingKeepPerKeyOrder() throws Exception {
        splitAndMergeWhileWriting(true);
    }

    private void splitAndMergeWhileWriting(boolean checkOrder) throws Exception {
        long n = 120_000; // 15 s at 8,000/s: the emulator splits or merges shards >= 5 s old
        try (DataHubClient client = client()) {
            String topic = createTopic(client);
            long created = System.nanoTime();
            CompletableFuture<Void> reshard =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    EmulatorTopics.awaitUntil(
                                            "5.5 s after creating the topic",
                                            () -> System.nanoTime() - created > 5_500_000_000L);
                                    long split = System.nanoTime();
                                    List<String> children =
                                            client.splitShard(PROJECT, topic, "0").stream()
                                                    .map(r -> r.shardId())
                                                    .toList();
                                    EmulatorTopics.awaitUntil(
                                            "5.5 s after the split",
                                            () -> System.nanoTime() - split > 5_500_000_000L);
                                    assertThat(FailoverJob.MAPPED.get()).isLessThan(n);
                                    client.mergeShard(
                                            PROJECT, topic, children.get(0), children.get(1));
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            runJob(sink(topic, DeliveryGuarantee.AT_LEAST_ONCE), n, 8_000);
            reshard.get(1, TimeUnit.MINUTES);

            List<ShardInfo> shards = client.listShards(PROJECT, topic);
            assertThat(shards).hasSize(7); // 4 + 2 children + 1 merged
            assertThat(shards.stream().filter(s -> s.state() == ShardState.CLOSED)).hasSize(3);
            List<ReadRecord> all = EmulatorTopics.readAll(client, PROJECT, topic, Event.SCHEMA);
            Map<String, Long> lastByKey = new HashMap<>();
            Set<Long> ids = new HashSet<>();
            Set<String> shardsWritten = new HashSet<>();
            for (ReadRecord r : all) {
                long id = Event.idOf(r);
                shardsWritten.add(r.shardId());
                if (ids.add(id) && checkOrder) { // first occurrence (AT_LEAST_ONCE may repeat)
                    Long before = lastByKey.put(Event.keyOf(r), id);
                    assertThat(before == null || before < id)
                            .as("key %s: id %s after %s", Event.keyOf(r), id, before)
                            .isTrue();
                }
            }
            assertThat(ids).hasSize((int) n);
            assertThat(shardsWritten).contains("0", "4", "5", "6");
        }
    }

    @Test
    void throttlingAndServerErrorsLoseNothingAtLeastOnce() throws Exception {
        assertNothingLostUnderFaults(DeliveryGuarantee.AT_LEAST_ONCE, false);
    }

    @Test
    void throttlingAndServerErrorsKeepEveryRecordExactlyOnce() throws Exception {
        assertNothingLostUnderFaults(DeliveryGuarantee.EXACTLY_ONCE, true);
    }

    private void assertNothingLostUnderFaults(DeliveryGuarantee guarantee, boolean exactlyOnce)
            throws Exception {
        long n = 30_000;
        EMULATOR.emulator()
                .faults()
                .seed(11)
                .errorRate("PutRecordsByShard", "InternalServerError", 0.1)
                .dropConnections("PutRecordsByShard", 0.03)
                .errorRate("ListShard", "LimitExceeded", 0.1)
                .errorRate("GetCursor", "ServiceUnavailable", 0.1);
        try (DataHubClient client = client()) {
            String topic = createTopic(client);
            JobID job = runJob(sink(topic, guarantee), n, 10_000);
            EMULATOR.emulator().faults().clear();
            long retries = sum(job, "retries");
            System.out.printf("%s under faults: %d retries%n", guarantee, retries);
            assertThat(retries).isPositive();
            List<ReadRecord> all = EmulatorTopics.readAll(client, PROJECT, topic, Event.SCHEMA);
            Set<Long> ids = new HashSet<>();
            for (ReadRecord r : all) {
                boolean first = ids.add(Event.idOf(r));
                if (exactlyOnce) {
                    assertThat(first).as("id %s twice", Event.idOf(r)).isTrue();
                }
            }
            assertThat(ids).hasSize((int) n);
        }
    }
}
