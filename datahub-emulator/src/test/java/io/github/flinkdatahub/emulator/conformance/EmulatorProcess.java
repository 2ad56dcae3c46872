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

package io.github.flinkdatahub.emulator.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator CLI ({@code EmulatorMain}) in its own JVM, so a test can kill it with SIGKILL
 * mid-write and restart it on the same data directory.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern READY =
            Pattern.compile("^DataHub emulator listening on (http://\\S+:\\d+)$");

    private final Process process;
    private final String endpoint;
    private final StringBuffer output;

    private EmulatorProcess(Process process, String endpoint, StringBuffer output) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
    }

    /**
     * Starts the CLI on a free port over {@code dataDir}, plus {@code flags}; waits until ready.
     */
    static EmulatorProcess start(Path dataDir, String... flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.github.flinkdatahub.emulator.EmulatorMain");
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0", "--data-dir"));
        command.add(dataDir.toString());
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> pump(process, output, ready),
                        "emulator-process-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String endpoint;
        try {
            endpoint = ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(
                    "Emulator process did not report ready; output:\n" + output, e);
        }
        return new EmulatorProcess(process, endpoint, output);
    }

    private static void pump(
            Process process, StringBuffer output, CompletableFuture<String> ready) {
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                Matcher m = READY.matcher(line.trim());
                if (m.matches()) {
                    ready.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // The process was killed; the output so far stays in the buffer.
        }
        ready.completeExceptionally(new IllegalStateException("process output ended"));
    }

    /** Everything the process printed so far, for failure messages. */
    String output() {
        return output.toString();
    }

    String endpoint() {
        return endpoint;
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, exactly like a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Emulator process survived SIGKILL");
        }
    }

    /** Stops the process gracefully, killing it if it does not exit in time. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
