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

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs one {@link DataHubEmulator} for a test class: started before all
 * tests, closed after them, fault rules cleared before each test. The class's {@code @Nested}
 * classes share the same emulator: it is closed only after the class that started it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();
 *
 * @Test
 * void writes() {
 *     DatahubClient client = ... EMULATOR.endpoint() ...;
 * }
 * }</pre>
 *
 * <p>Use {@link #DataHubEmulatorExtension(Consumer)} to customise the builder (clock, limits,
 * credentials, ...). Register it as a {@code static} field so it is shared by the class's tests.
 */
public final class DataHubEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Consumer<DataHubEmulator.Builder> customiser;
    private DataHubEmulator emulator;

    /** The unique id of the test container whose beforeAll started the emulator. */
    private String owner;

    /** An extension with the default emulator settings. */
    public DataHubEmulatorExtension() {
        this(b -> {});
    }

    /** An extension whose emulator builder is customised (clock, limits, credentials, ...). */
    public DataHubEmulatorExtension(Consumer<DataHubEmulator.Builder> customiser) {
        this.customiser = customiser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (emulator == null) {
            DataHubEmulator.Builder builder = DataHubEmulator.builder();
            customiser.accept(builder);
            emulator = builder.build().start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // JUnit calls afterAll for the class and for each @Nested class; only the container that
        // started the emulator closes it, so nested classes keep sharing it.
        if (emulator != null && context.getUniqueId().equals(owner)) {
            emulator.close();
            emulator = null;
            owner = null;
        }
    }

    /** The running emulator. */
    public DataHubEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "The emulator runs only while the test class runs; register the extension"
                            + " with @RegisterExtension on a static field");
        }
        return emulator;
    }

    /** The running emulator's endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        return emulator().endpoint();
    }
}
