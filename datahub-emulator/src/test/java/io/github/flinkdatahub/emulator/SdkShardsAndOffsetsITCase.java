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

package io.github.flinkdatahub.emulator;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.exception.LimitExceededException;
import com.aliyun.datahub.client.exception.MalformedRecordException;
import com.aliyun.datahub.client.exception.ShardSealedException;
import com.aliyun.datahub.client.exception.SubscriptionOfflineException;
import com.aliyun.datahub.client.exception.SubscriptionOffsetResetException;
import com.aliyun.datahub.client.exception.SubscriptionSessionInvalidException;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.PutErrorEntry;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import com.aliyun.datahub.client.model.SplitShardResult;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import com.aliyun.datahub.client.model.SubscriptionState;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Split/merge, per-record failures and offset conflicts through the SDK, on a manual clock. */
class SdkShardsAndOffsetsITCase {

    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    private static RecordSchema schema() {
        RecordSchema s = new RecordSchema();
        s.addField(new Field("a", FieldType.STRING));
        s.addField(new Field("b", FieldType.BIGINT));
        return s;
    }

    private static RecordEntry tuple(String a, long b) {
        TupleRecordData d = new TupleRecordData(schema());
        d.setField("a", a);
        d.setField("b", b);
        RecordEntry e = new RecordEntry();
        e.setRecordData(d);
        return e;
    }

    @Test
    void splitMergeAndSealedShards() {
        DatahubClient client = SdkClients.pb(EMULATOR.endpoint(), CompressType.LZ4);
        client.createProject("shards_p", "c");
        client.createTopic("shards_p", "t", 3, 1, RecordType.TUPLE, schema(), "c");
        assertThatThrownBy(() -> client.splitShard("shards_p", "t", "0"))
                .isInstanceOf(LimitExceededException.class);
        CLOCK.advance(Duration.ofSeconds(6));
        client.putRecordsByShard("shards_p", "t", "0", List.of(tuple("x", 1), tuple("y", 2)));

        SplitShardResult split =
                client.splitShard("shards_p", "t", "0", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(split.getNewShards())
                .extracting(ShardEntry::getShardId)
                .containsExactly("3", "4");
        ShardEntry closed = client.listShard("shards_p", "t").getShards().get(0);
        assertThat(closed.getState()).isEqualTo(ShardState.CLOSED);

        RecordEntry toClosed = tuple("z", 3);
        toClosed.setShardId("0");
        PutRecordsResult put = client.putRecords("shards_p", "t", List.of(toClosed));
        assertThat(put.getPutErrorEntries())
                .extracting(PutErrorEntry::getErrorcode)
                .containsExactly("InvalidShardOperation");

        String cursor = client.getCursor("shards_p", "t", "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords("shards_p", "t", "0", schema(), cursor, 10);
        assertThat(read.getRecordCount()).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                client.getRecords(
                                        "shards_p", "t", "0", schema(), read.getNextCursor(), 10))
                .isInstanceOf(ShardSealedException.class);
        assertThatThrownBy(
                        () ->
                                client.splitShard(
                                        "shards_p", "t", "1", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"))
                .isInstanceOf(InvalidParameterException.class);

        CLOCK.advance(Duration.ofSeconds(6));
        assertThat(client.mergeShard("shards_p", "t", "1", "2").getShardId()).isEqualTo("5");
        assertThatThrownBy(() -> client.mergeShard("shards_p", "t", "1", "2"))
                .isInstanceOf(ShardSealedException.class);
        assertThatThrownBy(() -> client.mergeShard("shards_p", "t", "3", "3"))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void perRecordFailuresAndMalformedPutByShard() {
        DatahubClient json = SdkClients.json(EMULATOR.endpoint());
        json.createProject("fail_p", "c");
        json.createTopic("fail_p", "t", 3, 1, RecordType.TUPLE, schema(), "c");
        List<RecordEntry> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(tuple("v" + i, i));
        }
        assertThat(json.putRecords("fail_p", "t", records).getFailedRecordCount()).isZero();
        String cursor = json.getCursor("fail_p", "t", "0", CursorType.OLDEST).getCursor();
        assertThat(json.getRecords("fail_p", "t", "0", schema(), cursor, 100).getRecordCount())
                .isEqualTo(4);

        RecordEntry badId = tuple("x", 1);
        badId.setShardId("AAA");
        assertThat(json.putRecords("fail_p", "t", List.of(badId)).getPutErrorEntries())
                .extracting(PutErrorEntry::getErrorcode)
                .containsExactly("InvalidShardId");

        RecordSchema wider = schema();
        wider.addField(new Field("extra", FieldType.STRING));
        TupleRecordData d = new TupleRecordData(wider);
        d.setField("a", "x");
        RecordEntry extra = new RecordEntry();
        extra.setRecordData(d);
        DatahubClient pb = SdkClients.pb(EMULATOR.endpoint(), CompressType.DEFLATE);
        assertThatThrownBy(() -> pb.putRecordsByShard("fail_p", "t", "1", List.of(extra)))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void offsetConflicts() {
        DatahubClient client = SdkClients.json(EMULATOR.endpoint());
        client.createProject("off_p", "c");
        client.createTopic("off_p", "t", 1, 1, RecordType.TUPLE, schema(), "c");
        String sub = client.createSubscription("off_p", "t", "c").getSubId();

        SubscriptionOffset never = offset("1", 0, 5);
        assertThatThrownBy(
                        () ->
                                client.commitSubscriptionOffset(
                                        "off_p", "t", sub, Map.of("0", never)))
                .isInstanceOf(SubscriptionSessionInvalidException.class);
        SubscriptionOffset first =
                client.openSubscriptionSession("off_p", "t", sub, List.of("0"))
                        .getOffsets()
                        .get("0");
        SubscriptionOffset second =
                client.openSubscriptionSession("off_p", "t", sub, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(second.getSessionId()).isNotEqualTo(first.getSessionId());
        assertThatThrownBy(
                        () ->
                                client.commitSubscriptionOffset(
                                        "off_p",
                                        "t",
                                        sub,
                                        Map.of("0", offset(first.getSessionId(), 0, 5))))
                .isInstanceOf(SubscriptionSessionInvalidException.class);

        SubscriptionOffset reset = new SubscriptionOffset();
        reset.setSequence(20);
        reset.setTimestamp(2000);
        client.resetSubscriptionOffset("off_p", "t", sub, Map.of("0", reset));
        SubscriptionOffset got =
                client.getSubscriptionOffset("off_p", "t", sub, List.of("0")).getOffsets().get("0");
        assertThat(got.getVersionId()).isEqualTo(1);
        assertThat(got.getSequence()).isEqualTo(20);
        assertThatThrownBy(
                        () ->
                                client.commitSubscriptionOffset(
                                        "off_p",
                                        "t",
                                        sub,
                                        Map.of("0", offset(second.getSessionId(), 0, 5))))
                .isInstanceOf(SubscriptionOffsetResetException.class);

        client.updateSubscriptionState("off_p", "t", sub, SubscriptionState.OFFLINE);
        assertThatThrownBy(
                        () ->
                                client.commitSubscriptionOffset(
                                        "off_p",
                                        "t",
                                        sub,
                                        Map.of("0", offset(second.getSessionId(), 1, 5))))
                .isInstanceOf(SubscriptionOfflineException.class);
    }

    private static SubscriptionOffset offset(String session, long version, long sequence) {
        SubscriptionOffset o = new SubscriptionOffset();
        o.setSessionId(session);
        o.setVersionId(version);
        o.setSequence(sequence);
        o.setTimestamp(1000);
        return o;
    }
}
