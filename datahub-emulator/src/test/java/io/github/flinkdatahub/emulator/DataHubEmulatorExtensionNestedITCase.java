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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One emulator for a test class and all its {@code @Nested} classes: the first nested class's
 * afterAll must not close it (it did once, and the next nested class got a fresh, empty one).
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class DataHubEmulatorExtensionNestedITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    private static DataHubEmulator outer;
    private static final AtomicInteger NESTED_RUN = new AtomicInteger();

    @BeforeAll
    static void remember() {
        outer = EMULATOR.emulator();
        outer.engine().createProject("nested_p", "made by the outer class");
    }

    @AfterAll
    static void bothNestedClassesRan() {
        assertThat(NESTED_RUN).hasValue(2);
        // Still open here: it closes after this class, the one that started it.
        assertThat(EMULATOR.emulator()).isSameAs(outer);
    }

    @Nested
    @Order(1)
    class First {
        @Test
        void seesTheOuterEmulator() {
            assertSame();
        }
    }

    @Nested
    @Order(2)
    class Second {
        @Test
        void stillSeesTheOuterEmulatorAfterTheFirstNestedClassEnded() {
            assertSame();
        }
    }

    private static void assertSame() {
        NESTED_RUN.incrementAndGet();
        assertThat(EMULATOR.emulator()).isSameAs(outer);
        assertThat(EMULATOR.emulator().engine().listProjects(null)).contains("nested_p");
    }
}
