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
 * No HTTP response arrived (connect failure, timeout, reset connection). Always retryable for
 * idempotent calls; for writes {@link #requestSent()} tells whether the server may have acted.
 */
public class DataHubTransportException extends DataHubException {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    /** A failure without a response; {@code requestSent} says whether any request byte left. */
    public DataHubTransportException(String message, boolean requestSent, Throwable cause) {
        super(message, true, cause);
        this.requestSent = requestSent;
    }

    /** False only when the failure happened before any request byte was sent. */
    public boolean requestSent() {
        return requestSent;
    }
}
