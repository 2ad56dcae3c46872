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

package io.github.flinkdatahub.sql;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SQL as the connector's ITCases (INSERT, then a bounded SELECT) in a forked JVM whose
 * classpath is Flink's jars plus the shaded jar: the unshaded connector, its libraries (OkHttp,
 * Okio, Kotlin, Jackson, protobuf, lz4-java) and the emulator are taken off the test classpath. A
 * fork rather than an isolated class loader, because Flink's planner loader and MiniCluster load
 * user code through the application class loader, which in this module's test JVM also holds the
 * unshaded connector.
 */
class ShadedJarSqlITCase {

    /** Class-path entries that are the connector or what the shaded jar bundles. */
    private static final Pattern NOT_FLINK =
            Pattern.compile(
                    ".*(flink-connector-datahub[/\\\\]target[/\\\\]classes"
                            + "|[/\\\\]flink-connector-datahub-[^/\\\\]*\\.jar"
                            + "|flink-sql-connector-datahub[/\\\\]target[/\\\\]classes"
                            + "|datahub-emulator|[/\\\\]okhttp|[/\\\\]okio|kotlin-stdlib"
                            + "|[/\\\\]jackson-|protobuf-java|lz4-java|[/\\\\]annotations-\\d).*");

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    @Test
    void insertThenSelectWithOnlyTheShadedJar() throws Exception {
        try (DataHubClient client =
                DataHubClient.create(
                        DataHubClientConfig.builder().endpoint(EMULATOR.endpoint()).build())) {
            client.createProject("shaded_sql", "shaded jar SQL");
            client.createTupleTopic(
                    "shaded_sql",
                    "t",
                    1,
                    1,
                    RecordSchema.of(
                            Field.notNull("id", FieldType.BIGINT),
                            Field.of("name", FieldType.STRING),
                            Field.of("amount", FieldType.DECIMAL),
                            Field.of("ts", FieldType.TIMESTAMP)),
                    "t");
        }
        Path shadedJar = PackagingITCase.shadedJar();
        List<String> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!NOT_FLINK.matcher(entry).matches()) {
                classpath.add(entry);
            }
        }
        assertThat(classpath)
                .noneMatch(e -> e.contains("okhttp") || e.contains("datahub-emulator"));
        classpath.add(shadedJar.toString());

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Duser.timezone=UTC");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        String opens = System.getProperty("child.jvm.opens", "");
        Arrays.stream(opens.split("\\s+"))
                .filter(o -> o.startsWith("--add-opens"))
                .forEach(command::add);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(ShadedSqlProgram.class.getName());
        command.add(EMULATOR.endpoint());
        command.add("shaded_sql");
        command.add("t");
        Path output = Files.createTempFile("shaded-sql", ".log");
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
        boolean finished = process.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("child JVM finished; output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", log).isZero();
        assertThat(log)
                .contains("NO unshaded okhttp3")
                .contains("FACTORY FROM " + shadedJar.toUri().toURL())
                .contains("ROW +I[1, one, 1.25, 2026-12-01T10:00:00.123456Z, 0]")
                .contains("ROW +I[2, \u4e8c, null, null, 1]")
                .contains("DONE");
        Files.deleteIfExists(output);
    }
}
