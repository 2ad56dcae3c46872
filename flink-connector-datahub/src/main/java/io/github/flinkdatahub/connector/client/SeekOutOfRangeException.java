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

/** A SEQUENCE or SYSTEM_TIME cursor lies outside the retained data (`SeekOutOfRange`). */
public class SeekOutOfRangeException extends DataHubException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DataHubException} for what each argument means. */
    public SeekOutOfRangeException(
            String message, int httpStatus, String errorCode, String requestId, boolean retryable) {
        super(message, httpStatus, errorCode, requestId, retryable, null);
    }
}
