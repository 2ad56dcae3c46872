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

import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.testutils.FakeCall;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;
import io.github.flinkdatahub.connector.testutils.FakeFailures;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.DeliveryGuarantee;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.flinkdatahub.connector.sink.SinkTestSupport.PROJECT;
import static io.github.flinkdatahub.connector.sink.SinkTestSupport.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The NONE / AT_LEAST_ONCE writer against the in-memory fake. */
class DataHubWriterTest {

    private FakeDataHub hub;

    @BeforeEach
    void setUp() {
        hub = new FakeDataHub();
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private DataHubWriter<Event> writer(DataHubSinkBuilder<Event> b, TestWriterContext ctx)
            throws Exception {
        return (DataHubWriter<Event>) b.build().createWriter(ctx);
    }

    private static void write(SinkWriter<Event> w, int from, int to, String... keys)
            throws Exception {
        for (int i = from; i < to; i++) {
            w.write(Event.of(i, keys.length == 0 ? "k" + i : keys[i % keys.length]), null);
        }
    }

    @Test
    void batchesRespectMaxRecords() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        try (DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub).setMaxBatchRecords(10),
                        new TestWriterContext())) {
            write(w, 0, 95);
            w.flush(false);
        }
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(10);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "0")))
                .containsExactlyElementsOf(range(0, 95));
    }

    @Test
    void batchesRespectMaxBytes() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        String kb = "x".repeat(1000);
        try (DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub).setMaxBatchBytes(4096),
                        new TestWriterContext())) {
            for (int i = 0; i < 30; i++) {
                w.write(new Event(i, "k", kb), null);
            }
            w.flush(false);
        }
        // ~1.1 KB each by the estimate: three records per 4 KiB request.
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(10);
        assertThat(hub.records(PROJECT, TOPIC, "0")).hasSize(30);
    }

    @Test
    void lingerSendsAPartialBatchWithoutFlush() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        TestWriterContext ctx = new TestWriterContext();
        try (DataHubWriter<Event> w =
                writer(SinkTestSupport.builder(hub).setMaxLinger(Duration.ofMillis(50)), ctx)) {
            write(w, 0, 3);
            ctx.drainMailbox();
            assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isZero();
            ctx.time.advance(50);
            ctx.drainMailbox();
            assertThat(hub.records(PROJECT, TOPIC, "0")).hasSize(3);
            assertThat(ctx.writerMetrics.getNumRecordsSendCounter().getCount()).isEqualTo(3);
        }
    }

    @Test
    void roundRobinSpreadsOverActiveShards() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 4, Event.SCHEMA);
        try (DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub).setMaxBatchRecords(5),
                        new TestWriterContext())) {
            write(w, 0, 400);
            w.flush(false);
        }
        for (String shard : List.of("0", "1", "2", "3")) {
            assertThat(hub.records(PROJECT, TOPIC, shard)).hasSize(100);
        }
    }

    @Test
    void partitionKeyGoesToTheShardOwningItsHashAndKeepsOrder() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 4, Event.SCHEMA);
        String[] keys = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta"};
        try (DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub)
                                .setRouting(ShardRouting.PARTITION_KEY)
                                .setMaxBatchRecords(7),
                        new TestWriterContext())) {
            write(w, 0, 700, keys);
            w.flush(false);
        }
        List<ShardInfo> shards = hub.client().listShards(PROJECT, TOPIC);
        for (ReadRecord r : hub.allRecords(PROJECT, TOPIC)) {
            String owner =
                    HashKeyRange.ownerOf(shards, HashKeyRange.partitionKeyHash(Event.keyOf(r)))
                            .shardId();
            assertThat(r.shardId()).isEqualTo(owner);
        }
        assertPerKeyOrder(hub.allRecords(PROJECT, TOPIC), 700);
    }

    @Test
    void hashKeyRoutesByRange() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 4, Event.SCHEMA);
        try (DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub).setRouting(ShardRouting.HASH_KEY),
                        new TestWriterContext())) {
            // Shard i covers [i * MAX/4, (i+1) * MAX/4): these keys fall in 0, 1, 2, 3, 0.
            write(
                    w,
                    0,
                    5,
                    "0",
                    "40000000000000000000000000000000",
                    "80000000000000000000000000000000",
                    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                    "8F");
            w.flush(false);
        }
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "0"))).containsExactly(0L, 4L);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "1"))).containsExactly(1L);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "2"))).containsExactly(2L);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "3"))).containsExactly(3L);
    }

    @Test
    void onlyTheFailedBatchIsRetried() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 4, Event.SCHEMA);
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "1", FakeFailures.throttled(), 2);
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "2", FakeFailures.serverError(), 1);
        TestWriterContext ctx = new TestWriterContext();
        DataHubWriter<Event> w = writer(SinkTestSupport.builder(hub).setMaxBatchRecords(10), ctx);
        try (w) {
            write(w, 0, 40);
            w.flush(false);
        }
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(4 + 3);
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 40);
        assertThat(w.metrics().retries()).isEqualTo(3);
        assertThat(ctx.writerMetrics.getNumRecordsSendCounter().getCount()).isEqualTo(40);
    }

    @Test
    void exhaustedRetriesFailTheJobNamingTopicAndShard() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, "0", FakeFailures.serverError(), 4);
        DataHubWriter<Event> w =
                writer(SinkTestSupport.builder(hub).setMaxRetries(3), new TestWriterContext());
        try (w) {
            write(w, 0, 5);
            assertThatThrownBy(() -> w.flush(false))
                    .isInstanceOf(DataHubSinkException.class)
                    .hasMessageContaining("shard 0 of topic p/t")
                    .hasMessageContaining("after 3 retries");
        }
        assertThat(w.metrics().sendErrors()).isEqualTo(5);
    }

    @Test
    void fatalErrorFailsTheJob() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, FakeFailures.unauthorized());
        DataHubWriter<Event> w = writer(SinkTestSupport.builder(hub), new TestWriterContext());
        try (w) {
            write(w, 0, 5);
            assertThatThrownBy(() -> w.flush(true))
                    .isInstanceOf(DataHubSinkException.class)
                    .hasMessageContaining("topic p/t")
                    .hasMessageContaining("Unauthorized");
            assertThatThrownBy(() -> w.write(Event.of(9, "k"), null))
                    .isInstanceOf(DataHubSinkException.class);
        }
        assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(1);
    }

    @Test
    void noneLogsAndCountsFailuresWithoutFailing() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, FakeFailures.unauthorized());
        TestWriterContext ctx = new TestWriterContext();
        try (DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub)
                                .setDeliveryGuarantee(DeliveryGuarantee.NONE)
                                .setMaxBatchRecords(5),
                        ctx)) {
            write(w, 0, 10);
            w.flush(true);
        }
        assertThat(ctx.writerMetrics.getNumRecordsSendErrorsCounter().getCount()).isEqualTo(5);
        assertThat(Event.ids(hub.records(PROJECT, TOPIC, "0")))
                .containsExactlyElementsOf(range(5, 10));
    }

    @Test
    void splitAndMergeRefreshTheShardMapAndKeepPerKeyOrder() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        String[] keys = new String[40];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "key-" + i;
        }
        DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub)
                                .setRouting(ShardRouting.PARTITION_KEY)
                                .setMaxBatchRecords(8),
                        new TestWriterContext());
        try (w) {
            write(w, 0, 200, keys);
            w.flush(false);
            hub.split(PROJECT, TOPIC, "0"); // -> 2, 3
            write(w, 200, 400, keys);
            w.flush(false);
            hub.merge(PROJECT, TOPIC, "2", "3"); // -> 4
            write(w, 400, 600, keys);
            w.flush(false);
        }
        assertThat(w.metrics().refreshes()).isGreaterThanOrEqualTo(2);
        assertThat(hub.records(PROJECT, TOPIC, "2")).isNotEmpty();
        assertThat(hub.records(PROJECT, TOPIC, "4")).isNotEmpty();
        List<ReadRecord> all = new ArrayList<>();
        for (String shard : List.of("0", "1", "2", "3", "4")) {
            all.addAll(hub.records(PROJECT, TOPIC, shard)); // parents before children
        }
        assertEachIdOnce(all, 600);
        assertPerKeyOrder(all, 600);
        List<ShardInfo> shards = hub.client().listShards(PROJECT, TOPIC);
        for (ReadRecord r : hub.records(PROJECT, TOPIC, "4")) {
            assertThat(
                            HashKeyRange.ownerOf(
                                            shards, HashKeyRange.partitionKeyHash(Event.keyOf(r)))
                                    .shardId())
                    .isEqualTo("4");
        }
    }

    @Test
    void aBatchInFlightDuringASplitIsReRouted() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        TestWriterContext ctx = new TestWriterContext();
        DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub)
                                .setRouting(ShardRouting.PARTITION_KEY)
                                .setMaxBatchRecords(5),
                        ctx);
        try (w) {
            hub.hold(FakeCall.PUT_RECORDS_BY_SHARD);
            write(w, 0, 5, "a", "b", "c", "d", "e");
            assertThat(hub.heldCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(1);
            hub.split(PROJECT, TOPIC, "0");
            hub.release(FakeCall.PUT_RECORDS_BY_SHARD); // fails: shard 0 is sealed now
            w.flush(false);
        }
        assertThat(hub.records(PROJECT, TOPIC, "0")).isEmpty();
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 5);
        assertThat(w.metrics().refreshes()).isEqualTo(1);
    }

    @Test
    void aKeysNewRecordsWaitForItsParentsBatchInFlightDuringAMerge() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        List<ShardInfo> shards = hub.client().listShards(PROJECT, TOPIC);
        String a = keyOwnedBy(shards, "0");
        String b = keyOwnedBy(shards, "1");
        TestWriterContext ctx = new TestWriterContext();
        DataHubWriter<Event> w =
                writer(
                        SinkTestSupport.builder(hub)
                                .setRouting(ShardRouting.PARTITION_KEY)
                                .setMaxBatchRecords(1),
                        ctx);
        try (w) {
            hub.hold(FakeCall.PUT_RECORDS_BY_SHARD);
            w.write(Event.of(0, b), null); // to shard 1, held
            w.write(Event.of(1, a), null); // to shard 0, held
            assertThat(hub.heldCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(2);
            hub.merge(PROJECT, TOPIC, "0", "1"); // -> 2
            hub.release(FakeCall.PUT_RECORDS_BY_SHARD); // both answer sealed: shard 1 first
            // Only shard 1's answer is handled: the refresh maps a's hash to shard 2 while
            // a's older record (id 1) is still unresolved on shard 0.
            assertThat(ctx.executor.tryYield()).isTrue();
            assertThat(w.metrics().refreshes()).isEqualTo(1);
            w.write(Event.of(2, a), null);
            w.write(Event.of(3, b), null);
            w.flush(false);
        }
        List<ReadRecord> merged = hub.records(PROJECT, TOPIC, "2");
        assertThat(hub.records(PROJECT, TOPIC, "0")).isEmpty();
        assertThat(hub.records(PROJECT, TOPIC, "1")).isEmpty();
        assertEachIdOnce(merged, 4);
        assertPerKeyOrder(merged, 4);
    }

    private static String keyOwnedBy(List<ShardInfo> shards, String shardId) {
        for (int i = 0; ; i++) {
            String key = "key-" + i;
            if (HashKeyRange.ownerOf(shards, HashKeyRange.partitionKeyHash(key))
                    .shardId()
                    .equals(shardId)) {
                return key;
            }
        }
    }

    @Test
    void writeBlocksWhileTheInFlightBoundIsReached() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 2, Event.SCHEMA);
        hub.hold(FakeCall.PUT_RECORDS_BY_SHARD);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread task =
                new Thread(
                        () -> {
                            // The mailbox belongs to the thread that creates the context.
                            TestWriterContext ctx = new TestWriterContext();
                            try (DataHubWriter<Event> w =
                                    writer(
                                            SinkTestSupport.builder(hub)
                                                    .setMaxBatchRecords(1)
                                                    .setMaxInFlightRequests(2),
                                            ctx)) {
                                started.complete(null);
                                write(w, 0, 10);
                                w.flush(false);
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        });
        task.start();
        started.get(10, TimeUnit.SECONDS);
        awaitUntil(
                () ->
                        task.getState() == Thread.State.WAITING
                                || task.getState() == Thread.State.TIMED_WAITING);
        // Two in flight (one per shard) and at most the bound in total: the writer waits.
        assertThat(hub.heldCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(2);
        assertThat(task.isAlive()).isTrue();
        hub.release(FakeCall.PUT_RECORDS_BY_SHARD);
        task.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(failure.get()).isNull();
        assertEachIdOnce(hub.allRecords(PROJECT, TOPIC), 10);
    }

    @Test
    void aTupleOfAnotherSchemaFailsNamingTheTopic() throws Exception {
        hub.createTupleTopic(PROJECT, TOPIC, 1, Event.SCHEMA);
        DataHubWriter<Event> w = writer(SinkTestSupport.builder(hub), new TestWriterContext());
        hub.setSchema(PROJECT, TOPIC, Event.SCHEMA); // unchanged: fine
        try (w) {
            assertThatThrownBy(() -> w.write(new Event(1, "k", "x".repeat(3 * 1024 * 1024)), null))
                    .isInstanceOf(DataHubSinkException.class)
                    .hasMessageContaining("topic p/t")
                    .hasMessageContaining("setMaxBatchBytes");
        }
    }

    static void assertEachIdOnce(List<ReadRecord> records, int count) {
        assertThat(Event.ids(records)).containsExactlyInAnyOrderElementsOf(range(0, count));
    }

    static void assertPerKeyOrder(List<ReadRecord> records, int count) {
        Map<String, Long> last = new HashMap<>();
        for (ReadRecord r : records) {
            long id = Event.idOf(r);
            Long before = last.put(Event.keyOf(r), id);
            assertThat(before == null || before < id)
                    .as("key %s: %s after %s", Event.keyOf(r), id, before)
                    .isTrue();
        }
    }

    static List<Long> range(int from, int to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
