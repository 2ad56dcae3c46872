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

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Clock;

/**
 * Two emulators for one test class, signature checking off and on, each run by our own {@link
 * DataHubEmulatorExtension}: register it on a static field and ask it for an SDK client of either.
 */
final class EmulatorPair implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final DataHubEmulatorExtension open;
    private final DataHubEmulatorExtension signed;

    /** Both emulators on the system clock. */
    EmulatorPair() {
        this(null);
    }

    /** Both emulators on {@code clock} (null for the system clock). */
    EmulatorPair(Clock clock) {
        this.open = new DataHubEmulatorExtension(b -> configure(b, clock));
        this.signed =
                new DataHubEmulatorExtension(
                        b ->
                                configure(b, clock)
                                        .credentials(SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY));
    }

    private static io.github.flinkdatahub.emulator.DataHubEmulator.Builder configure(
            io.github.flinkdatahub.emulator.DataHubEmulator.Builder builder, Clock clock) {
        builder.host("127.0.0.1").port(0);
        if (clock != null) {
            builder.clock(clock);
        }
        return builder;
    }

    /** The endpoint of the emulator with or without signature checking, for raw requests. */
    String endpoint(boolean withSignatures) {
        return (withSignatures ? signed : open).endpoint();
    }

    /** An SDK client in {@code mode} for the emulator with or without signature checking. */
    DatahubClient client(SdkMode mode, boolean withSignatures) {
        return mode.client((withSignatures ? signed : open).endpoint());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open.beforeAll(context);
        signed.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open.beforeEach(context);
        signed.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            open.afterAll(context);
        } finally {
            signed.afterAll(context);
        }
    }
}
