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

package io.github.flinkdatahub.examples.windows;

import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ResourceAlreadyExistsException;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.TupleRecord;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topics of the window examples: their schemas, creating them, producing sample orders, reading
 * window results back and printing them. Uses only the DataHub client.
 */
public final class OrderTopics {

    /** Schema of the input topic. */
    public static final RecordSchema ORDERS =
            RecordSchema.of(
                    Field.notNull("order_id", FieldType.BIGINT),
                    Field.of("customer", FieldType.STRING),
                    Field.of("amount_cents", FieldType.BIGINT),
                    Field.of("event_time", FieldType.TIMESTAMP));

    /** Schema of the output topic. */
    public static final RecordSchema WINDOWS =
            RecordSchema.of(
                    Field.of("customer", FieldType.STRING),
                    Field.of("window_start", FieldType.TIMESTAMP),
                    Field.of("window_end", FieldType.TIMESTAMP),
                    Field.of("order_count", FieldType.BIGINT),
                    Field.of("total_cents", FieldType.BIGINT));

    /** Event time of the first sample order: 2026-01-01T00:00:00Z. */
    public static final long BASE_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private static final String[] CUSTOMERS = {"alice", "bob", "carol", "dave"};
    private static final int WINDOWS_OF_SAMPLE_DATA = 6;

    private OrderTopics() {}

    /** Creates the project and both topics; those that exist already are kept. */
    public static void createTopics(DataHubClient client, ExampleArgs args) {
        try {
            client.createProject(args.project, "flink-connector-datahub examples");
        } catch (ResourceAlreadyExistsException e) {
            // keep it
        }
        createTopic(client, args, args.inputTopic, ORDERS, "orders");
        createTopic(client, args, args.outputTopic, WINDOWS, "per-customer window totals");
    }

    private static void createTopic(
            DataHubClient client, ExampleArgs args, String topic, RecordSchema schema, String c) {
        try {
            client.createTupleTopic(args.project, topic, args.shards, 1, schema, c);
        } catch (ResourceAlreadyExistsException e) {
            return;
        }
        client.waitForShardsReady(args.project, topic, Duration.ofSeconds(30));
    }

    /**
     * {@code count} orders with ids from {@code firstId}, for four customers, event times spread
     * evenly over six windows from {@link #BASE_MILLIS}.
     */
    public static List<Order> sampleOrders(int count, Duration window, long firstId) {
        List<Order> orders = new ArrayList<>(count);
        long span = window.toMillis() * WINDOWS_OF_SAMPLE_DATA;
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            orders.add(
                    new Order(
                            id,
                            CUSTOMERS[(int) (id % CUSTOMERS.length)],
                            (id % 50 + 1) * 100,
                            BASE_MILLIS + span * i / count));
        }
        return orders;
    }

    /** Writes the orders, partitioned by customer, in batches; fails if any record failed. */
    public static void produce(
            DataHubClient client, String project, String topic, List<Order> orders) {
        List<PutRecord> batch = new ArrayList<>();
        for (Order o : orders) {
            TupleRecord row =
                    TupleRecord.of(
                            ORDERS,
                            o.orderId,
                            o.customer,
                            o.amountCents,
                            o.eventTimeMillis * 1000); // TIMESTAMP is in microseconds
            batch.add(PutRecord.withPartitionKey(o.customer, row));
            if (batch.size() == 500) {
                put(client, project, topic, batch);
            }
        }
        put(client, project, topic, batch);
    }

    private static void put(
            DataHubClient client, String project, String topic, List<PutRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        PutRecordsResult result = client.putRecords(project, topic, batch);
        if (result.failedRecordCount() > 0) {
            throw new IllegalStateException(
                    result.failedRecordCount() + " records failed to write to " + topic);
        }
        batch.clear();
    }

    /** What the pipeline must produce from these orders. */
    public static List<WindowResult> expectedResults(List<Order> orders, Duration window) {
        long size = window.toMillis();
        Map<String, long[]> totals = new TreeMap<>();
        for (Order o : orders) {
            long start = o.eventTimeMillis - Math.floorMod(o.eventTimeMillis, size);
            long[] t = totals.computeIfAbsent(start + "|" + o.customer, k -> new long[2]);
            t[0]++;
            t[1] += o.amountCents;
        }
        List<WindowResult> results = new ArrayList<>();
        totals.forEach(
                (key, t) -> {
                    long start = Long.parseLong(key.substring(0, key.indexOf('|')));
                    String customer = key.substring(key.indexOf('|') + 1);
                    results.add(new WindowResult(customer, start, start + size, t[0], t[1]));
                });
        return sorted(results);
    }

    /** Every record of a topic, read from the oldest record of each shard to its end. */
    public static List<ReadRecord> readAll(
            DataHubClient client, String project, String topic, RecordSchema schema) {
        List<ReadRecord> all = new ArrayList<>();
        for (ShardInfo shard : client.listShards(project, topic)) {
            String cursor =
                    client.getCursor(project, topic, shard.shardId(), CursorType.OLDEST).cursor();
            while (true) {
                GetRecordsResult read =
                        client.getRecords(project, topic, shard.shardId(), cursor, 1000, schema);
                all.addAll(read.records());
                if (read.recordCount() == 0 || read.nextCursor().equals(cursor)) {
                    break;
                }
                cursor = read.nextCursor();
            }
        }
        return all;
    }

    /** The window results in the output topic, sorted by window start and customer. */
    public static List<WindowResult> readResults(
            DataHubClient client, String project, String topic) {
        List<WindowResult> results = new ArrayList<>();
        for (ReadRecord r : readAll(client, project, topic, WINDOWS)) {
            TupleRecord t = (TupleRecord) r.payload();
            results.add(
                    new WindowResult(
                            (String) t.get("customer"),
                            (Long) t.get("window_start") / 1000,
                            (Long) t.get("window_end") / 1000,
                            (Long) t.get("order_count"),
                            (Long) t.get("total_cents")));
        }
        return sorted(results);
    }

    /** Sorted by window start, then customer. */
    public static List<WindowResult> sorted(List<WindowResult> results) {
        List<WindowResult> copy = new ArrayList<>(results);
        copy.sort(
                Comparator.comparingLong((WindowResult r) -> r.windowStartMillis)
                        .thenComparing(r -> r.customer));
        return copy;
    }

    /** Prints the results as a small table and the record counts in and out. */
    public static void printReport(
            PrintStream out, List<WindowResult> results, long recordsIn, boolean matches) {
        out.println();
        out.printf(
                "%-24s %-24s %-8s %7s %12s%n",
                "window_start", "window_end", "customer", "orders", "total");
        out.println("-".repeat(79));
        long counted = 0;
        for (WindowResult r : results) {
            out.printf(
                    "%-24s %-24s %-8s %7d %12.2f%n",
                    Instant.ofEpochMilli(r.windowStartMillis),
                    Instant.ofEpochMilli(r.windowEndMillis),
                    r.customer,
                    r.orderCount,
                    r.totalCents / 100.0);
            counted += r.orderCount;
        }
        out.println("-".repeat(79));
        out.printf(
                "Records in: %d orders. Records out: %d window results covering %d orders.%n",
                recordsIn, results.size(), counted);
        out.println(
                matches
                        ? "The output topic holds exactly the expected window results."
                        : "MISMATCH: the output topic differs from the expected window results.");
    }
}
