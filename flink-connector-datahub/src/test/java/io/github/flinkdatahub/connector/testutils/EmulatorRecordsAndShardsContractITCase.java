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

import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

/**
 * The contract, against the HTTP client on the emulator (the reference): a manual clock makes
 * record times, the 5 s split/merge age limit and retention deterministic.
 */
class EmulatorRecordsAndShardsContractITCase extends RecordsAndShardsContractTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-30T00:00:00Z"));

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.clock(CLOCK));

    @Override
    protected DataHubClient newClient() {
        return DataHubClient.create(
                DataHubClientConfig.builder().endpoint(EMULATOR.endpoint()).maxRetries(0).build());
    }

    @Override
    protected void createProject(String project) {
        client.createProject(project, "contract");
    }

    @Override
    protected long nowMillis() {
        return CLOCK.millis();
    }

    @Override
    protected void advanceMillis(long millis) {
        CLOCK.advance(Duration.ofMillis(millis));
    }

    /**
     * Topics of the contract live one day: move past it (other tests' topics are fresh each time).
     */
    @Override
    protected void expireAllRecords(String project, String topic, String shardId) {
        CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
    }
}
