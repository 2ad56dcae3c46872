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

import org.junit.jupiter.api.AfterEach;

/** The contract, against the in-memory fake. */
class FakeRecordsAndShardsContractTest extends RecordsAndShardsContractTest {

    private final FakeDataHub hub = new FakeDataHub();

    @AfterEach
    void closeHub() {
        hub.close();
    }

    @Override
    protected DataHubClient newClient() {
        return hub.client();
    }

    @Override
    protected void createProject(String project) {}

    @Override
    protected long nowMillis() {
        return hub.timeMillis();
    }

    @Override
    protected void advanceMillis(long millis) {
        hub.setTimeMillis(hub.timeMillis() + millis);
    }

    @Override
    protected void expireAllRecords(String project, String topic, String shardId) {
        hub.expireBefore(project, topic, shardId, Long.MAX_VALUE);
    }
}
