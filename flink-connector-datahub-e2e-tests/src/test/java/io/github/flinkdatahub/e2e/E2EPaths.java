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

import java.nio.file.Files;
import java.nio.file.Path;

/** The files the E2E tests use, passed by the module's pom as system properties. */
final class E2EPaths {

    private E2EPaths() {}

    /** The Flink cluster's jars (copy-dependencies at build time). */
    static Path flinkLib() {
        return existing("e2e.flink.lib");
    }

    /** The DataStream example's job jar. */
    static Path exampleJar() {
        return existing("e2e.example.jar");
    }

    /** The standalone emulator jar. */
    static Path emulatorJar() {
        return existing("e2e.emulator.jar");
    }

    /** The shaded SQL connector jar. */
    static Path sqlJar() {
        return existing("e2e.sql.jar");
    }

    /** Where clusters keep their conf, logs and checkpoints. */
    static Path workDir() {
        return Path.of(property("e2e.work.dir"));
    }

    private static Path existing(String key) {
        Path p = Path.of(property(key));
        if (!Files.exists(p)) {
            throw new IllegalStateException(
                    key
                            + " = "
                            + p
                            + " does not exist; run the E2E tests with './mvnw verify' from the"
                            + " root so the jars are built first");
        }
        return p;
    }

    private static String property(String key) {
        String v = System.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(
                    "System property " + key + " is not set (the module's pom sets it)");
        }
        return v;
    }
}
