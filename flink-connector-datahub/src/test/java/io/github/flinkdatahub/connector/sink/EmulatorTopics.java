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

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardSealedException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Reading a topic back from the emulator in the sink's integration tests. */
final class EmulatorTopics {

    private EmulatorTopics() {}

    /** The client settings the sink ITs use: protobuf with LZ4, as documented for production. */
    static DataHubClientConfig config(String endpoint) {
        return DataHubClientConfig.builder()
                .endpoint(endpoint)
                .protocol(BodyProtocol.PROTOBUF)
                .compression(CompressionType.LZ4)
                .build();
    }

    /** Every record of the topic, shard by shard in id order (a parent before its children). */
    static List<ReadRecord> readAll(
            DataHubClient client, String project, String topic, RecordSchema schema) {
        Reader reader = new Reader(client, project, topic, schema);
        List<ReadRecord> all = new ArrayList<>();
        List<ReadRecord> batch;
        do {
            batch = reader.poll();
            all.addAll(batch);
        } while (!batch.isEmpty());
        List<ReadRecord> ordered = new ArrayList<>(all);
        ordered.sort(
                Comparator.comparingLong((ReadRecord r) -> Long.parseLong(r.shardId()))
                        .thenComparingLong(ReadRecord::sequence));
        return ordered;
    }

    /** Polls until the condition holds or 60 s pass. */
    static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Reads new records of every shard (new shards too) on each poll. */
    static final class Reader {
        private final DataHubClient client;
        private final String project;
        private final String topic;
        private final RecordSchema schema;
        private final Map<String, String> cursors = new HashMap<>();
        private final Map<String, Boolean> finished = new HashMap<>();

        Reader(DataHubClient client, String project, String topic, RecordSchema schema) {
            this.client = client;
            this.project = project;
            this.topic = topic;
            this.schema = schema;
        }

        List<ReadRecord> poll() {
            List<ReadRecord> out = new ArrayList<>();
            for (ShardInfo s : client.listShards(project, topic)) {
                String id = s.shardId();
                if (finished.getOrDefault(id, false)) {
                    continue;
                }
                String cursor =
                        cursors.computeIfAbsent(
                                id,
                                k ->
                                        client.getCursor(project, topic, k, CursorType.OLDEST)
                                                .cursor());
                try {
                    GetRecordsResult r =
                            client.getRecords(project, topic, id, cursor, 1000, schema);
                    out.addAll(r.records());
                    cursors.put(id, r.nextCursor());
                } catch (ShardSealedException endOfClosedShard) {
                    finished.put(id, true);
                }
            }
            return out;
        }
    }
}
