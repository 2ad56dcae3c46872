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
import io.github.flinkdatahub.emulator.engine.SyncConnectors.ShardStatus;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.Type;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Lookups and derived views of {@link SyncConnectorOps}: a connector by id or type, the per-shard
 * statuses, column-field checks against the topic schema and new ids. Callers hold the metadata
 * lock.
 */
final class ConnectorSupport {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ConnectorSupport() {}

    /** By id, or by lower-case type name as the SDKs' type overloads address it. */
    static Connector find(Topic t, String connector) {
        if (connector != null) {
            Connector byId = t.connectors.get(connector);
            if (byId != null) {
                return byId;
            }
            Type type = Type.of(connector);
            for (Connector c : t.connectors.values()) {
                if (c.type() == type) {
                    return c;
                }
            }
        }
        throw new EngineException(
                404,
                "NoSuchConnector",
                "The specified connector does not exist: " + connector + ".");
    }

    /** Status per shard id: CONTEXT_PLANNED while running, CONTEXT_STOPPED while stopped. */
    static Map<String, ShardStatus> statuses(Topic t, Connector c, String shardId) {
        Map<String, ShardStatus> out = new LinkedHashMap<>();
        for (String s : shards(t, shardId)) {
            Connector.Context ctx = c.context(s);
            out.put(
                    s,
                    new ShardStatus(
                            s,
                            c.running() ? "CONTEXT_PLANNED" : "CONTEXT_STOPPED",
                            ctx.sequence(),
                            ctx.timestampMillis(),
                            ctx.updateMillis() / 1000,
                            Math.max(0, ctx.timestampMillis()) / 1000,
                            SyncConnectors.NOT_DELIVERED));
        }
        return out;
    }

    /** The one named shard (NoSuchShard if unknown), or every shard of the topic. */
    static List<String> shards(Topic t, String shardId) {
        if (shardId != null && !shardId.isEmpty()) {
            return List.of(EngineCore.shard(t, shardId).idText);
        }
        List<String> all = new ArrayList<>();
        t.shards.values().forEach(s -> all.add(s.idText));
        return all;
    }

    /**
     * Column fields must be fields of a TUPLE topic (the names as the schema spells them); none
     * given on create means every field. BLOB topics take the list as given.
     */
    static List<String> columnFields(Topic t, List<String> given, boolean create) {
        if (t.recordType != RecordType.TUPLE) {
            return given == null ? List.of() : given;
        }
        if (given == null || given.isEmpty()) {
            if (!create) {
                throw Errors.invalidParameter("ColumnFields must not be empty.");
            }
            List<String> all = new ArrayList<>();
            t.fields.forEach(f -> all.add(f.name()));
            return all;
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String f : given) {
            String name = topicField(t, f);
            if (!seen.add(name)) {
                throw Errors.invalidParameter("ColumnFields names field '" + name + "' twice.");
            }
            out.add(name);
        }
        return out;
    }

    /** The schema's spelling of a topic field (matched ignoring case), else InvalidParameter. */
    static String topicField(Topic t, String name) {
        for (FieldSpec f : t.fields) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f.name();
            }
        }
        throw Errors.invalidParameter(
                "Field '"
                        + name
                        + "' does not exist in the schema of topic "
                        + t.project
                        + "."
                        + t.name
                        + ".");
    }

    /** A new connector id, unique in the topic and never a type name. */
    static String newId(Topic t) {
        String id;
        do {
            id = "connector-" + random(12);
        } while (t.connectors.containsKey(id));
        return id;
    }

    /** {@code n} random lower-case letters and digits. */
    static String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            sb.append(ID_ALPHABET.charAt(r.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
