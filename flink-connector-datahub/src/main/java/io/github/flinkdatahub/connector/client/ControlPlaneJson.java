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

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts control-plane JSON responses (protocol §4) into model values. */
final class ControlPlaneJson {

    /** 0xFFFFFFFF: the service's "no neighbour" shard id. */
    private static final String NO_SHARD = "4294967295";

    private ControlPlaneJson() {}

    static List<String> names(JsonNode root, String key) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : root.path(key)) {
            names.add(n.asText());
        }
        return names;
    }

    static ProjectInfo project(String name, JsonNode root) {
        return new ProjectInfo(
                name,
                Json.text(root, "Comment"),
                seconds(root, "CreateTime"),
                seconds(root, "LastModifyTime"),
                Json.text(root, "Creator"));
    }

    static TopicInfo topic(String project, String name, JsonNode root) {
        RecordType type =
                "BLOB".equalsIgnoreCase(Json.text(root, "RecordType"))
                        ? RecordType.BLOB
                        : RecordType.TUPLE;
        String schemaJson = Json.text(root, "RecordSchema");
        RecordSchema schema =
                type == RecordType.TUPLE && schemaJson != null && !schemaJson.isEmpty()
                        ? RecordSchema.fromJson(schemaJson)
                        : null;
        String expandMode = Json.text(root, "ExpandMode");
        return new TopicInfo(
                project,
                name,
                type,
                schema,
                root.path("ShardCount").asInt(),
                root.path("Lifecycle").asInt(),
                Json.text(root, "Comment"),
                seconds(root, "CreateTime"),
                seconds(root, "LastModifyTime"),
                expandMode == null ? "" : expandMode);
    }

    static List<ShardInfo> shards(JsonNode root) {
        List<ShardInfo> shards = new ArrayList<>();
        for (JsonNode s : root.path("Shards")) {
            List<String> parents = new ArrayList<>();
            for (JsonNode p : s.path("ParentShardIds")) {
                parents.add(p.asText());
            }
            shards.add(
                    new ShardInfo(
                            Json.text(s, "ShardId"),
                            ShardState.parse(Json.text(s, "State")),
                            Json.text(s, "BeginHashKey"),
                            Json.text(s, "EndHashKey"),
                            parents,
                            neighbour(Json.text(s, "LeftShardId")),
                            neighbour(Json.text(s, "RightShardId")),
                            Json.longValue(s, "ClosedTime", 0)));
        }
        return shards;
    }

    static ShardRange shardRange(JsonNode node) {
        return new ShardRange(
                Json.text(node, "ShardId"),
                Json.text(node, "BeginHashKey"),
                Json.text(node, "EndHashKey"));
    }

    static SubscriptionInfo subscription(JsonNode node) {
        return new SubscriptionInfo(
                Json.text(node, "SubId"),
                Json.text(node, "TopicName"),
                Json.text(node, "Comment"),
                node.path("State").asInt(1) == 1,
                node.path("Type").asInt(0),
                seconds(node, "CreateTime"),
                seconds(node, "LastModifyTime"));
    }

    static Map<String, SubscriptionOffset> offsets(JsonNode root) {
        Map<String, SubscriptionOffset> offsets = new LinkedHashMap<>();
        root.path("Offsets")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode o = e.getValue();
                            JsonNode session = o.get("SessionId");
                            offsets.put(
                                    e.getKey(),
                                    new SubscriptionOffset(
                                            Json.longValue(o, "Sequence", -1),
                                            Json.longValue(o, "Timestamp", -1),
                                            Json.longValue(o, "Version", 0),
                                            session == null || session.isNull()
                                                    ? null
                                                    : session.asLong(),
                                            o.path("BatchIndex").asInt(0)));
                        });
        return offsets;
    }

    private static String neighbour(String id) {
        return id == null || id.isEmpty() || NO_SHARD.equals(id) ? null : id;
    }

    private static Instant seconds(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : Instant.ofEpochSecond(value.asLong());
    }
}
