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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The asynchronous record calls against the emulator: results, errors, several in flight. */
class AsyncClientEmulatorITCase {

    private static final String ACCESS_ID = "async-it-id";
    private static final String ACCESS_KEY = "async-it-secret";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING));

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.credentials(ACCESS_ID, ACCESS_KEY));

    private static DataHubClient client(BodyProtocol protocol) {
        return DataHubClientFactory.of(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .credentials(ACCESS_ID, ACCESS_KEY)
                                .protocol(protocol)
                                .compression(CompressionType.LZ4)
                                .maxRetries(0)
                                .build())
                .create();
    }

    private static String topic(DataHubClient client, String project, int shards) {
        String topic = "t" + COUNTER.incrementAndGet();
        client.createTupleTopic(project, topic, shards, 1, SCHEMA, "async");
        assertThat(client.waitForShardsReady(project, topic, Duration.ofSeconds(30))).isTrue();
        return topic;
    }

    @ParameterizedTest
    @EnumSource(
            value = BodyProtocol.class,
            names = {"JSON", "PROTOBUF"}) // topic-level puts; BATCH has none
    void severalCallsInFlightWriteAndReadEveryShard(BodyProtocol protocol) throws Exception {
        try (DataHubClient client = client(protocol)) {
            String project = "async_it_" + COUNTER.incrementAndGet();
            client.createProject(project, "async");
            String topic = topic(client, project, 3);
            List<CompletableFuture<?>> puts = new ArrayList<>();
            for (int shard = 0; shard < 3; shard++) {
                List<PutRecord> records = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    records.add(PutRecord.of(TupleRecord.of(SCHEMA, shard * 100L + i, "r" + i)));
                }
                puts.add(
                        client.putRecordsByShardAsync(
                                project, topic, Integer.toString(shard), records));
            }
            puts.add(
                    client.putRecordsAsync(
                            project,
                            topic,
                            List.of(PutRecord.toShard("1", TupleRecord.of(SCHEMA, 999L, "x")))));
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);

            List<CompletableFuture<GetRecordsResult>> gets = new ArrayList<>();
            for (int shard = 0; shard < 3; shard++) {
                String shardId = Integer.toString(shard);
                String cursor =
                        client.getCursor(project, topic, shardId, CursorType.OLDEST).cursor();
                gets.add(client.getRecordsAsync(project, topic, shardId, cursor, 100, SCHEMA));
            }
            assertThat(gets.get(0).get(30, TimeUnit.SECONDS).records()).hasSize(10);
            assertThat(gets.get(1).get(30, TimeUnit.SECONDS).records()).hasSize(11);
            GetRecordsResult third = gets.get(2).get(30, TimeUnit.SECONDS);
            assertThat(third.records()).hasSize(10);
            assertThat(((TupleRecord) third.records().get(4).payload()).getLong(0)).isEqualTo(204L);
        }
    }

    @Test
    void serviceErrorsFailTheFutureWithTheirClass() throws Exception {
        try (DataHubClient client = client(BodyProtocol.PROTOBUF)) {
            String project = "async_it_" + COUNTER.incrementAndGet();
            client.createProject(project, "async");
            String topic = topic(client, project, 1);
            CompletableFuture<Void> noShard =
                    client.putRecordsByShardAsync(
                            project,
                            topic,
                            "7",
                            List.of(PutRecord.of(TupleRecord.of(SCHEMA, 1L, "a"))));
            assertThat(catchThrowableOfType(CompletionException.class, noShard::join).getCause())
                    .isInstanceOf(ResourceNotFoundException.class);
            CompletableFuture<GetRecordsResult> badCursor =
                    client.getRecordsAsync(project, topic, "0", "not-a-cursor", 10, SCHEMA);
            assertThat(catchThrowableOfType(CompletionException.class, badCursor::join).getCause())
                    .isInstanceOf(InvalidCursorException.class);
        }
    }
}
