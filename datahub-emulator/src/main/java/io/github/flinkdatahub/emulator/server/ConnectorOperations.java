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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.EngineException;
import io.github.flinkdatahub.emulator.engine.SyncConnectors;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.ConnectorInfo;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.ConnectorSpec;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.DoneTime;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.ShardStatus;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP handlers of the sync-connector calls (section 4.11). Responses carry the keys the Java
 * 2.21.6 deserializers and the Python SDK read: GetConnector's {@code Config} values are all JSON
 * strings (numbers, booleans and lists rendered as the service returns them; {@code
 * PartitionConfig} as a JSON list of {@code {"key","value"}}), {@code Type} is lower case.
 */
final class ConnectorOperations {

    /** Non-empty, as clients expect of the real service; names the emulator. */
    static final String CLUSTER_ADDRESS = "datahub-emulator";

    private final DataHubEngine engine;

    ConnectorOperations(DataHubEngine engine) {
        this.engine = engine;
    }

    HttpReply execute(Exchange ex) {
        SyncConnectors connectors = engine.connectors();
        Route r = ex.route();
        String p = r.project();
        String t = r.topic();
        String c = r.connectorId();
        JsonNode body = ex.json();
        switch (r.operation()) {
            case ListConnector:
                ObjectNode list = Json.object();
                ArrayNode ids = list.putArray("Connectors");
                connectors.list(p, t).forEach(ids::add);
                return HttpReply.ok(list);
            case CreateConnector:
                ObjectNode created = Json.object();
                created.put("ConnectorId", connectors.create(p, t, spec(c, body)));
                return HttpReply.ok(created);
            case GetConnector:
                if (ex.query().containsKey("donetime")) {
                    return HttpReply.ok(doneTime(connectors.doneTime(p, t, c)));
                }
                return HttpReply.ok(info(connectors.get(p, t, c)));
            case UpdateConnector:
                connectors.update(
                        p,
                        t,
                        c,
                        config(Json.objectField(body, "Config", false)),
                        body.hasNonNull("ColumnFields")
                                ? Json.textList(body, "ColumnFields")
                                : null,
                        stringMap(Json.objectField(body, "ColumnNameMap", false)));
                return HttpReply.ok(Json.object());
            case DeleteConnector:
                connectors.delete(p, t, c);
                return HttpReply.ok(Json.object());
            case ReloadConnector:
                connectors.reload(p, t, c, Json.text(body, "ShardId", false));
                return HttpReply.ok(Json.object());
            case UpdateConnectorState:
                connectors.updateState(p, t, c, running(Json.text(body, "State", true)));
                return HttpReply.ok(Json.object());
            case UpdateConnectorOffset:
                Long seq = Json.longValue(body, "CurrentSequence", false);
                Long time = Json.longValue(body, "CurrentTime", false);
                connectors.updateOffset(
                        p,
                        t,
                        c,
                        Json.text(body, "ShardId", false),
                        seq == null ? -1 : seq,
                        time == null ? -1 : time);
                return HttpReply.ok(Json.object());
            case GetConnectorShardStatus:
                String shard = Json.text(body, "ShardId", false);
                Map<String, ShardStatus> all = connectors.shardStatus(p, t, c, shard);
                if (shard != null && !shard.isEmpty()) {
                    // By shard: one entry with its ShardId (Python reads it, Java ignores it).
                    return HttpReply.ok(entry(all.values().iterator().next(), true));
                }
                ObjectNode out = Json.object();
                ObjectNode infos = out.putObject("ShardStatusInfos");
                all.forEach((id, s) -> infos.set(id, entry(s, false)));
                return HttpReply.ok(out);
            case AppendConnectorField:
                connectors.appendField(p, t, c, Json.text(body, "FieldName", true));
                return HttpReply.ok(Json.object());
            default:
                throw new IllegalStateException("Not a connector operation: " + r.operation());
        }
    }

    private static ConnectorSpec spec(String pathType, JsonNode body) {
        Type type = Type.of(pathType);
        if (type == null) {
            throw EngineException.invalidParameter(
                    "Unknown connector type '"
                            + pathType
                            + "' in the path; allowed: "
                            + allowedTypes()
                            + ".");
        }
        String bodyType = Json.text(body, "Type", false);
        if (bodyType != null && Type.of(bodyType) != type) {
            throw EngineException.invalidParameter(
                    "Type '"
                            + bodyType
                            + "' does not match the connector type of the path '"
                            + pathType
                            + "'.");
        }
        Long start = Json.longValue(body, "SinkStartTime", false);
        return new ConnectorSpec(
                type,
                start == null ? -1 : start,
                Json.textList(body, "ColumnFields"),
                stringMap(Json.objectField(body, "ColumnNameMap", false)),
                config(Json.objectField(body, "Config", true)));
    }

    /**
     * Config values as text: strings as sent; numbers and booleans as their text; {@code
     * PartitionConfig} objects as the service returns them (a JSON list of key/value objects);
     * other objects and arrays ({@code IDFields}) as compact JSON.
     */
    static Map<String, String> config(JsonNode config) {
        if (config == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isValueNode()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isObject() && e.getKey().equals("PartitionConfig")) {
                ArrayNode pairs = Json.MAPPER.createArrayNode();
                v.fields()
                        .forEachRemaining(
                                kv ->
                                        pairs.addObject()
                                                .put("key", kv.getKey())
                                                .put("value", kv.getValue().asText()));
                out.put(e.getKey(), pairs.toString());
            } else {
                out.put(e.getKey(), v.toString());
            }
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode obj) {
        if (obj == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        obj.fields()
                .forEachRemaining(
                        e -> {
                            if (!e.getValue().isTextual()) {
                                throw Json.wrongType("ColumnNameMap." + e.getKey(), "a string");
                            }
                            out.put(e.getKey(), e.getValue().textValue());
                        });
        return out;
    }

    private static boolean running(String state) {
        String s = state.trim().toUpperCase(Locale.ROOT);
        if (s.equals("CONNECTOR_RUNNING") || s.equals("RUNNING")) {
            return true;
        }
        if (s.equals("CONNECTOR_STOPPED") || s.equals("STOPPED")) {
            return false;
        }
        throw EngineException.invalidParameter(
                "State must be CONNECTOR_RUNNING or CONNECTOR_STOPPED, was '" + state + "'.");
    }

    private static ObjectNode info(ConnectorInfo c) {
        ObjectNode out = Json.object();
        out.put("ConnectorId", c.connectorId());
        out.put("ClusterAddress", CLUSTER_ADDRESS);
        out.put("Type", c.type().wireName());
        out.put("State", c.running() ? "CONNECTOR_RUNNING" : "CONNECTOR_STOPPED");
        out.put("Creator", CLUSTER_ADDRESS);
        out.put("Owner", CLUSTER_ADDRESS);
        out.put("CreateTime", c.createTime());
        out.put("LastModifyTime", c.lastModifyTime());
        ArrayNode fields = out.putArray("ColumnFields");
        c.columnFields().forEach(fields::add);
        ObjectNode names = out.putObject("ColumnNameMap");
        c.columnNameMap().forEach(names::put);
        ObjectNode config = out.putObject("Config");
        c.config().forEach(config::put);
        out.putObject("ExtraInfo").put("SubscriptionId", c.subscriptionId());
        ArrayNode contexts = out.putArray("ShardContexts");
        for (ShardStatus s : c.shards()) {
            contexts.addObject()
                    .put("ShardId", s.shardId())
                    .put("StartSequence", -1)
                    .put("EndSequence", -1)
                    .put("CurrentSequence", s.currentSequence());
        }
        return out;
    }

    private static ObjectNode entry(ShardStatus s, boolean withShardId) {
        ObjectNode e = Json.object();
        if (withShardId) {
            e.put("ShardId", s.shardId());
        }
        e.put("StartSequence", -1);
        e.put("EndSequence", -1);
        e.put("CurrentSequence", s.currentSequence());
        e.put("CurrentTimestamp", s.currentTimestamp());
        e.put("UpdateTime", s.updateTime());
        e.put("State", s.state());
        e.put("LastErrorMessage", s.lastErrorMessage());
        e.put("DiscardCount", 0);
        e.put("DoneTime", s.doneTime());
        e.put("WorkerAddress", "");
        return e;
    }

    private static ObjectNode doneTime(DoneTime d) {
        ObjectNode out = Json.object();
        out.put("DoneTime", d.doneTime());
        out.put("TimeZone", d.timeZone());
        out.put("TimeWindow", d.timeWindow());
        return out;
    }

    private static String allowedTypes() {
        List<String> names = new ArrayList<>();
        Arrays.stream(Type.values()).forEach(t -> names.add(t.wireName()));
        return String.join(", ", names);
    }
}
