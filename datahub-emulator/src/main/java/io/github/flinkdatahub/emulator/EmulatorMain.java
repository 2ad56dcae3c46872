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

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar datahub-emulator.jar [options]} (see {@code --help}).
 * Prints exactly one line {@code DataHub emulator listening on http://HOST:PORT} to stdout when
 * ready; exits with status 2 on bad flags and 1 when it cannot start (a port in use, a locked data
 * directory); closes cleanly on SIGTERM and then prints {@code DataHub emulator stopped} to stderr.
 */
public final class EmulatorMain {

    private EmulatorMain() {}

    /** Runs the emulator until SIGTERM; see the class Javadoc and {@code --help}. */
    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        EmulatorCli.Parsed parsed;
        try {
            parsed = EmulatorCli.parse(args);
        } catch (EmulatorCli.UsageException e) {
            System.err.println("datahub-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println(EmulatorCli.USAGE);
            return;
        }
        DataHubEmulator emulator;
        try {
            emulator = parsed.builder().build().start();
        } catch (RuntimeException e) {
            List<String> lines = EmulatorCli.startFailure(e);
            System.err.println("datahub-emulator: " + lines.get(0));
            lines.subList(1, lines.size()).forEach(System.err::println);
            System.exit(1);
            return;
        }
        parsed.applyFaults(emulator.faults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    emulator.close();
                                    System.err.println(EmulatorCli.STOPPED);
                                    System.err.flush();
                                    stopped.countDown();
                                },
                                "datahub-emulator-shutdown"));
        PrintStream out = System.out;
        out.println("DataHub emulator listening on " + emulator.endpoint());
        out.flush();
        stopped.await();
    }

    /**
     * The standalone jar bundles slf4j-simple: log our own messages at info, Jetty's at warn, to
     * stderr (stdout carries only the ready line). System properties given by the user win.
     */
    private static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
