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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every control-plane decoder, fed a valid response with one field removed or given the wrong type:
 * the result is a {@link DataHubDecodeException} naming the call and the field path, never a
 * NullPointerException, ClassCastException or a silent default.
 */
class ControlPlaneDecodingTest {

    private static final String KEY0 = "00000000000000000000000000000000";
    private static final String KEY1 = "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    /**
     * One decoder: a valid response, the fields it requires and the optional ones (which may be
     * missing but not mistyped).
     */
    record Case(
            String call,
            String valid,
            Function<JsonNode, Object> decoder,
            List<String> required,
            List<String> optional) {
        @Override
        public String toString() {
            return call;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "ListProject",
                        "{\"ProjectNames\":[\"a\",\"b\"]}",
                        n -> ControlPlaneJson.names("ListProject", n, "ProjectNames"),
                        List.of("ProjectNames"),
                        List.of("ProjectNames[1]")),
                new Case(
                        "ListTopic",
                        "{\"TopicNames\":[\"t\"]}",
                        n -> ControlPlaneJson.names("ListTopic", n, "TopicNames"),
                        List.of("TopicNames"),
                        List.of("TopicNames[0]")),
                new Case(
                        "GetProject",
                        "{\"Comment\":\"c\",\"CreateTime\":1,\"LastModifyTime\":2,\"Creator\":\"me\"}",
                        n -> ControlPlaneJson.project("p", n),
                        List.of(),
                        List.of("Comment", "CreateTime", "LastModifyTime", "Creator")),
                new Case(
                        "GetTopic",
                        "{\"Comment\":\"c\",\"CreateTime\":1,\"LastModifyTime\":2,\"Lifecycle\":7,"
                                + "\"RecordType\":\"TUPLE\",\"ShardCount\":3,\"ExpandMode\":\"\","
                                + "\"RecordSchema\":\"{\\\"fields\\\":[{\\\"name\\\":\\\"a\\\","
                                + "\\\"type\\\":\\\"BIGINT\\\"}]}\"}",
                        n -> ControlPlaneJson.topic("p", "t", n),
                        List.of("RecordType", "ShardCount", "Lifecycle", "RecordSchema"),
                        List.of("Comment", "CreateTime", "LastModifyTime", "ExpandMode")),
                new Case(
                        "ListShard",
                        "{\"Protocol\":\"http1.1\",\"Interval\":300000,\"Shards\":[{\"ShardId\":\"0\","
                            + "\"State\":\"CLOSED\",\"ClosedTime\":5,\"BeginHashKey\":\""
                                + KEY0
                                + "\",\"EndHashKey\":\""
                                + KEY1
                                + "\",\"ParentShardIds\":[\"9\"],\"LeftShardId\":\"4294967295\","
                                + "\"RightShardId\":\"1\"}]}",
                        ControlPlaneJson::shardListing,
                        List.of(
                                "Shards",
                                "Shards[0].ShardId",
                                "Shards[0].State",
                                "Shards[0].BeginHashKey",
                                "Shards[0].EndHashKey"),
                        List.of(
                                "Interval",
                                "Shards[0].ClosedTime",
                                "Shards[0].ParentShardIds",
                                "Shards[0].ParentShardIds[0]",
                                "Shards[0].LeftShardId",
                                "Shards[0].RightShardId")),
                new Case(
                        "SplitShard",
                        "{\"NewShards\":[{\"ShardId\":\"2\",\"BeginHashKey\":\""
                                + KEY0
                                + "\",\"EndHashKey\":\""
                                + KEY1
                                + "\"}]}",
                        ControlPlaneJson::newShards,
                        List.of(
                                "NewShards",
                                "NewShards[0].ShardId",
                                "NewShards[0].BeginHashKey",
                                "NewShards[0].EndHashKey"),
                        List.of("NewShards[0]")),
                new Case(
                        "MergeShard",
                        "{\"ShardId\":\"4\",\"BeginHashKey\":\""
                                + KEY0
                                + "\",\"EndHashKey\":\""
                                + KEY1
                                + "\"}",
                        ControlPlaneJson::mergedShard,
                        List.of("ShardId", "BeginHashKey", "EndHashKey"),
                        List.of()),
                new Case(
                        "GetMeterInfo",
                        "{\"ActiveTime\":10,\"Storage\":7}",
                        ControlPlaneJson::meter,
                        List.of(),
                        List.of("ActiveTime", "Storage")),
                new Case(
                        "GetCursor",
                        "{\"Cursor\":\"30000000000000000000000000000000\",\"RecordTime\":1,\"Sequence\":0}",
                        ControlPlaneJson::cursor,
                        List.of("Cursor", "RecordTime", "Sequence"),
                        List.of()),
                new Case(
                        "CreateSubscription",
                        "{\"SubId\":\"1700000000000abcd\"}",
                        ControlPlaneJson::subscriptionId,
                        List.of("SubId"),
                        List.of()),
                new Case(
                        "GetSubscription",
                        "{\"SubId\":\"s\",\"TopicName\":\"t\",\"Comment\":\"c\",\"State\":1,\"Type\":0,"
                            + "\"CreateTime\":1,\"LastModifyTime\":2}",
                        ControlPlaneJson::subscription,
                        List.of("SubId"),
                        List.of(
                                "TopicName",
                                "Comment",
                                "State",
                                "Type",
                                "CreateTime",
                                "LastModifyTime")),
                new Case(
                        "ListSubscription",
                        "{\"TotalCount\":1,\"Subscriptions\":[{\"SubId\":\"s\",\"State\":0}]}",
                        ControlPlaneJson::subscriptionPage,
                        List.of("Subscriptions", "Subscriptions[0].SubId"),
                        List.of("TotalCount", "Subscriptions[0]", "Subscriptions[0].State")),
                new Case(
                        "OpenSubscriptionSession",
                        "{\"Offsets\":{\"0\":{\"Sequence\":5,\"Timestamp\":6,\"Version\":1,"
                                + "\"SessionId\":3,\"BatchIndex\":0}}}",
                        n -> ControlPlaneJson.offsets("OpenSubscriptionSession", n),
                        List.of("Offsets", "Offsets.0.Sequence", "Offsets.0.Timestamp"),
                        List.of(
                                "Offsets.0",
                                "Offsets.0.Version",
                                "Offsets.0.SessionId",
                                "Offsets.0.BatchIndex")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theValidResponseDecodes(Case c) {
        assertThatCode(() -> c.decoder().apply(parse(c.valid()))).doesNotThrowAnyException();
        for (String optional : c.optional()) {
            JsonNode without = parse(c.valid());
            remove(without, optional);
            assertThatCode(() -> c.decoder().apply(without))
                    .as("%s without optional %s", c.call(), optional)
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingRequiredFieldNamesTheCallAndTheField(Case c) {
        for (String field : c.required()) {
            JsonNode without = parse(c.valid());
            remove(without, field);
            assertDecodeError(c, without, field, "missing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWrongTypedFieldNamesTheCallAndTheField(Case c) {
        List<String> all = new ArrayList<>(c.required());
        all.addAll(c.optional());
        for (String field : all) {
            for (JsonNode wrong :
                    new JsonNode[] {BooleanNode.TRUE, Json.MAPPER.createObjectNode()}) {
                JsonNode mistyped = parse(c.valid());
                if (!replace(mistyped, field, wrong)) {
                    continue; // an object field keeps its type when replaced by {}
                }
                assertDecodeError(c, mistyped, field, "expected");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBodyThatIsNotAnObjectIsADecodeError(Case c) {
        for (JsonNode body :
                new JsonNode[] {Json.MAPPER.createArrayNode(), new TextNode("x"), null}) {
            Throwable t = catchThrowable(() -> c.decoder().apply(body));
            assertThat(t).isInstanceOf(DataHubDecodeException.class);
            assertThat(((DataHubDecodeException) t).call()).isEqualTo(c.call());
            assertThat(((DataHubDecodeException) t).field()).isEmpty();
        }
    }

    private static void assertDecodeError(Case c, JsonNode response, String field, String text) {
        Throwable t = catchThrowable(() -> c.decoder().apply(response));
        assertThat(t)
                .as("%s with %s broken: %s", c.call(), field, response)
                .isInstanceOf(DataHubDecodeException.class);
        DataHubDecodeException e = (DataHubDecodeException) t;
        assertThat(e.call()).isEqualTo(c.call());
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(c.call(), "'" + field + "'", text);
        assertThat(e.isRetryable()).isFalse();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The parent node of a path such as {@code Shards[0].ShardId} or {@code Offsets.0.Sequence}.
     */
    private static JsonNode parentOf(JsonNode root, List<String> steps) {
        JsonNode node = root;
        for (String step : steps.subList(0, steps.size() - 1)) {
            node = step.startsWith("[") ? node.get(index(step)) : node.get(step);
        }
        return node;
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                steps.add(part.substring(bracket));
            }
        }
        return steps;
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }

    private static void remove(JsonNode root, String path) {
        List<String> steps = steps(path);
        JsonNode parent = parentOf(root, steps);
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).remove(index(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    /** Replaces the value; false when it already has the replacement's type. */
    private static boolean replace(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        JsonNode parent = parentOf(root, steps);
        String last = steps.get(steps.size() - 1);
        JsonNode old = last.startsWith("[") ? parent.get(index(last)) : parent.get(last);
        if (old.getNodeType() == value.getNodeType()) {
            return false;
        }
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(index(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return true;
    }
}
