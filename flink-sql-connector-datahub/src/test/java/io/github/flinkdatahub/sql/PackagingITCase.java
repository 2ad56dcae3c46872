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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the built shaded jar (system property {@code shaded.jar}, set by the pom) and checks what
 * it contains: every class under the project's package (multi-release {@code META-INF/versions/*}
 * classes included), no Flink class, no native library, the factory service entries, and a NOTICE
 * naming each bundled artifact.
 */
class PackagingITCase {

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/\\d+/(.*)");

    private static final String FACTORY_SERVICE =
            "META-INF/services/org.apache.flink.table.factories.Factory";

    private static final List<String> BUNDLED_ARTIFACTS =
            List.of(
                    "com.squareup.okhttp3:okhttp:",
                    "com.squareup.okio:okio:",
                    "org.jetbrains.kotlin:kotlin-stdlib:",
                    "com.fasterxml.jackson.core:jackson-core:",
                    "com.fasterxml.jackson.core:jackson-databind:",
                    "com.fasterxml.jackson.core:jackson-annotations:",
                    "com.google.protobuf:protobuf-java:",
                    "at.yawk.lz4:lz4-java:");

    private static List<String> entries;
    private static Path jar;

    /** The shaded jar, as the pom passes it. */
    static Path shadedJar() {
        String path = System.getProperty("shaded.jar");
        assertThat(path).as("system property shaded.jar (run through Maven failsafe)").isNotNull();
        Path jar = Paths.get(path);
        assertThat(jar).as("the shaded jar; run 'package' first").isRegularFile();
        return jar;
    }

    @BeforeAll
    static void readJar() throws IOException {
        jar = shadedJar();
        entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                entries.add(all.nextElement().getName());
            }
        }
    }

    private static String read(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            assertThat(e).as(entry).isNotNull();
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void everyClassIsUnderTheProjectPackage() {
        Set<String> unrelocated = new TreeSet<>();
        for (String entry : entries) {
            if (!entry.endsWith(".class")) {
                continue;
            }
            Matcher versioned = VERSIONED.matcher(entry);
            String name = versioned.matches() ? versioned.group(1) : entry;
            if (!name.startsWith("io/github/flinkdatahub/")) {
                unrelocated.add(entry);
            }
        }
        assertThat(unrelocated).as("classes outside io/github/flinkdatahub/").isEmpty();
    }

    @Test
    void onlyTheConnectorAndShadedPackages() {
        Set<String> roots = new TreeSet<>();
        for (String entry : entries) {
            if (entry.endsWith(".class") && entry.startsWith("io/github/flinkdatahub/")) {
                String[] parts = entry.split("/");
                roots.add(parts[3] + (parts[3].equals("shaded") ? "/" + parts[4] : ""));
            }
        }
        assertThat(roots)
                .containsExactlyInAnyOrder(
                        "connector",
                        "shaded/okhttp3",
                        "shaded/okio",
                        "shaded/kotlin",
                        "shaded/com",
                        "shaded/net",
                        "shaded/protocol");
        // The generated protocol classes are relocated too (the emulator jar has them unshaded).
        assertThat(entries).noneMatch(e -> e.startsWith("io/github/flinkdatahub/protocol/"));
    }

    @Test
    void noFlinkClassesAndNoNativeLibraries() {
        assertThat(entries).noneMatch(e -> e.contains("org/apache/flink/"));
        assertThat(entries)
                .as("native libraries (lz4-java's JNI cannot serve relocated classes)")
                .noneMatch(e -> e.endsWith(".so") || e.endsWith(".dylib") || e.endsWith(".dll"));
    }

    @Test
    void factoryServiceEntries() throws IOException {
        String services = read(FACTORY_SERVICE);
        assertThat(services.lines().map(String::trim).filter(l -> !l.isEmpty()))
                .containsExactlyInAnyOrder(
                        "io.github.flinkdatahub.connector.table.DataHubDynamicTableFactory",
                        "io.github.flinkdatahub.connector.catalog.DataHubCatalogFactory");
        // Every service file names classes that are in the jar (relocated names included).
        for (String entry : entries) {
            if (entry.startsWith("META-INF/services/") && !entry.endsWith("/")) {
                for (String line : read(entry).lines().toList()) {
                    String cls = line.replaceAll("#.*", "").trim();
                    if (!cls.isEmpty()) {
                        assertThat(entries)
                                .as("class of " + entry)
                                .contains(cls.replace('.', '/') + ".class");
                    }
                }
            }
        }
    }

    @Test
    void noticeNamesEveryBundledArtifactAndLicencesAreThere() throws IOException {
        String notice = read("META-INF/NOTICE");
        for (String artifact : BUNDLED_ARTIFACTS) {
            assertThat(notice).contains(artifact);
        }
        assertThat(read("META-INF/LICENSE")).contains("Apache License");
        assertThat(read("META-INF/licenses/LICENSE.protobuf")).contains("Google Inc.");
        System.out.printf(
                "PackagingITCase: %s, %d entries, %d bytes%n",
                jar.getFileName(), entries.size(), Files.size(jar));
    }
}
