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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ProjectInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ShardInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;
import io.github.flinkdatahub.emulator.engine.EngineException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Project, topic and shard administration in JSON (sections 4.1-4.3): decodes the request body,
 * calls the engine and renders the response with the service's key names and types.
 */
final class AdminOperations {

    /** 0xFFFFFFFF: the service's "no neighbour" shard id; the Java SDK turns it into null. */
    static final String NO_NEIGHBOUR = "4294967295";

    private final DataHubEngine engine;
    private final long shardListIntervalMs;

    AdminOperations(DataHubEngine engine, long shardListIntervalMs) {
        this.engine = engine;
        this.shardListIntervalMs = shardListIntervalMs;
    }

    // ---------------------------------------------------------------- projects

    HttpReply listProjects(Exchange ex) {
        ObjectNode out = Json.object();
        ArrayNode names = out.putArray("ProjectNames");
        engine.listProjects(ex.query().get("filter")).forEach(names::add);
        return HttpReply.ok(out);
    }

    HttpReply createProject(Exchange ex) {
        engine.createProject(ex.route().project(), Json.text(ex.json(), "Comment", false));
        return HttpReply.empty(201);
    }

    HttpReply getProject(Exchange ex) {
        ProjectInfo p = engine.getProject(ex.route().project());
        ObjectNode out = Json.object();
        out.put("ProjectName", p.name());
        out.put("Comment", p.comment() == null ? "" : p.comment());
        out.put("CreateTime", p.createTime());
        out.put("LastModifyTime", p.lastModifyTime());
        out.put("Creator", "");
        out.putArray("VpcWhitelist");
        return HttpReply.ok(out);
    }

    HttpReply updateProject(Exchange ex) {
        engine.updateProject(ex.route().project(), Json.text(ex.json(), "Comment", true));
        return HttpReply.empty(200);
    }

    /** VPC whitelists mean nothing locally: accepted for an existing project and ignored. */
    HttpReply updateProjectVpcWhitelist(Exchange ex) {
        Json.text(ex.json(), "VpcIds", true);
        engine.getProject(ex.route().project());
        return HttpReply.empty(200);
    }

    HttpReply deleteProject(Exchange ex) {
        engine.deleteProject(ex.route().project());
        return HttpReply.empty(200);
    }

    // ---------------------------------------------------------------- topics

    HttpReply listTopics(Exchange ex) {
        ObjectNode out = Json.object();
        ArrayNode names = out.putArray("TopicNames");
        engine.listTopics(ex.route().project(), ex.query().get("filter")).forEach(names::add);
        return HttpReply.ok(out);
    }

    HttpReply createTopic(Exchange ex) {
        JsonNode body = ex.json();
        RecordType type = recordType(Json.text(body, "RecordType", true));
        int shardCount = Json.intValue(body, "ShardCount", true);
        int lifecycle = Json.intValue(body, "Lifecycle", true);
        String schema = Json.text(body, "RecordSchema", false);
        List<FieldSpec> fields = List.of();
        if (type == RecordType.TUPLE) {
            if (schema == null || schema.isBlank()) {
                throw EngineException.invalidParameter(
                        "RecordSchema is required for a TUPLE topic");
            }
            fields = SchemaJson.parse(schema);
        } else if (schema != null && schema.isBlank()) {
            schema = null;
        }
        String expandMode = Json.text(body, "ExpandMode", false);
        TopicSpec spec =
                new TopicSpec(
                        type,
                        shardCount,
                        lifecycle,
                        type == RecordType.TUPLE ? schema : null,
                        fields,
                        Json.text(body, "Comment", false),
                        expandMode == null ? "" : expandMode);
        engine.createTopic(ex.route().project(), ex.route().topic(), spec);
        return HttpReply.empty(201);
    }

    HttpReply getTopic(Exchange ex) {
        TopicInfo t = engine.getTopic(ex.route().project(), ex.route().topic());
        ObjectNode out = Json.object();
        out.put("ProjectName", ex.route().project().toLowerCase(Locale.ROOT));
        out.put("TopicName", t.name());
        out.put("Comment", t.comment() == null ? "" : t.comment());
        out.put("CreateTime", t.createTime());
        out.put("LastModifyTime", t.lastModifyTime());
        out.put("Lifecycle", t.lifecycleDays());
        out.put("RecordType", t.recordType().name());
        out.put("ShardCount", t.shardCount());
        out.put("ExpandMode", t.expandMode() == null ? "" : t.expandMode());
        out.put("Status", "on");
        out.put("Creator", "");
        if (t.recordType() == RecordType.TUPLE && t.recordSchemaJson() != null) {
            out.put("RecordSchema", t.recordSchemaJson());
        }
        out.put("EnableSchemaRegistry", false);
        out.putObject("ExtraConfig");
        return HttpReply.ok(out);
    }

    /** A request without {@code Comment} keeps the current comment instead of clearing it. */
    HttpReply updateTopic(Exchange ex) {
        String comment = Json.text(ex.json(), "Comment", false);
        Integer lifecycle = Json.intValue(ex.json(), "Lifecycle", false);
        if (comment == null) {
            comment = engine.getTopic(ex.route().project(), ex.route().topic()).comment();
        }
        engine.updateTopic(ex.route().project(), ex.route().topic(), comment, lifecycle);
        return HttpReply.empty(200);
    }

    HttpReply deleteTopic(Exchange ex) {
        engine.deleteTopic(ex.route().project(), ex.route().topic());
        return HttpReply.empty(200);
    }

    HttpReply appendField(Exchange ex) {
        List<FieldSpec> fields = new ArrayList<>();
        JsonNode many = Json.arrayField(ex.json(), "Fields", false);
        if (many != null) {
            for (JsonNode f : many) {
                if (!f.isObject()) {
                    throw Json.wrongType("Fields", "an array of objects");
                }
                fields.add(
                        new FieldSpec(
                                Json.text(f, "Name", true),
                                Json.text(f, "Type", true).toUpperCase(Locale.ROOT),
                                false,
                                SchemaJson.comment(f, "Comment")));
            }
        } else {
            fields.add(
                    new FieldSpec(
                            Json.text(ex.json(), "FieldName", true),
                            Json.text(ex.json(), "FieldType", true).toUpperCase(Locale.ROOT),
                            false,
                            SchemaJson.comment(ex.json(), "Comment")));
        }
        engine.appendFields(ex.route().project(), ex.route().topic(), fields);
        return HttpReply.empty(200);
    }

    // ---------------------------------------------------------------- shards

    HttpReply listShards(Exchange ex) {
        List<ShardInfo> shards = engine.listShards(ex.route().project(), ex.route().topic());
        ObjectNode out = Json.object();
        out.put("Protocol", "http1.1");
        out.put("Interval", shardListIntervalMs);
        ArrayNode list = out.putArray("Shards");
        for (ShardInfo s : shards) {
            ObjectNode n = list.addObject();
            n.put("ShardId", s.shardId());
            n.put("State", s.state().name());
            n.put("ClosedTime", s.closedTime());
            n.put("BeginHashKey", s.beginHashKey());
            n.put("EndHashKey", s.endHashKey());
            ArrayNode parents = n.putArray("ParentShardIds");
            if (s.parentShardIds() != null) {
                s.parentShardIds().forEach(parents::add);
            }
            n.put("LeftShardId", s.leftShardId() == null ? NO_NEIGHBOUR : s.leftShardId());
            n.put("RightShardId", s.rightShardId() == null ? NO_NEIGHBOUR : s.rightShardId());
            n.put("CreateTime", s.createTime());
        }
        return HttpReply.ok(out);
    }

    HttpReply splitShard(Exchange ex) {
        String shardId = Json.text(ex.json(), "ShardId", true);
        String splitKey = normaliseHashKey(Json.text(ex.json(), "SplitKey", true));
        List<ShardInfo> created =
                engine.splitShard(ex.route().project(), ex.route().topic(), shardId, splitKey);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("NewShards");
        for (ShardInfo s : created) {
            ObjectNode n = list.addObject();
            n.put("ShardId", s.shardId());
            n.put("BeginHashKey", s.beginHashKey());
            n.put("EndHashKey", s.endHashKey());
        }
        return HttpReply.ok(out);
    }

    HttpReply mergeShard(Exchange ex) {
        ShardInfo s =
                engine.mergeShard(
                        ex.route().project(),
                        ex.route().topic(),
                        Json.text(ex.json(), "ShardId", true),
                        Json.text(ex.json(), "AdjacentShardId", true));
        ObjectNode out = Json.object();
        out.put("ShardId", s.shardId());
        out.put("BeginHashKey", s.beginHashKey());
        out.put("EndHashKey", s.endHashKey());
        return HttpReply.ok(out);
    }

    /** {@code {"Action":"extend","ShardNumber":6,"ExtendMode":"TO"}}; the body is ignored. */
    HttpReply extendShard(Exchange ex) {
        engine.extendShard(
                ex.route().project(),
                ex.route().topic(),
                Json.intValue(ex.json(), "ShardNumber", true),
                Json.text(ex.json(), "ExtendMode", false));
        return HttpReply.empty(200);
    }

    /**
     * Python sends split keys lower-case and without zero padding: upper-case and left-pad hex keys
     * to 32 digits; anything else goes to the engine unchanged so it can reject it.
     */
    static String normaliseHashKey(String key) {
        String k = key.trim().toUpperCase(Locale.ROOT);
        if (k.isEmpty()
                || k.length() > 32
                || !k.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return key;
        }
        return "0".repeat(32 - k.length()) + k;
    }

    private static RecordType recordType(String value) {
        try {
            return RecordType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw EngineException.invalidParameter(
                    "RecordType must be TUPLE or BLOB, got '" + value + "'");
        }
    }
}
