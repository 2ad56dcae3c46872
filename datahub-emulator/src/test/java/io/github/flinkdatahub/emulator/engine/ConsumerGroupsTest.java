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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.OffsetInfo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordinator on an in-memory engine and a manual clock. */
class ConsumerGroupsTest extends EngineFixture {

    private ConsumerGroups groups;
    private String sub;

    @BeforeEach
    void group() {
        blobTopic(2);
        sub = engine.createSubscription(P, T, "g");
        groups = new ConsumerGroups(engine, clock);
    }

    @Test
    void joinEchoesTheTimeoutAndNumbersConsumers() {
        ConsumerGroups.Joined a = groups.join(P, T, sub, 60_000);
        ConsumerGroups.Joined b = groups.join(P, T, sub, 180_000);

        assertThat(a.sessionTimeoutMs()).isEqualTo(60_000);
        assertThat(b.sessionTimeoutMs()).isEqualTo(180_000);
        assertThat(a.versionId()).isEqualTo(1);
        assertThat(b.versionId()).isEqualTo(2);
        assertThat(a.consumerId()).isNotEqualTo(b.consumerId());
        assertError(() -> groups.join(P, T, sub, 59_999), "InvalidParameter", 400);
        assertError(() -> groups.join(P, T, sub, 180_001), "InvalidParameter", 400);
        assertError(() -> groups.join(P, T, "nope", 60_000), "NoSuchSubscription", 404);
    }

    @Test
    void aSessionEndsExactlySessionTimeoutAfterTheLastCall() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        String b = groups.join(P, T, sub, 60_000).consumerId();
        beat(a);
        beat(b);

        clock.advance(Duration.ofMillis(59_999));
        beat(a);
        assertThat(beat(a).totalPlan()).contains(b);
        clock.advance(Duration.ofMillis(1));
        Assignment alone = beat(a);
        assertThat(alone.totalPlan()).doesNotContain(b);
        assertThat(alone.shardList()).containsExactly("0", "1");
        assertError(() -> beat(b), "NoSuchConsumer", 404);
    }

    @Test
    void syncGroupKeepsTheSessionAlive() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        clock.advance(Duration.ofSeconds(50));
        groups.sync(P, T, sub, a, List.of(), List.of());
        clock.advance(Duration.ofSeconds(50));
        assertThat(beat(a).shardList()).containsExactly("0", "1");
    }

    @Test
    void planVersionGrowsOnEveryReassignmentOnly() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        long v1 = beat(a).planVersion();
        assertThat(beat(a).planVersion()).as("nothing changed").isEqualTo(v1);

        String b = groups.join(P, T, sub, 60_000).consumerId();
        beat(a); // A is told it keeps one shard
        long v2 = beat(a).planVersion(); // and now no longer holds the other
        Assignment toB = beat(b);
        assertThat(toB.shardList()).hasSize(1);
        assertThat(toB.planVersion()).isGreaterThan(v1);
        assertThat(v2).isGreaterThanOrEqualTo(v1);
        assertThat(toB.totalPlan())
                .isEqualTo(
                        "{\""
                                + a
                                + "\":"
                                + json(beat(a).shardList())
                                + ",\""
                                + b
                                + "\":"
                                + json(toB.shardList())
                                + "}");
    }

    @Test
    void aResetShardAnswersOffsetResetedOnceAndDropsTheConsumer() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        beat(a);
        engine.resetOffsets(P, T, sub, Map.of("1", new OffsetInfo(0, 1, 0, null, 0)));

        assertError(() -> beat(a), "OffsetReseted", 400);
        assertError(() -> beat(a), "NoSuchConsumer", 404);
        String again = groups.join(P, T, sub, 60_000).consumerId();
        assertThat(beat(again).shardList()).containsExactly("0", "1");
    }

    @Test
    void readEndReportsOfActiveOrUnknownShardsAreIgnored() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        Assignment r = groups.heartbeat(P, T, sub, a, List.of(), List.of("0", "99"));
        assertThat(r.shardList()).containsExactly("0", "1");
    }

    @Test
    void deletingTheSubscriptionEndsItsGroup() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        engine.deleteSubscription(P, T, sub);
        assertError(() -> beat(a), "NoSuchSubscription", 404);
        assertError(() -> groups.leave(P, T, sub, a), "NoSuchSubscription", 404);
    }

    @Test
    void aConsumerThatLeftIsGone() {
        String a = groups.join(P, T, sub, 60_000).consumerId();
        groups.leave(P, T, sub, a);
        assertError(() -> groups.leave(P, T, sub, a), "NoSuchConsumer", 404);
        assertError(() -> groups.sync(P, T, sub, a, List.of(), List.of()), "NoSuchConsumer", 404);
        assertError(
                () -> groups.heartbeat(P, T, sub, "", List.of(), List.of()),
                "InvalidParameter",
                400);
    }

    /** What each consumer was last told; like the client library, it holds exactly that. */
    private final Map<String, List<String>> told = new HashMap<>();

    private Assignment beat(String consumer) {
        Assignment r =
                groups.heartbeat(
                        P, T, sub, consumer, told.getOrDefault(consumer, List.of()), List.of());
        told.put(consumer, r.shardList());
        return r;
    }

    private static String json(List<String> shards) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shards.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(shards.get(i)).append('"');
        }
        return sb.append(']').toString();
    }
}
