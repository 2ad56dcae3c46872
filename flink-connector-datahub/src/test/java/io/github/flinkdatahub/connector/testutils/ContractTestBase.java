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
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared part of the contract suites of the records, shards and offsets roles ({@link
 * ReadContractTest}, {@link WriteShardOffsetContractTest}), for the operations {@link FakeDataHub}
 * implements. Each suite runs once against {@link FakeDataHubClient} and once against the HTTP
 * client on the emulator: the emulator follows the protocol notes and is the reference, so a test
 * failing only for the fake is a bug in the fake. A {@link ContractTarget} provides the client, the
 * setup the fake does directly, and time.
 */
public abstract class ContractTestBase {

    /** The topic schema of the TUPLE tests. */
    protected static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT), Field.of("name", FieldType.STRING));

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The client under test, open for one test. */
    protected DataHubClient client;

    /** A fresh project name per test. */
    protected String project;

    /** The topic of the TUPLE tests. */
    protected static final String TOPIC = "t";

    /** What the suite runs against: the fake or the emulator. */
    protected abstract ContractTarget target();

    /** The service's current time, in milliseconds. */
    protected long nowMillis() {
        return target().nowMillis();
    }

    /** Moves the service's clock forward. */
    protected void advanceMillis(long millis) {
        target().advanceMillis(millis);
    }

    /** Makes every record of the shard expire, as retention would. */
    protected void expireAllRecords(String project, String topic, String shardId) {
        target().expireAllRecords(project, topic, shardId);
    }

    @BeforeEach
    void openClient() {
        client = target().newClient();
        project =
                "contract_" + getClass().getSimpleName().length() + "_" + COUNTER.incrementAndGet();
        target().createProject(client, project);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** Creates the TUPLE topic {@link #TOPIC} with this many shards. */
    protected void tupleTopic(int shards) {
        client.createTupleTopic(project, TOPIC, shards, 1, SCHEMA, "contract");
    }

    /** A record of {@link #SCHEMA}. */
    protected static TupleRecord row(long id, String name) {
        return TupleRecord.of(SCHEMA, id, name);
    }

    /** Writes one record per put, the clock moving 10 ms after each; returns the system times. */
    protected List<Long> writeSpaced(String shardId, int count) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            client.putRecordsByShard(
                    project, TOPIC, shardId, List.of(PutRecord.of(row(i, "r" + i))));
            advanceMillis(10);
        }
        for (ReadRecord r : readAll(shardId)) {
            times.add(r.systemTime());
        }
        return times;
    }

    /** Every retained record of the shard. */
    protected List<ReadRecord> readAll(String shardId) {
        String cursor = client.getCursor(project, TOPIC, shardId, CursorType.OLDEST).cursor();
        return client.getRecords(project, TOPIC, shardId, cursor, 1000, SCHEMA).records();
    }

    /** The payloads of every retained record of the shard. */
    protected List<Object> payloads(String shardId) {
        List<Object> out = new ArrayList<>();
        readAll(shardId).forEach(r -> out.add(r.payload()));
        return out;
    }
}
