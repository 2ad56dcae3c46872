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
import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetCursorResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded API in durable mode ({@code builder().dataDir(...)}): data survives close and reopen
 * in the same JVM, and retention stays applied across restarts, with sequences continuing after the
 * expired ones instead of starting again at 0. Consumer-group membership is soft state: it does not
 * survive a restart (consumers get {@code NoSuchConsumer} and rejoin), while the offsets they
 * resume from do.
 */
class EmbeddedDurabilityITCase {

    @TempDir Path dataDir;

    @Test
    void reopenedEmulatorKeepsDataAndRetention() throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        String project = uniqueName("embedded");
        String topic = "kept";
        try (DataHubEmulator first = open(clock)) {
            DatahubClient client = SdkMode.PROTOBUF.client(first.endpoint());
            client.createProject(project, "durable embedded");
            client.createTopic(project, topic, 1, 1, RecordType.BLOB, "one day");
            put(client, project, topic, "old-0", "old-1");
            clock.advance(Duration.ofHours(20));
            put(client, project, topic, "young-2");
        }
        try (DataHubEmulator second = open(clock)) {
            DatahubClient client = SdkMode.PROTOBUF.client(second.endpoint());
            assertThat(read(client, project, topic)).containsExactly("old-0", "old-1", "young-2");
            clock.advance(Duration.ofHours(5));
            assertThat(read(client, project, topic)).containsExactly("young-2");
        }
        try (DataHubEmulator third = open(clock)) {
            DatahubClient client = SdkMode.PROTOBUF.client(third.endpoint());
            GetCursorResult oldest = client.getCursor(project, topic, "0", CursorType.OLDEST);
            assertThat(oldest.getSequence()).isEqualTo(2L);
            assertThat(read(client, project, topic)).containsExactly("young-2");
            put(client, project, topic, "new-3");
            assertThat(client.getCursor(project, topic, "0", CursorType.LATEST).getSequence())
                    .isEqualTo(3L);
            assertThat(client.getProject(project).getComment()).isEqualTo("durable embedded");
        }
    }

    @Test
    void consumersRejoinAfterARestartAndResumeFromDurableOffsets() throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        String project = uniqueName("groups");
        String topic = "grouped";
        String subId;
        String oldConsumer;
        try (DataHubEmulator first = open(clock)) {
            DatahubClient client = SdkMode.PROTOBUF.client(first.endpoint());
            client.createProject(project, "consumer groups");
            client.createTopic(project, topic, 1, 1, RecordType.BLOB, "grouped");
            put(client, project, topic, "r-0", "r-1");
            subId = client.createSubscription(project, topic, "group").getSubId();
            oldConsumer = client.joinGroup(project, topic, subId, 60_000).getConsumerId();
            assertThat(heartbeat(client, project, topic, subId, oldConsumer, List.of()))
                    .containsExactly("0");
            SubscriptionOffset offset =
                    client.openSubscriptionSession(project, topic, subId, List.of("0"))
                            .getOffsets()
                            .get("0");
            offset.setSequence(1);
            offset.setTimestamp(clock.millis());
            client.commitSubscriptionOffset(project, topic, subId, Map.of("0", offset));
            clock.advance(Duration.ofSeconds(6));
            client.splitShard(project, topic, "0", "80000000000000000000000000000000");
            assertThat(heartbeat(client, project, topic, subId, oldConsumer, List.of("0")))
                    .containsExactlyInAnyOrder("1", "2");
        }
        try (DataHubEmulator second = open(clock)) {
            DatahubClient client = SdkMode.PROTOBUF.client(second.endpoint());
            assertDataHubError(
                    () -> heartbeat(client, project, topic, subId, oldConsumer, List.of()),
                    ResourceNotFoundException.class,
                    "NoSuchConsumer");
            String consumer = client.joinGroup(project, topic, subId, 60_000).getConsumerId();
            assertThat(consumer).isNotEqualTo(oldConsumer);
            assertThat(
                            client.getSubscriptionOffset(project, topic, subId, List.of("0"))
                                    .getOffsets()
                                    .get("0")
                                    .getSequence())
                    .isEqualTo(1L);
            // Read-end reports are soft too: the CLOSED parent is handed out again until the
            // consumer, finding nothing after its committed offset, reports it once more.
            assertThat(heartbeat(client, project, topic, subId, consumer, List.of()))
                    .containsExactly("0");
            assertThat(heartbeat(client, project, topic, subId, consumer, List.of("0")))
                    .containsExactlyInAnyOrder("1", "2");
        }
    }

    private static List<String> heartbeat(
            DatahubClient client,
            String project,
            String topic,
            String subId,
            String consumerId,
            List<String> readEnd) {
        return client.heartbeat(project, topic, subId, consumerId, 1, List.of(), readEnd)
                .getShardList();
    }

    private DataHubEmulator open(ManualClock clock) {
        return DataHubEmulator.builder()
                .host("127.0.0.1")
                .port(0)
                .dataDir(dataDir)
                .clock(clock)
                .build()
                .start();
    }

    private static void put(DatahubClient client, String project, String topic, String... values) {
        List<RecordEntry> records = new ArrayList<>();
        for (String value : values) {
            RecordEntry record = new RecordEntry();
            record.setRecordData(new BlobRecordData(value.getBytes(StandardCharsets.UTF_8)));
            records.add(record);
        }
        client.putRecordsByShard(project, topic, "0", records);
    }

    private static List<String> read(DatahubClient client, String project, String topic) {
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        List<String> values = new ArrayList<>();
        for (RecordEntry record :
                client.getRecords(project, topic, "0", cursor, 100).getRecords()) {
            values.add(
                    new String(
                            ((BlobRecordData) record.getRecordData()).getData(),
                            StandardCharsets.UTF_8));
        }
        return values;
    }
}
