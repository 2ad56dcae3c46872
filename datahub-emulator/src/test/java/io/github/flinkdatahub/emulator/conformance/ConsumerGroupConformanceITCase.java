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
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.exception.ServiceInProcessException;
import com.aliyun.datahub.client.exception.SubscriptionOffsetResetException;
import com.aliyun.datahub.client.model.HeartbeatResult;
import com.aliyun.datahub.client.model.JoinGroupResult;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check B17 of protocol section 12.B: consumer groups (joinGroup, heartbeat, syncGroup, leaveGroup)
 * driven by the Java SDK 2.21.6, with two and three consumers, a consumer whose heartbeats stop
 * (expired on a {@link ManualClock}), split and merge children handed out only after their parents
 * are read to the end, and the error codes clients react to.
 */
class ConsumerGroupConformanceITCase {

    private static final long SESSION_MS = 60_000;
    private static final Duration PAST_SPLIT_GUARD = Duration.ofSeconds(5).plusMillis(1);

    /** How long a handover answers ConsumerGroupInProcess (docs/emulator.md). */
    private static final Duration IN_PROCESS = Duration.ofSeconds(1);

    /** Shared by both emulators; each test uses its own subscription, so moving it is harmless. */
    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair(CLOCK);

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void twoConsumersSplitTheShardsAndTheSurvivorTakesAllAfterALeave(
            SdkMode mode, boolean withSignatures) {
        DatahubClient client = EMULATORS.client(mode, withSignatures);
        Group g = Group.create(client, 3);

        JoinGroupResult joinA = client.joinGroup(g.project, g.topic, g.subId, SESSION_MS);
        assertThat(joinA.getConsumerId()).isNotBlank();
        assertThat(joinA.getVersionId()).isPositive();
        assertThat(joinA.getSessionTimeout()).isEqualTo(SESSION_MS);
        Member a = new Member(g, joinA.getConsumerId());
        HeartbeatResult first = a.beat();
        assertThat(first.getShardList()).containsExactlyInAnyOrder("0", "1", "2");
        assertThat(first.getTotalPlan()).contains(a.id);
        long version = first.getPlanVersion();

        Member b = g.join();
        assertThat(b.id).isNotEqualTo(a.id);
        // B waits for a shard A still holds: in the handover's first second it is told to retry.
        assertDataHubError(b::beat, ServiceInProcessException.class, "ConsumerGroupInProcess");
        HeartbeatResult shrunk = a.beat();
        assertThat(shrunk.getShardList()).hasSize(2);
        assertThat(shrunk.getPlanVersion()).isGreaterThan(version);
        CLOCK.advance(IN_PROCESS);
        assertThat(b.beat().getShardList())
                .as("A listed the shard it gives up in HoldShardList of that heartbeat")
                .isEmpty();
        a.beat(); // now A's HoldShardList no longer has it
        HeartbeatResult bGot = b.beat();
        assertThat(bGot.getShardList()).hasSize(1);
        assertThat(union(a.held, b.held)).containsExactlyInAnyOrder("0", "1", "2");
        assertThat(a.held).doesNotContainAnyElementsOf(b.held);
        assertThat(bGot.getPlanVersion()).isGreaterThan(shrunk.getPlanVersion());

        client.leaveGroup(g.project, g.topic, g.subId, a.id, joinA.getVersionId());
        assertThat(b.beat().getShardList()).containsExactlyInAnyOrder("0", "1", "2");
        assertDataHubError(a::beat, ResourceNotFoundException.class, "NoSuchConsumer");
    }

    @Test
    void threeConsumersBalanceAndASilentOneExpiresAfterItsSessionTimeout() {
        DatahubClient client = EMULATORS.client(SdkMode.PROTOBUF, false);
        Group g = Group.create(client, 6);
        Member a = g.join();
        Member b = g.join();
        Member c = g.join();
        converge(a, b, c);
        assertThat(List.of(a.held.size(), b.held.size(), c.held.size())).containsOnly(2);
        assertThat(union(a.held, b.held, c.held)).hasSize(6);

        // C stops heartbeating; A and B keep theirs going.
        CLOCK.advance(Duration.ofSeconds(40));
        a.beat();
        b.beat();
        CLOCK.advance(Duration.ofMillis(SESSION_MS - 40_000 - 1));
        assertThat(a.beat().getTotalPlan()).as("one ms before the timeout").contains(c.id);
        CLOCK.advance(Duration.ofMillis(1));
        assertThat(a.beat().getTotalPlan()).as("silent for SessionTimeout").doesNotContain(c.id);
        converge(a, b);
        assertThat(List.of(a.held.size(), b.held.size())).containsOnly(3);
        assertThat(union(a.held, b.held)).hasSize(6);
        assertDataHubError(c::beat, ResourceNotFoundException.class, "NoSuchConsumer");

        // Rejoining makes a fresh consumer that gets its share again.
        Member c2 = g.join();
        CLOCK.advance(IN_PROCESS); // past the handover's first second, when C2 would be refused
        converge(a, b, c2);
        assertThat(List.of(a.held.size(), b.held.size(), c2.held.size())).containsOnly(2);
    }

    @Test
    void syncGroupReleaseHandsAShardOverWithoutWaitingForAHeartbeat() {
        DatahubClient client = EMULATORS.client(SdkMode.PROTOBUF, false);
        Group g = Group.create(client, 2);
        Member a = g.join();
        assertThat(a.beat().getShardList()).containsExactlyInAnyOrder("0", "1");
        Member b = g.join();
        List<String> kept = a.beat().getShardList();
        assertThat(kept).hasSize(1);
        String moved = "0".equals(kept.get(0)) ? "1" : "0";
        assertDataHubError(b::beat, ServiceInProcessException.class, "ConsumerGroupInProcess");

        client.syncGroup(g.project, g.topic, g.subId, a.id, 1, List.of(moved), List.of());
        assertThat(b.beat().getShardList())
                .as("the release ended the rebalance: no need to wait out its first second")
                .containsExactly(moved);
    }

    @Test
    void splitAndMergeChildrenWaitUntilEveryParentIsReadToTheEnd() {
        DatahubClient client = EMULATORS.client(SdkMode.PROTOBUF, false);
        Group g = Group.create(client, 1);
        Member a = g.join();
        assertThat(a.beat().getShardList()).containsExactly("0");

        CLOCK.advance(PAST_SPLIT_GUARD);
        client.splitShard(g.project, g.topic, "0", "80000000000000000000000000000000");
        assertThat(a.beat().getShardList())
                .as("the CLOSED parent stays assigned, its children wait")
                .containsExactly("0");
        assertThat(a.beat(List.of("0")).getShardList()).containsExactlyInAnyOrder("1", "2");

        CLOCK.advance(PAST_SPLIT_GUARD);
        client.mergeShard(g.project, g.topic, "1", "2");
        assertThat(a.beat().getShardList()).containsExactlyInAnyOrder("1", "2");
        client.syncGroup(g.project, g.topic, g.subId, a.id, 1, List.of(), List.of("1"));
        assertThat(a.beat().getShardList())
                .as("the merged child waits for its second parent")
                .containsExactly("2");
        client.syncGroup(g.project, g.topic, g.subId, a.id, 1, List.of(), List.of("2"));
        assertThat(a.beat().getShardList()).containsExactly("3");
        assertThat(a.beat(List.of("3")).getShardList())
                .as("an ACTIVE shard cannot be read to its end; the report is ignored")
                .containsExactly("3");
    }

    @Test
    void anOffsetResetAnswersOffsetResetedAndTheConsumerMustRejoin() {
        DatahubClient client = EMULATORS.client(SdkMode.PROTOBUF, false);
        Group g = Group.create(client, 1);
        Member a = g.join();
        assertThat(a.beat().getShardList()).containsExactly("0");
        client.openSubscriptionSession(g.project, g.topic, g.subId, List.of("0"));
        SubscriptionOffset reset = new SubscriptionOffset();
        reset.setSequence(0);
        reset.setTimestamp(1000);
        client.resetSubscriptionOffset(g.project, g.topic, g.subId, Map.of("0", reset));

        assertDataHubError(a::beat, SubscriptionOffsetResetException.class, "OffsetReseted");
        assertDataHubError(a::beat, ResourceNotFoundException.class, "NoSuchConsumer");
        assertThat(g.join().beat().getShardList()).containsExactly("0");
    }

    @Test
    void unknownConsumersSubscriptionsAndBadTimeoutsAreRejected() {
        DatahubClient client = EMULATORS.client(SdkMode.PROTOBUF, false);
        Group g = Group.create(client, 1);

        assertDataHubError(
                () -> client.joinGroup(g.project, g.topic, "nosuchsub", SESSION_MS),
                ResourceNotFoundException.class,
                "NoSuchSubscription");
        assertDataHubError(
                () -> client.joinGroup(g.project, g.topic, g.subId, 59_999),
                InvalidParameterException.class,
                "InvalidParameter");
        assertDataHubError(
                () -> client.joinGroup(g.project, g.topic, g.subId, 180_001),
                InvalidParameterException.class,
                "InvalidParameter");
        assertThat(client.joinGroup(g.project, g.topic, g.subId, 180_000).getSessionTimeout())
                .isEqualTo(180_000);
        assertDataHubError(
                () -> client.heartbeat(g.project, g.topic, g.subId, "ghost", 1, List.of(), null),
                ResourceNotFoundException.class,
                "NoSuchConsumer");
        assertDataHubError(
                () ->
                        client.syncGroup(
                                g.project, g.topic, g.subId, "ghost", 1, List.of(), List.of()),
                ResourceNotFoundException.class,
                "NoSuchConsumer");
        assertDataHubError(
                () -> client.leaveGroup(g.project, g.topic, g.subId, "ghost", 1),
                ResourceNotFoundException.class,
                "NoSuchConsumer");
        client.deleteSubscription(g.project, g.topic, g.subId);
        assertDataHubError(
                () -> client.joinGroup(g.project, g.topic, g.subId, SESSION_MS),
                ResourceNotFoundException.class,
                "NoSuchSubscription");
    }

    /** Heartbeats every member, each holding what it was last told, until nothing changes. */
    private static void converge(Member... members) {
        for (int round = 0; round < 10; round++) {
            boolean changed = false;
            for (Member m : members) {
                Set<String> before = new HashSet<>(m.held);
                m.beat();
                changed |= !before.equals(m.held);
            }
            if (!changed) {
                return;
            }
        }
        throw new AssertionError("the group did not settle in 10 heartbeat rounds");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** A topic with a subscription whose group the test drives. */
    private record Group(DatahubClient client, String project, String topic, String subId) {

        static Group create(DatahubClient client, int shards) {
            String project = newProject(client);
            String topic = newBlobTopic(client, project, shards);
            String subId = client.createSubscription(project, topic, "group").getSubId();
            return new Group(client, project, topic, subId);
        }

        Member join() {
            return new Member(
                    this, client.joinGroup(project, topic, subId, SESSION_MS).getConsumerId());
        }
    }

    /** A consumer that, like the client library, holds exactly what its last heartbeat said. */
    private static final class Member {
        final Group group;
        final String id;
        final Set<String> held = new HashSet<>();

        Member(Group group, String id) {
            this.group = group;
            this.id = id;
        }

        HeartbeatResult beat() {
            return beat(List.of());
        }

        HeartbeatResult beat(List<String> readEnd) {
            HeartbeatResult r =
                    group.client.heartbeat(
                            group.project,
                            group.topic,
                            group.subId,
                            id,
                            1,
                            new ArrayList<>(held),
                            readEnd);
            held.clear();
            held.addAll(r.getShardList());
            return r;
        }
    }
}
