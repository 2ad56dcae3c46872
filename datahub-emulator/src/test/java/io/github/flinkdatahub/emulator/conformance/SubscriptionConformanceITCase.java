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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.exception.SubscriptionOfflineException;
import com.aliyun.datahub.client.exception.SubscriptionOffsetResetException;
import com.aliyun.datahub.client.exception.SubscriptionSessionInvalidException;
import com.aliyun.datahub.client.model.GetSubscriptionResult;
import com.aliyun.datahub.client.model.SubscriptionEntry;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import com.aliyun.datahub.client.model.SubscriptionState;
import com.aliyun.datahub.client.model.SubscriptionType;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Checks B13 (subscription lifecycle) and B14 (offset conflicts) of protocol section 12.B. */
class SubscriptionConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static DatahubClient client(SdkMode mode, boolean withSignatures) {
        return EMULATORS.client(mode, withSignatures);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b13SubscriptionLifecycle(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);

        String subId = client.createSubscription(project, topic, "first").getSubId();
        GetSubscriptionResult sub = client.getSubscription(project, topic, subId);

        assertThat(subId).isNotBlank();
        assertThat(sub.getSubId()).isEqualTo(subId);
        assertThat(sub.getType()).isEqualTo(SubscriptionType.USER);
        assertThat(sub.getState()).isEqualTo(SubscriptionState.ONLINE);
        assertThat(sub.getComment()).isEqualTo("first");
        assertThat(sub.getTopicName()).isEqualTo(topic);

        client.updateSubscription(project, topic, subId, "second");
        assertThat(client.getSubscription(project, topic, subId).getComment()).isEqualTo("second");
        assertThat(client.listSubscription(project, topic, 1, 10).getSubscriptions())
                .extracting(SubscriptionEntry::getSubId, SubscriptionEntry::getComment)
                .containsExactly(tuple(subId, "second"));
        assertThat(client.listSubscription(project, topic, 1, 10).getTotalCount()).isEqualTo(1);

        SubscriptionOffset opened =
                client.openSubscriptionSession(project, topic, subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(opened.getSessionId()).isEqualTo("1");
        assertThat(opened.getVersionId()).isZero();
        assertThat(opened.getSequence()).isEqualTo(-1L);

        client.commitSubscriptionOffset(
                project, topic, subId, Map.of("0", offset(10, 1000, "1", 0)));
        SubscriptionOffset committed =
                client.getSubscriptionOffset(project, topic, subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(committed.getSequence()).isEqualTo(10L);
        assertThat(committed.getTimestamp()).isEqualTo(1000L);
        SubscriptionOffset untouched =
                client.getSubscriptionOffset(project, topic, subId, List.of("1"))
                        .getOffsets()
                        .get("1");
        assertThat(untouched.getSequence()).isEqualTo(-1L);
        assertThat(untouched.getTimestamp()).isEqualTo(-1L);
        assertThat(untouched.getVersionId()).isZero();

        String second = client.createSubscription(project, topic, "third").getSubId();
        String third = client.createSubscription(project, topic, "fourth").getSubId();
        assertThat(List.of(subId, second, third)).doesNotHaveDuplicates();
        assertThat(client.listSubscription(project, topic, 1, 2).getSubscriptions()).hasSize(2);
        assertThat(client.listSubscription(project, topic, 1, 2).getTotalCount()).isEqualTo(3);
        assertThat(client.listSubscription(project, topic, 2, 2).getSubscriptions()).hasSize(1);

        client.deleteSubscription(project, topic, subId);
        assertDataHubError(
                () -> client.getSubscription(project, topic, subId),
                ResourceNotFoundException.class,
                "NoSuchSubscription");
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b14OffsetConflicts(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);
        String subId = client.createSubscription(project, topic, "conflicts").getSubId();

        assertDataHubError(
                () -> commit(client, project, topic, subId, offset(5, 500, "1", 0)),
                SubscriptionSessionInvalidException.class,
                "OffsetSessionClosed",
                "OffsetSessionChanged");

        String first = open(client, project, topic, subId).getSessionId();
        String second = open(client, project, topic, subId).getSessionId();
        assertThat(second).isNotEqualTo(first);
        assertDataHubError(
                () -> commit(client, project, topic, subId, offset(5, 500, first, 0)),
                SubscriptionSessionInvalidException.class,
                "OffsetSessionChanged");

        SubscriptionOffset reset = new SubscriptionOffset();
        reset.setSequence(20);
        reset.setTimestamp(2000);
        client.resetSubscriptionOffset(project, topic, subId, Map.of("0", reset));
        SubscriptionOffset afterReset =
                client.getSubscriptionOffset(project, topic, subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(afterReset.getVersionId()).isEqualTo(1L);
        assertThat(afterReset.getSequence()).isEqualTo(20L);
        assertThat(afterReset.getTimestamp()).isEqualTo(2000L);
        assertDataHubError(
                () -> commit(client, project, topic, subId, offset(21, 2100, second, 0)),
                SubscriptionOffsetResetException.class,
                "OffsetReseted");
        commit(client, project, topic, subId, offset(22, 2200, second, 1));
        assertThat(
                        client.getSubscriptionOffset(project, topic, subId, List.of("0"))
                                .getOffsets()
                                .get("0")
                                .getSequence())
                .isEqualTo(22L);

        client.updateSubscriptionState(project, topic, subId, SubscriptionState.OFFLINE);
        assertThat(client.getSubscription(project, topic, subId).getState())
                .isEqualTo(SubscriptionState.OFFLINE);
        assertDataHubError(
                () -> commit(client, project, topic, subId, offset(23, 2300, second, 1)),
                SubscriptionOfflineException.class,
                "SubscriptionOffline");
    }

    private static SubscriptionOffset open(
            DatahubClient client, String project, String topic, String subId) {
        return client.openSubscriptionSession(project, topic, subId, List.of("0"))
                .getOffsets()
                .get("0");
    }

    private static void commit(
            DatahubClient client,
            String project,
            String topic,
            String subId,
            SubscriptionOffset offset) {
        client.commitSubscriptionOffset(project, topic, subId, Map.of("0", offset));
    }

    static SubscriptionOffset offset(long sequence, long timestamp, String session, long version) {
        SubscriptionOffset offset = new SubscriptionOffset();
        offset.setSequence(sequence);
        offset.setTimestamp(timestamp);
        offset.setSessionId(session);
        offset.setVersionId(version);
        return offset;
    }
}
