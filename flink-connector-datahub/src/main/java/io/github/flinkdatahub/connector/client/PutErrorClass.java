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

import java.util.Set;

/**
 * What a writer should do about a failed put, for one record ({@link
 * PutRecordsResult.FailedRecord#errorClass()}) or a whole request ({@link #of(DataHubException)}).
 * The classification follows the service's error codes (protocol notes, section 3.2).
 */
public enum PutErrorClass {

    /**
     * Transient (throttling, a shard not ready, a server error, a network failure): send the same
     * record again after a backoff, bounded by the writer's retry budget.
     */
    RETRY,

    /**
     * The target shard is gone for writes (CLOSED after a split or merge, or no longer listed):
     * list the shards again, route the record to the shard that now owns its key, and send it.
     */
    REROUTE,

    /**
     * Retrying cannot help (schema or record-type mismatch, bad shard id, authorization, bad
     * parameter, a decoding failure): fail the write with the error.
     */
    FATAL;

    private static final Set<String> REROUTE_CODES = Set.of("InvalidShardOperation", "NoSuchShard");

    private static final Set<String> RETRY_CODES =
            Set.of(
                    "LimitExceeded",
                    "ShardNotReady",
                    "InternalServerError",
                    "ServiceUnavailable",
                    "ServiceInProcess",
                    "ConsumerGroupInProcess");

    private static final Set<String> FATAL_CODES =
            Set.of(
                    "MalformedRecord",
                    "InvalidShardId",
                    "InvalidParameter",
                    "InvalidSchema",
                    "NoSuchProject",
                    "NoSuchTopic",
                    "Unauthorized",
                    "NoPermission",
                    "OperationDenied");

    /**
     * Classifies a per-record error code of a PutRecords response. An unknown or absent code is
     * {@link #RETRY}: the service answered the request, so the record may be accepted later; the
     * writer's retry budget bounds it.
     */
    public static PutErrorClass ofRecordError(String errorCode) {
        if (errorCode == null) {
            return RETRY;
        }
        if (REROUTE_CODES.contains(errorCode)) {
            return REROUTE;
        }
        if (FATAL_CODES.contains(errorCode)) {
            return FATAL;
        }
        return RETRY;
    }

    /**
     * Classifies the failure of a whole put request: a sealed or unknown shard is {@link #REROUTE};
     * otherwise {@link DataHubException#isRetryable()} decides between {@link #RETRY} and {@link
     * #FATAL}. Note that the client does not itself retry an ambiguous write failure (timeout, 5xx)
     * unless configured to accept duplicates; {@code RETRY} here means that sending again may
     * succeed, possibly writing the records twice.
     */
    public static PutErrorClass of(DataHubException error) {
        String code = error.errorCode();
        if (error instanceof ShardSealedException
                || (code != null && REROUTE_CODES.contains(code))) {
            return REROUTE;
        }
        if (code != null && FATAL_CODES.contains(code)) {
            return FATAL;
        }
        if (code != null && RETRY_CODES.contains(code)) {
            return RETRY;
        }
        return error.isRetryable() ? RETRY : FATAL;
    }
}
