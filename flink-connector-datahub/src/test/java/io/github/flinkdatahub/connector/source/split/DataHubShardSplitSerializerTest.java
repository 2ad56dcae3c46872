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

package io.github.flinkdatahub.connector.source.split;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataHubShardSplitSerializerTest {

    private static final DataHubShardSplitSerializer SERIALIZER =
            DataHubShardSplitSerializer.INSTANCE;

    /** Version-1 bytes of {@link #full()}, stored so that an accidental format change fails. */
    private static final String V1_FIXTURE =
            "00017400013700000000000000002a0100000000000000630000000002000133"
                    + "0001340100203030303030303030303030303030303030303030303030303030"
                    + "3030303030300100203746464646464646464646464646464646464646464646"
                    + "46464646464646464600";

    /** Version-2 bytes of {@link #full()} at batch index 5, stored like {@link #V1_FIXTURE}. */
    private static final String V2_FIXTURE =
            "00017400013700000000000000002a000000050100000000000000630000000002000133"
                    + "0001340100203030303030303030303030303030303030303030303030303030"
                    + "3030303030300100203746464646464646464646464646464646464646464646"
                    + "46464646464646464600";

    private static DataHubShardSplit full() {
        return new DataHubShardSplit(
                "t",
                "7",
                ShardPosition.atSequence(42),
                99L,
                null,
                List.of("3", "4"),
                "00000000000000000000000000000000",
                "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                false);
    }

    @Test
    void roundTripsEveryField() throws Exception {
        DataHubShardSplit split =
                new DataHubShardSplit(
                        "topic_a",
                        "12",
                        ShardPosition.earliest(),
                        null,
                        1_700_000_000_000L,
                        List.of("10"),
                        null,
                        null,
                        true);
        assertThat(SERIALIZER.deserialize(SERIALIZER.getVersion(), SERIALIZER.serialize(split)))
                .isEqualTo(split);
        assertThat(SERIALIZER.deserialize(2, SERIALIZER.serialize(full()))).isEqualTo(full());
        DataHubShardSplit midBatch = full().withStart(ShardPosition.atSequence(42, 5));
        assertThat(SERIALIZER.deserialize(2, SERIALIZER.serialize(midBatch))).isEqualTo(midBatch);
    }

    @Test
    void currentFormatMatchesStoredFixture() throws Exception {
        assertThat(SERIALIZER.getVersion()).isEqualTo(2);
        DataHubShardSplit midBatch = full().withStart(ShardPosition.atSequence(42, 5));
        byte[] bytes = SERIALIZER.serialize(midBatch);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(V2_FIXTURE);
        assertThat(SERIALIZER.deserialize(2, HexFormat.of().parseHex(V2_FIXTURE)))
                .isEqualTo(midBatch);
    }

    @Test
    void readsVersionOneStateAsTheStartOfABatch() throws Exception {
        // Bytes written by the version-1 serializer (before batch indexes existed).
        DataHubShardSplit restored = SERIALIZER.deserialize(1, HexFormat.of().parseHex(V1_FIXTURE));
        assertThat(restored).isEqualTo(full());
        assertThat(restored.start().batchIndex()).isZero();
        assertThat(HexFormat.of().formatHex(DataHubShardSplitSerializer.serializeV1(full())))
                .isEqualTo(V1_FIXTURE);
    }

    @Test
    void enumeratorStateWithVersionOneSplitsStillRestores() throws Exception {
        // Enumerator state of the previous release: its unassigned split is prefixed by split
        // serializer version 1.
        byte[] v1Split = HexFormat.of().parseHex(V1_FIXTURE);
        org.apache.flink.core.memory.DataOutputSerializer out =
                new org.apache.flink.core.memory.DataOutputSerializer(256);
        out.writeInt(1);
        out.writeInt(1);
        out.writeInt(v1Split.length);
        out.write(v1Split);
        out.writeInt(0);
        out.writeInt(0);
        out.writeBoolean(true);
        var state =
                io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorStateSerializer
                        .INSTANCE
                        .deserialize(1, out.getCopyOfBuffer());
        assertThat(state.unassigned()).containsExactly(full());
    }

    @Test
    void readsVersionZeroState() throws Exception {
        DataHubShardSplit atSequence =
                DataHubShardSplit.of("t", "5", ShardPosition.atSequence(17), List.of("1", "2"));
        DataHubShardSplit earliest =
                DataHubShardSplit.of("t", "6", ShardPosition.earliest(), List.of());

        assertThat(SERIALIZER.deserialize(0, DataHubShardSplitSerializer.serializeV0(atSequence)))
                .isEqualTo(atSequence);
        DataHubShardSplit restored =
                SERIALIZER.deserialize(0, DataHubShardSplitSerializer.serializeV0(earliest));
        assertThat(restored.start().atEarliest()).isTrue();
        assertThat(restored.stopSequence()).isEmpty();
        assertThat(restored.isFinished()).isFalse();
    }

    @Test
    void unknownVersionFailsWithTheVersion() {
        assertThatThrownBy(() -> SERIALIZER.deserialize(9, new byte[0]))
                .hasMessageContaining("version 9");
    }

    @Test
    void splitStateStepsThroughABatchAndThenToTheNextSequence() {
        DataHubShardSplitState state = new DataHubShardSplitState(full());
        state.emitted(42, 0, false, 1000);
        assertThat(state.toSplit().start()).isEqualTo(ShardPosition.atSequence(42, 1));
        state.emitted(42, 1, false, 1000);
        assertThat(state.toSplit().start()).isEqualTo(ShardPosition.atSequence(42, 2));
        assertThat(state.lastEmittedBatchIndex()).isEqualTo(1);
        state.emitted(42, 2, true, 1000);
        assertThat(state.toSplit().start()).isEqualTo(ShardPosition.atSequence(43));
        assertThat(state.lastEmittedSequence()).isEqualTo(42);
        assertThat(state.lastEmittedBatchIndex()).isEqualTo(2);
    }

    @Test
    void splitStateTracksNextSequence() {
        DataHubShardSplitState state = new DataHubShardSplitState(full());
        assertThat(state.toSplit().start()).isEqualTo(ShardPosition.atSequence(42));
        state.emitted(42, 1000);
        state.emitted(43, 1001);
        assertThat(state.toSplit().start()).isEqualTo(ShardPosition.atSequence(44));
        assertThat(state.lastEmittedSequence()).isEqualTo(43);
        assertThat(state.lastEmittedTime()).isEqualTo(1001);
        assertThat(state.toSplit().stopSequence()).hasValue(99);
    }
}
