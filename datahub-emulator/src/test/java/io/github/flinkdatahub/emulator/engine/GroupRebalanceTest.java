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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.ConsumerGroups.Assignment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the coordinator answers ConsumerGroupInProcess ({@link GroupRebalance}): in the first second
 * of a handover, to joins and to the heartbeats of consumers waiting for the withheld shard, and
 * never otherwise.
 */
class GroupRebalanceTest extends EngineFixture {

    private static final int IN_PROCESS = 503;

    private ConsumerGroups groups;
    private String sub;

    /** What each consumer was last told; like the client library, it holds exactly that. */
    private final Map<String, List<String>> told = new HashMap<>();

    @BeforeEach
    void group() {
        blobTopic(4);
        sub = engine.createSubscription(P, T, "g");
        groups = new ConsumerGroups(engine, clock);
    }

    @Test
    void joinsWithoutAHandoverAreNeverRefused() {
        String a = join();
        join(); // A holds nothing yet: no shard has to move
        beat(a);
        String c = join();
        assertThat(beat(c).shardList()).as("B's share, which B never held").hasSize(1);
    }

    @Test
    void aJoinIsRefusedForTheFirstSecondOfAHandoverOnly() {
        String a = join();
        assertThat(beat(a).shardList()).containsExactly("0", "1", "2", "3");
        join(); // B's share is still held by A: a handover starts now

        assertInProcess(this::join);
        clock.advance(Duration.ofMillis(GroupRebalance.IN_PROCESS_MS - 1));
        assertInProcess(this::join);
        clock.advance(Duration.ofMillis(1));
        assertThat(join()).as("the client's retry one second later gets in").isNotBlank();
    }

    @Test
    void onlyTheConsumerWaitingForTheShardIsRefusedAndOnlyAtFirst() {
        String a = join();
        beat(a);
        String b = join();

        assertInProcess(() -> beat(b));
        List<String> kept = beat(a).shardList();
        assertThat(kept).as("the consumer that gives shards up is answered").hasSize(2);
        assertInProcess(() -> beat(b));

        clock.advance(Duration.ofMillis(GroupRebalance.IN_PROCESS_MS));
        assertThat(beat(b).shardList()).as("A has not released it yet").isEmpty();
        beat(a); // A no longer lists them
        assertThat(beat(b).shardList()).hasSize(2).doesNotContainAnyElementsOf(kept);
    }

    @Test
    void aWaitingConsumerThatMustDropAShardIsAnswered() {
        String a = join();
        beat(a);
        String b = join();
        assertInProcess(() -> beat(b));

        // B lists shard 0, which is A's: it must be told to drop it, rebalance or not.
        Assignment r = groups.heartbeat(P, T, sub, b, List.of("0"), List.of());
        assertThat(r.shardList()).doesNotContain("0").isEmpty();
    }

    @Test
    void aRefusedHeartbeatStillKeepsTheSessionAlive() {
        String a = join();
        beat(a);
        String b = join();
        clock.advance(Duration.ofMillis(500));
        assertInProcess(() -> beat(b));

        clock.advance(Duration.ofSeconds(30));
        beat(a);
        clock.advance(Duration.ofMillis(29_500)); // 60 s after B joined, 59.5 s after its beat
        assertThat(beat(a).totalPlan()).contains(b);
        assertThat(beat(b).shardList()).hasSize(2);
    }

    @Test
    void syncGroupAndLeaveGroupAreNeverRefused() {
        String a = join();
        beat(a);
        String b = join();
        assertInProcess(this::join);

        groups.sync(P, T, sub, b, List.of(), List.of());
        groups.sync(P, T, sub, a, List.of(), List.of());
        groups.leave(P, T, sub, b);
        assertThat(beat(a).shardList()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void aJoinDuringARebalanceDoesNotRestartTheWindow() {
        String a = join();
        beat(a);
        join(); // the rebalance starts: B waits for two of A's shards
        clock.advance(Duration.ofMillis(GroupRebalance.IN_PROCESS_MS));
        join(); // accepted; C now waits for one of A's shards too
        assertThat(join()).as("a second client retrying at the same time").isNotBlank();
    }

    @Test
    void aLaterHandoverOpensANewWindow() {
        String a = join();
        beat(a);
        String b = join();
        clock.advance(Duration.ofMillis(GroupRebalance.IN_PROCESS_MS));
        beat(a);
        beat(a);
        assertThat(beat(b).shardList()).as("the first handover is done").hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        groups.leave(P, T, sub, b);
        assertThat(beat(a).shardList()).containsExactly("0", "1", "2", "3");
        join(); // a second handover: A must give a shard up again
        assertInProcess(this::join);
    }

    private String join() {
        return groups.join(P, T, sub, 60_000).consumerId();
    }

    private Assignment beat(String consumer) {
        Assignment r =
                groups.heartbeat(
                        P, T, sub, consumer, told.getOrDefault(consumer, List.of()), List.of());
        told.put(consumer, r.shardList());
        return r;
    }

    private static void assertInProcess(Runnable call) {
        assertError(call::run, "ConsumerGroupInProcess", IN_PROCESS);
    }
}
