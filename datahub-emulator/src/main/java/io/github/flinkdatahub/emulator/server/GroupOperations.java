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

import io.github.flinkdatahub.emulator.engine.ConsumerGroups;
import io.github.flinkdatahub.emulator.engine.ConsumerGroups.Assignment;
import io.github.flinkdatahub.emulator.engine.ConsumerGroups.Joined;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Consumer groups in JSON (section 4.9): {@code joinGroup}, {@code heartbeat}, {@code syncGroup}
 * and {@code leaveGroup} on {@code POST .../subscriptions/{sub}}, the group id being the
 * subscription id. Bodies as the Java SDK 2.21.6 sends and parses them; {@code VersionId} is read
 * by the SDKs but not checked here (its server-side meaning is UNCONFIRMED).
 */
final class GroupOperations {

    private final ConsumerGroups groups;

    GroupOperations(ConsumerGroups groups) {
        this.groups = groups;
    }

    /** {@code {"SessionTimeout":60000}} answers {@code ConsumerId}, {@code VersionId}, timeout. */
    HttpReply join(Exchange ex) {
        Route r = ex.route();
        long timeout = Json.longValue(ex.json(), "SessionTimeout", true);
        Joined j = groups.join(r.project(), r.topic(), r.subId(), timeout);
        ObjectNode out = Json.object();
        out.put("ConsumerId", j.consumerId());
        out.put("VersionId", j.versionId());
        out.put("SessionTimeout", j.sessionTimeoutMs());
        return HttpReply.ok(out);
    }

    /** Answers {@code PlanVersion}, the full {@code ShardList} and {@code TotalPlan}. */
    HttpReply heartbeat(Exchange ex) {
        Route r = ex.route();
        Assignment a =
                groups.heartbeat(
                        r.project(),
                        r.topic(),
                        r.subId(),
                        Json.text(ex.json(), "ConsumerId", true),
                        Json.textList(ex.json(), "HoldShardList"),
                        Json.textList(ex.json(), "ReadEndShardList"));
        ObjectNode out = Json.object();
        out.put("PlanVersion", a.planVersion());
        ArrayNode list = out.putArray("ShardList");
        a.shardList().forEach(list::add);
        out.put("TotalPlan", a.totalPlan());
        return HttpReply.ok(out);
    }

    /** Releases {@code ReleaseShardList} and records {@code ReadEndShardList}; answers {}. */
    HttpReply sync(Exchange ex) {
        Route r = ex.route();
        groups.sync(
                r.project(),
                r.topic(),
                r.subId(),
                Json.text(ex.json(), "ConsumerId", true),
                Json.textList(ex.json(), "ReleaseShardList"),
                Json.textList(ex.json(), "ReadEndShardList"));
        return HttpReply.ok(Json.object());
    }

    /** Removes the consumer; answers {}. */
    HttpReply leave(Exchange ex) {
        Route r = ex.route();
        groups.leave(r.project(), r.topic(), r.subId(), Json.text(ex.json(), "ConsumerId", true));
        return HttpReply.ok(Json.object());
    }
}
