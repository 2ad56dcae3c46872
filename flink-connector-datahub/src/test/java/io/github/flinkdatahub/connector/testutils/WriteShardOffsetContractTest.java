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
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.MalformedRecordException;
import io.github.flinkdatahub.connector.client.OffsetResetException;
import io.github.flinkdatahub.connector.client.OffsetSessionException;
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardRange;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of writes, split and merge listing, and subscription offsets. */
public abstract class WriteShardOffsetContractTest extends ContractTestBase {

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
