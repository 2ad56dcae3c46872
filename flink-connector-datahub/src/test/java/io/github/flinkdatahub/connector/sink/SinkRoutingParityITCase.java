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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.apache.flink.api.connector.sink2.SinkWriter;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PARTITION_KEY routing matches the service: the official SDK sends each key to the emulator, which
 * routes it by its own MD5 and range code; the sink routes the same keys itself. Every key must
 * land in the same shard both ways, on evenly split topics and after an uneven split.
 */
class SinkRoutingParityITCase {

    /** A manual clock, so that a new shard can be split without waiting the service's 5 s. */
    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    private static final String PROJECT = "routing";

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(
                    i % 3 == 0
                            ? "user-" + i
                            : i % 3 == 1 ? Integer.toString(i * 7919) : "\u00fc-" + i);
        }
        return keys;
    }

    @Test
    void sinkAndServicePutEachPartitionKeyInTheSameShard() throws Exception {
        try (DataHubClient client =
                DataHubClient.create(EmulatorTopics.config(EMULATOR.endpoint()))) {
            client.createProject(PROJECT, "routing parity");
            for (int shards : new int[] {1, 3, 4, 7}) {
                compare(client, "even" + shards, shards, false);
            }
            compare(client, "split", 3, true);
        }
    }

    private void compare(DataHubClient client, String name, int shards, boolean split)
            throws Exception {
        String viaSdk = name + "_sdk";
        String viaSink = name + "_sink";
        for (String topic : List.of(viaSdk, viaSink)) {
            client.createBlobTopic(PROJECT, topic, shards, 1, "parity");
            if (split) {
                CLOCK.advance(Duration.ofSeconds(6));
                // An uneven layout: split shard 1 at a key a third into its range.
                client.splitShard(PROJECT, topic, "1", "6AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
                client.waitForShardsReady(PROJECT, topic, Duration.ofSeconds(10));
            }
        }
        List<String> keys = keys();
        DatahubClient sdk =
                DatahubClientBuilder.newBuilder()
                        .setDatahubConfig(
                                new DatahubConfig(
                                        EMULATOR.endpoint(), new AliyunAccount("id", "key"), true))
                        .build();
        List<RecordEntry> entries = new ArrayList<>();
        for (String key : keys) {
            RecordEntry e = new RecordEntry();
            e.setRecordData(new BlobRecordData(key.getBytes(StandardCharsets.UTF_8)));
            e.setPartitionKey(key);
            entries.add(e);
        }
        PutRecordsResult result = sdk.putRecords(PROJECT, viaSdk, entries);
        assertThat(result.getFailedRecordCount()).isZero();

        DataHubSink<String> sink =
                DataHubSink.<String>builder()
                        .setClientFactory(
                                DataHubClientFactory.of(EmulatorTopics.config(EMULATOR.endpoint())))
                        .setProject(PROJECT)
                        .setTopic(viaSink)
                        .setRouting(ShardRouting.PARTITION_KEY)
                        .setSerializer(
                                s ->
                                        DataHubSinkRecord.of(
                                                        BlobRecord.of(
                                                                s.getBytes(StandardCharsets.UTF_8)))
                                                .withPartitionKey(s))
                        .build();
        try (SinkWriter<String> w = sink.createWriter(new TestWriterContext())) {
            for (String key : keys) {
                w.write(key, null);
            }
            w.flush(true);
        }
        Map<String, String> sdkShard = shardByKey(client, viaSdk);
        Map<String, String> sinkShard = shardByKey(client, viaSink);
        assertThat(sdkShard).hasSize(keys.size());
        assertThat(sinkShard).as("topic %s", name).isEqualTo(sdkShard);
        if (shards > 1) {
            assertThat(sinkShard.values().stream().distinct().count()).isGreaterThan(1);
        }
    }

    private static Map<String, String> shardByKey(DataHubClient client, String topic) {
        Map<String, String> out = new HashMap<>();
        for (ReadRecord r : EmulatorTopics.readAll(client, PROJECT, topic, null)) {
            out.put(
                    new String(((BlobRecord) r.payload()).data(), StandardCharsets.UTF_8),
                    r.shardId());
        }
        return out;
    }
}
