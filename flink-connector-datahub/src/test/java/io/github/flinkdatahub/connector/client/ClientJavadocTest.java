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

package io.github.flinkdatahub.connector.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public type and member of the client package has a Javadoc comment (overrides inherit
 * theirs). A source scan: members of public interfaces count as public.
 */
class ClientJavadocTest {

    private static final Path SOURCES =
            Path.of("src/main/java/io/github/flinkdatahub/connector/client");

    private static final Pattern INTERFACE_MEMBER =
            Pattern.compile("^    (?! )(default |static )?[\\w<>\\[\\], ?]+ \\w+\\(.*");

    @Test
    void everyPublicTypeAndMemberHasAJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean publicInterface =
                        lines.stream().anyMatch(l -> l.startsWith("public interface"));
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean isPublic = line.trim().startsWith("public ");
                    boolean member =
                            publicInterface
                                    && INTERFACE_MEMBER.matcher(line).matches()
                                    && !line.trim().startsWith("return");
                    if (!isPublic && !member) {
                        continue;
                    }
                    int j = i - 1;
                    boolean override = false;
                    while (j >= 0 && lines.get(j).trim().startsWith("@")) {
                        override |= lines.get(j).trim().startsWith("@Override");
                        j--;
                    }
                    if (!override && (j < 0 || !lines.get(j).trim().endsWith("*/"))) {
                        missing.add(file.getFileName() + ":" + (i + 1) + " " + line.trim());
                    }
                }
            }
        }
        assertThat(missing).as("public types and members without a Javadoc").isEmpty();
    }
}
