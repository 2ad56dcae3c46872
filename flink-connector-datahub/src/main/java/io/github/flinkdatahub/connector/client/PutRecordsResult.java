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

import java.util.List;

/**
 * The answer to a topic-level put: records not listed in {@link #failedRecords()} were written.
 *
 * @param failedRecords per-record failures, each naming its 0-based index in the request
 */
public record PutRecordsResult(List<FailedRecord> failedRecords) {

    /** Copies the list. */
    public PutRecordsResult {
        failedRecords = List.copyOf(failedRecords);
    }

    /** How many records failed. */
    public int failedRecordCount() {
        return failedRecords.size();
    }

    /** True when every record was written. */
    public boolean allSucceeded() {
        return failedRecords.isEmpty();
    }

    /**
     * One record the service rejected.
     *
     * @param index 0-based position in the request
     * @param errorCode DataHub error code, e.g. {@code NoSuchShard}, {@code InvalidShardOperation}
     * @param errorMessage the service's message
     */
    public record FailedRecord(int index, String errorCode, String errorMessage) {

        /** What to do about this record: retry it, re-route it after a shard change, or fail. */
        public PutErrorClass errorClass() {
            return PutErrorClass.ofRecordError(errorCode);
        }
    }
}
