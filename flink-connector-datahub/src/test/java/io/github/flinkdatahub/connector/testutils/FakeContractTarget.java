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

/** The contract target of the in-memory fake; close it after the test. */
final class FakeContractTarget implements ContractTarget, AutoCloseable {

    private final FakeDataHub hub = new FakeDataHub();

    @Override
    public DataHubClient newClient() {
        return hub.client();
    }

    @Override
    public void createProject(DataHubClient client, String project) {}

    @Override
    public long nowMillis() {
        return hub.timeMillis();
    }

    @Override
    public void advanceMillis(long millis) {
        hub.setTimeMillis(hub.timeMillis() + millis);
    }

    @Override
    public void expireAllRecords(String project, String topic, String shardId) {
        hub.expireBefore(project, topic, shardId, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        hub.close();
    }
}
