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

package io.github.flinkdatahub.emulator.server;

import java.util.Map;

/**
 * The HTTP status for each DataHub error code (section 3.2): fatal conditions are 4xx, retryable
 * ones 429/5xx. Only the 4xx/5xx split matters to the SDKs; exact numbers are UNCONFIRMED.
 */
public final class ErrorCodes {

    private static final Map<String, Integer> STATUS =
            Map.ofEntries(
                    Map.entry("InvalidParameter", 400),
                    Map.entry("InvalidCursor", 400),
                    Map.entry("InvalidSubscription", 400),
                    Map.entry("InvalidUriSpec", 400),
                    Map.entry("InvalidSchema", 400),
                    Map.entry("MalformedRecord", 400),
                    Map.entry("SeekOutOfRange", 400),
                    Map.entry("InvalidShardOperation", 400),
                    Map.entry("InvalidShardId", 400),
                    Map.entry("SubscriptionOffline", 400),
                    Map.entry("OffsetReseted", 400),
                    Map.entry("OffsetSessionChanged", 400),
                    Map.entry("OffsetSessionClosed", 400),
                    Map.entry("TopicOffline", 400),
                    Map.entry("ResourceLimit", 400),
                    Map.entry("Unauthorized", 403),
                    Map.entry("NoPermission", 403),
                    Map.entry("OperationDenied", 403),
                    Map.entry("ExpiredAccessToken", 403),
                    Map.entry("NoSuchProject", 404),
                    Map.entry("NoSuchTopic", 404),
                    Map.entry("NoSuchShard", 404),
                    Map.entry("NoSuchSubscription", 404),
                    Map.entry("NoSuchConsumer", 404),
                    Map.entry("NoSuchConnector", 404),
                    Map.entry("NoSuchMeteringInfo", 404),
                    Map.entry("ResourceNotFound", 404),
                    Map.entry("ProjectAlreadyExist", 409),
                    Map.entry("TopicAlreadyExist", 409),
                    Map.entry("ConnectorAlreadyExist", 409),
                    Map.entry("ResourceAlreadyExist", 409),
                    Map.entry("LimitExceeded", 429),
                    Map.entry("InternalServerError", 500),
                    Map.entry("ShardNotReady", 503),
                    Map.entry("ServiceUnavailable", 503),
                    Map.entry("ConsumerGroupInProcess", 503));

    private ErrorCodes() {}

    /**
     * The status for {@code errorCode}: the table above, else 404 for {@code NoSuch*}, 409 for
     * {@code *AlreadyExist}, 400 for anything else.
     */
    public static int statusOf(String errorCode) {
        Integer status = STATUS.get(errorCode);
        if (status != null) {
            return status;
        }
        if (errorCode.startsWith("NoSuch")) {
            return 404;
        }
        if (errorCode.endsWith("AlreadyExist")) {
            return 409;
        }
        return 400;
    }
}
