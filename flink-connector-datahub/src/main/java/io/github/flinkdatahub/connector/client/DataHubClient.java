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

package io.github.flinkdatahub.connector.client;

/**
 * Every DataHub operation, as the union of the roles {@link RecordClient} (cursors, reads, writes),
 * {@link ShardClient} (topic and shard listing), {@link OffsetClient} (subscription offsets) and
 * {@link AdminClient} (everything else). Code that needs only one role should depend on that role,
 * so that a fake for it stays small.
 *
 * <p>Implementations are thread-safe; close the client when done. Control-plane calls always use
 * JSON; record put/get use {@link DataHubClientConfig#protocol()}. Failures are {@link
 * DataHubException}s, already retried as far as the configuration allows.
 *
 * <pre>{@code
 * DataHubClientConfig config = DataHubClientConfig.builder()
 *         .endpoint("https://dh-cn-hangzhou.aliyuncs.com")
 *         .credentials(accessKeyId, accessKeySecret)
 *         .build();
 * try (DataHubClient client = DataHubClient.create(config)) {
 *     TopicInfo topic = client.getTopic("my_project", "my_topic");
 *     client.putRecords("my_project", "my_topic",
 *             List.of(PutRecord.toShard("0", TupleRecord.of(topic.schema(), 1L, "a"))));
 * }
 * }</pre>
 */
public interface DataHubClient
        extends RecordClient, ShardClient, OffsetClient, AdminClient, AutoCloseable {

    /** Creates an HTTP client for the given configuration, with its own connection pool. */
    static DataHubClient create(DataHubClientConfig config) {
        return new HttpDataHubClient(config);
    }

    /**
     * Cancels every call in flight, refuses new ones with a non-retryable {@link DataHubException},
     * and releases this client's resources. Returns promptly and never throws.
     */
    @Override
    void close();
}
