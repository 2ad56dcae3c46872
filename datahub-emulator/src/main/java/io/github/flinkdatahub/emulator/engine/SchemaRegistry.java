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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A topic's registered schema versions 1, 2, ... (version 0, the topic's own schema, is not stored
 * here: it is always the topic's current schema). Deleted versions stay, flagged, so records
 * written with them remain readable. Mutated only by the {@link StateApplier} under the metadata
 * lock; read lock-free by the record path.
 */
final class SchemaRegistry {

    /** One registered version; {@code deleted} once DeleteSchema removed it. */
    static final class Version {
        final int versionId;
        final String schemaJson;
        final List<FieldSpec> fields;
        final long createTimeMillis;
        volatile boolean deleted;

        Version(int versionId, String schemaJson, List<FieldSpec> fields, long createTimeMillis) {
            this.versionId = versionId;
            this.schemaJson = schemaJson;
            this.fields = List.copyOf(fields);
            this.createTimeMillis = createTimeMillis;
        }
    }

    private final ConcurrentSkipListMap<Integer, Version> versions = new ConcurrentSkipListMap<>();

    /** The id the next registration gets: ids of deleted versions are never reused. */
    int nextVersionId() {
        return versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    /** The version, deleted or not, or null. */
    Version get(int versionId) {
        return versions.get(versionId);
    }

    /** Every version ever registered, deleted ones included, by id. */
    Iterable<Version> all() {
        return versions.values();
    }

    void put(Version v) {
        versions.put(v.versionId, v);
    }
}
