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

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.DatahubClientException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Checks B17-B18 of protocol section 12.B in the form that applies to the emulator: consumer groups
 * are not implemented, so each call must fail promptly with a DataHub error code (never hang, never
 * a garbled response). B18 (the client library) is built on the consumer-group calls checked here.
 * Batch mode (B15) and the schema registry (B16) are implemented and checked in {@link
 * BatchModeConformanceITCase} and {@link SchemaRegistryConformanceITCase}.
 */
class UnsupportedFeaturesITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, null);

    private static DataHubEmulator emulator;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @Test
    void b17ConsumerGroupsFailWithAnErrorCode() {
        DatahubClient client = SdkMode.PROTOBUF.client(emulator.endpoint());
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        String subId = client.createSubscription(project, topic, "group").getSubId();

        assertFailsWithErrorCode(() -> client.joinGroup(project, topic, subId, 60_000));
        assertFailsWithErrorCode(
                () -> client.heartbeat(project, topic, subId, "c1", 1, List.of(), List.of()));
        assertFailsWithErrorCode(() -> client.leaveGroup(project, topic, subId, "c1", 1));
    }

    private static void assertFailsWithErrorCode(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DatahubClientException.class);
        DatahubClientException e = (DatahubClientException) thrown;
        assertThat(e.getErrorCode()).as("error code of %s", e).isNotBlank();
        assertThat(e.getRequestId()).as("request id of %s", e).isNotBlank();
        assertThat(e.getHttpStatus()).as("status of %s", e).isBetween(400, 499);
    }
}
