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

package io.github.flinkdatahub.examples;

import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes ten records to a TUPLE topic and reads them back, shard by shard, with the DataHub client.
 *
 * <p>By default it runs on an embedded DataHub emulator. To run it against a real DataHub, pass the
 * endpoint as the first argument and set {@code DATAHUB_ACCESS_ID} and {@code DATAHUB_ACCESS_KEY};
 * it then creates project {@code flink_datahub_quickstart}.
 *
 * <pre>{@code
 * ./mvnw -Prun-example -pl examples -am verify -DskipTests
 * }</pre>
 */
public final class ClientQuickstart {

    private static final String PROJECT = "flink_datahub_quickstart";
    private static final String TOPIC = "orders";

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("order_id", FieldType.BIGINT),
                    Field.of("customer", FieldType.STRING),
                    Field.of("amount", FieldType.DECIMAL),
                    Field.of("created_at", FieldType.TIMESTAMP));

    private static final String[] CUSTOMERS = {"alice", "bob", "carol", "dave"};

    private ClientQuickstart() {}

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].isBlank()) {
            run(
                    DataHubClientConfig.builder()
                            .endpoint(args[0])
                            .credentials(
                                    System.getenv("DATAHUB_ACCESS_ID"),
                                    System.getenv("DATAHUB_ACCESS_KEY"))
                            .build());
            return;
        }
        try (DataHubEmulator emulator = DataHubEmulator.builder().port(0).build().start()) {
            System.out.println("Started an embedded DataHub emulator at " + emulator.endpoint());
            run(DataHubClientConfig.builder().endpoint(emulator.endpoint()).build());
        }
    }

    private static void run(DataHubClientConfig config) {
        try (DataHubClient client = DataHubClient.create(config)) {
            client.createProject(PROJECT, "flink-connector-datahub quickstart");
            client.createTupleTopic(PROJECT, TOPIC, 2, 1, SCHEMA, "orders");

            List<PutRecord> records = new ArrayList<>();
            long now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli() * 1000;
            for (long id = 1; id <= 10; id++) {
                String customer = CUSTOMERS[(int) (id % CUSTOMERS.length)];
                TupleRecord row =
                        TupleRecord.of(SCHEMA, id, customer, new BigDecimal(id + ".50"), now);
                // Records with the same partition key land in the same shard, in order.
                records.add(PutRecord.withPartitionKey(customer, row));
            }
            PutRecordsResult put = client.putRecords(PROJECT, TOPIC, records);
            System.out.printf(
                    "Wrote %d records (%d failed)%n",
                    records.size() - put.failedRecordCount(), put.failedRecordCount());

            for (ShardInfo shard : client.listShards(PROJECT, TOPIC)) {
                String cursor =
                        client.getCursor(PROJECT, TOPIC, shard.shardId(), CursorType.OLDEST)
                                .cursor();
                GetRecordsResult read =
                        client.getRecords(PROJECT, TOPIC, shard.shardId(), cursor, 100, SCHEMA);
                System.out.printf(
                        "Shard %s [%s, %s): %d records%n",
                        shard.shardId(),
                        shard.beginHashKey(),
                        shard.endHashKey(),
                        read.recordCount());
                for (ReadRecord record : read.records()) {
                    System.out.printf("  sequence %d  %s%n", record.sequence(), record.payload());
                }
            }
        }
    }
}
