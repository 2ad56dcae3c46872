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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JVM processes of the E2E tests and stops them by PID: each one is registered until
 * stopped, and a JVM shutdown hook kills whatever is still registered, so a failed or interrupted
 * test leaves no process behind.
 */
final class Processes {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> LIVE.forEach(p -> p.toHandle().destroyForcibly()),
                                "e2e-process-reaper"));
    }

    /**
     * The JVM flags a Flink JobManager, TaskManager or client needs on JDK 17 (config.yaml's
     * env.java.opts.all).
     */
    static final List<String> FLINK_JVM_OPTS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private Processes() {}

    /** The java binary of the running JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts a process with stdout and stderr to {@code log}; it is registered until stopped. */
    static Process start(List<String> command, Path log, Map<String, String> env)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        LIVE.add(p);
        return p;
    }

    /** Starts a process whose stdout the caller reads; it is registered until stopped. */
    static Process startPiped(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        LIVE.add(p);
        return p;
    }

    /** SIGTERM by PID, then SIGKILL if it has not exited after the grace period. */
    static void stop(Process p, Duration grace) {
        if (p == null) {
            return;
        }
        p.toHandle().destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.toHandle().destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(p);
        }
    }

    /** SIGKILL by PID (a crash), waiting until it is gone. */
    static void kill(Process p) throws InterruptedException {
        p.toHandle().destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        LIVE.remove(p);
    }

    /** Runs a command to its end (at most {@code timeout}); returns exit code and output. */
    static Result run(List<String> command, Path log, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Process p = start(command, log, env);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "Command did not finish within "
                                + timeout
                                + ": "
                                + command
                                + "; see "
                                + log);
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            stop(p, Duration.ofSeconds(5));
        }
    }

    /** Exit code and combined output of a finished command. */
    record Result(int exitCode, String output) {}

    /** The jars of a directory as a class path. */
    static String classPath(Path dir, Path... extra) throws IOException {
        List<String> jars = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".jar"))
                    .sorted()
                    .forEach(f -> jars.add(f.toString()));
        }
        for (Path e : extra) {
            jars.add(e.toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }
}
