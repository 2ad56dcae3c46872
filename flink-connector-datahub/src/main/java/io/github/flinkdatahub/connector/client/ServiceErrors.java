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

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns an HTTP error response into the matching {@link DataHubException}, classifying it once as
 * retryable or fatal (protocol §3): 5xx, 429 and the throttling/rebalancing codes are retryable,
 * every other 4xx is fatal.
 */
final class ServiceErrors {

    private static final Set<String> RETRYABLE_CODES =
            Set.of(
                    "LimitExceeded",
                    "ShardNotReady",
                    "ConsumerGroupInProcess",
                    "InternalServerError",
                    "ServiceUnavailable",
                    // The provider is asked for credentials again on every attempt.
                    "ExpiredAccessToken");

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private ServiceErrors() {}

    /**
     * Parses {@code {ErrorCode, ErrorMessage, RequestId}}; any other body still gives status and
     * id.
     */
    static DataHubException fromResponse(int status, String headerRequestId, byte[] body) {
        String code = null;
        String message = null;
        String requestId = headerRequestId;
        if (body != null && body.length > 0) {
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                if (node != null && node.isObject()) {
                    code = Json.text(node, "ErrorCode");
                    message = Json.text(node, "ErrorMessage");
                    if (requestId == null) {
                        requestId = Json.text(node, "RequestId");
                    }
                }
            } catch (Exception notJson) {
                // An HTML page from a proxy or load balancer: fall through to the raw text.
            }
            if (code == null && message == null) {
                message = "Unexpected error response: " + snippet(body);
            }
        }
        if (message == null) {
            message = code == null ? "HTTP error " + status + " with an empty body" : code;
        }
        return create(status, code, message, requestId);
    }

    static DataHubException create(int status, String code, String message, String requestId) {
        boolean retryable =
                status >= 500 || status == 429 || (code != null && RETRYABLE_CODES.contains(code));
        if (code == null) {
            return status == 429
                    ? new LimitExceededException(message, status, null, requestId, true)
                    : new DataHubException(message, status, null, requestId, retryable, null);
        }
        switch (code) {
            case "LimitExceeded":
                return new LimitExceededException(message, status, code, requestId, true);
            case "InvalidShardOperation":
                return new ShardSealedException(message, status, code, requestId, retryable);
            case "InvalidCursor":
                return new InvalidCursorException(message, status, code, requestId, retryable);
            case "SeekOutOfRange":
                return new SeekOutOfRangeException(message, status, code, requestId, retryable);
            case "OffsetSessionChanged":
            case "OffsetSessionClosed":
                return new OffsetSessionException(message, status, code, requestId, retryable);
            case "OffsetReseted":
                return new OffsetResetException(message, status, code, requestId, retryable);
            case "SubscriptionOffline":
                return new SubscriptionOfflineException(
                        message, status, code, requestId, retryable);
            case "Unauthorized":
            case "NoPermission":
            case "ExpiredAccessToken":
                return new AuthorizationException(message, status, code, requestId, retryable);
            case "MalformedRecord":
                return new MalformedRecordException(message, status, code, requestId, retryable);
            default:
                if (code.startsWith("NoSuch") || code.equals("ResourceNotFound")) {
                    return new ResourceNotFoundException(
                            message, status, code, requestId, retryable);
                }
                if (code.endsWith("AlreadyExist")) {
                    return new ResourceAlreadyExistsException(
                            message, status, code, requestId, retryable);
                }
                return new DataHubException(message, status, code, requestId, retryable, null);
        }
    }

    /** Whether this failure proves that the service did not apply the call (safe to re-send). */
    static boolean provesNotApplied(DataHubException e) {
        if (e instanceof DataHubTransportException t) {
            return !t.requestSent();
        }
        return e instanceof LimitExceededException;
    }

    private static String snippet(byte[] body) {
        String text =
                new String(
                        body,
                        0,
                        Math.min(body.length, MAX_BODY_IN_MESSAGE * 4),
                        StandardCharsets.UTF_8);
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_BODY_IN_MESSAGE
                ? text.substring(0, MAX_BODY_IN_MESSAGE) + "..."
                : text;
    }
}
