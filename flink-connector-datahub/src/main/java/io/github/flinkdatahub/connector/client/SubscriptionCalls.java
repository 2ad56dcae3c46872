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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Map;

import static io.github.flinkdatahub.connector.client.JsonCalls.nonNull;
import static io.github.flinkdatahub.connector.client.JsonCalls.object;
import static io.github.flinkdatahub.connector.client.JsonCalls.subscriptionPath;
import static io.github.flinkdatahub.connector.client.JsonCalls.topicPath;

/** Subscription and offset-service calls (protocol §4.7, §4.8), all JSON. */
final class SubscriptionCalls {

    private final JsonCalls json;

    SubscriptionCalls(JsonCalls json) {
        this.json = json;
    }

    String createSubscription(String project, String topic, String comment) {
        ObjectNode body =
                object().put("Action", "create").put("Comment", nonNull(comment, "comment"));
        // Not retried after an ambiguous failure: the id is the service's, so a re-send could
        // create a second subscription (see NonIdempotentCalls).
        return ControlPlaneJson.subscriptionId(
                json.sendNonIdempotent("POST", topicPath(project, topic) + "/subscriptions", body));
    }

    SubscriptionInfo getSubscription(String project, String topic, String subId) {
        return ControlPlaneJson.subscription(json.get(subscriptionPath(project, topic, subId)));
    }

    SubscriptionPage listSubscriptions(String project, String topic, int pageIndex, int pageSize) {
        if (pageIndex < 1 || pageSize < 1) {
            throw new IllegalArgumentException(
                    "pageIndex and pageSize must be >= 1 but were " + pageIndex + ", " + pageSize);
        }
        ObjectNode body =
                object().put("Action", "list")
                        .put("PageIndex", pageIndex)
                        .put("PageSize", pageSize);
        return ControlPlaneJson.subscriptionPage(
                json.send("POST", topicPath(project, topic) + "/subscriptions", body));
    }

    void updateSubscriptionComment(String project, String topic, String subId, String comment) {
        json.send(
                "PUT",
                subscriptionPath(project, topic, subId),
                object().put("Comment", nonNull(comment, "comment")));
    }

    void updateSubscriptionState(String project, String topic, String subId, boolean online) {
        json.send(
                "PUT",
                subscriptionPath(project, topic, subId),
                object().put("State", online ? 1 : 0));
    }

    void deleteSubscription(String project, String topic, String subId) {
        json.send("DELETE", subscriptionPath(project, topic, subId), null);
    }

    Map<String, SubscriptionOffset> openOffsetSession(
            String project, String topic, String subId, Collection<String> shardIds) {
        return offsetQuery(project, topic, subId, "open", shardIds);
    }

    Map<String, SubscriptionOffset> getOffsets(
            String project, String topic, String subId, Collection<String> shardIds) {
        return offsetQuery(project, topic, subId, "get", shardIds);
    }

    private Map<String, SubscriptionOffset> offsetQuery(
            String project, String topic, String subId, String action, Collection<String> ids) {
        ObjectNode body = object().put("Action", action);
        ArrayNode shards = body.putArray("ShardIds");
        ids.forEach(shards::add);
        return ControlPlaneJson.offsets(
                action.equals("open") ? "OpenSubscriptionSession" : "GetSubscriptionOffset",
                json.send("POST", subscriptionPath(project, topic, subId) + "/offsets", body));
    }

    void commitOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets) {
        ObjectNode body = object().put("Action", "commit");
        ObjectNode map = body.putObject("Offsets");
        offsets.forEach(
                (shard, o) -> {
                    if (o.sessionId() == null) {
                        throw new IllegalArgumentException(
                                "Offset of shard "
                                        + shard
                                        + " has no sessionId; open a session first");
                    }
                    map.putObject(shard)
                            .put("Timestamp", o.timestamp())
                            .put("Sequence", o.sequence())
                            .put("BatchIndex", o.batchIndex())
                            .put("Version", o.version())
                            .put("SessionId", o.sessionId());
                });
        json.send("PUT", subscriptionPath(project, topic, subId) + "/offsets", body);
    }

    void resetOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> offsets) {
        ObjectNode body = object().put("Action", "reset");
        ObjectNode map = body.putObject("Offsets");
        offsets.forEach(
                (shard, o) ->
                        map.putObject(shard)
                                .put("Timestamp", o.timestamp())
                                .put("Sequence", o.sequence())
                                .put("BatchIndex", o.batchIndex()));
        json.send("PUT", subscriptionPath(project, topic, subId) + "/offsets", body);
    }
}
