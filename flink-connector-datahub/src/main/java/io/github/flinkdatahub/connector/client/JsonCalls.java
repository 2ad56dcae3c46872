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

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** JSON control-plane calls over the transport, plus the resource paths of protocol §4. */
final class JsonCalls {

    static final String JSON_TYPE = "application/json";

    private final HttpTransport transport;

    JsonCalls(HttpTransport transport) {
        this.transport = transport;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /**
     * A JSON control-plane call that is idempotent or fails safely when repeated (gets, updates,
     * deletes, cursors, offsets), so the transport retries it on any retryable failure.
     */
    JsonNode send(String method, String path, ObjectNode body) {
        return send(method, path, body, false);
    }

    /**
     * A non-idempotent call (create, split, merge, AppendField): sent as a write, so the transport
     * re-sends it only when the failure proves it was not applied (see {@link NonIdempotentCalls}).
     */
    JsonNode sendNonIdempotent(String method, String path, ObjectNode body) {
        return send(method, path, body, true);
    }

    private JsonNode send(String method, String path, ObjectNode body, boolean write) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        HttpResult result =
                transport.execute(
                        new HttpTransport.HttpCall(method, path, JSON_TYPE, bytes, null, write));
        return parseJson(result);
    }

    static JsonNode parseJson(HttpResult result) {
        if (result.body().length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(result.body());
            return node == null ? Json.MAPPER.createObjectNode() : node;
        } catch (IOException e) {
            throw new DataHubDecodeException(
                    "Response is not valid JSON: " + e.getMessage(),
                    result.status(),
                    result.requestId(),
                    e);
        }
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    static String nonNull(String value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    static String projectPath(String project) {
        return "/projects/" + segment(project, "project");
    }

    static String topicPath(String project, String topic) {
        return projectPath(project) + "/topics/" + segment(topic, "topic");
    }

    static String shardPath(String project, String topic, String shardId) {
        return topicPath(project, topic) + "/shards/" + segment(shardId, "shardId");
    }

    static String subscriptionPath(String project, String topic, String subId) {
        return topicPath(project, topic) + "/subscriptions/" + segment(subId, "subId");
    }

    static String segment(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
