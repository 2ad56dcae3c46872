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
import io.github.flinkdatahub.connector.testutils.JobCounters;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink under failover in a MiniCluster against the emulator: TaskManagers terminated and
 * exceptions injected at random points. EXACTLY_ONCE leaves every id exactly once; AT_LEAST_ONCE
 * loses none.
 *
 * <p>By default a short run (100,000 records, 2 TaskManager kills and 1 injected exception). With
 * {@code -Dsink.failover.full=true}: the 1,000,000 records and 5 TaskManager kills (plus 2
 * exceptions); {@code -Dsink.failover.seed=N} picks other random points.
 */
class DataHubSinkFailoverITCase {

    private static final boolean FULL = Boolean.getBoolean("sink.failover.full");
    private static final long SEED = Long.getLong("sink.failover.seed", 7L);
    private static final String PROJECT = "failover";
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @RegisterExtension
    @Order(1)
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

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

    private String createTopic(DataHubClient client) {
        if (!client.listProjects().contains(PROJECT)) {
            client.createProject(PROJECT, "failover tests");
        }
        String topic = "t" + TOPICS.incrementAndGet();
        client.createTupleTopic(PROJECT, topic, 4, 1, Event.SCHEMA, "failover");
        return topic;
    }

    private DataHubSinkBuilder<Event> sink(String topic) {
        return DataHubSink.<Event>builder()
                .setClientFactory(
                        DataHubClientFactory.of(
                                EmulatorTopics.config(EMULATOR.endpoint()).toBuilder()
                                        .maxRetries(0)
                                        .build()))
                .setProject(PROJECT)
                .setTopic(topic)
                .setSerializer(new Event.Serializer())
                .setMaxLinger(Duration.ofMillis(20))
                .setRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(500));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void exactlyOnceSurvivesTaskManagerKillsWithEveryIdOnce(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        long n = FULL ? 1_000_000 : 100_000;
        Random random = new Random(SEED);
        try (DataHubClient client =
                DataHubClient.create(EmulatorTopics.config(EMULATOR.endpoint()))) {
            String topic = createTopic(client);
            int kills = FULL ? 5 : 2;
            int throwsInjected = FULL ? 2 : 1;
            JobExecutionResult result =
                    FailoverJob.run(
                            sink(topic),
                            DeliveryGuarantee.EXACTLY_ONCE,
                            n,
                            FULL ? 40_000 : 10_000,
                            FailoverJob.thresholds(random, n, throwsInjected),
                            FailoverJob.thresholds(random, n, kills),
                            cluster);
            List<ReadRecord> all = EmulatorTopics.readAll(client, PROJECT, topic, Event.SCHEMA);
            Set<Long> ids = new HashSet<>();
            for (ReadRecord r : all) {
                assertThat(ids.add(Event.idOf(r)))
                        .as("id %s written twice", Event.idOf(r))
                        .isTrue();
            }
            assertThat(ids).hasSize((int) n);
            assertThat(FailoverJob.THROW_AT).isEmpty(); // every injected failure happened
            // Each kill hits a running job (both mappers reopened since the previous one).
            assertThat(FailoverJob.KILLS.get()).isEqualTo(kills);
            assertThat(FailoverJob.OPENED.get()).isGreaterThanOrEqualTo(2 + 2L * kills);
            long committed = sum(result.getJobID(), "committedRecords");
            long skipped = sum(result.getJobID(), "skippedAlreadyPresentRecords");
            System.out.printf(
                    "EXACTLY_ONCE failover: %d records, %d TaskManager kills, %d mapper opens,"
                            + " committed %d, skipped as already present %d%n",
                    n, FailoverJob.KILLS.get(), FailoverJob.OPENED.get(), committed, skipped);
            // A put that landed just before its committer was killed is not counted as committed;
            // the restored committer finds its records and counts them as already present.
            assertThat(committed + skipped).isGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void atLeastOnceLosesNothingAcrossAKill(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        long n = 50_000;
        Random random = new Random(SEED + 1);
        try (DataHubClient client =
                DataHubClient.create(EmulatorTopics.config(EMULATOR.endpoint()))) {
            String topic = createTopic(client);
            FailoverJob.run(
                    sink(topic),
                    DeliveryGuarantee.AT_LEAST_ONCE,
                    n,
                    10_000,
                    FailoverJob.thresholds(random, n, 1),
                    FailoverJob.thresholds(random, n, 1),
                    cluster);
            Set<Long> ids = new HashSet<>();
            for (ReadRecord r : EmulatorTopics.readAll(client, PROJECT, topic, Event.SCHEMA)) {
                ids.add(Event.idOf(r));
            }
            assertThat(ids).hasSize((int) n);
        }
    }
}
