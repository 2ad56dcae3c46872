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
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.exception.DatahubClientException;
import com.aliyun.datahub.client.exception.LimitExceededException;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.RecordEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Injected faults as the SDK sees them: codes and statuses it classifies (5xx retried by its own
 * retry loop, {@code LimitExceeded} typed), dropped connections as transport errors, and no state
 * change from a failed request.
 */
class FaultInjectionConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, null);

    private static DataHubEmulator emulator;
    private DatahubClient client;
    private String project;
    private String topic;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @BeforeEach
    void createTopic() {
        client = SdkMode.PROTOBUF.client(emulator.endpoint());
        project = newProject(client);
        topic = newBlobTopic(client, project, 1);
        emulator.faults().seed(7);
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void injectedErrorsAreTypedAndChangeNothing() {
        emulator.faults().errorRate("PutRecordsByShard", "LimitExceeded", 1.0);
        emulator.faults().errorRate("PutRecords", "InternalServerError", 1.0);

        LimitExceededException limited =
                assertDataHubError(
                        () -> client.putRecordsByShard(project, topic, "0", List.of(blob("a"))),
                        LimitExceededException.class,
                        "LimitExceeded");
        DatahubClientException internal =
                assertDataHubError(
                        () -> client.putRecords(project, topic, List.of(routed(blob("b")))),
                        DatahubClientException.class,
                        "InternalServerError");

        assertThat(limited.getHttpStatus()).isEqualTo(429);
        assertThat(internal.getHttpStatus()).isEqualTo(500);
        emulator.faults().clear();
        client.putRecordsByShard(project, topic, "0", List.of(blob("c")));
        assertThat(readAll()).containsExactly("c");
    }

    @Test
    void theSdkRetryLoopGetsThroughAHalfFailingEmulator() {
        client.putRecordsByShard(project, topic, "0", List.of(blob("x"), blob("y")));
        DatahubClient retrying =
                DatahubClientBuilder.newBuilder()
                        .setDatahubConfig(
                                new DatahubConfig(
                                        emulator.endpoint(),
                                        new AliyunAccount(SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY),
                                        true))
                        .setHttpConfig(new HttpConfig().setMaxRetryCount(30).setRetryIntervalMs(1))
                        .build();
        emulator.faults().errorRate("GetRecords", "InternalServerError", 0.5);

        String cursor = retrying.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        int failedWithoutRetries = 0;
        for (int i = 0; i < 20; i++) {
            if (catchThrowable(() -> client.getRecords(project, topic, "0", cursor, 10)) != null) {
                failedWithoutRetries++;
            }
        }
        assertThat(failedWithoutRetries).as("faults reach a client without retries").isPositive();
        for (int i = 0; i < 20; i++) {
            assertThat(retrying.getRecords(project, topic, "0", cursor, 10).getRecordCount())
                    .isEqualTo(2);
        }
    }

    @Test
    void droppedConnectionsAreTransportErrors() {
        emulator.faults().dropConnections("GetCursor", 1.0);

        Throwable dropped =
                catchThrowable(() -> client.getCursor(project, topic, "0", CursorType.OLDEST));

        assertThat(dropped).isInstanceOf(DatahubClientException.class);
        assertThat(((DatahubClientException) dropped).getErrorCode()).isNull();
        emulator.faults().clear();
        assertThat(client.getCursor(project, topic, "0", CursorType.OLDEST).getSequence()).isZero();
    }

    private List<String> readAll() {
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        return client.getRecords(project, topic, "0", cursor, 100).getRecords().stream()
                .map(
                        r ->
                                new String(
                                        ((BlobRecordData) r.getRecordData()).getData(),
                                        StandardCharsets.UTF_8))
                .toList();
    }

    private static RecordEntry blob(String value) {
        RecordEntry record = new RecordEntry();
        record.setRecordData(new BlobRecordData(value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static RecordEntry routed(RecordEntry record) {
        record.setShardId("0");
        return record;
    }
}
