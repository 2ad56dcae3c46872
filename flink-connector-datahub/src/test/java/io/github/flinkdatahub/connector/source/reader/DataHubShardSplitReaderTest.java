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

package io.github.flinkdatahub.connector.source.reader;

import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.source.metrics.DataHubSourceMetrics;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.ShardPosition;
import io.github.flinkdatahub.connector.testutils.FakeCall;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.runtime.metrics.groups.InternalSourceReaderMetricGroup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.flinkdatahub.connector.source.SourceTestUtils.PROJECT;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.TOPIC;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.builder;
import static io.github.flinkdatahub.connector.source.SourceTestUtils.write;
import static org.assertj.core.api.Assertions.assertThat;

class DataHubShardSplitReaderTest {

    private FakeDataHub hub;
    private DataHubSourceMetrics metrics;
    private DataHubShardSplitReader reader;

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
        hub.createBlobTopic(PROJECT, TOPIC, 2);
        metrics =
                new DataHubSourceMetrics(UnregisteredMetricsGroup.createSourceReaderMetricGroup());
        reader =
                new DataHubShardSplitReader(
                        builder(hub).setRecordsPerFetch(4).setFetchesInFlight(1).build().config(),
                        hub.client(),
                        metrics);
    }

    @AfterEach
    void tearDown() {
        reader.close();
        hub.close();
    }

    private static List<ReadRecord> drain(RecordsWithSplitIds<ReadRecord> batch) {
        List<ReadRecord> out = new ArrayList<>();
        while (batch.nextSplit() != null) {
            ReadRecord r;
            while ((r = batch.nextRecordFromSplit()) != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void pendingRecordsAndLagFollowTheLatestSequence() throws Exception {
        write(hub, TOPIC, "0", "a", 10);
        reader.handleSplitsChanges(
                new SplitsAddition<>(
                        List.of(
                                DataHubShardSplit.of(
                                        TOPIC, "0", ShardPosition.earliest(), List.of()))));
        List<ReadRecord> first = new ArrayList<>();
        while (first.isEmpty()) {
            first.addAll(drain(reader.fetch()));
        }
        assertThat(first).extracting(ReadRecord::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(metrics.pendingRecords()).isEqualTo(6);
        assertThat(metrics.count("fetchRequests")).isEqualTo(1);
    }

    @Test
    void wakeUpEndsAFetchWhoseReadsAreStillInFlight() throws Exception {
        write(hub, TOPIC, "0", "a", 1);
        hub.hold(FakeCall.GET_RECORDS);
        reader.handleSplitsChanges(
                new SplitsAddition<>(
                        List.of(
                                DataHubShardSplit.of(
                                        TOPIC, "0", ShardPosition.earliest(), List.of()))));
        reader.wakeUp();
        assertThat(drain(reader.fetch())).isEmpty();
        assertThat(hub.heldCount(FakeCall.GET_RECORDS)).isEqualTo(1);

        CompletableFuture<List<ReadRecord>> fetch =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return drain(reader.fetch());
                            } catch (Exception e) {
                                throw new RuntimeException(e);
                            }
                        });
        reader.wakeUp();
        assertThat(fetch.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(hub.heldCount(FakeCall.GET_RECORDS)).as("the read stays in flight").isEqualTo(1);

        hub.release(FakeCall.GET_RECORDS);
        List<ReadRecord> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got.isEmpty() && System.nanoTime() < deadline) {
            got.addAll(drain(reader.fetch()));
        }
        assertThat(got).extracting(ReadRecord::sequence).containsExactly(0L);
    }

    @Test
    void pausedSplitsAreNotFetchedUntilResumed() throws Exception {
        write(hub, TOPIC, "0", "a", 2);
        write(hub, TOPIC, "1", "b", 2);
        DataHubShardSplit s0 =
                DataHubShardSplit.of(TOPIC, "0", ShardPosition.earliest(), List.of());
        DataHubShardSplit s1 =
                DataHubShardSplit.of(TOPIC, "1", ShardPosition.earliest(), List.of());
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(s0, s1)));
        reader.pauseOrResumeSplits(List.of(s0), List.of());
        List<ReadRecord> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.addAll(drain(reader.fetch()));
        }
        assertThat(got).extracting(ReadRecord::shardId).containsOnly("1").hasSize(2);
        reader.pauseOrResumeSplits(List.of(), List.of(s0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got.size() < 4 && System.nanoTime() < deadline) {
            got.addAll(drain(reader.fetch()));
        }
        assertThat(got).extracting(ReadRecord::shardId).containsExactly("1", "1", "0", "0");
    }

    @Test
    void perShardLagInRecordsAndMillisFollowsTheShardsLatestRecord() throws Exception {
        write(hub, TOPIC, "0", "a", 10); // the fake's system times: 1 ms apart
        MetricListener listener = new MetricListener();
        DataHubSourceMetrics measured =
                new DataHubSourceMetrics(
                        InternalSourceReaderMetricGroup.mock(listener.getMetricGroup()));
        try (DataHubShardSplitReader r =
                new DataHubShardSplitReader(
                        builder(hub).setRecordsPerFetch(4).setFetchesInFlight(1).build().config(),
                        hub.client(),
                        measured)) {
            DataHubShardSplit split =
                    DataHubShardSplit.of(TOPIC, "0", ShardPosition.earliest(), List.of());
            r.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
            List<ReadRecord> read = new ArrayList<>();
            while (read.isEmpty()) {
                read.addAll(drain(r.fetch()));
            }
            List<ReadRecord> all = hub.records(PROJECT, TOPIC, "0");
            long expectedMillis = all.get(9).systemTime() - read.get(3).systemTime();
            assertThat(expectedMillis).isPositive();
            assertThat(gauge(listener, split.splitId(), "lagRecords")).isEqualTo(6L);
            assertThat(gauge(listener, split.splitId(), "lagMillis")).isEqualTo(expectedMillis);
            while (read.size() < 10) {
                read.addAll(drain(r.fetch()));
            }
            assertThat(gauge(listener, split.splitId(), "lagRecords")).isEqualTo(0L);
            assertThat(gauge(listener, split.splitId(), "lagMillis")).isEqualTo(0L);
        }
    }

    private static Object gauge(MetricListener listener, String splitId, String name) {
        return listener.getGauge("shard", splitId, name)
                .orElseThrow(() -> new AssertionError("no gauge shard." + splitId + "." + name))
                .getValue();
    }

    @Test
    void aClosedShardWhoseEndReadsEmptyFinishesItsSplitAfterTheLastRecord() throws Exception {
        hub.setClosedShardEndReadsEmpty(true);
        write(hub, TOPIC, "0", "a", 6);
        hub.split(PROJECT, TOPIC, "0");
        DataHubShardSplit split =
                DataHubShardSplit.of(TOPIC, "0", ShardPosition.earliest(), List.of());
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
        List<ReadRecord> read = new ArrayList<>();
        Set<String> finished = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (finished.isEmpty()) {
            assertThat(System.nanoTime()).as("split finished in time").isLessThan(deadline);
            RecordsWithSplitIds<ReadRecord> batch = reader.fetch();
            read.addAll(drain(batch));
            finished.addAll(batch.finishedSplits());
        }
        assertThat(finished).containsExactly(split.splitId());
        assertThat(read).extracting(ReadRecord::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(hub.callCount(FakeCall.LIST_SHARDS)).isEqualTo(1);
    }

    @Test
    void anActiveShardThatReadsEmptyIsNeverFinished() throws Exception {
        hub.setClosedShardEndReadsEmpty(true);
        write(hub, TOPIC, "0", "a", 2);
        reader.handleSplitsChanges(
                new SplitsAddition<>(
                        List.of(
                                DataHubShardSplit.of(
                                        TOPIC, "0", ShardPosition.earliest(), List.of()))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hub.callCount(FakeCall.LIST_SHARDS) == 0 || metrics.count("fetchRequests") < 6) {
            assertThat(System.nanoTime()).as("empty reads in time").isLessThan(deadline);
            RecordsWithSplitIds<ReadRecord> batch = reader.fetch();
            drain(batch);
            assertThat(batch.finishedSplits()).isEmpty();
        }
    }
}
