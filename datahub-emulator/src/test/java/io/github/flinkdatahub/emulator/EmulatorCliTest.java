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

package io.github.flinkdatahub.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command-line parsing of the standalone emulator. */
class EmulatorCliTest {

    @Test
    void defaults() throws Exception {
        EmulatorCli.Parsed p = EmulatorCli.parse(new String[0]);
        assertThat(p.help()).isFalse();
        assertThat(p.builder().toString())
                .contains("host=127.0.0.1", "port=9080", "signatures=off", "PT5M");
    }

    @Test
    void everyFlag() throws Exception {
        EmulatorCli.Parsed p =
                EmulatorCli.parse(
                        new String[] {
                            "--host",
                            "0.0.0.0",
                            "--port=0",
                            "--data-dir",
                            "/tmp/x",
                            "--fsync",
                            "interval",
                            "--access-id",
                            "id",
                            "--access-key",
                            "secret",
                            "--shard-list-interval-ms",
                            "1000",
                            "--write-qps",
                            "5",
                            "--write-bytes-per-second",
                            "1000",
                            "--read-qps",
                            "7",
                            "--fault",
                            "GetRecords:InternalServerError:0.5",
                            "--fault",
                            "PutRecords:LimitExceeded:503:1",
                            "--latency",
                            "*:5",
                            "--drop-connections",
                            "GetCursor:1",
                            "--fault-seed",
                            "9",
                        });
        assertThat(p.builder().toString())
                .contains("host=0.0.0.0", "port=0", "dataDir=/tmp/x", "accessId=id", "PT1S")
                .doesNotContain("secret");
        assertThat(p.seed()).isEqualTo(9);
        FaultInjector faults = new FaultInjector();
        p.applyFaults(faults);
        assertThat(faults.decide("PutRecords"))
                .extracting(FaultInjector.Fault::errorCode, FaultInjector.Fault::status)
                .containsExactly("LimitExceeded", 503);
        assertThat(faults.decide("GetCursor").dropConnection()).isTrue();
        assertThat(faults.decide("ListShard").latency()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void help() throws Exception {
        assertThat(EmulatorCli.parse(new String[] {"--help"}).help()).isTrue();
        for (String flag :
                new String[] {
                    "--host",
                    "--port",
                    "--data-dir",
                    "--fsync",
                    "--access-id",
                    "--access-key",
                    "--shard-list-interval-ms",
                    "--write-qps",
                    "--write-bytes-per-second",
                    "--read-qps",
                    "--fault",
                    "--latency",
                    "--drop-connections",
                    "--fault-seed"
                }) {
            assertThat(EmulatorCli.USAGE).contains(flag + " ");
        }
    }

    @Test
    void badFlagsNameTheFlag() {
        assertUsage("--port", "--port", "70000");
        assertUsage("--port", "--port", "x");
        assertUsage("--port", "--port");
        assertUsage("--bogus", "--bogus", "1");
        assertUsage("--access-key", "--access-id", "a");
        assertUsage("--fsync", "--fsync", "sometimes");
        assertUsage("--fault", "--fault", "GetRecords:X");
        assertUsage("--fault", "--fault", "Nope:InternalServerError:0.5");
        assertUsage("--fault", "--fault", "GetRecords:InternalServerError:2");
        assertUsage("--latency", "--latency", "GetRecords");
        assertUsage("--drop-connections", "--drop-connections", "GetRecords:x");
        assertUsage("--shard-list-interval-ms", "--shard-list-interval-ms", "0");
        assertUsage("--write-qps", "--write-qps", "-1");
        assertUsage("stray", "stray");
    }

    @Test
    void anUnknownFlagIsReportedAsUnknownNotAsMissingItsValue() {
        for (String[] args :
                new String[][] {{"--bogus"}, {"--bogus", "1"}, {"--bogus=1"}, {"--prot", "0"}}) {
            assertThatThrownBy(() -> EmulatorCli.parse(args))
                    .isInstanceOf(EmulatorCli.UsageException.class)
                    .hasMessageContaining("Unknown option " + args[0].split("=")[0])
                    .hasMessageContaining("--help")
                    .hasMessageNotContaining("needs a value");
        }
        // A known flag at the end still says it needs a value.
        assertUsage("--host needs a value", "--host");
    }

    @Test
    void aPortInUseSuggestsAnotherPortOrPortZero() {
        IllegalStateException failure =
                new IllegalStateException(
                        "Cannot start the DataHub emulator on 127.0.0.1:9080",
                        new IOException(
                                "Failed to bind to /127.0.0.1:9080",
                                new BindException("Address already in use")));
        List<String> lines = EmulatorCli.startFailure(failure);
        assertThat(lines.get(0)).isEqualTo("Cannot start the DataHub emulator on 127.0.0.1:9080");
        assertThat(String.join("\n", lines))
                .contains("Address already in use", "already in use", "--port 0", "--port");
    }

    @Test
    void aCauseWhoseMessageIsAlreadyShownIsNotRepeated() {
        String locked = "The data directory /d is in use by another emulator process.";
        IllegalStateException failure =
                new IllegalStateException(
                        "Cannot open the emulator data directory /d: " + locked,
                        new IOException(locked));
        List<String> lines = EmulatorCli.startFailure(failure);
        assertThat(lines).hasSize(1);
        assertThat(String.join("\n", lines).split("in use by another", -1)).hasSize(2);
        assertThat(String.join("\n", lines)).doesNotContain("--port 0");
    }

    private static void assertUsage(String expected, String... args) {
        assertThatThrownBy(() -> EmulatorCli.parse(args))
                .isInstanceOf(EmulatorCli.UsageException.class)
                .hasMessageContaining(expected);
    }
}
