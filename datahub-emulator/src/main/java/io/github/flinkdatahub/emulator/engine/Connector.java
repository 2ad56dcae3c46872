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

import io.github.flinkdatahub.emulator.engine.SyncConnectors.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sync connector's state: an immutable value, replaced as a whole. Every change journals the
 * complete new value ({@link EventCodec#CONNECTOR_PUT}), so recovery and compaction need nothing
 * but {@link #write} and {@link #read}.
 */
record Connector(
        String id,
        Type type,
        boolean running,
        List<String> columnFields,
        Map<String, String> columnNameMap,
        Map<String, String> config,
        String subscriptionId,
        long sinkStartTime,
        long createTimeMillis,
        long lastModifyMillis,
        Map<String, Context> contexts) {

    /** A shard's sync position; absent shards start at sequence -1 and the sink start time. */
    record Context(long sequence, long timestampMillis, long updateMillis) {}

    Connector {
        columnFields = List.copyOf(columnFields);
        columnNameMap = Collections.unmodifiableMap(new LinkedHashMap<>(columnNameMap));
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        contexts = Collections.unmodifiableMap(new TreeMap<>(contexts));
    }

    /** The shard's position (its default when it was never set). */
    Context context(String shardId) {
        Context c = contexts.get(shardId);
        return c != null ? c : new Context(-1, sinkStartTime, createTimeMillis);
    }

    Connector withRunning(boolean r, long now) {
        return new Connector(
                id,
                type,
                r,
                columnFields,
                columnNameMap,
                config,
                subscriptionId,
                sinkStartTime,
                createTimeMillis,
                now,
                contexts);
    }

    Connector withDefinition(
            Map<String, String> cfg, List<String> fields, Map<String, String> nameMap, long now) {
        return new Connector(
                id,
                type,
                running,
                fields,
                nameMap,
                cfg,
                subscriptionId,
                sinkStartTime,
                createTimeMillis,
                now,
                contexts);
    }

    Connector withContexts(Map<String, Context> ctx, long now) {
        return new Connector(
                id,
                type,
                running,
                columnFields,
                columnNameMap,
                config,
                subscriptionId,
                sinkStartTime,
                createTimeMillis,
                now,
                ctx);
    }

    void write(EventCodec.Out out) {
        out.str(id).str(type.name()).bool(running);
        out.i(columnFields.size());
        columnFields.forEach(out::str);
        writeMap(out, columnNameMap);
        writeMap(out, config);
        out.str(subscriptionId).l(sinkStartTime).l(createTimeMillis).l(lastModifyMillis);
        out.i(contexts.size());
        contexts.forEach(
                (shard, c) ->
                        out.str(shard).l(c.sequence()).l(c.timestampMillis()).l(c.updateMillis()));
    }

    static Connector read(EventCodec.In in) {
        String id = in.str();
        Type type = Type.valueOf(in.str());
        boolean running = in.bool();
        int n = in.i();
        List<String> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fields.add(in.str());
        }
        Map<String, String> nameMap = readMap(in);
        Map<String, String> config = readMap(in);
        String subId = in.str();
        long sinkStart = in.l();
        long created = in.l();
        long modified = in.l();
        int c = in.i();
        Map<String, Context> contexts = new LinkedHashMap<>();
        for (int i = 0; i < c; i++) {
            contexts.put(in.str(), new Context(in.l(), in.l(), in.l()));
        }
        return new Connector(
                id, type, running, fields, nameMap, config, subId, sinkStart, created, modified,
                contexts);
    }

    private static void writeMap(EventCodec.Out out, Map<String, String> map) {
        out.i(map.size());
        map.forEach((k, v) -> out.str(k).str(v));
    }

    private static Map<String, String> readMap(EventCodec.In in) {
        int n = in.i();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(in.str(), in.str());
        }
        return out;
    }
}
