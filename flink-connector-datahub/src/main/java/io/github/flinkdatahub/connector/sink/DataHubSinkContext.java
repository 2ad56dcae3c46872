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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.RecordType;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Objects;

/**
 * What a serialization schema learns about the target topic when the writer opens.
 *
 * @param schema the topic's schema, null for a BLOB topic
 */
@PublicEvolving
public record DataHubSinkContext(
        String project, String topic, RecordType recordType, RecordSchema schema) {

    /** Validates that a TUPLE topic has a schema. */
    public DataHubSinkContext {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(recordType, "recordType");
        if (recordType == RecordType.TUPLE) {
            Objects.requireNonNull(schema, "a TUPLE topic needs a schema");
        }
    }

    /** The schema of a TUPLE topic, failing with a clear message for a BLOB topic. */
    public RecordSchema requireTupleSchema(String serializerName) {
        if (recordType != RecordType.TUPLE) {
            throw new IllegalStateException(
                    serializerName
                            + " writes tuple records but topic "
                            + project
                            + "/"
                            + topic
                            + " is a "
                            + recordType
                            + " topic; use DataHubRecordSerializationSchema.blob(...) for it");
        }
        return schema;
    }

    /** "project/topic", for messages. */
    public String topicPath() {
        return project + "/" + topic;
    }
}
