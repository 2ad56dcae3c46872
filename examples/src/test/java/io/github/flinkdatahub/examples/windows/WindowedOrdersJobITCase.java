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

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the DataStream example's main path and checks what it wrote to the output topic. */
class WindowedOrdersJobITCase {

    @Test
    void defaultRunOnTheEmbeddedEmulatorPrintsTheExpectedWindows() throws Exception {
        String output = captureStdout(() -> WindowedOrdersJob.main(new String[0]));

        assertThat(output).contains("Produced 1000 orders");
        assertThat(output).contains("The output topic holds exactly the expected window results.");
        // 6 windows x 4 customers
        assertThat(output)
                .contains(
                        "Records in: 1000 orders. Records out: 24 window results covering 1000"
                                + " orders.");
    }

    @Test
    void writesEveryWindowExactlyOnceToTheOutputTopicOfAGivenEndpoint() throws Exception {
        try (DataHubEmulator emulator = DataHubEmulator.builder().port(0).build().start()) {
            captureStdout(
                    () ->
                            WindowedOrdersJob.main(
                                    new String[] {
                                        "--endpoint", emulator.endpoint(),
                                        "--project", "it_project",
                                        "--records", "777",
                                        "--window-seconds", "5",
                                        "--shards", "3",
                                        "--no-report"
                                    }));

            DataHubClientConfig config =
                    DataHubClientConfig.builder().endpoint(emulator.endpoint()).build();
            try (DataHubClient client = DataHubClient.create(config)) {
                List<WindowResult> results =
                        OrderTopics.readResults(client, "it_project", "order_windows");
                List<WindowResult> expected =
                        OrderTopics.expectedResults(
                                OrderTopics.sampleOrders(777, Duration.ofSeconds(5), 1),
                                Duration.ofSeconds(5));
                assertThat(expected).hasSize(24);
                assertThat(results).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void badFlagsAreNamed() {
        assertThatThrownBy(() -> ExampleArgs.parse("--records", "x"))
                .hasMessageContaining("--records must be an integer");
        assertThatThrownBy(() -> ExampleArgs.parse("--delivery", "maybe"))
                .hasMessageContaining("--delivery must be exactly-once or at-least-once");
        assertThatThrownBy(() -> ExampleArgs.parse("--access-key", "x"))
                .hasMessageContaining("Unknown flag --access-key");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static String captureStdout(ThrowingRunnable body) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return output;
    }
}
