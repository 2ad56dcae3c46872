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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ProjectInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;
import io.github.flinkdatahub.emulator.engine.EngineState.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Projects and topics: validation, limits and the events that change them. */
final class MetadataOps {

    private static final Set<String> EXPAND_MODES = Set.of("", "split", "extend");

    private final EngineCore core;

    MetadataOps(EngineCore core) {
        this.core = core;
    }

    void createProject(String project, String comment) {
        String name = Names.validProject(project);
        String c = Names.validComment(comment);
        core.metaLock.lock();
        try {
            if (core.state.projects.containsKey(name)) {
                throw Errors.projectAlreadyExist();
            }
            if (core.state.projects.size() >= core.options.maxProjects()) {
                throw Errors.limitExceeded(
                        "At most " + core.options.maxProjects() + " projects are allowed.");
            }
            core.commit(
                    new EventCodec.Out(EventCodec.CREATE_PROJECT)
                            .str(name)
                            .str(c)
                            .l(core.now())
                            .build());
        } finally {
            core.metaLock.unlock();
        }
    }

    ProjectInfo getProject(String project) {
        Project p = core.project(project);
        return new ProjectInfo(
                p.name, p.comment, p.createTimeMillis / 1000, p.lastModifyMillis / 1000);
    }

    List<String> listProjects(String filter) {
        return sortedMatching(core.state.projects.keySet(), filter);
    }

    void updateProject(String project, String comment) {
        String c = Names.validComment(comment);
        core.metaLock.lock();
        try {
            Project p = core.project(project);
            core.commit(
                    new EventCodec.Out(EventCodec.UPDATE_PROJECT)
                            .str(p.name)
                            .str(c)
                            .l(core.now())
                            .build());
        } finally {
            core.metaLock.unlock();
        }
    }

    void deleteProject(String project) {
        core.metaLock.lock();
        try {
            Project p = core.project(project);
            if (!p.topics.isEmpty()) {
                throw Errors.operationDenied(
                        "Project '" + p.name + "' still has topics; delete them first.");
            }
            core.commit(new EventCodec.Out(EventCodec.DELETE_PROJECT).str(p.name).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    void createTopic(String project, String topic, TopicSpec spec) {
        Names.lookupProject(project);
        String name = Names.validTopic(topic);
        if (spec == null || spec.recordType() == null) {
            throw Errors.invalidParameter("RecordType must be TUPLE or BLOB.");
        }
        int max = core.options.maxActiveShards();
        if (spec.shardCount() < 1 || spec.shardCount() > max) {
            throw Errors.invalidParameter(
                    "ShardCount must be 1.." + max + ", was " + spec.shardCount() + ".");
        }
        int lifecycle = Names.validLifecycle(spec.lifecycleDays());
        String comment = Names.validComment(spec.comment());
        String expandMode =
                spec.expandMode() == null ? "" : spec.expandMode().toLowerCase(Locale.ROOT);
        if (!EXPAND_MODES.contains(expandMode)) {
            throw Errors.invalidParameter(
                    "ExpandMode must be '', 'split' or 'extend', was '" + spec.expandMode() + "'.");
        }
        List<FieldSpec> fields = spec.fields() == null ? List.of() : spec.fields();
        String schema = spec.recordSchemaJson();
        if (spec.recordType() == RecordType.TUPLE) {
            if (fields.isEmpty()) {
                throw Errors.invalidParameter("A TUPLE topic needs a RecordSchema with fields.");
            }
            fields = Names.validFields(fields, List.of());
            if (schema == null) {
                schema = SchemaJson.of(fields);
            }
        } else {
            if (!fields.isEmpty()) {
                throw Errors.invalidParameter("A BLOB topic takes no RecordSchema.");
            }
            schema = null;
        }
        core.metaLock.lock();
        try {
            Project p = core.project(project);
            if (p.topics.containsKey(name)) {
                throw Errors.topicAlreadyExist();
            }
            if (p.topics.size() >= core.options.maxTopicsPerProject()) {
                throw Errors.limitExceeded(
                        "At most "
                                + core.options.maxTopicsPerProject()
                                + " topics per project are allowed.");
            }
            EventCodec.Out e =
                    new EventCodec.Out(EventCodec.CREATE_TOPIC)
                            .l(core.state.nextTopicUid)
                            .str(p.name)
                            .str(name)
                            .str(spec.recordType().name())
                            .i(spec.shardCount())
                            .i(lifecycle)
                            .str(schema);
            StateApplier.writeFields(e, fields);
            core.commit(e.str(comment).str(expandMode).l(core.now()).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    TopicInfo getTopic(String project, String topic) {
        Topic t = core.topic(project, topic);
        return new TopicInfo(
                t.name,
                t.recordType,
                t.activeShardCount(),
                t.lifecycleDays,
                t.schemaJson,
                t.fields,
                t.comment,
                t.expandMode,
                t.createTimeMillis / 1000,
                t.lastModifyMillis / 1000);
    }

    List<String> listTopics(String project, String filter) {
        return sortedMatching(core.project(project).topics.keySet(), filter);
    }

    void updateTopic(String project, String topic, String comment, Integer lifecycleDays) {
        String c = Names.validComment(comment);
        if (lifecycleDays != null) {
            Names.validLifecycle(lifecycleDays);
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            core.commit(
                    new EventCodec.Out(EventCodec.UPDATE_TOPIC)
                            .l(t.uid)
                            .str(c)
                            .i(lifecycleDays == null ? t.lifecycleDays : lifecycleDays)
                            .l(core.now())
                            .build());
        } finally {
            core.metaLock.unlock();
        }
    }

    /**
     * Holds every shard's append lock while journaling the deletion, so no record of this topic can
     * be journaled after it.
     */
    void deleteTopic(String project, String topic) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            List<Shard> locked = new ArrayList<>();
            try {
                for (Shard s : t.shards.values()) {
                    s.appendLock.lock();
                    locked.add(s);
                }
                core.commit(new EventCodec.Out(EventCodec.DELETE_TOPIC).l(t.uid).build());
            } finally {
                locked.forEach(s -> s.appendLock.unlock());
            }
        } finally {
            core.metaLock.unlock();
        }
    }

    void appendFields(String project, String topic, List<FieldSpec> fields) {
        if (fields == null || fields.isEmpty()) {
            throw Errors.invalidParameter("AppendField needs at least one field.");
        }
        for (FieldSpec f : fields) {
            if (f != null && f.notNull()) {
                throw Errors.invalidParameter(
                        "Appended field '" + f.name() + "' must be nullable (notnull false).");
            }
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            if (t.recordType != RecordType.TUPLE) {
                throw Errors.invalidParameter("AppendField needs a TUPLE topic.");
            }
            List<FieldSpec> added = Names.validFields(fields, t.fields);
            String schema = SchemaJson.append(t.schemaJson, !t.fields.isEmpty(), added);
            if (schema == null) {
                List<FieldSpec> all = new ArrayList<>(t.fields);
                all.addAll(added);
                schema = SchemaJson.of(all);
            }
            EventCodec.Out e = new EventCodec.Out(EventCodec.APPEND_FIELDS).l(t.uid).str(schema);
            StateApplier.writeFields(e, added);
            core.commit(e.l(core.now()).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    private static List<String> sortedMatching(Iterable<String> names, String filter) {
        String f = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.contains(f)) {
                out.add(n);
            }
        }
        out.sort(null);
        return out;
    }
}
