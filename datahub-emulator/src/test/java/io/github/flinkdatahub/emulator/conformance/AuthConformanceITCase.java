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
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.exception.AuthorizationFailureException;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.RecordEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.putToShard;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/** Check B20 of protocol section 12.B: signature checking rejects bad signers, accepts STS. */
class AuthConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(true, null);

    private static DataHubEmulator emulator;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @ParameterizedTest
    @EnumSource(SdkMode.class)
    void wrongSecretUnknownIdAndMissingSignatureAreUnauthorized(SdkMode mode) {
        String project = newProject(mode.client(emulator.endpoint()));
        DatahubClient wrongSecret =
                mode.client(emulator.endpoint(), new AliyunAccount(SdkMode.ACCESS_ID, "wrong"));
        DatahubClient unknownId =
                mode.client(emulator.endpoint(), new AliyunAccount("someone", SdkMode.ACCESS_KEY));
        DatahubClient anonymous = mode.client(emulator.endpoint(), new AliyunAccount("", ""));

        for (DatahubClient client : List.of(wrongSecret, unknownId, anonymous)) {
            assertDataHubError(
                    client::listProject, AuthorizationFailureException.class, "Unauthorized");
            assertDataHubError(
                    () -> client.getProject(project),
                    AuthorizationFailureException.class,
                    "Unauthorized");
            assertDataHubError(
                    () -> client.createProject(project + "_x", "c"),
                    AuthorizationFailureException.class,
                    "Unauthorized");
        }
        assertThat(mode.client(emulator.endpoint()).listProject().getProjectNames())
                .contains(project)
                .doesNotContain(project + "_x");
    }

    @ParameterizedTest
    @EnumSource(SdkMode.class)
    void stsClientSignsTheSecurityTokenAndSucceeds(SdkMode mode) {
        DatahubClient sts =
                mode.client(
                        emulator.endpoint(),
                        new AliyunAccount(SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY, "sts-token-1"));
        String project = newProject(sts);
        String topic = newTupleTopic(sts, project, 1);

        putToShard(sts, mode, project, topic, "0", List.of(tupleRecord(allTypesSchema(), 0)));
        String cursor = sts.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();

        assertThat(sts.getRecords(project, topic, "0", allTypesSchema(), cursor, 10).getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactly(0L);
    }
}
