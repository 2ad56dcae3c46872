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

package io.github.flinkdatahub.emulator.engine;

/**
 * Factories for the DataHub errors the engine raises beyond those on {@link EngineException};
 * codes, statuses and messages follow section 3.2 of the protocol notes.
 */
final class Errors {

    private Errors() {}

    static EngineException invalidParameter(String message) {
        return EngineException.invalidParameter(message);
    }

    static EngineException projectAlreadyExist() {
        return new EngineException(
                409, "ProjectAlreadyExist", "The specified project already exists.");
    }

    static EngineException topicAlreadyExist() {
        return new EngineException(409, "TopicAlreadyExist", "The specified topic already exists.");
    }

    static EngineException operationDenied(String message) {
        return new EngineException(403, "OperationDenied", message);
    }

    static EngineException limitExceeded(String message) {
        return new EngineException(429, "LimitExceeded", message);
    }

    static EngineException invalidShardOperation(String shardId) {
        return new EngineException(
                400,
                "InvalidShardOperation",
                "The specified shard is not active: " + shardId + ".");
    }

    /** The service's NoSuchShard message: {@code Shard is not exist: project/topic/id}. */
    static EngineException noSuchShard(Topic t, String shardId) {
        return new EngineException(
                404,
                "NoSuchShard",
                "Shard is not exist: " + t.project + "/" + t.name + "/" + shardId);
    }

    static EngineException invalidShardId(String shardId) {
        return new EngineException(
                400, "InvalidShardId", "Shard id must be a decimal number, was: " + shardId);
    }

    static EngineException malformedRecord(String message) {
        return new EngineException(
                400, "MalformedRecord", "The record is not well-formed: " + message);
    }

    static EngineException seekOutOfRange(String message) {
        return new EngineException(400, "SeekOutOfRange", message);
    }

    static EngineException invalidCursor() {
        return new EngineException(400, "InvalidCursor", "The cursor is invalid.");
    }

    static EngineException noSuchSubscription(String subId) {
        return new EngineException(404, "NoSuchSubscription", "Subscription id invalid:" + subId);
    }

    static EngineException noSuchMeteringInfo(String shardId) {
        return new EngineException(
                404,
                "NoSuchMeteringInfo",
                "No metering info for shard " + shardId + ": it has never received data.");
    }

    static EngineException subscriptionOffline(String subId) {
        return new EngineException(
                400, "SubscriptionOffline", "The subscription is offline: " + subId);
    }

    static EngineException offsetSessionClosed(String shardId) {
        return new EngineException(
                400,
                "OffsetSessionClosed",
                "No offset session is open for shard " + shardId + "; open one first.");
    }

    static EngineException offsetSessionChanged(String shardId) {
        return new EngineException(
                400,
                "OffsetSessionChanged",
                "The offset session of shard " + shardId + " has been replaced by a newer one.");
    }

    static EngineException offsetReseted(String shardId) {
        return new EngineException(
                400,
                "OffsetReseted",
                "The offset of shard " + shardId + " has been reset; the version is stale.");
    }

    static EngineException internal(String message, Throwable cause) {
        EngineException e = new EngineException(500, "InternalServerError", message);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
