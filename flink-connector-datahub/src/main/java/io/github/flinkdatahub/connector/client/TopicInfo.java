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
 * A topic as returned by GetTopic.
 *
 * @param schema the schema of a TUPLE topic, null for BLOB
 * @param shardCount active shard count reported by the service
 * @param lifecycleDays how long records are retained, in days
 * @param expandMode {@code ""} (split and extend), {@code "split"} or {@code "extend"}
 */
public record TopicInfo(
        String project,
        String name,
        RecordType recordType,
        RecordSchema schema,
        int shardCount,
        int lifecycleDays,
        String comment,
        Instant createTime,
        Instant lastModifyTime,
        String expandMode) {

    /** Validates the components (see the record Javadoc). */
    public TopicInfo {
        Objects.requireNonNull(recordType, "recordType");
        if (recordType == RecordType.TUPLE) {
            Objects.requireNonNull(schema, "a TUPLE topic needs a schema");
        }
    }
}
