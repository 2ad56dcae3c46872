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
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Random;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Records near the 4 MB request limit: a 2.5 MB blob (3.3 MB as Base64 in JSON) round-trips in
 * every mode, a 5 MB one is refused with a 4xx DataHub error the SDK can classify, not a reset
 * connection, and the emulator keeps serving.
 */
class LargeRecordsConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, null);

    private static DataHubEmulator emulator;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @ParameterizedTest
    @EnumSource(SdkMode.class)
    void largeRecordsRoundTripAndOversizedRequestsAreRefused(SdkMode mode) {
        DatahubClient client = mode.client(emulator.endpoint());
        String project = newProject(client);
        String topic = newBlobTopic(client, project, 1);
        byte[] large = random(2_500_000, 1);
        byte[] tooLarge = random(5 * 1024 * 1024, 2);

        put(client, project, topic, large);
        Throwable refused = catchThrowable(() -> put(client, project, topic, tooLarge));
        put(client, project, topic, new byte[] {42});

        assertThat(refused).isInstanceOf(DatahubClientException.class);
        DatahubClientException e = (DatahubClientException) refused;
        assertThat(e.getErrorCode()).as("error code of %s", e).isNotBlank();
        assertThat(e.getHttpStatus()).as("status of %s", e).isBetween(400, 499);
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        GetRecordsResult first = client.getRecords(project, topic, "0", cursor, 1);
        assertThat(((BlobRecordData) first.getRecords().get(0).getRecordData()).getData())
                .isEqualTo(large);
        GetRecordsResult rest = client.getRecords(project, topic, "0", first.getNextCursor(), 10);
        assertThat(rest.getRecords())
                .extracting(r -> ((BlobRecordData) r.getRecordData()).getData())
                .containsExactly(new byte[] {42});
    }

    private static void put(DatahubClient client, String project, String topic, byte[] bytes) {
        RecordEntry record = new RecordEntry();
        record.setShardId("0");
        record.setRecordData(new BlobRecordData(bytes));
        assertThat(client.putRecords(project, topic, List.of(record)).getFailedRecordCount())
                .isZero();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
