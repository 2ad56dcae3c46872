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
import io.github.flinkdatahub.examples.windows.OrderTopics;
import io.github.flinkdatahub.examples.windows.WindowResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submits the packaged DataStream example ({@code examples/target/*-job.jar}) with the Flink CLI to
 * a standalone cluster (JobManager and TaskManager processes) and checks the window results in
 * DataHub (the emulator, its own process) with the client.
 */
class DataStreamExampleE2ECase {

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void packagedExampleRunsOnAStandaloneClusterAndWritesTheExpectedWindows() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start();
                FlinkCluster cluster = FlinkCluster.start("datastream-example", 2)) {
            Processes.Result run =
                    cluster.flink(
                            "flink-run",
                            Duration.ofMinutes(3),
                            "run",
                            "-p",
                            "2",
                            E2EPaths.exampleJar().toString(),
                            "--endpoint",
                            emulator.endpoint(),
                            "--project",
                            "e2e_datastream",
                            "--records",
                            "600",
                            "--shards",
                            "2");

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("Job has been submitted with JobID")
                    .contains("The output topic holds exactly the expected window results.");
            String jobId = FlinkCluster.jobId(run.output());
            assertThat(cluster.jobState(jobId)).isEqualTo("FINISHED");

            try (DataHubClient client =
                    DataHubClient.create(
                            DataHubClientConfig.builder().endpoint(emulator.endpoint()).build())) {
                List<WindowResult> results =
                        OrderTopics.readResults(client, "e2e_datastream", "order_windows");
                assertThat(results)
                        .hasSize(24)
                        .containsExactlyElementsOf(
                                OrderTopics.expectedResults(
                                        OrderTopics.sampleOrders(600, Duration.ofSeconds(10), 1),
                                        Duration.ofSeconds(10)));
            }
        }
    }
}
