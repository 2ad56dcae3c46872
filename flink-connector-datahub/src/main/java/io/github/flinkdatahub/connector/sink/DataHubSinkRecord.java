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

import io.github.flinkdatahub.connector.client.RecordPayload;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DataHubRecordSerializationSchema} makes of one element: the payload (tuple values
 * or blob bytes), optional attributes and an optional routing key.
 *
 * <p>The routing key is used only by the matching {@link ShardRouting}: {@code partitionKey} by
 * {@link ShardRouting#PARTITION_KEY}, {@code hashKey} (1 to 32 hex digits) by {@link
 * ShardRouting#HASH_KEY}.
 */
@PublicEvolving
public record DataHubSinkRecord(
        RecordPayload payload,
        Map<String, String> attributes,
        String partitionKey,
        String hashKey) {

    /** Validates and copies. */
    public DataHubSinkRecord {
        Objects.requireNonNull(payload, "payload must not be null");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (hashKey != null && !hashKey.matches("[0-9A-Fa-f]{1,32}")) {
            throw new IllegalArgumentException(
                    "hashKey '" + hashKey + "' must be 1 to 32 hexadecimal digits");
        }
    }

    /** A record without attributes or routing key. */
    public static DataHubSinkRecord of(RecordPayload payload) {
        return new DataHubSinkRecord(payload, Map.of(), null, null);
    }

    /** The same record with this partition key. */
    public DataHubSinkRecord withPartitionKey(String key) {
        return new DataHubSinkRecord(payload, attributes, key, hashKey);
    }

    /** The same record with this hash key. */
    public DataHubSinkRecord withHashKey(String key) {
        return new DataHubSinkRecord(payload, attributes, partitionKey, key);
    }

    /** The same record with these attributes. */
    public DataHubSinkRecord withAttributes(Map<String, String> newAttributes) {
        return new DataHubSinkRecord(payload, newAttributes, partitionKey, hashKey);
    }
}
