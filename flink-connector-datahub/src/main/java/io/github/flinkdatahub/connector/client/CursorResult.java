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

import java.util.Objects;

/**
 * An opaque read position plus what it points at.
 *
 * @param cursor the opaque cursor string (only ever compared for equality)
 * @param recordTime system time (ms) of the record the cursor points at
 * @param sequence sequence of the record the cursor points at
 */
public record CursorResult(String cursor, long recordTime, long sequence) {
    /** Validates the components (see the record Javadoc). */
    public CursorResult {
        Objects.requireNonNull(cursor, "cursor");
    }
}
