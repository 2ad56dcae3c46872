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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts control-plane JSON responses (protocol section 4) into model values. Every decoder reads
 * strictly through {@link JsonReader}: a required field that is missing, or any field of the wrong
 * type, is a {@link DataHubDecodeException} naming the call and the field.
 */
final class ControlPlaneJson {

    /** 0xFFFFFFFF: the service's "no neighbour" shard id. */
    private static final String NO_SHARD = "4294967295";

    private ControlPlaneJson() {}

    /** ListProject / ListTopic: the array of names under {@code key}. */
    static List<String> names(String call, JsonNode response, String key) {
        JsonReader r = new JsonReader(call);
        JsonNode root = r.root(response);
        List<String> names = new ArrayList<>();
        List<JsonNode> items = r.array(root, "", key);
        for (int i = 0; i < items.size(); i++) {
            JsonNode n = items.get(i);
            if (!n.isTextual()) {
                throw r.error(
                        JsonReader.element("", key, i),
                        "is " + JsonReader.describe(n) + ", expected a string");
            }
            names.add(n.asText());
        }
        return names;
    }

    static ProjectInfo project(String name, JsonNode response) {
        JsonReader r = new JsonReader("GetProject");
        JsonNode root = r.root(response);
        String comment = r.optText(root, "", "Comment");
        return new ProjectInfo(
                name,
                comment == null ? "" : comment,
                seconds(r, root, "", "CreateTime", false),
                seconds(r, root, "", "LastModifyTime", false),
                r.optText(root, "", "Creator"));
    }

    static TopicInfo topic(String project, String name, JsonNode response) {
        JsonReader r = new JsonReader("GetTopic");
        JsonNode root = r.root(response);
        String typeText = r.text(root, "", "RecordType");
        RecordType type;
        if ("BLOB".equalsIgnoreCase(typeText)) {
            type = RecordType.BLOB;
        } else if ("TUPLE".equalsIgnoreCase(typeText)) {
            type = RecordType.TUPLE;
        } else {
            throw r.error("RecordType", "is '" + typeText + "', expected TUPLE or BLOB");
        }
        RecordSchema schema = null;
        if (type == RecordType.TUPLE) {
            String schemaJson = r.text(root, "", "RecordSchema");
            try {
                schema = RecordSchema.fromJson(schemaJson);
            } catch (IllegalArgumentException e) {
                throw r.error("RecordSchema", "is not a valid schema: " + e.getMessage());
            }
        }
        String expandMode = r.optText(root, "", "ExpandMode");
        String comment = r.optText(root, "", "Comment");
        return new TopicInfo(
                project,
                name,
                type,
                schema,
                r.intValue(root, "", "ShardCount"),
                r.intValue(root, "", "Lifecycle"),
                comment == null ? "" : comment,
                seconds(r, root, "", "CreateTime", false),
                seconds(r, root, "", "LastModifyTime", false),
                expandMode == null ? "" : expandMode);
    }

    /**
     * ListShard: the shards and the refresh interval ({@code Interval}, milliseconds; the
     * documented 300000 when absent). Each shard needs its id, state and hash-key range.
     */
    static ShardListing shardListing(JsonNode response) {
        JsonReader r = new JsonReader("ListShard");
        JsonNode root = r.root(response);
        List<ShardInfo> shards = new ArrayList<>();
        List<JsonNode> items = r.array(root, "", "Shards");
        for (int i = 0; i < items.size(); i++) {
            JsonNode s = items.get(i);
            String path = JsonReader.element("", "Shards", i);
            if (!s.isObject()) {
                throw r.error(path, "is " + JsonReader.describe(s) + ", expected an object");
            }
            List<String> parents = new ArrayList<>();
            List<JsonNode> parentIds = r.optArray(s, path, "ParentShardIds");
            for (int j = 0; j < parentIds.size(); j++) {
                JsonNode p = parentIds.get(j);
                if (!p.isTextual() && !p.isIntegralNumber()) {
                    throw r.error(
                            JsonReader.element(path, "ParentShardIds", j),
                            "is " + JsonReader.describe(p) + ", expected a shard id");
                }
                parents.add(p.asText());
            }
            shards.add(
                    new ShardInfo(
                            r.text(s, path, "ShardId"),
                            ShardState.parse(r.text(s, path, "State")),
                            hashKey(r, s, path, "BeginHashKey"),
                            hashKey(r, s, path, "EndHashKey"),
                            parents,
                            neighbour(r.optText(s, path, "LeftShardId")),
                            neighbour(r.optText(s, path, "RightShardId")),
                            r.optLong(s, path, "ClosedTime", 0)));
        }
        long interval =
                r.optLong(root, "", "Interval", ShardListing.DEFAULT_REFRESH_INTERVAL.toMillis());
        if (interval <= 0) {
            throw r.error("Interval", "is " + interval + ", expected a positive number of ms");
        }
        return new ShardListing(shards, Duration.ofMillis(interval));
    }

    /** SplitShard: the two new shards under {@code NewShards}. */
    static List<ShardRange> newShards(JsonNode response) {
        JsonReader r = new JsonReader("SplitShard");
        JsonNode root = r.root(response);
        List<ShardRange> ranges = new ArrayList<>();
        List<JsonNode> items = r.array(root, "", "NewShards");
        for (int i = 0; i < items.size(); i++) {
            ranges.add(shardRange(r, items.get(i), JsonReader.element("", "NewShards", i)));
        }
        return ranges;
    }

    /** MergeShard: the new shard. */
    static ShardRange mergedShard(JsonNode response) {
        JsonReader r = new JsonReader("MergeShard");
        return shardRange(r, r.root(response), "");
    }

    /** GetMeterInfo. */
    static ShardMeterInfo meter(JsonNode response) {
        JsonReader r = new JsonReader("GetMeterInfo");
        JsonNode root = r.root(response);
        return new ShardMeterInfo(
                r.optLong(root, "", "ActiveTime", 0), r.optLong(root, "", "Storage", 0));
    }

    /** GetCursor: Cursor, RecordTime and Sequence are all required (as Python requires them). */
    static CursorResult cursor(JsonNode response) {
        JsonReader r = new JsonReader("GetCursor");
        JsonNode root = r.root(response);
        return new CursorResult(
                r.text(root, "", "Cursor"),
                r.longValue(root, "", "RecordTime"),
                r.longValue(root, "", "Sequence"));
    }

    /** CreateSubscription: the new id. */
    static String subscriptionId(JsonNode response) {
        JsonReader r = new JsonReader("CreateSubscription");
        return r.text(r.root(response), "", "SubId");
    }

    /** GetSubscription. */
    static SubscriptionInfo subscription(JsonNode response) {
        JsonReader r = new JsonReader("GetSubscription");
        return subscription(r, r.root(response), "");
    }

    /** ListSubscription: one page. */
    static SubscriptionPage subscriptionPage(JsonNode response) {
        JsonReader r = new JsonReader("ListSubscription");
        JsonNode root = r.root(response);
        List<SubscriptionInfo> subs = new ArrayList<>();
        List<JsonNode> items = r.array(root, "", "Subscriptions");
        for (int i = 0; i < items.size(); i++) {
            subs.add(subscription(r, items.get(i), JsonReader.element("", "Subscriptions", i)));
        }
        return new SubscriptionPage(r.optLong(root, "", "TotalCount", subs.size()), subs);
    }

    /** OpenSubscriptionSession / GetSubscriptionOffset: the offsets by shard id. */
    static Map<String, SubscriptionOffset> offsets(String call, JsonNode response) {
        JsonReader r = new JsonReader(call);
        JsonNode root = r.root(response);
        Map<String, SubscriptionOffset> offsets = new LinkedHashMap<>();
        JsonNode map = r.object(root, "", "Offsets");
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String path = "Offsets." + e.getKey();
            JsonNode o = e.getValue();
            if (!o.isObject()) {
                throw r.error(path, "is " + JsonReader.describe(o) + ", expected an object");
            }
            JsonNode session = o.get("SessionId");
            offsets.put(
                    e.getKey(),
                    new SubscriptionOffset(
                            r.longValue(o, path, "Sequence"),
                            r.longValue(o, path, "Timestamp"),
                            r.optLong(o, path, "Version", 0),
                            session == null || session.isNull()
                                    ? null
                                    : r.longValue(o, path, "SessionId"),
                            r.optInt(o, path, "BatchIndex", 0)));
        }
        return offsets;
    }

    private static SubscriptionInfo subscription(JsonReader r, JsonNode node, String path) {
        if (!node.isObject()) {
            throw r.error(path, "is " + JsonReader.describe(node) + ", expected an object");
        }
        return new SubscriptionInfo(
                r.text(node, path, "SubId"),
                r.optText(node, path, "TopicName"),
                r.optText(node, path, "Comment"),
                r.optInt(node, path, "State", 1) == 1,
                r.optInt(node, path, "Type", 0),
                seconds(r, node, path, "CreateTime", false),
                seconds(r, node, path, "LastModifyTime", false));
    }

    private static ShardRange shardRange(JsonReader r, JsonNode node, String path) {
        if (!node.isObject()) {
            throw r.error(path, "is " + JsonReader.describe(node) + ", expected an object");
        }
        return new ShardRange(
                r.text(node, path, "ShardId"),
                hashKey(r, node, path, "BeginHashKey"),
                hashKey(r, node, path, "EndHashKey"));
    }

    private static String hashKey(JsonReader r, JsonNode node, String path, String key) {
        String text = r.text(node, path, key);
        try {
            HashKeys.parse(text);
        } catch (IllegalArgumentException e) {
            throw r.error(
                    path.isEmpty() ? key : path + "." + key,
                    "is '" + text + "', not a 128-bit hex hash key");
        }
        return text;
    }

    private static String neighbour(String id) {
        return id == null || id.isEmpty() || NO_SHARD.equals(id) ? null : id;
    }

    private static Instant seconds(
            JsonReader r, JsonNode node, String path, String key, boolean required) {
        if (required) {
            return Instant.ofEpochSecond(r.longValue(node, path, key));
        }
        long value = r.optLong(node, path, key, Long.MIN_VALUE);
        return value == Long.MIN_VALUE ? null : Instant.ofEpochSecond(value);
    }
}
