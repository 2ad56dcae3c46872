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

import io.github.flinkdatahub.emulator.engine.EngineException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of the dispatch table (section 4.0) reaches its operation. */
class RouterTest {

    private static final String T = "/projects/p/topics/t";

    private static Route json(String method, String path, String action, String... fields) {
        Set<String> keys = Set.of(fields);
        return Router.route(
                new Router.RequestShape(
                        method, path, action, null, ContentKind.JSON, keys::contains));
    }

    private static Route binary(String path, String headerAction, ContentKind kind) {
        return Router.route(
                new Router.RequestShape("POST", path, null, headerAction, kind, k -> false));
    }

    @ParameterizedTest(name = "{0} {1} Action={2} -> {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "GET, /projects, -, ListProject",
                "POST, /projects/p, -, CreateProject",
                "GET, /projects/p, -, GetProject",
                "PUT, /projects/p, -, UpdateProject",
                "DELETE, /projects/p, -, DeleteProject",
                "GET, /projects/p/topics, -, ListTopic",
                "POST, /projects/p/topics/t, create, CreateTopic",
                "POST, /projects/p/topics/t, CREATE, CreateTopic",
                "POST, /projects/p/topics/t, -, CreateTopic",
                "POST, /projects/p/topics/t, AppendField, AppendField",
                "POST, /projects/p/topics/t, appendfield, AppendField",
                "GET, /projects/p/topics/t, -, GetTopic",
                "PUT, /projects/p/topics/t, -, UpdateTopic",
                "DELETE, /projects/p/topics/t, -, DeleteTopic",
                "GET, /projects/p/topics/t/shards, -, ListShard",
                "POST, /projects/p/topics/t/shards, split, SplitShard",
                "POST, /projects/p/topics/t/shards, Merge, MergeShard",
                "POST, /projects/p/topics/t/shards, extend, ExtendShard",
                "POST, /projects/p/topics/t/shards, pub, PutRecords",
                "POST, /projects/p/topics/t/shards/0, cursor, GetCursor",
                "POST, /projects/p/topics/t/shards/0, sub, GetRecords",
                "POST, /projects/p/topics/t/shards/0, meter, GetMeterInfo",
                "POST, /projects/p/topics/t/subscriptions, create, CreateSubscription",
                "POST, /projects/p/topics/t/subscriptions, list, ListSubscription",
                "GET, /projects/p/topics/t/subscriptions/s, -, GetSubscription",
                "PUT, /projects/p/topics/t/subscriptions/s, -, UpdateSubscription",
                "DELETE, /projects/p/topics/t/subscriptions/s, -, DeleteSubscription",
                "POST, /projects/p/topics/t/subscriptions/s/offsets, open, OpenSubscriptionSession",
                "POST, /projects/p/topics/t/subscriptions/s/offsets, get, GetSubscriptionOffset",
                "PUT, /projects/p/topics/t/subscriptions/s/offsets, commit,"
                        + " CommitSubscriptionOffset",
                "PUT, /projects/p/topics/t/subscriptions/s/offsets, reset, ResetSubscriptionOffset",
                "POST, /projects/p/topics/t/subscriptions/s, joinGroup, Unsupported",
                "POST, /projects/p/topics/t/subscriptions/s, heartbeat, Unsupported",
                "POST, /projects/p/topics/t/subscriptions/s, syncGroup, Unsupported",
                "POST, /projects/p/topics/t/subscriptions/s, leaveGroup, Unsupported",
                "POST, /projects/p/topics/t, ListSchema, ListSchema",
                "POST, /projects/p/topics/t, GetSchema, GetSchema",
                "POST, /projects/p/topics/t, RegisterSchema, RegisterSchema",
                "POST, /projects/p/topics/t, deleteschema, DeleteSchema",
                "POST, /projects/p/topics/t, listmetalog, Unsupported",
                "GET, /projects/p/topics/t/connectors, -, Unsupported",
                "POST, /projects/p/topics/t/connectors/sink_odps, Create, Unsupported",
                "POST, /projects/p/topics/t/alarms, create, Unsupported",
                "GET, /projects/p/groups, -, Unsupported",
                "POST, /projects/p/groups/g, create, Unsupported",
            })
    void jsonRows(String method, String path, String action, Operation expected) {
        assertThat(json(method, path, action).operation()).isEqualTo(expected);
    }

    @Test
    void pathParametersAreExtracted() {
        Route r = json("POST", T + "/shards/3", "cursor");
        assertThat(r)
                .extracting(Route::project, Route::topic, Route::shardId)
                .containsExactly("p", "t", "3");
        assertThat(json("GET", T + "/subscriptions/abc", null).subId()).isEqualTo("abc");
        assertThat(json("GET", "/projects/p/", null).operation()).isEqualTo(Operation.GetProject);
    }

    @Test
    void bodyKeysPickTheUpdateVariant() {
        assertThat(json("PUT", "/projects/p", null, "VpcIds").operation())
                .isEqualTo(Operation.UpdateProjectVpcWhitelist);
        assertThat(json("PUT", T + "/subscriptions/s", null, "State").operation())
                .isEqualTo(Operation.UpdateSubscriptionState);
        assertThat(json("PUT", T + "/subscriptions/s", null, "Comment").operation())
                .isEqualTo(Operation.UpdateSubscription);
    }

    @Test
    void headerActionWithProtobufPicksPbRecordCalls() {
        assertThat(binary(T + "/shards", "pub", ContentKind.PROTOBUF).operation())
                .isEqualTo(Operation.PutRecords);
        assertThat(binary(T + "/shards/0", "pub", ContentKind.PROTOBUF).operation())
                .isEqualTo(Operation.PutRecordsByShard);
        assertThat(binary(T + "/shards/0", "sub", ContentKind.PROTOBUF).operation())
                .isEqualTo(Operation.GetRecords);
        assertThat(binary(T + "/shards/0", "pub", ContentKind.BINARY).operation())
                .isEqualTo(Operation.PutBatchRecordsByShard);
        assertThat(binary(T + "/shards/0", "sub", ContentKind.BINARY).operation())
                .isEqualTo(Operation.GetBatchRecords);
        assertThatThrownBy(() -> binary(T + "/shards", "pub", ContentKind.BINARY))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("one shard at a time");
        assertThatThrownBy(() -> binary(T + "/shards/0", "zap", ContentKind.PROTOBUF))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("x-datahub-request-action");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /",
        "GET, /nope",
        "POST, /projects",
        "PATCH, /projects/p",
        "GET, /projects/p/things",
        "PUT, /projects/p/topics",
        "GET, /projects/p/topics/t/shards/0",
        "DELETE, /projects/p/topics/t/shards",
        "GET, /projects/p/topics/t/subscriptions/s/offsets",
        "GET, /projects/p/topics/t/shards/0/x/y/z",
        "GET, /projects//topics",
    })
    void unknownRoutesAreInvalidUriSpec(String method, String path) {
        assertThatThrownBy(() -> json(method, path, null))
                .isInstanceOf(EngineException.class)
                .satisfies(
                        e -> {
                            assertThat(((EngineException) e).errorCode())
                                    .isEqualTo("InvalidUriSpec");
                            assertThat(((EngineException) e).httpStatus()).isEqualTo(400);
                        });
    }

    @Test
    void unknownOrMissingActionsAreInvalidParameter() {
        for (String[] c :
                new String[][] {
                    {T + "/shards", "frobnicate"},
                    {T + "/shards", null},
                    {T + "/shards/0", "pub"},
                    {T + "/subscriptions", "delete"},
                    {T, "dance"},
                }) {
            assertThatThrownBy(() -> json("POST", c[0], c[1]))
                    .isInstanceOf(EngineException.class)
                    .satisfies(
                            e ->
                                    assertThat(((EngineException) e).errorCode())
                                            .isEqualTo("InvalidParameter"));
        }
    }
}
