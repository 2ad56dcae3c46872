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

package io.github.flinkdatahub.connector.source.enumerator.tracker;

import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorState;
import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorStateSerializer;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.ShardPosition;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SplitTrackerTest {

    private static DataHubShardSplit split(String id, String... parents) {
        return DataHubShardSplit.of("t", id, ShardPosition.earliest(), List.of(parents));
    }

    private static List<String> ids(List<DataHubShardSplit> splits) {
        return splits.stream().map(DataHubShardSplit::shardId).toList();
    }

    @Test
    void childrenOfMergeThenSplitWaitForEveryAncestor() {
        // 0 + 1 merged into 2; 2 split into 3 and 4; 10 is unrelated.
        SplitTracker tracker = new SplitTracker();
        tracker.addDiscovered(
                List.of(
                        split("4", "2"),
                        split("3", "2"),
                        split("2", "0", "1"),
                        split("1"),
                        split("0"),
                        split("10")));

        assertThat(ids(tracker.readyToAssign())).containsExactly("0", "1", "10");
        tracker.markAssigned(tracker.readyToAssign());
        assertThat(tracker.readyToAssign()).isEmpty();

        tracker.markFinished(List.of("t/0"));
        assertThat(tracker.readyToAssign()).as("2 still waits for parent 1").isEmpty();
        tracker.markFinished(List.of("t/1"));
        assertThat(ids(tracker.readyToAssign())).containsExactly("2");
        tracker.markAssigned(tracker.readyToAssign());
        assertThat(tracker.readyToAssign()).isEmpty();

        tracker.markFinished(List.of("t/2", "t/2")); // duplicate events are harmless
        assertThat(ids(tracker.readyToAssign())).containsExactly("3", "4");
    }

    @Test
    void unknownParentCountsAsFinished() {
        SplitTracker tracker = new SplitTracker();
        tracker.addDiscovered(List.of(split("5", "expired-parent")));
        assertThat(ids(tracker.readyToAssign())).containsExactly("5");
    }

    @Test
    void returnedSplitsBecomeAssignableAgainAtTheirPosition() {
        SplitTracker tracker = new SplitTracker();
        tracker.addDiscovered(List.of(split("0"), split("1")));
        tracker.markAssigned(tracker.readyToAssign());
        DataHubShardSplit progressed = split("0").withStart(ShardPosition.atSequence(7));
        tracker.returnSplits(List.of(progressed, split("1").asFinished()));

        assertThat(tracker.readyToAssign()).containsExactly(progressed);
        assertThat(tracker.isFinished("t/1")).isTrue();
    }

    @Test
    void discoveredTwiceIsAddedOnce() {
        SplitTracker tracker = new SplitTracker();
        tracker.addDiscovered(List.of(split("0")));
        tracker.markAssigned(tracker.readyToAssign());
        tracker.addDiscovered(List.of(split("0")));
        assertThat(tracker.readyToAssign()).isEmpty();
    }

    @Test
    void stateRoundTripsThroughItsSerializer() throws Exception {
        SplitTracker tracker = new SplitTracker();
        tracker.addDiscovered(List.of(split("0"), split("1"), split("2", "0", "1")));
        tracker.markAssigned(List.of(split("0")));
        tracker.markFinished(List.of("t/1"));
        DataHubEnumeratorState state = tracker.snapshot(true);

        DataHubEnumeratorStateSerializer ser = DataHubEnumeratorStateSerializer.INSTANCE;
        DataHubEnumeratorState restored = ser.deserialize(ser.getVersion(), ser.serialize(state));

        assertThat(restored).isEqualTo(state);
        assertThat(restored.assigned()).isEqualTo(Set.of("t/0"));
        assertThat(restored.finished()).isEqualTo(Set.of("t/1"));
        assertThat(ids(restored.unassigned())).containsExactly("2");
        SplitTracker again = new SplitTracker(restored);
        assertThat(again.readyToAssign()).isEmpty();
        again.markFinished(List.of("t/0"));
        assertThat(ids(again.readyToAssign())).containsExactly("2");
    }
}
