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

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a topic's schema in the schema registry (protocol §4.10). Version 0 is the schema
 * the topic was created with; RegisterSchema adds 1, 2, ...
 *
 * @param versionId the registry version
 * @param schema the schema of that version
 * @param createTime when the version was registered, or null when the service did not say
 * @param creator who registered it, or null
 */
public record TopicSchema(int versionId, RecordSchema schema, Instant createTime, String creator) {

    /** Validates the components (see the record Javadoc). */
    public TopicSchema {
        Objects.requireNonNull(schema, "schema");
        if (versionId < 0) {
            throw new IllegalArgumentException("versionId must be >= 0 but was " + versionId);
        }
    }
}
