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

import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.exception.LimitExceededException;
import com.aliyun.datahub.client.exception.ShardSealedException;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.MergeShardResult;
import com.aliyun.datahub.client.model.PutErrorEntry;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import com.aliyun.datahub.client.model.SplitShardResult;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.putToShard;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Checks B11 (split, with the 5-second rule) and B12 (merge) of protocol section 12.B with the SDK.
 * A {@link ManualClock} started at the real time (so signatures stay within the skew window)
 * replaces waiting.
 */
class ShardConformanceITCase {

    private static final Duration PAST_SPLIT_GUARD = Duration.ofSeconds(5).plusMillis(1);
    private static final String KEY_2AAA = "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String KEY_5555 = "55555555555555555555555555555555";

    /** Shared by both emulators; each test uses its own topic, so moving it is harmless. */
    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair(CLOCK);

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b11b12SplitAndMerge(SdkMode mode, boolean withSignatures) {
        DatahubClient client = EMULATORS.client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);
        RecordSchema schema = allTypesSchema();

        assertDataHubError(
                () -> client.splitShard(project, topic, "0", KEY_2AAA),
                LimitExceededException.class,
                "LimitExceeded");

        CLOCK.advance(PAST_SPLIT_GUARD);
        putToShard(
                client,
                mode,
                project,
                topic,
                "0",
                List.of(tupleRecord(schema, 0), tupleRecord(schema, 1)));
        SplitShardResult split = client.splitShard(project, topic, "0", KEY_2AAA);

        assertThat(split.getNewShards())
                .extracting(
                        ShardEntry::getShardId,
                        ShardEntry::getBeginHashKey,
                        ShardEntry::getEndHashKey)
                .containsExactly(
                        tuple("3", "00000000000000000000000000000000", KEY_2AAA),
                        tuple("4", KEY_2AAA, KEY_5555));
        Map<String, ShardEntry> shards = shards(client, project, topic);
        assertThat(shards.get("0").getState()).isEqualTo(ShardState.CLOSED);
        assertThat(shards.get("0").getClosedTime()).isPositive();
        assertThat(shards.get("3").getState()).isEqualTo(ShardState.ACTIVE);
        assertThat(shards.get("3").getParentShardIds()).containsExactly("0");
        assertThat(shards.get("4").getParentShardIds()).containsExactly("0");

        RecordEntry toClosed = tupleRecord(schema, 2);
        toClosed.setShardId("0");
        PutRecordsResult rejected = client.putRecords(project, topic, List.of(toClosed));
        assertThat(rejected.getFailedRecordCount()).isEqualTo(1);
        assertThat(rejected.getPutErrorEntries())
                .extracting(PutErrorEntry::getErrorcode)
                .containsExactly("InvalidShardOperation");
        if (mode.binary()) {
            assertDataHubError(
                    () ->
                            client.putRecordsByShard(
                                    project, topic, "0", List.of(tupleRecord(schema, 3))),
                    ShardSealedException.class,
                    "InvalidShardOperation");
        }

        String oldest = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        GetRecordsResult drained = client.getRecords(project, topic, "0", schema, oldest, 10);
        assertThat(drained.getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactly(0L, 1L);
        assertDataHubError(
                () -> client.getRecords(project, topic, "0", schema, drained.getNextCursor(), 10),
                ShardSealedException.class,
                "InvalidShardOperation");
        assertDataHubError(
                () -> client.splitShard(project, topic, "0", "15555555555555555555555555555555"),
                ShardSealedException.class,
                "InvalidShardOperation");
        assertDataHubError(
                () -> client.splitShard(project, topic, "1", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
                InvalidParameterException.class,
                "InvalidParameter");

        // B12: merge
        MergeShardResult merged = client.mergeShard(project, topic, "1", "2");

        assertThat(merged.getShardId()).isEqualTo("5");
        assertThat(merged.getBeginHashKey()).isEqualTo(KEY_5555);
        assertThat(merged.getEndHashKey()).isEqualTo("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
        shards = shards(client, project, topic);
        assertThat(shards.get("5").getParentShardIds()).containsExactlyInAnyOrder("1", "2");
        assertThat(shards.get("1").getState()).isEqualTo(ShardState.CLOSED);
        assertThat(shards.get("2").getState()).isEqualTo(ShardState.CLOSED);
        assertThat(shards.values())
                .filteredOn(s -> s.getState() == ShardState.ACTIVE)
                .extracting(ShardEntry::getShardId)
                .containsExactlyInAnyOrder("3", "4", "5");
        assertDataHubError(
                () -> client.mergeShard(project, topic, "1", "2"),
                ShardSealedException.class,
                "InvalidShardOperation");

        CLOCK.advance(PAST_SPLIT_GUARD);
        assertDataHubError(
                () -> client.mergeShard(project, topic, "3", "5"),
                InvalidParameterException.class,
                "InvalidParameter");
        assertDataHubError(
                () -> client.mergeShard(project, topic, "3", "3"),
                InvalidParameterException.class,
                "InvalidParameter");
        MergeShardResult again = client.mergeShard(project, topic, "4", "5");
        assertThat(again.getShardId()).isEqualTo("6");
        assertThat(again.getBeginHashKey()).isEqualTo(KEY_2AAA);

        // Readers commit the offsets of drained parents as well as of their children.
        String subId = client.createSubscription(project, topic, "after reshaping").getSubId();
        Map<String, SubscriptionOffset> session =
                client.openSubscriptionSession(project, topic, subId, List.of("0", "6"))
                        .getOffsets();
        SubscriptionOffset parent = session.get("0");
        parent.setSequence(1);
        parent.setTimestamp(drained.getRecords().get(1).getSystemTime());
        client.commitSubscriptionOffset(project, topic, subId, Map.of("0", parent));
        assertThat(
                        client.getSubscriptionOffset(project, topic, subId, List.of("0", "6"))
                                .getOffsets())
                .hasEntrySatisfying("0", o -> assertThat(o.getSequence()).isEqualTo(1L))
                .hasEntrySatisfying("6", o -> assertThat(o.getSequence()).isEqualTo(-1L));
    }

    private static Map<String, ShardEntry> shards(
            DatahubClient client, String project, String topic) {
        return client.listShard(project, topic).getShards().stream()
                .collect(Collectors.toMap(ShardEntry::getShardId, Function.identity()));
    }
}
