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

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One JVM running {@code src/test/client-library/ClientLibraryDriver.java} on the official client
 * library's own classpath ({@code target/client-library/lib}, copied by the {@code
 * client-library-classpath} execution of the module's pom). The driver is compiled on first use
 * against those jars only. Lines the driver prints are collected; its stderr (the library's log)
 * goes to {@code target/client-library/<name>.log}.
 */
final class ClientLibraryProcess implements AutoCloseable {

    private static final Path HOME = Path.of("target", "client-library");
    private static final Path LIB = HOME.resolve("lib");
    private static final Path CLASSES = HOME.resolve("classes");
    private static final Path SOURCES = Path.of("src", "test", "client-library");

    private final Process process;
    private final Path logFile;
    private final Writer stdin;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ClientLibraryProcess(String name, List<String> args) throws IOException {
        this.logFile = HOME.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(
                CLASSES.toAbsolutePath()
                        + java.io.File.pathSeparator
                        + LIB.toAbsolutePath()
                        + "/*");
        command.add("ClientLibraryDriver");
        command.addAll(args);
        this.process = new ProcessBuilder(command).redirectError(logFile.toFile()).start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    lines.add(line);
                                }
                            } catch (IOException ignored) {
                                // the process ended
                            }
                        },
                        "client-library-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the driver with {@code args}; {@code name} names its log file. */
    static synchronized ClientLibraryProcess start(String name, String... args) {
        try {
            compileDriverOnce();
            return new ClientLibraryProcess(name, List.of(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line printed so far. */
    List<String> lines() {
        return lines;
    }

    /** The lines the library has logged so far (its stderr, see log4j.properties). */
    List<String> logLines() {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line to the driver. */
    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a printed line matches; fails with the driver's log file named on timeout. */
    void awaitLine(Predicate<String> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().noneMatch(match)) {
            if (!process.isAlive() && lines.stream().noneMatch(match)) {
                throw new AssertionError(what + ": the driver exited; see " + logHint());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; see " + logHint());
            }
            pause();
        }
    }

    /** Asks the driver to stop and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                send("stop");
            } catch (UncheckedIOException ignored) {
                // it is exiting anyway
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String logHint() {
        return HOME.toAbsolutePath() + "/*.log";
    }

    static void pause() {
        try {
            Thread.sleep(50); // polling step of a deadline loop, not a wait for an event
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void compileDriverOnce() throws IOException {
        Path compiled = CLASSES.resolve("ClientLibraryDriver.class");
        Path source = SOURCES.resolve("ClientLibraryDriver.java");
        Path logging = SOURCES.resolve("log4j.properties");
        if (Files.exists(compiled)
                && Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source))
                        >= 0
                && Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(logging))
                        >= 0) {
            return;
        }
        List<String> jars;
        try (Stream<Path> files = Files.list(LIB)) {
            jars = files.map(Path::toString).filter(f -> f.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IOException(
                    LIB
                            + " is missing: run the test through Maven (verify), whose"
                            + " client-library-classpath execution copies the library's jars",
                    e);
        }
        Files.createDirectories(CLASSES);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("ClientLibraryITCase needs a JDK (javax.tools)");
        }
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-nowarn",
                        "-cp",
                        String.join(java.io.File.pathSeparator, jars),
                        "-d",
                        CLASSES.toString(),
                        source.toString());
        if (rc != 0) {
            throw new IllegalStateException("compiling ClientLibraryDriver failed: " + rc);
        }
        Files.copy(
                SOURCES.resolve("log4j.properties"),
                CLASSES.resolve("log4j.properties"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
