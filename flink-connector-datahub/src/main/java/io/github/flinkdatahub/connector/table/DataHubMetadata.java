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

package io.github.flinkdatahub.connector.table;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata columns of a DataHub table, with their types and whether a source can read and a
 * sink can write them. The read-only keys are the commercial connector's names.
 *
 * <pre>{@code
 * shard  BIGINT       METADATA FROM 'shard-id' VIRTUAL,
 * seq    STRING       METADATA FROM 'sequence' VIRTUAL,
 * stored TIMESTAMP_LTZ(3) METADATA FROM 'system-time' VIRTUAL,
 * attrs  MAP<STRING, STRING> METADATA FROM 'attributes',
 * pk     STRING       METADATA FROM 'partition-key'   -- sink only
 * }</pre>
 */
public enum DataHubMetadata {
    /** Id of the shard the record was read from. */
    SHARD_ID("shard-id", DataTypes.BIGINT().notNull(), true, false),
    /** Sequence of the record in its shard (a decimal string). */
    SEQUENCE("sequence", DataTypes.STRING().notNull(), true, false),
    /** Time the service stored the record, millisecond precision. */
    SYSTEM_TIME("system-time", DataTypes.TIMESTAMP_LTZ(3).notNull(), true, false),
    /** The record's string attributes; read and written. */
    ATTRIBUTES(
            "attributes",
            DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.STRING().nullable()),
            true,
            true),
    /** Partition key the service hashes (MD5) to pick the shard; written only. */
    PARTITION_KEY("partition-key", DataTypes.STRING(), false, true),
    /** Explicit 128-bit hash key (32 hex digits) that picks the shard; written only. */
    HASH_KEY("hash-key", DataTypes.STRING(), false, true);

    private final String key;
    private final DataType dataType;
    private final boolean readable;
    private final boolean writable;

    DataHubMetadata(String key, DataType dataType, boolean readable, boolean writable) {
        this.key = key;
        this.dataType = dataType;
        this.readable = readable;
        this.writable = writable;
    }

    /** The key used in {@code METADATA FROM '...'}. */
    public String key() {
        return key;
    }

    /** The type of the metadata value. */
    public DataType dataType() {
        return dataType;
    }

    /** Whether a source produces it. */
    public boolean readable() {
        return readable;
    }

    /** Whether a sink consumes it. */
    public boolean writable() {
        return writable;
    }

    /** The metadata with this key, if any. */
    public static Optional<DataHubMetadata> ofKey(String key) {
        for (DataHubMetadata m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Key to type of every readable metadata, in declaration order. */
    public static Map<String, DataType> readableMetadata() {
        Map<String, DataType> map = new LinkedHashMap<>();
        for (DataHubMetadata m : values()) {
            if (m.readable) {
                map.put(m.key, m.dataType);
            }
        }
        return map;
    }

    /** Key to type of every writable metadata, in declaration order. */
    public static Map<String, DataType> writableMetadata() {
        Map<String, DataType> map = new LinkedHashMap<>();
        for (DataHubMetadata m : values()) {
            if (m.writable) {
                map.put(m.key, m.dataType);
            }
        }
        return map;
    }
}
