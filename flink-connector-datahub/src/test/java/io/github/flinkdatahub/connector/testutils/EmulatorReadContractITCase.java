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

package io.github.flinkdatahub.connector.testutils;

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

/** {@link ReadContractTest} against the HTTP client on the emulator, the reference. */
class EmulatorReadContractITCase extends ReadContractTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-30T00:00:00Z"));

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = EmulatorContractTarget.extension(CLOCK);

    private static final ContractTarget TARGET = new EmulatorContractTarget(EMULATOR, CLOCK);

    @Override
    protected ContractTarget target() {
        return TARGET;
    }
}
