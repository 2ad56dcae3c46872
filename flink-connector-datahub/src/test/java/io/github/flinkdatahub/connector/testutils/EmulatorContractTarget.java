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

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import java.time.Duration;

/**
 * The contract target of the HTTP client on the emulator (the reference): a manual clock makes
 * record times, the 5 s split/merge age limit and retention deterministic.
 */
final class EmulatorContractTarget implements ContractTarget {

    private final DataHubEmulatorExtension emulator;
    private final ManualClock clock;

    EmulatorContractTarget(DataHubEmulatorExtension emulator, ManualClock clock) {
        this.emulator = emulator;
        this.clock = clock;
    }

    /** An extension whose emulator runs on the clock. */
    static DataHubEmulatorExtension extension(ManualClock clock) {
        return new DataHubEmulatorExtension(b -> b.clock(clock));
    }

    @Override
    public DataHubClient newClient() {
        return DataHubClient.create(
                DataHubClientConfig.builder().endpoint(emulator.endpoint()).maxRetries(0).build());
    }

    @Override
    public void createProject(DataHubClient client, String project) {
        client.createProject(project, "contract");
    }

    @Override
    public long nowMillis() {
        return clock.millis();
    }

    @Override
    public void advanceMillis(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    /** Contract topics live one day: move past it (every test uses fresh topics). */
    @Override
    public void expireAllRecords(String project, String topic, String shardId) {
        clock.advance(Duration.ofDays(1).plusMinutes(1));
    }
}
