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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.OffsetInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SubscriptionInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SubscriptionPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions and the offset-session state machine with every error code (section 4.8). */
class SubscriptionTest extends EngineFixture {

    private String sub;

    @BeforeEach
    void setUp() {
        tupleTopic(3);
        sub = engine.createSubscription(P, T, "my sub");
    }

    @Test
    void lifecycle() {
        assertThat(sub).hasSize(18).startsWith(Long.toString(START.toEpochMilli()));
        SubscriptionInfo info = engine.getSubscription(P, T, sub);
        assertThat(info.type()).isZero();
        assertThat(info.state()).isEqualTo(1);
        assertThat(info.comment()).isEqualTo("my sub");
        assertThat(info.topicName()).isEqualTo(T);
        clock.advance(Duration.ofSeconds(3));
        engine.updateSubscriptionComment(P, T, sub, "new");
        engine.updateSubscriptionState(P, T, sub, false);
        info = engine.getSubscription(P, T, sub);
        assertThat(info.comment()).isEqualTo("new");
        assertThat(info.state()).isZero();
        assertThat(info.lastModifyTime()).isEqualTo(info.createTime() + 3);
        engine.deleteSubscription(P, T, sub);
        assertError(() -> engine.getSubscription(P, T, sub), "NoSuchSubscription", 404);
        assertError(() -> engine.deleteSubscription(P, T, sub), "NoSuchSubscription", 404);
    }

    @Test
    void listPagesFromOne() {
        String second = engine.createSubscription(P, T, "other");
        String third = engine.createSubscription(P, T, "another");
        assertThat(List.of(sub, second, third)).doesNotHaveDuplicates();
        SubscriptionPage page = engine.listSubscriptions(P, T, 1, 2, null);
        assertThat(page.totalCount()).isEqualTo(3);
        assertThat(page.subscriptions())
                .extracting(SubscriptionInfo::subId)
                .containsExactly(sub, second);
        assertThat(engine.listSubscriptions(P, T, 2, 2, null).subscriptions())
                .extracting(SubscriptionInfo::subId)
                .containsExactly(third);
        assertThat(engine.listSubscriptions(P, T, 3, 2, null).subscriptions()).isEmpty();
        assertThat(engine.listSubscriptions(P, T, 1, 10, "OTHER").subscriptions())
                .extracting(SubscriptionInfo::subId)
                .containsExactly(second, third);
        assertError(() -> engine.listSubscriptions(P, T, 0, 10, null), "InvalidParameter", 400);
    }

    @Test
    void sessionsAndCommits() {
        assertThat(engine.getOffsets(P, T, sub, List.of("0")).get("0"))
                .isEqualTo(new OffsetInfo(-1, -1, 0, null, 0));
        Map<String, OffsetInfo> opened = engine.openOffsetSession(P, T, sub, List.of("0", "1"));
        assertThat(opened.get("0")).isEqualTo(new OffsetInfo(-1, -1, 0, 1L, 0));
        engine.commitOffsets(P, T, sub, Map.of("0", new OffsetInfo(10, 1000, 0, 1L, 2)));
        assertThat(engine.getOffsets(P, T, sub, List.of("0")).get("0"))
                .isEqualTo(new OffsetInfo(10, 1000, 0, 1L, 2));
        assertThat(engine.getOffsets(P, T, sub, List.of())).containsOnlyKeys("0", "1", "2");

        // a second open issues session 2 and invalidates 1
        assertThat(engine.openOffsetSession(P, T, sub, List.of("0")).get("0").sessionId())
                .isEqualTo(2L);
        assertError(() -> commit("0", 11, 0, 1L), "OffsetSessionChanged", 400);
        assertError(() -> commit("0", 11, 0, null), "OffsetSessionChanged", 400);
        commit("0", 11, 0, 2L);
    }

    @Test
    void commitWithoutSession() {
        assertError(() -> commit("0", 1, 0, 1L), "OffsetSessionClosed", 400);
        engine.openOffsetSession(P, T, sub, List.of("0"));
        assertError(() -> commit("1", 1, 0, 1L), "OffsetSessionClosed", 400);
    }

    @Test
    void resetIncrementsVersion() {
        engine.openOffsetSession(P, T, sub, List.of("0"));
        engine.resetOffsets(P, T, sub, Map.of("0", new OffsetInfo(20, 2000, 0, null, 0)));
        assertThat(engine.getOffsets(P, T, sub, List.of("0")).get("0"))
                .isEqualTo(new OffsetInfo(20, 2000, 1, 1L, 0));
        assertError(() -> commit("0", 21, 0, 1L), "OffsetReseted", 400);
        commit("0", 21, 1, 1L);
        // reset needs no session
        engine.resetOffsets(P, T, sub, Map.of("2", new OffsetInfo(5, 5, 0, null, 0)));
        assertThat(engine.getOffsets(P, T, sub, List.of("2")).get("2").version()).isEqualTo(1);
    }

    @Test
    void offlineIsCheckedFirst() {
        engine.updateSubscriptionState(P, T, sub, false);
        assertError(() -> commit("0", 1, 0, 1L), "SubscriptionOffline", 400);
        engine.updateSubscriptionState(P, T, sub, true);
        assertError(() -> commit("0", 1, 0, 1L), "OffsetSessionClosed", 400);
    }

    @Test
    void unknownIds() {
        assertError(
                () -> engine.openOffsetSession(P, T, "nope", List.of("0")),
                "NoSuchSubscription",
                404);
        assertError(() -> engine.openOffsetSession(P, T, sub, List.of("9")), "NoSuchShard", 404);
        assertError(() -> engine.getOffsets(P, T, sub, List.of("9")), "NoSuchShard", 404);
        assertError(() -> commit("9", 1, 0, 1L), "NoSuchShard", 404);
        assertError(() -> engine.getSubscription(P, "nope", sub), "NoSuchTopic", 404);
    }

    @Test
    void failedCommitChangesNothing() {
        engine.openOffsetSession(P, T, sub, List.of("0"));
        assertError(
                () ->
                        engine.commitOffsets(
                                P,
                                T,
                                sub,
                                new java.util.LinkedHashMap<>(
                                        Map.of(
                                                "0", new OffsetInfo(5, 5, 0, 1L, 0),
                                                "1", new OffsetInfo(5, 5, 0, 1L, 0)))),
                "OffsetSessionClosed",
                400);
        assertThat(engine.getOffsets(P, T, sub, List.of("0")).get("0").sequence()).isEqualTo(-1);
    }

    private void commit(String shard, long seq, long version, Long session) {
        engine.commitOffsets(
                P, T, sub, Map.of(shard, new OffsetInfo(seq, seq * 10, version, session, 0)));
    }
}
