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
import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.DatahubClientException;
import com.aliyun.datahub.client.exception.SeekOutOfRangeException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetCursorResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention: records older than the topic lifecycle disappear. A {@link ManualClock} moves a day
 * forward in one step; signature checking stays off because the SDK's Date header keeps real time.
 */
class RetentionConformanceITCase {

    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, CLOCK);

    private static DataHubEmulator emulator;

    @BeforeAll
    static void startEmulators() {
        emulator = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @ParameterizedTest
    @EnumSource(SdkMode.class)
    void recordsPastTheLifecycleExpire(SdkMode mode) {
        DatahubClient client = mode.client(emulator.endpoint());
        String project = newProject(client);
        String topic = uniqueName("retained");
        client.createTopic(project, topic, 1, 1, RecordType.BLOB, "one day");

        put(client, project, topic, "old-0", "old-1");
        String oldCursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        CLOCK.advance(Duration.ofHours(12));
        put(client, project, topic, "young-2");
        CLOCK.advance(Duration.ofHours(12).plusMinutes(1));

        GetCursorResult oldest = client.getCursor(project, topic, "0", CursorType.OLDEST);

        assertThat(oldest.getSequence()).isEqualTo(2L);
        assertThat(client.getRecords(project, topic, "0", oldest.getCursor(), 10).getRecords())
                .extracting(r -> new String(((BlobRecordData) r.getRecordData()).getData()))
                .containsExactly("young-2");
        assertDataHubError(
                () -> client.getCursor(project, topic, "0", CursorType.SEQUENCE, 0),
                SeekOutOfRangeException.class,
                "SeekOutOfRange");
        assertDataHubError(
                () -> client.getRecords(project, topic, "0", oldCursor, 10),
                DatahubClientException.class,
                "InvalidCursor",
                "SeekOutOfRange");

        CLOCK.advance(Duration.ofHours(12));
        GetCursorResult empty = client.getCursor(project, topic, "0", CursorType.OLDEST);
        assertThat(client.getRecords(project, topic, "0", empty.getCursor(), 10).getRecords())
                .isEmpty();
        put(client, project, topic, "fresh-3");
        assertThat(client.getCursor(project, topic, "0", CursorType.LATEST).getSequence())
                .isEqualTo(3L);
    }

    private static void put(DatahubClient client, String project, String topic, String... values) {
        List<RecordEntry> records =
                Arrays.stream(values)
                        .map(
                                v -> {
                                    RecordEntry r = new RecordEntry();
                                    r.setShardId("0");
                                    r.setRecordData(
                                            new BlobRecordData(v.getBytes(StandardCharsets.UTF_8)));
                                    return r;
                                })
                        .toList();
        assertThat(client.putRecords(project, topic, records).getFailedRecordCount()).isZero();
    }
}
