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

import java.util.List;

/**
 * Which schema version a batch names (protocol §4.10, §6.2). Writes name version 0, the topic's
 * creation schema, unless {@link DataHubClientConfig#schemaRegistry()} is on: then, as the SDK's
 * schema-registry client does, the records' schema is looked up among the topic's registered
 * versions (ListSchema, cached). Reads decode version 0 with the caller's schema and fetch any
 * other version once (GetSchema, cached per client).
 */
final class BatchSchemaVersions {

    private final SchemaRegistryCalls registry;
    private final boolean registryWrites;

    BatchSchemaVersions(SchemaRegistryCalls registry, boolean registryWrites) {
        this.registry = registry;
        this.registryWrites = registryWrites;
    }

    /**
     * The schema of a version for decoding.
     *
     * @throws UnknownSchemaVersionException when it was not fetched yet (see {@link #fetch})
     */
    RecordSchema forRead(String project, String topic, int version) {
        RecordSchema schema = registry.cached(project, topic, version);
        if (schema == null) {
            throw new UnknownSchemaVersionException(version);
        }
        return schema;
    }

    /** Fetches a version (blocking) so that the next read can decode it. */
    void fetch(String project, String topic, int version) {
        registry.load(project, topic, version);
    }

    /** The version the TUPLE records of one batch name; runs on the caller's thread. */
    int forWrite(String project, String topic, List<PutRecord> records) {
        RecordSchema schema = null;
        for (PutRecord record : records) {
            if (record.payload() instanceof TupleRecord tuple) {
                if (schema == null) {
                    schema = tuple.schema();
                } else if (!schema.equals(tuple.schema())) {
                    throw new IllegalArgumentException(
                            "All TUPLE records of one batch must share one schema (a batch names"
                                    + " one schema version), but found "
                                    + schema.fields()
                                    + " and "
                                    + tuple.schema().fields());
                }
            }
        }
        if (schema == null || !registryWrites) {
            return 0;
        }
        Integer version = lookup(project, topic, schema, false);
        if (version == null) {
            version = lookup(project, topic, schema, true);
        }
        if (version == null) {
            throw new IllegalArgumentException(
                    "The records' schema "
                            + schema.fields()
                            + " is not registered for topic "
                            + project
                            + "/"
                            + topic
                            + " (schemaRegistry is on): register it with"
                            + " AdminClient.registerSchema first");
        }
        return version;
    }

    private Integer lookup(String project, String topic, RecordSchema schema, boolean refresh) {
        if (refresh) {
            for (TopicSchema s : registry.listSchemas(project, topic)) {
                registry.remember(project, topic, s.versionId(), s.schema());
            }
        }
        return registry.versionOf(project, topic, schema);
    }
}
