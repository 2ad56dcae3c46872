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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.OffsetInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SubscriptionInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SubscriptionPage;
import io.github.flinkdatahub.emulator.engine.EngineException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subscriptions and the offset service in JSON (sections 4.7-4.8). {@code Type}/{@code State} are
 * integers and {@code SessionId} a JSON number, as the SDKs expect.
 */
final class SubscriptionOperations {

    private final DataHubEngine engine;

    SubscriptionOperations(DataHubEngine engine) {
        this.engine = engine;
    }

    HttpReply create(Exchange ex) {
        String subId =
                engine.createSubscription(
                        ex.route().project(),
                        ex.route().topic(),
                        Json.text(ex.json(), "Comment", false));
        ObjectNode out = Json.object();
        out.put("SubId", subId);
        return HttpReply.json(201, out);
    }

    HttpReply list(Exchange ex) {
        Integer pageIndex = Json.intValue(ex.json(), "PageIndex", false);
        Integer pageSize = Json.intValue(ex.json(), "PageSize", false);
        SubscriptionPage page =
                engine.listSubscriptions(
                        ex.route().project(),
                        ex.route().topic(),
                        pageIndex == null ? 1 : pageIndex,
                        pageSize == null ? 10 : pageSize,
                        Json.text(ex.json(), "Search", false));
        ObjectNode out = Json.object();
        out.put("TotalCount", page.totalCount());
        ArrayNode list = out.putArray("Subscriptions");
        page.subscriptions().forEach(s -> entry(list.addObject(), s));
        return HttpReply.ok(out);
    }

    HttpReply get(Exchange ex) {
        SubscriptionInfo s =
                engine.getSubscription(
                        ex.route().project(), ex.route().topic(), ex.route().subId());
        return HttpReply.ok(entry(Json.object(), s));
    }

    HttpReply updateComment(Exchange ex) {
        engine.updateSubscriptionComment(
                ex.route().project(),
                ex.route().topic(),
                ex.route().subId(),
                Json.text(ex.json(), "Comment", true));
        return HttpReply.empty(200);
    }

    HttpReply updateState(Exchange ex) {
        int state = Json.intValue(ex.json(), "State", true);
        if (state != 0 && state != 1) {
            throw EngineException.invalidParameter(
                    "State must be 0 (OFFLINE) or 1 (ONLINE), got " + state);
        }
        engine.updateSubscriptionState(
                ex.route().project(), ex.route().topic(), ex.route().subId(), state == 1);
        return HttpReply.empty(200);
    }

    HttpReply delete(Exchange ex) {
        engine.deleteSubscription(ex.route().project(), ex.route().topic(), ex.route().subId());
        return HttpReply.empty(200);
    }

    HttpReply openSession(Exchange ex) {
        Map<String, OffsetInfo> offsets =
                engine.openOffsetSession(
                        ex.route().project(),
                        ex.route().topic(),
                        ex.route().subId(),
                        Json.textList(ex.json(), "ShardIds"));
        return HttpReply.ok(offsets(offsets));
    }

    HttpReply getOffsets(Exchange ex) {
        Map<String, OffsetInfo> offsets =
                engine.getOffsets(
                        ex.route().project(),
                        ex.route().topic(),
                        ex.route().subId(),
                        Json.textList(ex.json(), "ShardIds"));
        return HttpReply.ok(offsets(offsets));
    }

    HttpReply commit(Exchange ex) {
        engine.commitOffsets(
                ex.route().project(),
                ex.route().topic(),
                ex.route().subId(),
                parseOffsets(ex.json(), true));
        return HttpReply.empty(200);
    }

    HttpReply reset(Exchange ex) {
        engine.resetOffsets(
                ex.route().project(),
                ex.route().topic(),
                ex.route().subId(),
                parseOffsets(ex.json(), false));
        return HttpReply.empty(200);
    }

    private static ObjectNode entry(ObjectNode n, SubscriptionInfo s) {
        n.put("SubId", s.subId());
        n.put("TopicName", s.topicName());
        n.put("Comment", s.comment() == null ? "" : s.comment());
        n.put("Creator", "");
        n.put("Type", s.type());
        n.put("State", s.state());
        n.put("CreateTime", s.createTime());
        n.put("LastModifyTime", s.lastModifyTime());
        n.put("IsOwner", true);
        return n;
    }

    private static ObjectNode offsets(Map<String, OffsetInfo> offsets) {
        ObjectNode out = Json.object();
        ObjectNode map = out.putObject("Offsets");
        offsets.forEach(
                (shard, o) -> {
                    ObjectNode n = map.putObject(shard);
                    n.put("Sequence", o.sequence());
                    n.put("Timestamp", o.timestamp());
                    n.put("Version", o.version());
                    if (o.sessionId() != null) {
                        n.put("SessionId", o.sessionId().longValue());
                    }
                    n.put("BatchIndex", o.batchIndex());
                });
        return out;
    }

    /** Commit needs Version and SessionId; reset takes Sequence/Timestamp(/BatchIndex) only. */
    private static Map<String, OffsetInfo> parseOffsets(JsonNode body, boolean commit) {
        JsonNode map = Json.objectField(body, "Offsets", true);
        Map<String, OffsetInfo> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            if (!o.isObject()) {
                throw Json.wrongType("Offsets." + e.getKey(), "an object");
            }
            long sequence = Json.longValue(o, "Sequence", true);
            long timestamp = Json.longValue(o, "Timestamp", true);
            Long version = Json.longValue(o, "Version", false);
            Long session = Json.longOrNumericText(o, "SessionId");
            Integer batchIndex = Json.intValue(o, "BatchIndex", false);
            out.put(
                    e.getKey(),
                    new OffsetInfo(
                            sequence,
                            timestamp,
                            version == null ? (commit ? 0 : -1) : version,
                            commit ? session : null,
                            batchIndex == null ? 0 : batchIndex));
        }
        return out;
    }
}
