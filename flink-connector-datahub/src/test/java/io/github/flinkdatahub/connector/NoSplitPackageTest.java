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

package io.github.flinkdatahub.connector;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector and the embedded emulator share a test classpath (and users' test classpaths): no
 * Java package may have classes in both (a split package breaks JPMS and sealed jars, and two
 * copies of one class name shadow each other). Both modules compile the same datahub.proto; the
 * emulator's copy lives under {@code io.github.flinkdatahub.emulator.protocol}.
 */
class NoSplitPackageTest {

    @Test
    void theConnectorAndTheEmulatorShareNoPackage() throws Exception {
        Set<String> connector = packagesOf(DataHubClient.class);
        Set<String> emulator = packagesOf(DataHubEmulator.class);
        assertThat(connector).contains("io.github.flinkdatahub.protocol");
        assertThat(emulator).contains("io.github.flinkdatahub.emulator.protocol");
        Set<String> shared = new TreeSet<>(connector);
        shared.retainAll(emulator);
        assertThat(shared).as("packages with classes in both jars").isEmpty();
    }

    @Test
    void theProtocolClassesExistOnceOnTheClasspath() throws IOException {
        String name = "io/github/flinkdatahub/protocol/DatahubProtos.class";
        assertThat(java.util.Collections.list(getClass().getClassLoader().getResources(name)))
                .hasSize(1);
    }

    /** The packages with at least one class in the jar or directory that holds {@code type}. */
    private static Set<String> packagesOf(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> packages = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> location.relativize(f.getParent()).toString())
                        .forEach(
                                p ->
                                        packages.add(
                                                p.replace(
                                                        location.getFileSystem().getSeparator(),
                                                        ".")));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream()
                        .map(e -> e.getName())
                        .filter(n -> n.endsWith(".class") && n.contains("/"))
                        .forEach(
                                n ->
                                        packages.add(
                                                n.substring(0, n.lastIndexOf('/'))
                                                        .replace('/', '.')));
            }
        }
        packages.removeIf(p -> p.startsWith("META-INF"));
        return packages;
    }
}
