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
 * Internal signal of the batch decoder: a record names a schema version the client has not fetched
 * yet. The client fetches it (GetSchema) and repeats the read; callers never see it.
 */
final class UnknownSchemaVersionException extends DataHubException {

    private static final long serialVersionUID = 1L;

    private final int version;

    UnknownSchemaVersionException(int version) {
        super("Schema version " + version + " is not cached yet", false, null);
        this.version = version;
    }

    /** The version to fetch. */
    int version() {
        return version;
    }
}
