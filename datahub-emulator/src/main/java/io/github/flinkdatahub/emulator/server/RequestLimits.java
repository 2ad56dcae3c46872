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

import io.github.flinkdatahub.emulator.engine.EngineException;

/** Request size limits of the real service (section 8.2) and the error for exceeding them. */
final class RequestLimits {

    /** The HTTP request body limit: 4 MB, compressed or not. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private RequestLimits() {}

    /**
     * UNCONFIRMED: the real service's code for an oversized body is not documented in the SDKs; we
     * answer {@code InvalidParameter} (400), which every SDK treats as fatal, with a clear message.
     */
    static EngineException tooLarge(long size, int max) {
        return EngineException.invalidParameter(
                "The request body is too large: "
                        + size
                        + " bytes, the limit is "
                        + max
                        + " bytes");
    }
}
