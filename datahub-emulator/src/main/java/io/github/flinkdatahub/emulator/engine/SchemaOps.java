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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SchemaPage;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SchemaVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The schema registry (section 4.10): ListSchema, GetSchema, RegisterSchema, DeleteSchema.
 *
 * <p>Version 0 is the topic's own schema: its creation schema plus any fields appended since (so
 * the Java batch writer, which tags records with version 0 when it has no registry, matches the
 * schema GetTopic returns). RegisterSchema returns 1, 2, ...; registering a schema equal to a live
 * version (field names, types, not-null flags and comments) returns that version instead of a new
 * one. Deleted ids are not reused; version 0 cannot be deleted. GetTopic keeps returning version 0.
 * The registry applies to TUPLE topics only. These choices are UNCONFIRMED in the protocol notes.
 */
final class SchemaOps {

    /** Journal event: topic uid, version id, schema JSON, fields, create time (ms). */
    static final byte REGISTER_SCHEMA = 40;

    /** Journal event: topic uid, version id. */
    static final byte DELETE_SCHEMA = 41;

    /** Page size when ListSchema asks for none (PageSize <= 0): every version in one page. */
    private static final int ALL = Integer.MAX_VALUE;

    private final EngineCore core;

    SchemaOps(EngineCore core) {
        this.core = core;
    }

    SchemaPage list(String project, String topic, int pageNumber, int pageSize) {
        Topic t = tupleTopic(project, topic);
        List<SchemaVersion> all = new ArrayList<>();
        all.add(versionZero(t));
        for (SchemaRegistry.Version v : t.schemas.all()) {
            if (!v.deleted) {
                all.add(info(v));
            }
        }
        int size = pageSize <= 0 ? ALL : pageSize;
        int page = Math.max(1, pageNumber);
        int pageCount = (int) ((all.size() + (long) size - 1) / size);
        long from = (long) (page - 1) * size;
        List<SchemaVersion> out =
                from >= all.size()
                        ? List.of()
                        : all.subList((int) from, (int) Math.min(all.size(), from + size));
        return new SchemaPage(
                page,
                pageSize <= 0 ? all.size() : pageSize,
                pageCount,
                all.size(),
                List.copyOf(out));
    }

    SchemaVersion get(String project, String topic, int versionId) {
        Topic t = tupleTopic(project, topic);
        if (versionId == 0) {
            return versionZero(t);
        }
        SchemaRegistry.Version v = t.schemas.get(versionId);
        if (v == null || v.deleted) {
            throw noSuchVersion(t, versionId);
        }
        return info(v);
    }

    /** The live version equal to {@code fields}. */
    SchemaVersion find(String project, String topic, List<FieldSpec> fields) {
        Topic t = tupleTopic(project, topic);
        Integer id = match(t, Names.validFields(fields, List.of()));
        if (id == null) {
            throw Errors.invalidParameter("The schema is not registered for topic " + t.name + ".");
        }
        return get(project, topic, id);
    }

    int register(String project, String topic, String schemaJson, List<FieldSpec> fields) {
        core.metaLock.lock();
        try {
            Topic t = tupleTopic(project, topic);
            List<FieldSpec> valid = Names.validFields(fields, List.of());
            if (valid.isEmpty()) {
                throw Errors.invalidParameter("RecordSchema must have at least one field.");
            }
            Integer existing = match(t, valid);
            if (existing != null) {
                return existing;
            }
            int id = t.schemas.nextVersionId();
            EventCodec.Out e =
                    new EventCodec.Out(REGISTER_SCHEMA)
                            .l(t.uid)
                            .i(id)
                            .str(schemaJson == null ? SchemaJson.of(valid) : schemaJson);
            StateApplier.writeFields(e, valid);
            core.commit(e.l(core.now()).build());
            return id;
        } finally {
            core.metaLock.unlock();
        }
    }

    void delete(String project, String topic, int versionId) {
        core.metaLock.lock();
        try {
            Topic t = tupleTopic(project, topic);
            if (versionId == 0) {
                throw Errors.invalidParameter(
                        "Schema version 0 is the topic's own schema and cannot be deleted.");
            }
            SchemaRegistry.Version v = t.schemas.get(versionId);
            if (v == null || v.deleted) {
                throw noSuchVersion(t, versionId);
            }
            core.commit(new EventCodec.Out(DELETE_SCHEMA).l(t.uid).i(versionId).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    /**
     * The fields records naming {@code versionId} are written with, for writes: version 0 is the
     * topic's current schema; a deleted or unknown version fails with {@code MalformedRecord}.
     */
    static List<FieldSpec> fieldsForWrite(Topic t, int versionId) {
        if (versionId == 0) {
            return t.fields;
        }
        SchemaRegistry.Version v = t.schemas.get(versionId);
        if (v == null || v.deleted) {
            throw Errors.malformedRecord(
                    "the record names schema version "
                            + versionId
                            + ", which topic "
                            + t.name
                            + " does not have (register it with RegisterSchema)");
        }
        return v.fields;
    }

    /** The fields of a stored record's version, for reads (deleted versions included). */
    static List<FieldSpec> fieldsForRead(Topic t, int versionId) {
        SchemaRegistry.Version v = versionId == 0 ? null : t.schemas.get(versionId);
        return v == null ? t.fields : v.fields;
    }

    /** Applies a schema event (live and on recovery). */
    static void apply(byte type, EventCodec.In in, EngineState state) {
        Topic t = state.topicsByUid.get(in.l());
        int id = in.i();
        if (type == REGISTER_SCHEMA) {
            String json = in.str();
            List<FieldSpec> fields = StateApplier.readFields(in);
            t.schemas.put(new SchemaRegistry.Version(id, json, fields, in.l()));
        } else {
            t.schemas.get(id).deleted = true;
        }
    }

    /** The topic's registered versions as events, for the journal snapshot. */
    static void writeSnapshot(Topic t, Consumer<byte[]> sink) {
        for (SchemaRegistry.Version v : t.schemas.all()) {
            EventCodec.Out e =
                    new EventCodec.Out(REGISTER_SCHEMA).l(t.uid).i(v.versionId).str(v.schemaJson);
            StateApplier.writeFields(e, v.fields);
            sink.accept(e.l(v.createTimeMillis).build());
            if (v.deleted) {
                sink.accept(new EventCodec.Out(DELETE_SCHEMA).l(t.uid).i(v.versionId).build());
            }
        }
    }

    private Topic tupleTopic(String project, String topic) {
        Topic t = core.topic(project, topic);
        if (t.recordType != RecordType.TUPLE) {
            throw Errors.invalidParameter(
                    "The schema registry applies to TUPLE topics; topic " + t.name + " is BLOB.");
        }
        return t;
    }

    private static Integer match(Topic t, List<FieldSpec> fields) {
        if (sameFields(t.fields, fields)) {
            return 0;
        }
        for (SchemaRegistry.Version v : t.schemas.all()) {
            if (!v.deleted && sameFields(v.fields, fields)) {
                return v.versionId;
            }
        }
        return null;
    }

    private static boolean sameFields(List<FieldSpec> a, List<FieldSpec> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            FieldSpec x = a.get(i);
            FieldSpec y = b.get(i);
            if (!x.name().toLowerCase(Locale.ROOT).equals(y.name().toLowerCase(Locale.ROOT))
                    || !x.type().equalsIgnoreCase(y.type())
                    || x.notNull() != y.notNull()
                    || !comment(x).equals(comment(y))) {
                return false;
            }
        }
        return true;
    }

    private static String comment(FieldSpec f) {
        return f.comment() == null ? "" : f.comment().trim();
    }

    private static SchemaVersion versionZero(Topic t) {
        return new SchemaVersion(0, t.schemaJson, t.fields, t.createTimeMillis / 1000);
    }

    private static SchemaVersion info(SchemaRegistry.Version v) {
        return new SchemaVersion(v.versionId, v.schemaJson, v.fields, v.createTimeMillis / 1000);
    }

    private static EngineException noSuchVersion(Topic t, int versionId) {
        return Errors.invalidParameter(
                "Schema version " + versionId + " does not exist for topic " + t.name + ".");
    }
}
