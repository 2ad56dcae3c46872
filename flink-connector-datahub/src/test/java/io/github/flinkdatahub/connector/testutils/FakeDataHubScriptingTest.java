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

package io.github.flinkdatahub.connector.testutils;

import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.LimitExceededException;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardSealedException;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake's scripting: failNext, call counters, hold/release, the serializable factory. */
class FakeDataHubScriptingTest {

    private static final RecordSchema SCHEMA = RecordSchema.of(Field.of("v", FieldType.BIGINT));

    private final FakeDataHub hub = new FakeDataHub();

    @AfterEach
    void close() {
        hub.close();
    }

    private String oldest(DataHubClient client, String shard) {
        return client.getCursor("p", "t", shard, CursorType.OLDEST).cursor();
    }

    @Test
    void failNextFailsTheNextMatchingCallsOnlyAndCountsThem() {
        hub.createTupleTopic("p", "t", 2, SCHEMA);
        try (DataHubClient client = hub.client()) {
            hub.failNext(FakeCall.GET_RECORDS, "1", FakeFailures.throttled(), 2);
            hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, FakeFailures.sealedShard("0"));
            assertThat(hub.pendingFailures()).isEqualTo(3);

            // Another shard is not affected by a failure scripted for shard 1.
            assertThat(client.getRecords("p", "t", "0", oldest(client, "0"), 10, SCHEMA).records())
                    .isEmpty();
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(
                                () ->
                                        client.getRecords(
                                                "p", "t", "1", oldest(client, "1"), 10, SCHEMA))
                        .isInstanceOf(LimitExceededException.class)
                        .satisfies(e -> assertThat(((DataHubException) e).isRetryable()).isTrue());
            }
            assertThat(client.getRecords("p", "t", "1", oldest(client, "1"), 10, SCHEMA).records())
                    .isEmpty();
            assertThatThrownBy(() -> client.putRecordsByShard("p", "t", "1", List.of(row(1))))
                    .as("a failure without a shard matches any shard")
                    .isInstanceOf(ShardSealedException.class);
            client.putRecordsByShard("p", "t", "1", List.of(row(2)));
            assertThat(hub.records("p", "t", "1")).hasSize(1);
            assertThat(hub.pendingFailures()).isZero();

            assertThat(hub.callCount(FakeCall.GET_RECORDS))
                    .as("failed calls count too")
                    .isEqualTo(4);
            assertThat(hub.callCount(FakeCall.PUT_RECORDS_BY_SHARD)).isEqualTo(2);
            assertThat(hub.callCount(FakeCall.GET_CURSOR)).isEqualTo(4);
            assertThat(hub.callCount(FakeCall.RESET_OFFSETS)).isZero();
        }
    }

    @Test
    void heldCallsStayInFlightUntilReleased() {
        hub.createTupleTopic("p", "t", 1, SCHEMA);
        try (DataHubClient client = hub.client()) {
            String cursor = oldest(client, "0");
            hub.hold(FakeCall.GET_RECORDS);
            CompletableFuture<GetRecordsResult> first =
                    client.getRecordsAsync("p", "t", "0", cursor, 10, SCHEMA);
            CompletableFuture<GetRecordsResult> second =
                    client.getRecordsAsync("p", "t", "0", cursor, 10, SCHEMA);
            assertThat(first).isNotDone();
            assertThat(hub.heldCount(FakeCall.GET_RECORDS)).isEqualTo(2);
            assertThat(hub.callCount(FakeCall.GET_RECORDS)).as("not run yet").isZero();
            second.cancel(true);
            client.putRecordsByShard("p", "t", "0", List.of(row(7)));

            hub.release(FakeCall.GET_RECORDS);
            assertThat(first).isCompleted();
            assertThat(first.join().records()).hasSize(1).as("it ran at release time");
            assertThat(second).isCancelled();
            assertThat(hub.callCount(FakeCall.GET_RECORDS))
                    .as("the cancelled call never reached the hub")
                    .isEqualTo(1);
            assertThat(hub.heldCount(FakeCall.GET_RECORDS)).isZero();
            assertThat(client.getRecordsAsync("p", "t", "0", cursor, 10, SCHEMA))
                    .as("no longer held")
                    .isCompleted();
        }
    }

    @Test
    void aHeldCallCanFailWithAScriptedErrorOnRelease() {
        hub.createTupleTopic("p", "t", 1, SCHEMA);
        try (DataHubClient client = hub.client()) {
            hub.hold(FakeCall.PUT_RECORDS_BY_SHARD);
            CompletableFuture<Void> put =
                    client.putRecordsByShardAsync("p", "t", "0", List.of(row(1)));
            hub.failNext(FakeCall.PUT_RECORDS_BY_SHARD, FakeFailures.serverError());
            hub.release(FakeCall.PUT_RECORDS_BY_SHARD);
            assertThatThrownBy(put::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(DataHubException.class);
            assertThat(hub.records("p", "t", "0")).isEmpty();
        }
    }

    @Test
    void theFactoryIsSerializableAndAClosedClientRefusesCalls() throws Exception {
        hub.createTupleTopic("p", "t", 1, SCHEMA);
        DataHubClientFactory copy = roundTrip(hub.factory());
        DataHubClient client = copy.create();
        assertThat(hub.openClients()).isEqualTo(1);
        client.putRecordsByShard("p", "t", "0", List.of(row(3)));
        assertThat(hub.records("p", "t", "0")).hasSize(1);
        client.close();
        assertThat(hub.openClients()).isZero();
        assertThatThrownBy(() -> client.listShards("p", "t"))
                .isInstanceOf(DataHubException.class)
                .hasMessageContaining("closed");
        assertThat(client.putRecordsByShardAsync("p", "t", "0", List.of(row(4))))
                .isCompletedExceptionally();
        hub.close();
        assertThatThrownBy(copy::create).hasMessageContaining("closed");
    }

    private static PutRecord row(long v) {
        return PutRecord.of(TupleRecord.of(SCHEMA, v));
    }

    private static DataHubClientFactory roundTrip(DataHubClientFactory factory) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (DataHubClientFactory) in.readObject();
        }
    }
}
