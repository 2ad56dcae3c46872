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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The standalone emulator ({@code datahub-emulator.jar}) as its own process on a free port; the
 * endpoint comes from the one line it prints when ready.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final String READY = "DataHub emulator listening on ";

    private final Process process;
    private final String endpoint;

    private EmulatorProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts {@code java -jar datahub-emulator.jar --port 0 [extra flags]}. */
    static EmulatorProcess start(String... flags) throws Exception {
        Path jar = E2EPaths.emulatorJar();
        List<String> cmd = new ArrayList<>(List.of(Processes.java(), "-Xmx512m", "-jar"));
        cmd.add(jar.toString());
        cmd.add("--port");
        cmd.add("0");
        cmd.addAll(List.of(flags));
        Process p = Processes.startPiped(cmd);
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                String l;
                                while ((l = out.readLine()) != null) {
                                    if (l.startsWith(READY)) {
                                        return l.substring(READY.length()).trim();
                                    }
                                }
                                return null;
                            } catch (Exception e) {
                                return null;
                            }
                        });
        String endpoint;
        try {
            endpoint = line.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            endpoint = null;
        }
        if (endpoint == null) {
            Processes.stop(p, Duration.ofSeconds(5));
            throw new IllegalStateException("The emulator did not print its endpoint: " + cmd);
        }
        // keep draining its output so it never blocks on a full pipe
        Thread drain =
                new Thread(
                        () -> {
                            try {
                                while (out.readLine() != null) {
                                    // discard
                                }
                            } catch (Exception ignored) {
                                // process ended
                            }
                        },
                        "emulator-output");
        drain.setDaemon(true);
        drain.start();
        Files.createDirectories(E2EPaths.workDir());
        return new EmulatorProcess(p, endpoint);
    }

    /** The emulator's endpoint, e.g. {@code http://127.0.0.1:41234}. */
    String endpoint() {
        return endpoint;
    }

    /** The process id. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
