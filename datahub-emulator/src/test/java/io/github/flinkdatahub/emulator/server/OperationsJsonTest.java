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

import io.github.flinkdatahub.emulator.ManualClock;
import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.EngineException;
import io.github.flinkdatahub.emulator.engine.EngineOptions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON shape of every response (sections 4.1-4.8): key names, JSON types, seconds vs ms,
 * integer Type/State, numeric SessionId, "4294967295" for a missing shard neighbour.
 */
class OperationsJsonTest {

    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    private ManualClock clock;
    private DataHubEngine engine;
    private Operations ops;

    @BeforeEach
    void open() {
        clock = new ManualClock(START);
        engine = DataHubEngine.open(EngineOptions.builder().clock(clock).build());
        ShardLimiter none = new ShardLimiter(clock, 0, 0);
        ops = new Operations(engine, 60_000, none, none);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private HttpReply call(Operation op, String p, String t, String s, String sub, String body) {
        return call(op, p, t, s, sub, body, Map.of());
    }

    private HttpReply call(
            Operation op,
            String p,
            String t,
            String s,
            String sub,
            String body,
            Map<String, String> query) {
        return ops.execute(
                new Exchange(
                        new Route(op, p, t, s, sub, null),
                        query,
                        Json.parseObject(body.getBytes(StandardCharsets.UTF_8)),
                        null));
    }

    private static JsonNode tree(HttpReply reply) throws IOException {
        assertThat(reply.contentType()).isEqualTo("application/json");
        return Json.MAPPER.readTree(reply.body());
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private void createTopic() {
        call(Operation.CreateProject, "Proj", null, null, null, "{\"Comment\":\"pc\"}");
        HttpReply created =
                call(
                        Operation.CreateTopic,
                        "proj",
                        "Topic",
                        null,
                        null,
                        "{\"Action\":\"create\",\"ShardCount\":2,\"Lifecycle\":3,\"RecordType\":\"TUPLE\","
                            + "\"RecordSchema\":\"{\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"STRING\\\"},"
                            + "{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"bigint\\\",\\\"notnull\\\":true}]}\","
                            + "\"Comment\":\"tc\",\"ExpandMode\":\"\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
    }

    @Test
    void projects() throws IOException {
        createTopic();
        JsonNode list =
                tree(
                        call(
                                Operation.ListProject,
                                null,
                                null,
                                null,
                                null,
                                "",
                                Map.of("filter", "pro")));
        assertThat(list.toString()).isEqualTo("{\"ProjectNames\":[\"proj\"]}");
        JsonNode p = tree(call(Operation.GetProject, "PROJ", null, null, null, ""));
        assertThat(p.get("Comment").textValue()).isEqualTo("pc");
        assertThat(p.get("CreateTime").isIntegralNumber()).isTrue();
        assertThat(p.get("CreateTime").longValue()).isEqualTo(START.getEpochSecond());
        assertThat(p.get("LastModifyTime").longValue()).isEqualTo(START.getEpochSecond());
        HttpReply update =
                call(Operation.UpdateProject, "proj", null, null, null, "{\"Comment\":\"new\"}");
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.body()).isEmpty();
    }

    @Test
    void topics() throws IOException {
        createTopic();
        JsonNode t = tree(call(Operation.GetTopic, "proj", "topic", null, null, ""));
        assertThat(t.get("RecordSchema").isTextual()).isTrue();
        assertThat(t.get("RecordSchema").textValue()).contains("\"notnull\":true");
        assertThat(t.get("ShardCount").intValue()).isEqualTo(2);
        assertThat(t.get("Lifecycle").intValue()).isEqualTo(3);
        assertThat(t.get("RecordType").textValue()).isEqualTo("TUPLE");
        assertThat(t.get("ExpandMode").textValue()).isEmpty();
        assertThat(t.get("Comment").textValue()).isEqualTo("tc");
        assertThat(t.get("CreateTime").longValue()).isEqualTo(START.getEpochSecond());
        assertThat(keys(t)).contains("Status", "LastModifyTime", "Creator");
        assertThat(tree(call(Operation.ListTopic, "proj", null, null, null, "")).toString())
                .isEqualTo("{\"TopicNames\":[\"topic\"]}");
        assertThatThrownBy(
                        () ->
                                call(
                                        Operation.CreateTopic,
                                        "proj",
                                        "t2",
                                        null,
                                        null,
                                        "{\"ShardCount\":1,\"Lifecycle\":1,\"RecordType\":\"CSV\"}"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("RecordType");
    }

    @Test
    void shardsSplitMergeCursorAndMeter() throws IOException {
        createTopic();
        JsonNode list = tree(call(Operation.ListShard, "proj", "topic", null, null, ""));
        assertThat(list.get("Protocol").textValue()).isEqualTo("http1.1");
        assertThat(list.get("Interval").longValue()).isEqualTo(60_000);
        JsonNode s0 = list.get("Shards").get(0);
        assertThat(keys(s0))
                .contains(
                        "ShardId",
                        "State",
                        "ClosedTime",
                        "BeginHashKey",
                        "EndHashKey",
                        "ParentShardIds",
                        "LeftShardId",
                        "RightShardId");
        assertThat(s0.get("LeftShardId").textValue()).isEqualTo("4294967295");
        assertThat(s0.get("RightShardId").textValue()).isEqualTo("1");
        assertThat(s0.get("ParentShardIds").isArray()).isTrue();
        assertThat(s0.get("State").textValue()).isEqualTo("ACTIVE");
        assertThat(list.get("Shards").get(1).get("RightShardId").textValue())
                .isEqualTo("4294967295");

        clock.advance(Duration.ofSeconds(10));
        JsonNode split =
                tree(
                        call(
                                Operation.SplitShard,
                                "proj",
                                "topic",
                                null,
                                null,
                                "{\"Action\":\"split\",\"ShardId\":\"0\",\"SplitKey\":\"3fffffffffffffffbfffffffffffffff\"}"));
        assertThat(split.get("NewShards")).hasSize(2);
        assertThat(keys(split.get("NewShards").get(0)))
                .containsExactly("ShardId", "BeginHashKey", "EndHashKey");
        assertThat(split.get("NewShards").get(0).get("EndHashKey").textValue())
                .isEqualTo("3FFFFFFFFFFFFFFFBFFFFFFFFFFFFFFF");

        clock.advance(Duration.ofSeconds(10));
        JsonNode merged =
                tree(
                        call(
                                Operation.MergeShard,
                                "proj",
                                "topic",
                                null,
                                null,
                                "{\"Action\":\"merge\",\"ShardId\":\"2\",\"AdjacentShardId\":\"3\"}"));
        assertThat(keys(merged)).containsExactly("ShardId", "BeginHashKey", "EndHashKey");

        JsonNode cursor =
                tree(
                        call(
                                Operation.GetCursor,
                                "proj",
                                "topic",
                                "1",
                                null,
                                "{\"Action\":\"cursor\",\"Type\":\"oldest\"}"));
        assertThat(keys(cursor)).containsExactly("Cursor", "RecordTime", "Sequence");
        assertThat(cursor.get("Cursor").isTextual()).isTrue();
        assertThat(cursor.get("Sequence").longValue()).isZero();

        call(
                Operation.PutRecords,
                "proj",
                "topic",
                null,
                null,
                "{\"Action\":\"pub\",\"Records\":[{\"ShardId\":\"1\",\"Data\":[\"x\",\"5\"]}]}");
        JsonNode meter =
                tree(
                        call(
                                Operation.GetMeterInfo,
                                "proj",
                                "topic",
                                "1",
                                null,
                                "{\"Action\":\"meter\"}"));
        assertThat(keys(meter)).containsExactly("ActiveTime", "Storage");
    }

    @Test
    void subscriptionsAndOffsets() throws IOException {
        createTopic();
        HttpReply created =
                call(
                        Operation.CreateSubscription,
                        "proj",
                        "topic",
                        null,
                        null,
                        "{\"Action\":\"create\",\"Comment\":\"c\"}");
        String subId = tree(created).get("SubId").textValue();
        JsonNode sub = tree(call(Operation.GetSubscription, "proj", "topic", null, subId, ""));
        assertThat(sub.get("Type").isInt()).isTrue();
        assertThat(sub.get("Type").intValue()).isZero();
        assertThat(sub.get("State").intValue()).isEqualTo(1);
        assertThat(sub.get("TopicName").textValue()).isEqualTo("topic");
        assertThat(sub.get("CreateTime").longValue()).isEqualTo(START.getEpochSecond());
        JsonNode page =
                tree(
                        call(
                                Operation.ListSubscription,
                                "proj",
                                "topic",
                                null,
                                null,
                                "{\"Action\":\"list\",\"PageIndex\":1,\"PageSize\":10}"));
        assertThat(page.get("TotalCount").longValue()).isEqualTo(1);
        assertThat(page.get("Subscriptions").get(0).get("SubId").textValue()).isEqualTo(subId);

        JsonNode opened =
                tree(
                        call(
                                Operation.OpenSubscriptionSession,
                                "proj",
                                "topic",
                                null,
                                subId,
                                "{\"Action\":\"open\",\"ShardIds\":[\"0\"]}"));
        JsonNode o = opened.get("Offsets").get("0");
        assertThat(o.get("SessionId").isIntegralNumber()).isTrue();
        assertThat(o.get("Sequence").longValue()).isEqualTo(-1);
        assertThat(o.get("Timestamp").longValue()).isEqualTo(-1);
        assertThat(o.get("Version").longValue()).isZero();

        // SessionId accepted as a number or as a decimal string.
        HttpReply commit =
                call(
                        Operation.CommitSubscriptionOffset,
                        "proj",
                        "topic",
                        null,
                        subId,
                        "{\"Action\":\"commit\",\"Offsets\":{\"0\":{\"Timestamp\":1000,\"Sequence\":10,"
                            + "\"BatchIndex\":0,\"Version\":0,\"SessionId\":\""
                                + o.get("SessionId").longValue()
                                + "\"}}}");
        assertThat(commit.body()).isEmpty();
        JsonNode got =
                tree(
                        call(
                                Operation.GetSubscriptionOffset,
                                "proj",
                                "topic",
                                null,
                                subId,
                                "{\"Action\":\"get\",\"ShardIds\":[\"0\"]}"));
        assertThat(got.get("Offsets").get("0").get("Sequence").longValue()).isEqualTo(10);
        assertThat(got.get("Offsets").get("0").get("Timestamp").longValue()).isEqualTo(1000);

        call(Operation.UpdateSubscriptionState, "proj", "topic", null, subId, "{\"State\":0}");
        assertThat(
                        tree(call(Operation.GetSubscription, "proj", "topic", null, subId, ""))
                                .get("State")
                                .intValue())
                .isZero();
        assertThatThrownBy(
                        () ->
                                call(
                                        Operation.UpdateSubscriptionState,
                                        "proj",
                                        "topic",
                                        null,
                                        subId,
                                        "{\"State\":\"0\"}"))
                .hasMessageContaining("State");
    }

    @Test
    void unsupportedOperationsNameTheFeature() {
        assertThatThrownBy(
                        () ->
                                ops.execute(
                                        new Exchange(
                                                Route.unsupported("alarm rules"),
                                                Map.of(),
                                                Json.object(),
                                                null)))
                .isInstanceOf(EngineException.class)
                .hasMessage("The DataHub emulator does not implement alarm rules.");
    }
}
