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

/** What a contract suite runs against: the client, the setup it cannot do itself, and time. */
public interface ContractTarget {

    /** A new client (the suite closes it after each test). */
    DataHubClient newClient();

    /** Makes the project exist (a no-op for the fake, which has no projects). */
    void createProject(DataHubClient client, String project);

    /** The service's current time, in milliseconds. */
    long nowMillis();

    /** Moves the service's clock forward. */
    void advanceMillis(long millis);

    /** Makes every record of the shard expire, as retention would. */
    void expireAllRecords(String project, String topic, String shardId);
}
