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

package io.github.flinkdatahub.connector.client;

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.RecordEntry;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partition-key routing: for 10,000 random keys, {@link HashKeyRange#ownerOf} over {@code
 * listShards} (what a writer computes to group records by shard) names the shard where the emulator
 * puts the record when our client writes it, and where it puts the same record written by the
 * official Java SDK.
 */
class PartitionKeyRoutingITCase {

    private static final int KEYS = 10_000;

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 4, 7})
    void ownerOfMatchesTheEmulatorAndTheSdk(int shardCount) {
        String project = "routing_" + shardCount;
        List<String> keys = randomKeys(shardCount);
        try (DataHubClient client =
                DataHubClient.create(
                        DataHubClientConfig.builder().endpoint(EMULATOR.endpoint()).build())) {
            client.createProject(project, "routing");
            client.createBlobTopic(project, "ours", shardCount, 1, "routing");
            client.createBlobTopic(project, "sdk", shardCount, 1, "routing");
            List<ShardInfo> shards = client.listShards(project, "ours");
            assertThat(shards).hasSize(shardCount);
            assertThat(client.listShards(project, "sdk"))
                    .extracting(ShardInfo::hashKeyRange)
                    .containsExactlyElementsOf(
                            shards.stream().map(ShardInfo::hashKeyRange).toList());

            List<PutRecord> ours = new ArrayList<>();
            List<RecordEntry> theirs = new ArrayList<>();
            for (String key : keys) {
                byte[] data = key.getBytes(StandardCharsets.UTF_8);
                ours.add(PutRecord.withPartitionKey(key, BlobRecord.of(data)));
                RecordEntry entry = new RecordEntry();
                entry.setPartitionKey(key);
                entry.setRecordData(new BlobRecordData(data));
                theirs.add(entry);
            }
            assertThat(client.putRecords(project, "ours", ours).allSucceeded()).isTrue();
            assertThat(sdk().putRecords(project, "sdk", theirs).getFailedRecordCount()).isZero();

            Map<String, String> byOurs = placement(client, project, "ours", shards);
            Map<String, String> bySdk = placement(client, project, "sdk", shards);
            assertThat(byOurs).hasSize(KEYS);
            assertThat(bySdk).hasSize(KEYS);
            Map<String, Integer> perShard = new HashMap<>();
            for (String key : keys) {
                String expected =
                        HashKeyRange.ownerOf(shards, HashKeyRange.partitionKeyHash(key)).shardId();
                assertThat(byOurs.get(key)).as("our write of key %s", key).isEqualTo(expected);
                assertThat(bySdk.get(key)).as("the SDK's write of key %s", key).isEqualTo(expected);
                perShard.merge(expected, 1, Integer::sum);
            }
            assertThat(perShard).as("every shard gets keys").hasSize(shardCount);
        }
    }

    /** Random keys of varied length and alphabet (ASCII, accented, CJK), all distinct. */
    private static List<String> randomKeys(int seed) {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (keys.size() < KEYS) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                sb.append(
                        kind < 7
                                ? (char) ('!' + random.nextInt(94))
                                : kind < 9
                                        ? (char) (0xC0 + random.nextInt(0x100))
                                        : (char) (0x4E00 + random.nextInt(0x5000)));
            }
            if (seen.add(sb.toString())) {
                keys.add(sb.toString());
            }
        }
        return keys;
    }

    /** key -> shard id where each record was stored. */
    private static Map<String, String> placement(
            DataHubClient client, String project, String topic, List<ShardInfo> shards) {
        Map<String, String> out = new HashMap<>();
        for (ShardInfo shard : shards) {
            String cursor =
                    client.getCursor(project, topic, shard.shardId(), CursorType.OLDEST).cursor();
            while (true) {
                GetRecordsResult r =
                        client.getRecords(project, topic, shard.shardId(), cursor, 1000, null);
                if (r.records().isEmpty()) {
                    break;
                }
                for (ReadRecord record : r.records()) {
                    String key =
                            new String(
                                    ((BlobRecord) record.payload()).data(), StandardCharsets.UTF_8);
                    assertThat(out.put(key, shard.shardId()))
                            .as("key %s stored once", key)
                            .isNull();
                }
                cursor = r.nextCursor();
            }
        }
        return out;
    }

    private static DatahubClient sdk() {
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(
                        new DatahubConfig(
                                EMULATOR.endpoint(), new AliyunAccount("id", "key"), true))
                .setHttpConfig(new HttpConfig().setConnTimeout(10_000).setReadTimeout(30_000))
                .build();
    }
}
