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

/** A create call named a resource that already exists (`*AlreadyExist`). */
public class ResourceAlreadyExistsException extends DataHubException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DataHubException} for what each argument means. */
    public ResourceAlreadyExistsException(
            String message, int httpStatus, String errorCode, String requestId, boolean retryable) {
        super(message, httpStatus, errorCode, requestId, retryable, null);
    }
}
