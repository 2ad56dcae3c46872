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
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.exception.AuthorizationFailureException;
import com.aliyun.datahub.client.exception.LimitExceededException;
import com.aliyun.datahub.client.exception.ShardSealedException;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import com.aliyun.datahub.client.model.SubscriptionEntry;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import com.aliyun.datahub.client.model.SubscriptionState;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Durable mode survives crashes: the CLI runs in its own JVM, is killed with SIGKILL while several
 * threads write, and is restarted on the same data directory (three times with the default fsync
 * policy, once with each of the others). Every acknowledged record must come back exactly once with
 * contiguous sequences, and metadata (an appended field, an update and a delete included), shard
 * states, the subscription and its offsets must survive.
 */
class EmulatorDurabilityITCase {

    private static final String PROJECT = "durable";
    private static final String TOPIC = "events";
    private static final int RECORDS_PER_CYCLE = 600;

    /** The crash test also covers the CLI's signature flags. */
    private static final String[] SIGNED = {
        "--access-id", SdkMode.ACCESS_ID, "--access-key", SdkMode.ACCESS_KEY
    };

    @TempDir Path dataDir;

    /** Acknowledged values per shard; a value is unique across the whole test. */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

    /** What each shard returned at the last verification: must stay a prefix from then on. */
    private final Map<String, List<String>> seen = new HashMap<>();

    private final Map<String, SubscriptionOffset> committed = new TreeMap<>();

    /** Set just before the kill: a write failing earlier is a real error, not the crash. */
    private final AtomicBoolean killing = new AtomicBoolean();

    private final List<RuntimeException> unexpected = new CopyOnWriteArrayList<>();

    /**
     * Every fsync policy promises that acknowledged writes survive {@code kill -9} (the OS keeps
     * what was written); the default policy gets the full three crash cycles.
     */
    @ParameterizedTest(name = "--fsync {0}")
    @ValueSource(strings = {"always", "interval", "none"})
    void acknowledgedDataAndMetadataSurviveSigkill(String fsync) throws Exception {
        String[] flags = flags(fsync);
        int cycles = fsync.equals("always") ? 3 : 1;
        EmulatorProcess process = EmulatorProcess.start(dataDir, flags);
        try {
            DatahubClient client = SdkMode.PROTOBUF_LZ4.client(process.endpoint());
            DatahubClient wrongKey =
                    SdkMode.PROTOBUF.client(
                            process.endpoint(), new AliyunAccount(SdkMode.ACCESS_ID, "wrong"));
            assertThatThrownBy(wrongKey::listProject)
                    .isInstanceOf(AuthorizationFailureException.class);
            client.createProject(PROJECT, "survives crashes");
            client.createTopic(PROJECT, TOPIC, 2, 7, RecordType.TUPLE, schema(), "events");
            String subId = client.createSubscription(PROJECT, TOPIC, "durable sub").getSubId();
            client.createTopic(PROJECT, "evolved", 1, 3, RecordType.TUPLE, schema(), "evolved");
            client.appendField(PROJECT, "evolved", new Field("added", FieldType.DOUBLE));
            client.updateTopic(PROJECT, "evolved", 5, "evolved twice");
            client.createTopic(PROJECT, "dropped", 1, 3, RecordType.BLOB, "dropped");
            client.deleteTopic(PROJECT, "dropped");
            writeSync(client, "0", "init-0-", 10);
            writeSync(client, "1", "init-1-", 10);
            Map<String, SubscriptionOffset> session =
                    client.openSubscriptionSession(PROJECT, TOPIC, subId, List.of("0", "1"))
                            .getOffsets();
            commit(client, subId, session, "0", 4);
            commit(client, subId, session, "1", 6);
            SubscriptionOffset reset = new SubscriptionOffset();
            reset.setSequence(2);
            reset.setTimestamp(1234);
            client.resetSubscriptionOffset(PROJECT, TOPIC, subId, Map.of("1", reset));
            reset.setVersionId(1);
            committed.put("1", reset);
            splitWhenAllowed(client, "0");
            List<ShardEntry> shardsBefore = client.listShard(PROJECT, TOPIC).getShards();

            for (int cycle = 1; cycle <= cycles; cycle++) {
                process = crashWhileWriting(process, List.of("1", "2", "3"), cycle, flags);
                client = SdkMode.PROTOBUF_LZ4.client(process.endpoint());

                verifyMetadata(client, subId, shardsBefore);
                verifyRecords(client);
                Map<String, SubscriptionOffset> reopened =
                        client.openSubscriptionSession(PROJECT, TOPIC, subId, List.of("2", "3"))
                                .getOffsets();
                commit(client, subId, reopened, "2", seen.get("2").size() - 1);
                commit(client, subId, reopened, "3", cycle);
            }
        } finally {
            process.close();
        }
    }

    @Test
    void aDataDirectoryServesOneProcessAndSurvivesAGracefulStop() throws Exception {
        try (EmulatorProcess first = EmulatorProcess.start(dataDir)) {
            DatahubClient client = SdkMode.PROTOBUF.client(first.endpoint());
            client.createProject(PROJECT, "locked");
            client.createTopic(PROJECT, TOPIC, 1, 1, RecordType.TUPLE, schema(), "t");
            writeSync(client, "0", "graceful-", 3);

            assertThatThrownBy(() -> EmulatorProcess.start(dataDir).close())
                    .as("a second emulator on the same data directory")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dataDir.toString());
            assertThat(client.getProject(PROJECT).getComment()).isEqualTo("locked");
        }
        try (EmulatorProcess second = EmulatorProcess.start(dataDir)) {
            DatahubClient client = SdkMode.PROTOBUF.client(second.endpoint());
            assertThat(readAll(client, "0"))
                    .containsExactlyElementsOf(acknowledged.get("0").stream().sorted().toList());
            writeSync(client, "0", "after-", 1);
            assertThat(readAll(client, "0")).hasSize(4);
        }
    }

    private static String[] flags(String fsync) {
        String[] flags = Arrays.copyOf(SIGNED, SIGNED.length + 2);
        flags[SIGNED.length] = "--fsync";
        flags[SIGNED.length + 1] = fsync;
        return flags;
    }

    private EmulatorProcess crashWhileWriting(
            EmulatorProcess process, List<String> shards, int cycle, String[] flags)
            throws Exception {
        DatahubClient client = SdkMode.PROTOBUF_LZ4.client(process.endpoint());
        AtomicInteger written = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (String shard : shards) {
            Thread writer =
                    new Thread(
                            () ->
                                    writeUntilFailure(
                                            client, shard, "c" + cycle + "-s" + shard, written),
                            "writer-" + shard);
            writer.start();
            writers.add(writer);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (written.get() < RECORDS_PER_CYCLE && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(writers).as("writers still running at the crash").allMatch(Thread::isAlive);
        killing.set(true);
        process.kill();
        for (Thread writer : writers) {
            writer.join(30_000);
            assertThat(writer.isAlive()).as("writer stopped after the crash").isFalse();
        }
        killing.set(false);
        assertThat(unexpected).as("write failures before the crash").isEmpty();
        assertThat(written.get()).as("records acknowledged before the crash").isPositive();
        return EmulatorProcess.start(dataDir, flags);
    }

    private void writeUntilFailure(
            DatahubClient client, String shard, String prefix, AtomicInteger written) {
        for (int batch = 0; ; batch++) {
            List<RecordEntry> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(record(prefix + "-" + batch + "-" + i, batch * 5L + i));
            }
            try {
                client.putRecordsByShard(PROJECT, TOPIC, shard, records);
            } catch (RuntimeException e) {
                if (!killing.get()) {
                    unexpected.add(e);
                }
                return; // in flight when killed: may or may not have been stored
            }
            records.forEach(r -> acknowledge(shard, value(r)));
            written.addAndGet(records.size());
        }
    }

    private void writeSync(DatahubClient client, String shard, String prefix, int count) {
        List<RecordEntry> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(prefix + i, i));
        }
        client.putRecordsByShard(PROJECT, TOPIC, shard, records);
        records.forEach(r -> acknowledge(shard, value(r)));
    }

    private void acknowledge(String shard, String value) {
        acknowledged.computeIfAbsent(shard, s -> ConcurrentHashMap.newKeySet()).add(value);
    }

    private void commit(
            DatahubClient client,
            String subId,
            Map<String, SubscriptionOffset> session,
            String shard,
            long sequence) {
        SubscriptionOffset offset = session.get(shard);
        offset.setSequence(sequence);
        offset.setTimestamp(1_000_000L + sequence);
        client.commitSubscriptionOffset(PROJECT, TOPIC, subId, Map.of(shard, offset));
        committed.put(shard, offset);
    }

    /** The split guard is 5 s of real time in the CLI; poll instead of sleeping blindly. */
    private static void splitWhenAllowed(DatahubClient client, String shard) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                client.splitShard(PROJECT, TOPIC, shard, "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
                return;
            } catch (LimitExceededException tooEarly) {
                if (System.nanoTime() > deadline) {
                    throw tooEarly;
                }
                Thread.sleep(200);
            }
        }
    }

    private void verifyMetadata(DatahubClient client, String subId, List<ShardEntry> shardsBefore) {
        assertThat(client.getProject(PROJECT).getComment()).isEqualTo("survives crashes");
        assertThat(client.getTopic(PROJECT, TOPIC).getRecordSchema()).isEqualTo(schema());
        assertThat(client.getTopic(PROJECT, TOPIC).getLifeCycle()).isEqualTo(7);
        assertThat(client.listTopic(PROJECT).getTopicNames())
                .containsExactlyInAnyOrder(TOPIC, "evolved");
        RecordSchema evolved = schema();
        evolved.addField(new Field("added", FieldType.DOUBLE));
        assertThat(client.getTopic(PROJECT, "evolved").getRecordSchema()).isEqualTo(evolved);
        assertThat(client.getTopic(PROJECT, "evolved").getLifeCycle()).isEqualTo(5);
        assertThat(client.getTopic(PROJECT, "evolved").getComment()).isEqualTo("evolved twice");
        List<ShardEntry> shards = client.listShard(PROJECT, TOPIC).getShards();
        assertThat(shards)
                .extracting(
                        ShardEntry::getShardId,
                        ShardEntry::getState,
                        ShardEntry::getBeginHashKey,
                        ShardEntry::getEndHashKey,
                        ShardEntry::getParentShardIds)
                .containsExactlyElementsOf(
                        shardsBefore.stream()
                                .map(
                                        s ->
                                                tuple(
                                                        s.getShardId(),
                                                        s.getState(),
                                                        s.getBeginHashKey(),
                                                        s.getEndHashKey(),
                                                        s.getParentShardIds()))
                                .toList());
        assertThat(shards)
                .filteredOn(s -> s.getShardId().equals("0"))
                .extracting(ShardEntry::getState)
                .containsExactly(ShardState.CLOSED);
        SubscriptionEntry sub = client.getSubscription(PROJECT, TOPIC, subId);
        assertThat(sub.getComment()).isEqualTo("durable sub");
        assertThat(sub.getState()).isEqualTo(SubscriptionState.ONLINE);
        Map<String, SubscriptionOffset> offsets =
                client.getSubscriptionOffset(
                                PROJECT, TOPIC, subId, new ArrayList<>(committed.keySet()))
                        .getOffsets();
        committed.forEach(
                (shard, expected) -> {
                    SubscriptionOffset actual = offsets.get(shard);
                    assertThat(actual).as("offset of shard %s", shard).isNotNull();
                    assertThat(actual.getSequence())
                            .as("shard %s", shard)
                            .isEqualTo(expected.getSequence());
                    assertThat(actual.getTimestamp())
                            .as("shard %s", shard)
                            .isEqualTo(expected.getTimestamp());
                    assertThat(actual.getVersionId())
                            .as("shard %s", shard)
                            .isEqualTo(expected.getVersionId());
                });
    }

    private void verifyRecords(DatahubClient client) {
        for (String shard : List.of("0", "1", "2", "3")) {
            List<String> values = readAll(client, shard);
            assertThat(new LinkedHashSet<>(values))
                    .as("duplicates in shard %s", shard)
                    .hasSameSizeAs(values);
            assertThat(values)
                    .as("acknowledged records of shard %s", shard)
                    .containsAll(acknowledged.getOrDefault(shard, Set.of()));
            List<String> before = seen.getOrDefault(shard, List.of());
            assertThat(values)
                    .as("records of shard %s", shard)
                    .hasSizeGreaterThanOrEqualTo(before.size());
            assertThat(values.subList(0, before.size()))
                    .as("records of shard %s visible before the crash", shard)
                    .isEqualTo(before);
            seen.put(shard, values);
        }
    }

    /** Reads a shard from OLDEST to its end, checking sequences are contiguous from 0. */
    private static List<String> readAll(DatahubClient client, String shard) {
        List<String> values = new ArrayList<>();
        String cursor = client.getCursor(PROJECT, TOPIC, shard, CursorType.OLDEST).getCursor();
        while (true) {
            GetRecordsResult page;
            try {
                page = client.getRecords(PROJECT, TOPIC, shard, schema(), cursor, 1000);
            } catch (ShardSealedException endOfClosedShard) {
                return values;
            }
            if (page.getRecordCount() == 0) {
                return values;
            }
            for (RecordEntry record : page.getRecords()) {
                assertThat(record.getSequence())
                        .as("sequence in shard %s", shard)
                        .isEqualTo(values.size());
                String value = value(record);
                assertThat(((TupleRecordData) record.getRecordData()).getField("n"))
                        .isEqualTo(Long.parseLong(value.substring(value.lastIndexOf('#') + 1)));
                values.add(value);
            }
            cursor = page.getNextCursor();
        }
    }

    private static RecordSchema schema() {
        RecordSchema schema = new RecordSchema();
        schema.addField(new Field("v", FieldType.STRING, false));
        schema.addField(new Field("n", FieldType.BIGINT));
        return schema;
    }

    private static RecordEntry record(String value, long n) {
        TupleRecordData data = new TupleRecordData(schema());
        data.setField("v", value + "#" + n);
        data.setField("n", n);
        RecordEntry record = new RecordEntry();
        record.setRecordData(data);
        return record;
    }

    private static String value(RecordEntry record) {
        return (String) ((TupleRecordData) record.getRecordData()).getField("v");
    }
}
