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
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static io.github.flinkdatahub.connector.client.JsonCalls.object;
import static io.github.flinkdatahub.connector.client.JsonCalls.topicPath;

/**
 * The schema registry calls (ListSchema, GetSchema, RegisterSchema, DeleteSchema; protocol §4.10,
 * all {@code POST /projects/{p}/topics/{t}}) and a per-topic cache of the versions that batch
 * records name. Thread-safe.
 */
final class SchemaRegistryCalls {

    private static final int PAGE_SIZE = 100;

    private final JsonCalls json;

    /** "project/topic" (lower case) to version to schema. */
    private final Map<String, Map<Integer, RecordSchema>> cache = new ConcurrentHashMap<>();

    SchemaRegistryCalls(JsonCalls json) {
        this.json = json;
    }

    List<TopicSchema> listSchemas(String project, String topic) {
        List<TopicSchema> out = new ArrayList<>();
        int page = 1;
        int pageCount;
        do {
            ObjectNode body =
                    object().put("Action", "ListSchema")
                            .put("PageNumber", page)
                            .put("PageSize", PAGE_SIZE);
            JsonNode response = json.send("POST", topicPath(project, topic), body);
            JsonReader r = new JsonReader("ListSchema");
            JsonNode root = r.root(response);
            List<JsonNode> entries = r.optArray(root, "", "RecordSchemaList");
            for (int i = 0; i < entries.size(); i++) {
                out.add(entry(r, entries.get(i), JsonReader.element("", "RecordSchemaList", i)));
            }
            pageCount = r.optInt(root, "", "PageCount", 1);
            page++;
        } while (page <= pageCount);
        return out;
    }

    TopicSchema getSchema(String project, String topic, int versionId) {
        if (versionId < 0) {
            throw new IllegalArgumentException("versionId must be >= 0 but was " + versionId);
        }
        ObjectNode body = object().put("Action", "GetSchema").put("VersionId", versionId);
        JsonReader r = new JsonReader("GetSchema");
        return entry(r, r.root(json.send("POST", topicPath(project, topic), body)), "");
    }

    int registerSchema(String project, String topic, RecordSchema schema) {
        Objects.requireNonNull(schema, "schema");
        ObjectNode body =
                object().put("Action", "RegisterSchema").put("RecordSchema", schema.toJson());
        // Not re-sent after an ambiguous failure: a second register could add a second version.
        JsonNode response = json.sendNonIdempotent("POST", topicPath(project, topic), body);
        JsonReader r = new JsonReader("RegisterSchema");
        int version = r.intValue(r.root(response), "", "VersionId");
        versions(project, topic).put(version, schema);
        return version;
    }

    void deleteSchema(String project, String topic, int versionId) {
        ObjectNode body = object().put("Action", "DeleteSchema").put("VersionId", versionId);
        json.send("POST", topicPath(project, topic), body);
        versions(project, topic).remove(versionId);
    }

    /** The cached schema of a version, or null when it was not fetched yet. */
    RecordSchema cached(String project, String topic, int versionId) {
        return versions(project, topic).get(versionId);
    }

    /** Caches a version. */
    void remember(String project, String topic, int versionId, RecordSchema schema) {
        versions(project, topic).put(versionId, schema);
    }

    /** The lowest cached version with this schema, or null. */
    Integer versionOf(String project, String topic, RecordSchema schema) {
        Integer best = null;
        for (Map.Entry<Integer, RecordSchema> e : versions(project, topic).entrySet()) {
            if (e.getValue().equals(schema) && (best == null || e.getKey() < best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Fetches a version into the cache (blocking) and returns it. */
    RecordSchema load(String project, String topic, int versionId) {
        RecordSchema schema = getSchema(project, topic, versionId).schema();
        versions(project, topic).put(versionId, schema);
        return schema;
    }

    private Map<Integer, RecordSchema> versions(String project, String topic) {
        return cache.computeIfAbsent(
                (project + "/" + topic).toLowerCase(java.util.Locale.ROOT),
                k -> new ConcurrentHashMap<>());
    }

    private static TopicSchema entry(JsonReader r, JsonNode node, String path) {
        String schemaJson = r.text(node, path, "RecordSchema");
        RecordSchema schema;
        try {
            schema = RecordSchema.fromJson(schemaJson);
        } catch (IllegalArgumentException e) {
            throw r.error(
                    path.isEmpty() ? "RecordSchema" : path + ".RecordSchema",
                    "is not a valid schema: " + e.getMessage());
        }
        long created = r.optLong(node, path, "CreateTime", -1);
        return new TopicSchema(
                r.intValue(node, path, "VersionId"),
                schema,
                created < 0 ? null : Instant.ofEpochSecond(created),
                r.optText(node, path, "Creator"));
    }
}
