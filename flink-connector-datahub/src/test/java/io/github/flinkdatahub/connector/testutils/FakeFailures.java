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

import io.github.flinkdatahub.connector.client.DataHubException;

/** Ready-made service errors to script into {@link FakeDataHub}, classified as the client does. */
public final class FakeFailures {

    private FakeFailures() {}

    /** Throttling: {@code LimitExceeded}, HTTP 429, retryable. */
    public static DataHubException throttled() {
        return DataHubException.fromService(429, "LimitExceeded", "fake throttling", "fake-req");
    }

    /** A server error: {@code InternalServerError}, HTTP 500, retryable. */
    public static DataHubException serverError() {
        return DataHubException.fromService(
                500, "InternalServerError", "fake server error", "fake-req");
    }

    /** A sealed shard: {@code InvalidShardOperation}, HTTP 400 ({@code ShardSealedException}). */
    public static DataHubException sealedShard(String shardId) {
        return DataHubException.fromService(
                400,
                "InvalidShardOperation",
                "The specified shard " + shardId + " is closed",
                "fake-req");
    }

    /** An expired or unknown cursor: {@code InvalidCursor}, HTTP 400. */
    public static DataHubException expiredCursor() {
        return DataHubException.fromService(
                400, "InvalidCursor", "The cursor is expired", "fake-req");
    }

    /** A missing shard: {@code NoSuchShard}, HTTP 404. */
    public static DataHubException noSuchShard(String shardId) {
        return DataHubException.fromService(
                404, "NoSuchShard", "Shard " + shardId + " does not exist", "fake-req");
    }

    /** An authorization failure: {@code Unauthorized}, HTTP 401, fatal. */
    public static DataHubException unauthorized() {
        return DataHubException.fromService(401, "Unauthorized", "fake auth failure", "fake-req");
    }
}
