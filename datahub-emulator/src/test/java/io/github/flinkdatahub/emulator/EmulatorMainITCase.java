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
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the shaded standalone jar as {@code java -jar}, as users and scripts do. */
class EmulatorMainITCase {

    private static final Path JAR = Path.of("target", "datahub-emulator.jar");

    private static Process launch(String... args) throws Exception {
        return launcher(args).start();
    }

    private static ProcessBuilder launcher(String... args) {
        assertThat(JAR).as("the shaded jar is built in the package phase").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void printsTheReadyLineServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process p =
                launcher("--port", "0", "--latency", "ListProject:1")
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        try {
            String ready = awaitFirstLine(stdout, p);
            assertThat(ready).matches("DataHub emulator listening on http://127\\.0\\.0\\.1:\\d+");
            String endpoint = ready.substring(ready.indexOf("http://"));
            RawHttp http = new RawHttp(endpoint);
            assertThat(http.json("POST", "/projects/cli_p", "{\"Comment\":\"c\"}").statusCode())
                    .isEqualTo(201);
            assertThat(http.json("GET", "/projects", null).body()).contains("cli_p");

            p.destroy(); // SIGTERM: the shutdown hook closes the emulator
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(stdout)).as("stdout").containsExactly(ready);
            assertThat(Files.readString(stderr))
                    .doesNotContain("Exception")
                    .as("one line on shutdown")
                    .containsOnlyOnce(EmulatorCli.STOPPED);
        } finally {
            p.destroyForcibly();
        }
    }

    private static String awaitFirstLine(Path file, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(file);
            int nl = text.indexOf('\n');
            if (nl >= 0) {
                return text.substring(0, nl);
            }
            assertThat(p.isAlive()).as("the emulator process is running").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no ready line within 60 s");
    }

    @Test
    void badFlagsExitWithStatusTwo() throws Exception {
        Process p = launch("--port", "many");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--port");
    }

    @Test
    void aPortInUseExitsWithOneAndSuggestsPortZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = launch("--port", Integer.toString(taken.getLocalPort()));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains(Integer.toString(taken.getLocalPort()), "already in use", "--port 0");
        }
    }

    @Test
    void aLockedDataDirectoryIsReportedOnce(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("stdout");
        Path data = dir.resolve("data");
        Process first =
                launcher("--port", "0", "--data-dir", data.toString())
                        .redirectOutput(stdout.toFile())
                        .redirectError(dir.resolve("stderr").toFile())
                        .start();
        try {
            awaitFirstLine(stdout, first);
            Process second = launch("--port", "0", "--data-dir", data.toString());
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(err).containsOnlyOnce("in use by another emulator process");
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownFlagIsNamedAsUnknown() throws Exception {
        Process p = launch("--bogus");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Unknown option --bogus", "--help")
                .doesNotContain("needs a value");
    }

    @Test
    void helpListsTheFlags() throws Exception {
        Process p = launch("--help");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help).contains("--data-dir", "--fault", "--access-id");
        assertThat(Files.size(JAR)).isPositive();
    }
}
