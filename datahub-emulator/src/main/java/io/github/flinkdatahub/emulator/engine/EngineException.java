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
 * A DataHub error as the service reports it: error code, message and HTTP status. 4xx statuses are
 * fatal for clients, 429 and 5xx retryable.
 */
public final class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int httpStatus;

    public EngineException(int httpStatus, String errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static EngineException invalidParameter(String message) {
        return new EngineException(400, "InvalidParameter", message);
    }

    public static EngineException noSuchProject() {
        return new EngineException(
                404, "NoSuchProject", "The specified project name does not exist.");
    }

    public static EngineException noSuchTopic() {
        return new EngineException(404, "NoSuchTopic", "The specified topic name does not exist.");
    }

    public static EngineException noSuchShard(String shardId) {
        return new EngineException(
                404, "NoSuchShard", "The specified shard does not exist: " + shardId);
    }
}
