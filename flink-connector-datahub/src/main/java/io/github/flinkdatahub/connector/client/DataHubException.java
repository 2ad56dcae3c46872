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
 * Root of every error this client throws (unchecked).
 *
 * <p>Carries what is known about the failed call: the HTTP status (0 when no response arrived), the
 * DataHub error code (null when the service sent none), the request id and whether retrying the
 * same call may succeed. Messages never contain credentials.
 */
public class DataHubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorCode;
    private final String requestId;
    private final boolean retryable;

    /** An error with everything known about the failed call. */
    public DataHubException(
            String message,
            int httpStatus,
            String errorCode,
            String requestId,
            boolean retryable,
            Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    /** A client-side failure without a response (e.g. interrupted, timed out waiting). */
    public DataHubException(String message, boolean retryable, Throwable cause) {
        this(message, 0, null, null, retryable, cause);
    }

    /**
     * The exception the client raises for a service error response with this status and code: the
     * matching subclass (for example {@link LimitExceededException} for {@code LimitExceeded},
     * {@link ShardSealedException} for {@code InvalidShardOperation}) classified as retryable or
     * not exactly as for a real response. Fakes of the client use it too.
     */
    public static DataHubException fromService(
            int httpStatus, String errorCode, String message, String requestId) {
        return ServiceErrors.create(httpStatus, errorCode, message, requestId);
    }

    /** HTTP status of the error response, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** DataHub error code such as {@code NoSuchTopic}, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** Value of {@code x-datahub-request-id} (or the body's RequestId), or null. */
    public String requestId() {
        return requestId;
    }

    /** Whether the same call may succeed when repeated later (throttling, 5xx, network). */
    public boolean isRetryable() {
        return retryable;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(String.valueOf(super.getMessage()));
        if (errorCode != null || httpStatus != 0 || requestId != null) {
            sb.append(" (");
            String sep = "";
            if (errorCode != null) {
                sb.append("ErrorCode=").append(errorCode);
                sep = ", ";
            }
            if (httpStatus != 0) {
                sb.append(sep).append("HTTP ").append(httpStatus);
                sep = ", ";
            }
            if (requestId != null) {
                sb.append(sep).append("RequestId=").append(requestId);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
