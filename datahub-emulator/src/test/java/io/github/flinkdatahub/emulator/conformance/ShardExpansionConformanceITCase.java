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

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.ExpandMode;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * ExtendShard and the expand modes through the Java SDK (sections 4.2, 4.3, 9), and CLOSED shards
 * leaving ListShard once their data has expired, on a ManualClock.
 */
class ShardExpansionConformanceITCase {

    static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(false, CLOCK);

    private static final String ZERO = "00000000000000000000000000000000";
    private static final String MAX = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    private static DatahubClient client() {
        return SdkMode.PROTOBUF.client(EMULATOR.emulator().endpoint());
    }

    @Test
    void extendAddsWholeKeySpaceShardsToADefaultTopic() {
        DatahubClient client = client();
        String project = newProject(client);
        String topic = uniqueName("ext");
        client.createTopic(project, topic, 2, 1, RecordType.BLOB, "c");

        client.extendShard(project, topic, 4);

        assertThat(client.listShard(project, topic).getShards())
                .extracting(
                        ShardEntry::getShardId,
                        ShardEntry::getState,
                        ShardEntry::getBeginHashKey,
                        ShardEntry::getEndHashKey)
                .contains(
                        tuple("2", ShardState.ACTIVE, ZERO, MAX),
                        tuple("3", ShardState.ACTIVE, ZERO, MAX))
                .hasSize(4);
        assertThat(client.getTopic(project, topic).getShardCount()).isEqualTo(4);
        assertThat(client.getTopic(project, topic).getExpandMode())
                .isEqualTo(ExpandMode.SPLIT_EXTEND);
        client.putRecordsByShard(project, topic, "3", List.of(blob("on a new shard")));
        assertDataHubError(
                () -> client.extendShard(project, topic, 3),
                InvalidParameterException.class,
                "InvalidParameter");
    }

    @Test
    void onlyExtendTopicsShareOneKeyRangeAndRefuseSplitAndKeyedRouting() {
        DatahubClient client = client();
        String project = newProject(client);
        String topic = uniqueName("kafka");
        client.createTopic(
                project, topic, 2, 1, RecordType.BLOB, null, "c", ExpandMode.ONLY_EXTEND);
        CLOCK.advance(Duration.ofSeconds(6)); // past the 5 s split rule

        assertThat(client.getTopic(project, topic).getExpandMode())
                .isEqualTo(ExpandMode.ONLY_EXTEND);
        assertThat(client.listShard(project, topic).getShards())
                .extracting(ShardEntry::getBeginHashKey, ShardEntry::getEndHashKey)
                .containsOnly(tuple(ZERO, MAX));
        assertThat(
                        assertDataHubError(
                                        () ->
                                                client.splitShard(
                                                        project,
                                                        topic,
                                                        "0",
                                                        "80000000000000000000000000000000"),
                                        InvalidParameterException.class,
                                        "InvalidParameter")
                                .getErrorMessage())
                .contains("ExpandMode");
        client.extendShard(project, topic, 3);
        assertThat(client.listShard(project, topic).getShards()).hasSize(3);

        RecordEntry keyed = blob("keyed");
        keyed.setPartitionKey("user-1");
        PutRecordsResult result = client.putRecords(project, topic, List.of(keyed, blob("rr")));
        assertThat(result.getFailedRecordCount()).isEqualTo(1);
        assertThat(result.getPutErrorEntries().get(0).getIndex()).isZero();
        assertThat(result.getPutErrorEntries().get(0).getErrorcode()).isEqualTo("InvalidParameter");
    }

    @Test
    void onlySplitTopicsRefuseExtend() {
        DatahubClient client = client();
        String project = newProject(client);
        String topic = uniqueName("split");
        client.createTopic(project, topic, 1, 1, RecordType.BLOB, null, "c", ExpandMode.ONLY_SPLIT);

        assertThat(client.getTopic(project, topic).getExpandMode())
                .isEqualTo(ExpandMode.ONLY_SPLIT);
        assertDataHubError(
                () -> client.extendShard(project, topic, 2),
                InvalidParameterException.class,
                "InvalidParameter");
    }

    @Test
    void pythonStyleExtendBodiesWithIncrementAndTarget() throws Exception {
        DatahubClient client = client();
        String project = newProject(client);
        String topic = uniqueName("py");
        client.createTopic(project, topic, 1, 1, RecordType.BLOB, "c");

        assertThat(
                        extend(
                                        project,
                                        topic,
                                        "{\"Action\":\"extend\",\"ExtendMode\":\"TO\","
                                                + "\"ShardNumber\":2}")
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        extend(
                                        project,
                                        topic,
                                        "{\"Action\":\"extend\",\"ExtendMode\":\"INC\","
                                                + "\"ShardNumber\":2}")
                                .statusCode())
                .isEqualTo(200);
        HttpResponse<String> bad =
                extend(
                        project,
                        topic,
                        "{\"Action\":\"extend\",\"ExtendMode\":\"MORE\"," + "\"ShardNumber\":2}");

        assertThat(client.listShard(project, topic).getShards()).hasSize(4);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("InvalidParameter").contains("ExtendMode");
    }

    @Test
    void closedShardsLeaveListShardOnceTheirDataHasExpired() {
        DatahubClient client = client();
        String project = newProject(client);
        String topic = uniqueName("expiry");
        client.createTopic(project, topic, 1, 1, RecordType.BLOB, "lifecycle one day");
        client.putRecordsByShard(project, topic, "0", List.of(blob("old")));
        CLOCK.advance(Duration.ofSeconds(6));
        client.splitShard(project, topic, "0", "80000000000000000000000000000000");

        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(client.listShard(project, topic).getShards())
                .extracting(ShardEntry::getShardId)
                .containsExactly("0", "1", "2");
        CLOCK.advance(Duration.ofSeconds(2)); // the close time is now past the lifecycle
        assertThat(client.listShard(project, topic).getShards())
                .extracting(ShardEntry::getShardId)
                .containsExactly("1", "2");
        assertThat(client.getTopic(project, topic).getShardCount()).isEqualTo(2);
    }

    private static HttpResponse<String> extend(String project, String topic, String body)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        EMULATOR.emulator().endpoint()
                                                + "/projects/"
                                                + project
                                                + "/topics/"
                                                + topic
                                                + "/shards"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static RecordEntry blob(String text) {
        RecordEntry e = new RecordEntry();
        e.setRecordData(new BlobRecordData(text.getBytes(StandardCharsets.UTF_8)));
        return e;
    }
}
