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
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Flink session cluster of separate JVMs on loopback, started like {@code
 * bin/jobmanager.sh} and {@code bin/taskmanager.sh} do (resource flags from {@code BashJavaUtils}),
 * from the jars in {@code target/flink-lib}. Free ports, its own conf, log and checkpoint
 * directories. Every process is stopped by PID in {@link #close()}.
 */
final class FlinkCluster implements AutoCloseable {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final Path dir;
    private final Path conf;
    private final String classPath;
    private final int restPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> taskManagers = new ArrayList<>();
    private Process jobManager;
    private Process sqlGateway;
    private int sqlGatewayPort;
    private int taskManagersStarted;

    private FlinkCluster(Path dir, int restPort) throws IOException {
        this.dir = dir;
        this.conf = dir.resolve("conf");
        this.restPort = restPort;
        this.classPath = Processes.classPath(E2EPaths.flinkLib());
    }

    /** Starts a JobManager and one TaskManager with {@code slots} slots; waits until registered. */
    static FlinkCluster start(String name, int slots) throws Exception {
        Path dir = E2EPaths.workDir().resolve(name + "-" + System.currentTimeMillis());
        FlinkCluster cluster = new FlinkCluster(dir, freePort());
        try {
            cluster.writeConf(slots);
            cluster.startJobManager();
            cluster.startTaskManager();
            cluster.awaitTaskManagers(1, Duration.ofSeconds(90));
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void writeConf(int slots) throws IOException {
        Files.createDirectories(conf);
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("tmp"));
        String yaml =
                String.join(
                        "\n",
                        "jobmanager:",
                        "  bind-host: localhost",
                        "  rpc:",
                        "    address: localhost",
                        "    port: " + freePort(),
                        "  memory:",
                        "    process:",
                        "      size: 1024m",
                        "  execution:",
                        "    failover-strategy: region",
                        "taskmanager:",
                        "  bind-host: localhost",
                        "  host: localhost",
                        "  numberOfTaskSlots: " + slots,
                        "  memory:",
                        "    process:",
                        "      size: 1536m",
                        "parallelism:",
                        "  default: 1",
                        "rest:",
                        "  address: localhost",
                        "  bind-address: localhost",
                        "  port: " + restPort,
                        "io:",
                        "  tmp:",
                        "    dirs: " + dir.resolve("tmp"),
                        "heartbeat:",
                        "  interval: 1000",
                        "  timeout: 8000",
                        "restart-strategy:",
                        "  type: fixed-delay",
                        "  fixed-delay:",
                        "    attempts: 50",
                        "    delay: 1 s",
                        "state:",
                        "  checkpoints:",
                        "    dir: " + dir.resolve("checkpoints").toUri(),
                        "");
        Files.writeString(conf.resolve("config.yaml"), yaml);
        String log4j =
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = MainAppender",
                        "appender.main.name = MainAppender",
                        "appender.main.type = File",
                        "appender.main.fileName = ${sys:log.file}",
                        "appender.main.layout.type = PatternLayout",
                        "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                        "");
        Files.writeString(conf.resolve("log4j.properties"), log4j);
        Files.writeString(conf.resolve("log4j-cli.properties"), log4j);
    }

    private List<String> resourceParams(String mode) throws Exception {
        Processes.Result r =
                Processes.run(
                        List.of(
                                Processes.java(),
                                "-cp",
                                classPath,
                                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                                mode,
                                "--configDir",
                                conf.toString()),
                        dir.resolve("log/bash-java-utils.out"),
                        env(),
                        Duration.ofSeconds(60));
        List<String> lines = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:")) {
                lines.add(line.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).trim());
            }
        }
        if (lines.size() < 2) {
            throw new IllegalStateException("BashJavaUtils " + mode + " failed:\n" + r.output());
        }
        return lines;
    }

    private Process startDaemon(String mode, String mainClass, String logName) throws Exception {
        List<String> params = resourceParams(mode);
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.java());
        cmd.addAll(Arrays.asList(params.get(0).split("\\s+")));
        cmd.addAll(Processes.FLINK_JVM_OPTS);
        cmd.add("-Dlog.file=" + dir.resolve("log/" + logName + ".log"));
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(conf.toString());
        cmd.addAll(Arrays.asList(params.get(1).split("\\s+")));
        return Processes.start(cmd, dir.resolve("log/" + logName + ".out"), env());
    }

    private void startJobManager() throws Exception {
        jobManager =
                startDaemon(
                        "GET_JM_RESOURCE_PARAMS",
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        "jobmanager");
    }

    /** Starts one more TaskManager process. */
    void startTaskManager() throws Exception {
        taskManagersStarted++;
        taskManagers.add(
                startDaemon(
                        "GET_TM_RESOURCE_PARAMS",
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        "taskmanager-" + taskManagersStarted));
    }

    /** SIGKILLs the newest TaskManager by PID, as a crash would. */
    long killTaskManager() throws InterruptedException {
        Process tm = taskManagers.remove(taskManagers.size() - 1);
        long pid = tm.pid();
        Processes.kill(tm);
        return pid;
    }

    /** Waits until the JobManager counts {@code n} registered TaskManagers. */
    void awaitTaskManagers(int n, Duration timeout) {
        await(
                () -> rest("/overview").contains("\"taskmanagers\":" + n + ","),
                timeout,
                n + " registered TaskManager(s)");
    }

    /** The body of a GET on the REST API, or "" when it is not answering (yet). */
    String rest(String path) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + restPort + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The job's state from {@code /jobs/<id>}, e.g. RUNNING, or "" when unknown. */
    String jobState(String jobId) {
        Matcher m = Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(rest("/jobs/" + jobId));
        return m.find() ? m.group(1) : "";
    }

    /** Whether every vertex of the job has all its tasks RUNNING. */
    boolean allTasksRunning(String jobId) {
        String body = rest("/jobs/" + jobId);
        if (!body.contains("\"state\":\"RUNNING\"")) {
            return false;
        }
        Matcher m = Pattern.compile("\"tasks\":\\{([^}]*)\\}").matcher(body);
        boolean any = false;
        while (m.find()) {
            any = true;
            for (String kv : m.group(1).split(",")) {
                String[] parts = kv.split(":");
                String key = parts[0].replace("\"", "");
                if (!key.equals("RUNNING") && Integer.parseInt(parts[1].trim()) > 0) {
                    return false;
                }
            }
        }
        return any;
    }

    /** A count from the job's checkpoint statistics, e.g. "completed" or "restored". */
    long checkpointCount(String jobId, String name) {
        Matcher m =
                Pattern.compile("\"" + name + "\":(\\d+)")
                        .matcher(rest("/jobs/" + jobId + "/checkpoints"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Runs the Flink CLI ({@code CliFrontend}, as {@code bin/flink}) against this cluster. */
    Processes.Result flink(String logName, Duration timeout, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.java());
        cmd.add("-Xmx512m");
        cmd.addAll(Processes.FLINK_JVM_OPTS);
        cmd.add("-Dlog.file=" + dir.resolve("log/" + logName + ".log"));
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j-cli.properties"));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add("org.apache.flink.client.cli.CliFrontend");
        cmd.addAll(List.of(args));
        return Processes.run(cmd, dir.resolve("log/" + logName + ".out"), env(), timeout);
    }

    /** The job id that {@code flink run} printed. */
    static String jobId(String cliOutput) {
        Matcher m = JOB_ID.matcher(cliOutput);
        if (!m.find()) {
            throw new IllegalStateException("No JobID in the CLI output:\n" + cliOutput);
        }
        return m.group(1);
    }

    /** Starts a SQL gateway process for this cluster and waits until it answers. */
    void startSqlGateway() throws Exception {
        sqlGatewayPort = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.java());
        cmd.add("-Xmx768m");
        cmd.addAll(Processes.FLINK_JVM_OPTS);
        cmd.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        cmd.add("-Dlog.file=" + dir.resolve("log/sql-gateway.log"));
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add("org.apache.flink.table.gateway.SqlGateway");
        cmd.add("-Dsql-gateway.endpoint.rest.address=localhost");
        cmd.add("-Dsql-gateway.endpoint.rest.bind-address=localhost");
        cmd.add("-Dsql-gateway.endpoint.rest.port=" + sqlGatewayPort);
        sqlGateway = Processes.start(cmd, dir.resolve("log/sql-gateway.out"), env());
        await(
                () -> get("http://localhost:" + sqlGatewayPort + "/v1/info").contains("Flink"),
                Duration.ofSeconds(90),
                "the SQL gateway");
    }

    /** Runs a SQL script with the SQL client in gateway mode. */
    Processes.Result sqlClient(Path script, Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.java());
        cmd.add("-Xmx512m");
        cmd.addAll(Processes.FLINK_JVM_OPTS);
        cmd.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        cmd.add("-Duser.home=" + dir);
        cmd.add("-Dlog.file=" + dir.resolve("log/sql-client.log"));
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j-cli.properties"));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add("org.apache.flink.table.client.SqlClient");
        cmd.add("gateway");
        cmd.add("-e");
        cmd.add("localhost:" + sqlGatewayPort);
        cmd.add("-f");
        cmd.add(script.toString());
        return Processes.run(cmd, dir.resolve("log/sql-client.out"), env(), timeout);
    }

    /** This cluster's working directory (conf, log, tmp, checkpoints). */
    Path dir() {
        return dir;
    }

    private String get(String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Map<String, String> env() {
        return Map.of("FLINK_CONF_DIR", conf.toString());
    }

    /** Polls until the condition holds; fails naming what it waited for. */
    static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the SQL gateway, the TaskManagers and the JobManager by PID. */
    @Override
    public void close() {
        Processes.stop(sqlGateway, Duration.ofSeconds(10));
        for (Process tm : taskManagers) {
            Processes.stop(tm, Duration.ofSeconds(10));
        }
        taskManagers.clear();
        Processes.stop(jobManager, Duration.ofSeconds(10));
    }
}
