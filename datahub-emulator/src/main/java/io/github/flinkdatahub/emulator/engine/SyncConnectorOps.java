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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SyncConnectors} of an engine. Every change runs under the metadata lock, builds the
 * connector's new value and journals it whole; {@link #apply} (called by the state applier, live
 * and on recovery) installs it. Connectors live in their {@link Topic}, so deleting the topic
 * deletes them.
 */
final class SyncConnectorOps implements SyncConnectors {

    private final EngineCore core;

    SyncConnectorOps(EngineCore core) {
        this.core = core;
    }

    @Override
    public String create(String project, String topic, ConnectorSpec spec) {
        if (spec == null || spec.type() == null) {
            throw Errors.invalidParameter(
                    "Type is required; allowed: " + java.util.Arrays.toString(Type.values()));
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            for (Connector c : t.connectors.values()) {
                if (c.type() == spec.type()) {
                    throw new EngineException(
                            409,
                            "ConnectorAlreadyExist",
                            "The specified connector already exists: the topic has a "
                                    + spec.type().wireName()
                                    + " connector ("
                                    + c.id()
                                    + ").");
                }
            }
            List<String> fields = ConnectorSupport.columnFields(t, spec.columnFields(), true);
            Map<String, String> config = ConnectorConfigs.validate(spec.type(), spec.config());
            long now = core.now();
            long start = spec.sinkStartTime() < 0 ? -1 : spec.sinkStartTime();
            String id = ConnectorSupport.newId(t);
            Connector c =
                    new Connector(
                            id,
                            spec.type(),
                            true,
                            fields,
                            spec.columnNameMap() == null ? Map.of() : spec.columnNameMap(),
                            config,
                            now + ConnectorSupport.random(5),
                            start,
                            now,
                            now,
                            Map.of());
            put(t, c);
            return id;
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public ConnectorInfo get(String project, String topic, String connector) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            return new ConnectorInfo(
                    c.id(),
                    c.type(),
                    c.running(),
                    c.columnFields(),
                    c.columnNameMap(),
                    c.config(),
                    c.subscriptionId(),
                    c.createTimeMillis() / 1000,
                    c.lastModifyMillis() / 1000,
                    new ArrayList<>(ConnectorSupport.statuses(t, c, null).values()));
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public List<String> list(String project, String topic) {
        core.metaLock.lock();
        try {
            List<Connector> all = new ArrayList<>(core.topic(project, topic).connectors.values());
            all.sort(Comparator.comparingLong(Connector::createTimeMillis));
            List<String> ids = new ArrayList<>();
            all.forEach(c -> ids.add(c.id()));
            return ids;
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public void update(
            String project,
            String topic,
            String connector,
            Map<String, String> config,
            List<String> columnFields,
            Map<String, String> columnNameMap) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            Map<String, String> cfg =
                    config == null ? c.config() : ConnectorConfigs.validate(c.type(), config);
            List<String> fields =
                    columnFields == null
                            ? c.columnFields()
                            : ConnectorSupport.columnFields(t, columnFields, false);
            Map<String, String> names = columnNameMap == null ? c.columnNameMap() : columnNameMap;
            put(t, c.withDefinition(cfg, fields, names, core.now()));
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public void delete(String project, String topic, String connector) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            core.commit(
                    new EventCodec.Out(EventCodec.CONNECTOR_DELETE).l(t.uid).str(c.id()).build());
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public void reload(String project, String topic, String connector, String shardId) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            long now = core.now();
            Map<String, Connector.Context> ctx = new LinkedHashMap<>(c.contexts());
            for (String s : ConnectorSupport.shards(t, shardId)) {
                Connector.Context old = c.context(s);
                ctx.put(s, new Connector.Context(old.sequence(), old.timestampMillis(), now));
            }
            put(t, c.withContexts(ctx, now));
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public void updateState(String project, String topic, String connector, boolean running) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            put(t, c.withRunning(running, core.now()));
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public void updateOffset(
            String project,
            String topic,
            String connector,
            String shardId,
            long sequence,
            long timestampMillis) {
        if (sequence < -1 || timestampMillis < -1) {
            throw Errors.invalidParameter(
                    "CurrentSequence and CurrentTime must be >= 0, or -1 to keep the current"
                            + " value; were "
                            + sequence
                            + " and "
                            + timestampMillis
                            + ".");
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            if (c.running()) {
                throw Errors.operationDenied(
                        "The connector "
                                + c.id()
                                + " is running: stop it (updatestate CONNECTOR_STOPPED) before"
                                + " updating its offset.");
            }
            long now = core.now();
            Map<String, Connector.Context> ctx = new LinkedHashMap<>(c.contexts());
            for (String s : ConnectorSupport.shards(t, shardId)) {
                Connector.Context old = c.context(s);
                ctx.put(
                        s,
                        new Connector.Context(
                                sequence == -1 ? old.sequence() : sequence,
                                timestampMillis == -1 ? old.timestampMillis() : timestampMillis,
                                now));
            }
            put(t, c.withContexts(ctx, now));
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public Map<String, ShardStatus> shardStatus(
            String project, String topic, String connector, String shardId) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            return ConnectorSupport.statuses(t, ConnectorSupport.find(t, connector), shardId);
        } finally {
            core.metaLock.unlock();
        }
    }

    /**
     * Nothing is ever delivered, so a shard is "done" up to its sync position (what UpdateOffset or
     * the sink start time set) and the connector up to the earliest shard.
     */
    @Override
    public DoneTime doneTime(String project, String topic, String connector) {
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            long done = Long.MAX_VALUE;
            for (ShardStatus s : ConnectorSupport.statuses(t, c, null).values()) {
                done = Math.min(done, s.doneTime());
            }
            String zone = c.config().getOrDefault("TimeZone", "UTC");
            int window = 0;
            try {
                window = Integer.parseInt(c.config().getOrDefault("TimeRange", "0").trim());
            } catch (NumberFormatException e) {
                window = 0; // validated on create; a non-ODPS type may carry anything
            }
            return new DoneTime(done == Long.MAX_VALUE ? 0 : done, zone, window);
        } finally {
            core.metaLock.unlock();
        }
    }

    @Override
    public void appendField(String project, String topic, String connector, String fieldName) {
        if (fieldName == null || fieldName.isBlank()) {
            throw Errors.invalidParameter("FieldName is required.");
        }
        core.metaLock.lock();
        try {
            Topic t = core.topic(project, topic);
            Connector c = ConnectorSupport.find(t, connector);
            String name = ConnectorSupport.topicField(t, fieldName);
            for (String f : c.columnFields()) {
                if (f.equalsIgnoreCase(name)) {
                    throw Errors.invalidParameter(
                            "Field '"
                                    + name
                                    + "' is already a column of connector "
                                    + c.id()
                                    + ".");
                }
            }
            List<String> fields = new ArrayList<>(c.columnFields());
            fields.add(name);
            put(t, c.withDefinition(c.config(), fields, c.columnNameMap(), core.now()));
        } finally {
            core.metaLock.unlock();
        }
    }

    /** Installs a journaled CONNECTOR_PUT or CONNECTOR_DELETE (state applier). */
    static void apply(byte type, EventCodec.In in, EngineState state) {
        Topic t = state.topicsByUid.get(in.l());
        if (type == EventCodec.CONNECTOR_PUT) {
            Connector c = Connector.read(in);
            if (t != null) {
                t.connectors.put(c.id(), c);
            }
        } else if (t != null) {
            t.connectors.remove(in.str());
        }
    }

    /** Snapshot events for the topic's connectors (journal compaction). */
    static void writeSnapshot(Topic t, java.util.function.Consumer<byte[]> sink) {
        List<Connector> all = new ArrayList<>(t.connectors.values());
        all.sort(Comparator.comparingLong(Connector::createTimeMillis));
        for (Connector c : all) {
            sink.accept(encode(t, c));
        }
    }

    private void put(Topic t, Connector c) {
        core.commit(encode(t, c));
    }

    private static byte[] encode(Topic t, Connector c) {
        EventCodec.Out out = new EventCodec.Out(EventCodec.CONNECTOR_PUT).l(t.uid);
        c.write(out);
        return out.build();
    }
}
