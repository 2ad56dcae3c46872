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

package io.github.flinkdatahub.e2e;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.examples.windows.ExampleArgs;
import io.github.flinkdatahub.examples.windows.Order;
import io.github.flinkdatahub.examples.windows.OrderTopics;
import io.github.flinkdatahub.examples.windows.WindowResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the TaskManager process (SIGKILL by PID) while the example runs unbounded with the
 * exactly-once sink, starts a new TaskManager, and checks that the job recovers from its checkpoint
 * and that the output topic holds every window result exactly once: none lost, none duplicated, the
 * counts covering every input order once.
 */
class TaskManagerFailoverE2ECase {

    private static final String PROJECT = "e2e_failover";
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String[] CUSTOMERS = {"alice", "bob", "carol", "dave"};
    private static final int WINDOWS = 12;
    private static final int ORDERS_PER_WINDOW = 200;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void jobRecoversFromATaskManagerCrashAndWritesEveryWindowExactlyOnce() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start();
                FlinkCluster cluster = FlinkCluster.start("tm-failover", 2);
                DataHubClient client =
                        DataHubClient.create(
                                DataHubClientConfig.builder()
                                        .endpoint(emulator.endpoint())
                                        .build())) {
            OrderTopics.createTopics(client, ExampleArgs.parse("--project", PROJECT));

            Processes.Result submit =
                    cluster.flink(
                            "flink-run",
                            Duration.ofMinutes(2),
                            "run",
                            "-d",
                            "-p",
                            "2",
                            E2EPaths.exampleJar().toString(),
                            "--endpoint",
                            emulator.endpoint(),
                            "--project",
                            PROJECT,
                            "--records",
                            "0",
                            "--unbounded",
                            "--no-report",
                            "--delivery",
                            "exactly-once",
                            "--checkpoint-ms",
                            "500");
            assertThat(submit.exitCode()).as(submit.output()).isZero();
            String jobId = FlinkCluster.jobId(submit.output());
            FlinkCluster.await(
                    () -> cluster.allTasksRunning(jobId), Duration.ofSeconds(60), "job running");

            List<Order> all = new ArrayList<>();
            for (int w = 0; w < WINDOWS / 2; w++) {
                all.addAll(produceWindow(client, w));
            }
            // Windows 0..4 have fired and been committed (window 5 holds the watermark back).
            FlinkCluster.await(
                    () -> results(client).size() >= 5 * CUSTOMERS.length,
                    Duration.ofSeconds(90),
                    "the first windows committed to the output topic");
            long checkpointsBefore = cluster.checkpointCount(jobId, "completed");
            assertThat(checkpointsBefore).isPositive();

            long killed = cluster.killTaskManager();
            assertThat(ProcessHandle.of(killed)).isEmpty();
            for (int w = WINDOWS / 2; w < WINDOWS; w++) {
                all.addAll(produceWindow(client, w)); // written while no TaskManager runs
            }
            cluster.startTaskManager();

            FlinkCluster.await(
                    () ->
                            cluster.checkpointCount(jobId, "restored") >= 1
                                    && cluster.allTasksRunning(jobId),
                    Duration.ofSeconds(120),
                    "the job restored from a checkpoint and running on the new TaskManager");

            produceFlush(client); // advances every shard's watermark past the last window
            List<WindowResult> expected = OrderTopics.expectedResults(all, WINDOW);
            assertThat(expected).hasSize(WINDOWS * CUSTOMERS.length);
            FlinkCluster.await(
                    () -> results(client).size() >= expected.size(),
                    Duration.ofSeconds(120),
                    "every window in the output topic");

            // A few more checkpoints (and commits) must not add anything.
            long seen = cluster.checkpointCount(jobId, "completed");
            FlinkCluster.await(
                    () -> cluster.checkpointCount(jobId, "completed") >= seen + 3,
                    Duration.ofSeconds(60),
                    "three more checkpoints");
            List<WindowResult> results = results(client);
            assertThat(results).containsExactlyElementsOf(expected);
            assertThat(results.stream().mapToLong(r -> r.orderCount).sum())
                    .isEqualTo((long) WINDOWS * ORDERS_PER_WINDOW);

            Processes.Result cancel =
                    cluster.flink("flink-cancel", Duration.ofMinutes(1), "cancel", jobId);
            assertThat(cancel.exitCode()).as(cancel.output()).isZero();
        }
    }

    private static List<WindowResult> results(DataHubClient client) {
        return OrderTopics.readResults(client, PROJECT, "order_windows");
    }

    private static List<Order> produceWindow(DataHubClient client, int window) {
        List<Order> orders = new ArrayList<>();
        long start = OrderTopics.BASE_MILLIS + window * WINDOW.toMillis();
        for (int i = 0; i < ORDERS_PER_WINDOW; i++) {
            long id = (long) window * ORDERS_PER_WINDOW + i + 1;
            orders.add(
                    new Order(
                            id,
                            CUSTOMERS[i % CUSTOMERS.length],
                            (id % 50 + 1) * 100,
                            start + i * (WINDOW.toMillis() / ORDERS_PER_WINDOW)));
        }
        OrderTopics.produce(client, PROJECT, "orders", orders);
        return orders;
    }

    private static void produceFlush(DataHubClient client) {
        long future = OrderTopics.BASE_MILLIS + 1000 * WINDOW.toMillis();
        for (ShardInfo shard : client.listShards(PROJECT, "orders")) {
            TupleRecord row =
                    TupleRecord.of(OrderTopics.ORDERS, -1L, "zz_flush", 0L, future * 1000);
            client.putRecordsByShard(
                    PROJECT,
                    "orders",
                    shard.shardId(),
                    List.of(PutRecord.toShard(shard.shardId(), row)));
        }
    }
}
