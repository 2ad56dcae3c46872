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

package io.github.flinkdatahub.connector.testutils;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.CursorResult;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.InvalidCursorException;
import io.github.flinkdatahub.connector.client.MalformedRecordException;
import io.github.flinkdatahub.connector.client.OffsetResetException;
import io.github.flinkdatahub.connector.client.OffsetSessionException;
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.SeekOutOfRangeException;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardRange;
import io.github.flinkdatahub.connector.client.ShardSealedException;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of the records, shards and offsets roles, for the operations {@link FakeDataHub}
 * implements. Run once against {@link FakeDataHubClient} ({@link FakeRecordsAndShardsContractTest})
 * and once against the HTTP client on the emulator ({@code
 * EmulatorRecordsAndShardsContractITCase}): the emulator follows the protocol notes and is the
 * reference, so a test failing only for the fake is a bug in the fake. Subclasses provide the
 * client, the setup the fake does directly, and time.
 */
public abstract class RecordsAndShardsContractTest {

    /** The topic schema of the TUPLE tests. */
    protected static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING));

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The client under test, open for one test. */
    protected DataHubClient client;

    /** A fresh project name per test. */
    protected String project;

    private static final String TOPIC = "t";

    /** A new client (closed after the test). */
    protected abstract DataHubClient newClient();

    /** Makes the project exist (a no-op for the fake, which has no projects). */
    protected abstract void createProject(String project);

    /** The service's current time, in milliseconds. */
    protected abstract long nowMillis();

    /** Moves the service's clock forward. */
    protected abstract void advanceMillis(long millis);

    /** Makes every record of the shard expire, as retention would. */
    protected abstract void expireAllRecords(String project, String topic, String shardId);

    @BeforeEach
    void openClient() {
        client = newClient();
        project =
                "contract_" + getClass().getSimpleName().length() + "_" + COUNTER.incrementAndGet();
        createProject(project);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private void tupleTopic(int shards) {
        client.createTupleTopic(project, TOPIC, shards, 1, SCHEMA, "contract");
    }

    private static TupleRecord row(long id, String name) {
        return TupleRecord.of(SCHEMA, id, name);
    }

    /** Writes one record per put, the clock moving 10 ms after each; returns the system times. */
    private List<Long> writeSpaced(String shardId, int count) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            client.putRecordsByShard(
                    project, TOPIC, shardId, List.of(PutRecord.of(row(i, "r" + i))));
            advanceMillis(10);
        }
        for (ReadRecord r : readAll(shardId)) {
            times.add(r.systemTime());
        }
        return times;
    }

    private List<ReadRecord> readAll(String shardId) {
        String cursor = client.getCursor(project, TOPIC, shardId, CursorType.OLDEST).cursor();
        return client.getRecords(project, TOPIC, shardId, cursor, 1000, SCHEMA).records();
    }

    // ---- cursors

    @Test
    void cursorsOnAnEmptyShard() {
        tupleTopic(1);
        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        assertThat(oldest.sequence()).isZero();
        assertThat(oldest.recordTime()).isZero();
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.LATEST).sequence()).isZero();
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 0).sequence())
                .as("the tail position latest+1 = 0")
                .isZero();
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 1))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThat(
                        client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        nowMillis() - 1000)
                                .sequence())
                .as("a past time with no record after it: the tail")
                .isZero();
        assertThatThrownBy(
                        () ->
                                client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        nowMillis() + 3_600_000))
                .isInstanceOf(SeekOutOfRangeException.class);

        GetRecordsResult empty =
                client.getRecords(project, TOPIC, "0", oldest.cursor(), 10, SCHEMA);
        assertThat(empty.records()).isEmpty();
        assertThat(empty.nextCursor()).isEqualTo(oldest.cursor());
        assertThat(empty.latestSequence()).isEqualTo(-1);
        assertThat(empty.startSequence()).isZero();
    }

    @Test
    void cursorsOverData() {
        tupleTopic(1);
        List<Long> times = writeSpaced("0", 5);
        assertThat(times).isSorted().doesNotHaveDuplicates();

        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        assertThat(oldest.sequence()).isZero();
        assertThat(oldest.recordTime()).isEqualTo(times.get(0));
        CursorResult latest = client.getCursor(project, TOPIC, "0", CursorType.LATEST);
        assertThat(latest.sequence()).isEqualTo(4);
        assertThat(latest.recordTime()).isEqualTo(times.get(4));
        assertThat(client.getRecords(project, TOPIC, "0", latest.cursor(), 10, SCHEMA).records())
                .as("LATEST reads the newest record")
                .extracting(ReadRecord::sequence)
                .containsExactly(4L);

        CursorResult two = client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 2);
        assertThat(two.sequence()).isEqualTo(2);
        assertThat(two.recordTime()).isEqualTo(times.get(2));
        CursorResult tail = client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 5);
        assertThat(tail.sequence()).isEqualTo(5);
        assertThat(tail.recordTime()).isZero();
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 6))
                .isInstanceOf(SeekOutOfRangeException.class);

        assertThat(
                        client.getCursor(project, TOPIC, "0", CursorType.SYSTEM_TIME, times.get(3))
                                .sequence())
                .isEqualTo(3);
        assertThat(
                        client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        times.get(3) - 1)
                                .sequence())
                .as("the first record at or after the time")
                .isEqualTo(3);
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.SYSTEM_TIME, 0).sequence())
                .isZero();
        assertThat(
                        client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        times.get(4) + 1)
                                .sequence())
                .as("after the last record but not in the future: the tail")
                .isEqualTo(5);
        assertThatThrownBy(
                        () ->
                                client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        nowMillis() + 3_600_000))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "7", CursorType.OLDEST))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ---- reads

    @Test
    void getRecordsHonoursTheLimitAndReportsTheLatestSequence() {
        tupleTopic(1);
        List<Long> times = writeSpaced("0", 5);
        String cursor = client.getCursor(project, TOPIC, "0", CursorType.OLDEST).cursor();
        GetRecordsResult first = client.getRecords(project, TOPIC, "0", cursor, 2, SCHEMA);
        assertThat(first.records()).extracting(ReadRecord::sequence).containsExactly(0L, 1L);
        assertThat(first.records().get(1).payload()).isEqualTo(row(1, "r1"));
        assertThat(first.records()).extracting(ReadRecord::shardId).containsOnly("0");
        assertThat(first.startSequence()).isZero();
        assertThat(first.latestSequence()).isEqualTo(4);
        assertThat(first.latestTime()).isEqualTo(times.get(4));
        assertThat(first.nextCursor()).isEqualTo(first.records().get(1).nextCursor());

        GetRecordsResult rest =
                client.getRecords(project, TOPIC, "0", first.nextCursor(), 1000, SCHEMA);
        assertThat(rest.records()).extracting(ReadRecord::sequence).containsExactly(2L, 3L, 4L);
        assertThat(rest.startSequence()).isEqualTo(2);

        GetRecordsResult atTail =
                client.getRecords(project, TOPIC, "0", rest.nextCursor(), 10, SCHEMA);
        assertThat(atTail.records()).isEmpty();
        assertThat(atTail.nextCursor())
                .as("an empty read returns the request cursor")
                .isEqualTo(rest.nextCursor());
        assertThat(atTail.latestSequence()).isEqualTo(4);

        client.putRecordsByShard(project, TOPIC, "0", List.of(PutRecord.of(row(9, "late"))));
        assertThat(
                        client.getRecords(project, TOPIC, "0", atTail.nextCursor(), 10, SCHEMA)
                                .records())
                .extracting(ReadRecord::payload)
                .containsExactly(row(9, "late"));
    }

    @Test
    void attributesAndBlobsRoundTrip() {
        client.createBlobTopic(project, "b", 1, 1, "contract");
        byte[] data = "blob\u0000data".getBytes(StandardCharsets.UTF_8);
        client.putRecordsByShard(
                project,
                "b",
                "0",
                List.of(PutRecord.of(BlobRecord.of(data)).withAttributes(Map.of("k", "v"))));
        String cursor = client.getCursor(project, "b", "0", CursorType.OLDEST).cursor();
        ReadRecord r = client.getRecords(project, "b", "0", cursor, 10, null).records().get(0);
        assertThat(((BlobRecord) r.payload()).data()).isEqualTo(data);
        assertThat(r.attributes()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void theEndOfAClosedShardIsShardSealed() {
        tupleTopic(1);
        writeSpaced("0", 2);
        advanceMillis(6_000); // a shard younger than 5 s cannot be split
        client.splitShard(project, TOPIC, "0");
        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        GetRecordsResult drained =
                client.getRecords(project, TOPIC, "0", oldest.cursor(), 10, SCHEMA);
        assertThat(drained.records()).hasSize(2);
        assertThatThrownBy(
                        () ->
                                client.getRecords(
                                        project, TOPIC, "0", drained.nextCursor(), 10, SCHEMA))
                .isInstanceOf(ShardSealedException.class)
                .satisfies(
                        e ->
                                assertThat(PutErrorClass.of((DataHubException) e))
                                        .isEqualTo(PutErrorClass.REROUTE));
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.LATEST).sequence())
                .as("cursors still work on a CLOSED shard")
                .isEqualTo(1);
        assertThatThrownBy(
                        () ->
                                client.putRecordsByShard(
                                        project, TOPIC, "0", List.of(PutRecord.of(row(1, "x")))))
                .isInstanceOf(ShardSealedException.class);
    }

    @Test
    void anExpiredOrForeignCursorIsInvalid() {
        tupleTopic(2);
        writeSpaced("0", 3);
        String old = client.getCursor(project, TOPIC, "0", CursorType.OLDEST).cursor();
        assertThatThrownBy(() -> client.getRecords(project, TOPIC, "1", old, 10, SCHEMA))
                .as("a cursor of another shard")
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(
                        () ->
                                client.getRecords(
                                        project,
                                        TOPIC,
                                        "0",
                                        "30000000000000000000000000000001",
                                        10,
                                        SCHEMA))
                .isInstanceOf(InvalidCursorException.class);
        expireAllRecords(project, TOPIC, "0");
        assertThatThrownBy(() -> client.getRecords(project, TOPIC, "0", old, 10, SCHEMA))
                .isInstanceOf(InvalidCursorException.class);
        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        assertThat(oldest.sequence()).as("OLDEST moves past the expired records").isEqualTo(3);
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 0))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThat(client.getRecords(project, TOPIC, "0", oldest.cursor(), 10, SCHEMA).records())
                .isEmpty();
    }

    // ---- writes

    @Test
    void putRoutesEachRecordAndReportsFailuresPerRecord() {
        tupleTopic(3);
        List<ShardInfo> shards = client.listShards(project, TOPIC);
        String partitionKey = "user-42";
        String expectedByKey =
                HashKeyRange.ownerOf(shards, HashKeyRange.partitionKeyHash(partitionKey)).shardId();
        String hashKey = shards.get(2).beginHashKey();
        List<PutRecord> records =
                List.of(
                        PutRecord.toShard("1", row(1, "by shard")),
                        PutRecord.withHashKey(hashKey, row(2, "by hash key")),
                        PutRecord.withPartitionKey(partitionKey, row(3, "by partition key")),
                        PutRecord.toShard("99", row(4, "no such shard")),
                        PutRecord.toShard("x", row(5, "bad id")),
                        PutRecord.toShard("0", BlobRecord.of(new byte[] {1})),
                        PutRecord.toShard("0", row(6, "fine")));
        PutRecordsResult result = client.putRecords(project, TOPIC, records);
        assertThat(result.failedRecords())
                .extracting(
                        PutRecordsResult.FailedRecord::index,
                        PutRecordsResult.FailedRecord::errorCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "NoSuchShard"),
                        org.assertj.core.groups.Tuple.tuple(4, "InvalidShardId"),
                        org.assertj.core.groups.Tuple.tuple(5, "MalformedRecord"));
        assertThat(result.failedRecords())
                .extracting(PutRecordsResult.FailedRecord::errorClass)
                .containsExactly(PutErrorClass.REROUTE, PutErrorClass.FATAL, PutErrorClass.FATAL);
        assertThat(payloads("1")).contains(row(1, "by shard"));
        assertThat(payloads("2")).contains(row(2, "by hash key"));
        assertThat(payloads(expectedByKey)).contains(row(3, "by partition key"));
        assertThat(payloads("0")).contains(row(6, "fine"));
        assertThat(payloads("0").size() + payloads("1").size() + payloads("2").size()).isEqualTo(4);
    }

    @Test
    void putToAClosedShardFailsForThatRecordOnly() {
        tupleTopic(1);
        advanceMillis(6_000);
        client.splitShard(project, TOPIC, "0");
        PutRecordsResult result =
                client.putRecords(
                        project,
                        TOPIC,
                        List.of(
                                PutRecord.toShard("0", row(1, "closed")),
                                PutRecord.toShard("1", row(2, "open"))));
        assertThat(result.failedRecords())
                .extracting(
                        PutRecordsResult.FailedRecord::index,
                        PutRecordsResult.FailedRecord::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "InvalidShardOperation"));
        assertThat(result.failedRecords().get(0).errorClass()).isEqualTo(PutErrorClass.REROUTE);
        assertThat(payloads("1")).containsExactly(row(2, "open"));
    }

    @Test
    void putByShardFailsAsAWhole() {
        tupleTopic(2);
        client.putRecordsByShard(
                project, TOPIC, "1", List.of(PutRecord.of(row(1, "a")), PutRecord.of(row(2, "b"))));
        assertThat(payloads("1")).containsExactly(row(1, "a"), row(2, "b"));
        assertThatThrownBy(
                        () ->
                                client.putRecordsByShard(
                                        project,
                                        TOPIC,
                                        "1",
                                        List.of(
                                                PutRecord.of(row(3, "c")),
                                                PutRecord.of(BlobRecord.of(new byte[1])))))
                .isInstanceOf(MalformedRecordException.class);
        assertThat(payloads("1")).as("nothing of the failed request was written").hasSize(2);
        assertThatThrownBy(
                        () ->
                                client.putRecordsByShard(
                                        project, TOPIC, "9", List.of(PutRecord.of(row(4, "d")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private List<Object> payloads(String shardId) {
        List<Object> out = new ArrayList<>();
        readAll(shardId).forEach(r -> out.add(r.payload()));
        return out;
    }

    // ---- split and merge

    @Test
    void splitAndMergeAreListedWithStatesParentsAndRanges() {
        tupleTopic(2);
        List<ShardInfo> before = client.listShards(project, TOPIC);
        assertThat(before).extracting(ShardInfo::shardId).containsExactly("0", "1");
        assertThat(before.get(0).hashKeyRange().begin()).isZero();
        assertThat(before.get(1).hashKeyRange().end()).isEqualTo(HashKeyRange.MAX_KEY);
        assertThat(before.get(0).hashKeyRange().end())
                .isEqualTo(before.get(1).hashKeyRange().begin());
        assertThat(before.get(0).rightShardId()).isEqualTo("1");
        assertThat(before.get(1).leftShardId()).isEqualTo("0");
        assertThat(before.get(0).leftShardId()).isNull();
        assertThat(before).allSatisfy(s -> assertThat(s.closedTime()).isZero());

        advanceMillis(6_000);
        HashKeyRange parent = before.get(0).hashKeyRange();
        List<ShardRange> children = client.splitShard(project, TOPIC, "0");
        assertThat(children).extracting(ShardRange::shardId).containsExactly("2", "3");
        BigInteger mid = parent.begin().add(parent.end()).shiftRight(1);
        assertThat(HashKeyRange.of(children.get(0).beginHashKey(), children.get(0).endHashKey()))
                .isEqualTo(new HashKeyRange(parent.begin(), mid));
        assertThat(HashKeyRange.of(children.get(1).beginHashKey(), children.get(1).endHashKey()))
                .isEqualTo(new HashKeyRange(mid, parent.end()));

        advanceMillis(6_000);
        ShardRange merged = client.mergeShard(project, TOPIC, "3", "1");
        assertThat(merged.shardId()).isEqualTo("4");

        List<ShardInfo> after = client.listShards(project, TOPIC);
        assertThat(after).extracting(ShardInfo::shardId).containsExactly("0", "1", "2", "3", "4");
        assertThat(after)
                .extracting(ShardInfo::state)
                .containsExactly(
                        ShardState.CLOSED,
                        ShardState.CLOSED,
                        ShardState.ACTIVE,
                        ShardState.CLOSED,
                        ShardState.ACTIVE);
        assertThat(after.get(2).parentShardIds()).containsExactly("0");
        assertThat(after.get(3).parentShardIds()).containsExactly("0");
        assertThat(after.get(4).parentShardIds()).containsExactly("3", "1");
        assertThat(after.get(4).hashKeyRange())
                .isEqualTo(new HashKeyRange(mid, before.get(1).hashKeyRange().end()));
        assertThat(after.get(2).rightShardId()).isEqualTo("4");
        assertThat(after.get(4).leftShardId()).isEqualTo("2");
        assertThat(after.get(0).closedTime()).isPositive();
        assertThat(after.get(0).closedTime())
                .as("ClosedTime is in seconds, like the other admin times")
                .isLessThan(nowMillis() / 100);
        assertThat(after.get(2).closedTime()).isZero();
        assertThat(client.getTopic(project, TOPIC).shardCount()).isEqualTo(2);
    }

    // ---- subscription offsets

    @Test
    void offsetsNeedTheCurrentSessionAndVersion() {
        tupleTopic(2);
        String sub = client.createSubscription(project, TOPIC, "contract");
        Map<String, SubscriptionOffset> opened =
                client.openOffsetSession(project, TOPIC, sub, List.of("0", "1"));
        assertThat(opened).containsOnlyKeys("0", "1");
        SubscriptionOffset o = opened.get("0");
        assertThat(o.sequence()).isEqualTo(-1);
        assertThat(o.timestamp()).isEqualTo(-1);
        assertThat(o.version()).isZero();
        assertThat(o.sessionId()).isNotNull();

        client.commitOffsets(
                project,
                TOPIC,
                sub,
                Map.of("0", new SubscriptionOffset(5, 1000, o.version(), o.sessionId(), 0)));
        SubscriptionOffset committed =
                client.getOffsets(project, TOPIC, sub, List.of("0")).get("0");
        assertThat(committed.sequence()).isEqualTo(5);
        assertThat(committed.timestamp()).isEqualTo(1000);

        SubscriptionOffset reopened =
                client.openOffsetSession(project, TOPIC, sub, List.of("0")).get("0");
        assertThat(reopened.sessionId()).isNotEqualTo(o.sessionId());
        assertThat(reopened.sequence()).isEqualTo(5);
        assertThatThrownBy(
                        () ->
                                client.commitOffsets(
                                        project,
                                        TOPIC,
                                        sub,
                                        Map.of(
                                                "0",
                                                new SubscriptionOffset(
                                                        6, 1001, 0, o.sessionId(), 0))))
                .isInstanceOf(OffsetSessionException.class)
                .satisfies(
                        e ->
                                assertThat(((DataHubException) e).errorCode())
                                        .isEqualTo("OffsetSessionChanged"));

        client.resetOffsets(project, TOPIC, sub, Map.of("0", SubscriptionOffset.forReset(2, 500)));
        SubscriptionOffset reset = client.getOffsets(project, TOPIC, sub, List.of("0")).get("0");
        assertThat(reset.version()).isEqualTo(reopened.version() + 1);
        assertThat(reset.sequence()).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                client.commitOffsets(
                                        project,
                                        TOPIC,
                                        sub,
                                        Map.of(
                                                "0",
                                                new SubscriptionOffset(
                                                        7,
                                                        1002,
                                                        reopened.version(),
                                                        reopened.sessionId(),
                                                        0))))
                .isInstanceOf(OffsetResetException.class);
        client.commitOffsets(
                project,
                TOPIC,
                sub,
                Map.of(
                        "0",
                        new SubscriptionOffset(8, 1003, reset.version(), reopened.sessionId(), 0)));
        assertThat(client.getOffsets(project, TOPIC, sub, List.of("0")).get("0").sequence())
                .isEqualTo(8);

        assertThatThrownBy(
                        () ->
                                client.commitOffsets(
                                        project,
                                        TOPIC,
                                        sub,
                                        Map.of("1", new SubscriptionOffset(1, 1, 0, 12345L, 0))))
                .as("a session id that was never issued")
                .isInstanceOf(OffsetSessionException.class);
        assertThatThrownBy(() -> client.openOffsetSession(project, TOPIC, sub, List.of("9")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.getOffsets(project, TOPIC, "no_such_sub", List.of("0")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
