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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Projects and topics: name rules, case-insensitivity, error codes, limits and AppendField. */
class ProjectTopicTest extends EngineFixture {

    @Test
    void projectNamesAreCaseInsensitiveAndReturnedLowerCase() {
        engine.createProject("TMP_X", "c");
        assertThat(engine.getProject("tmp_x").name()).isEqualTo("tmp_x");
        assertThat(engine.getProject("Tmp_X").comment()).isEqualTo("c");
        assertThat(engine.listProjects(null)).containsExactly("tmp_x");
        assertError(() -> engine.createProject("tmp_x", ""), "ProjectAlreadyExist", 409);
    }

    @Test
    void projectNameRules() {
        for (String bad : new String[] {"ab", "1abc", "a-bc", "a".repeat(33), "", null}) {
            assertError(() -> engine.createProject(bad, "c"), "InvalidParameter", 400);
        }
        engine.createProject("abc", "c");
        engine.createProject("a" + "b".repeat(31), "c");
        assertThat(engine.listProjects("ABC")).containsExactly("abc");
    }

    @Test
    void commentLimit() {
        assertError(() -> engine.createProject("abc", "x".repeat(1025)), "InvalidParameter", 400);
        engine.createProject("abc", "x".repeat(1024));
        assertError(() -> engine.updateProject("abc", "y".repeat(1025)), "InvalidParameter", 400);
    }

    @Test
    void projectLifecycleAndErrors() {
        assertError(() -> engine.getProject("nope"), "NoSuchProject", 404);
        engine.createProject(P, "c");
        clock.advance(Duration.ofSeconds(10));
        engine.updateProject(P, "new");
        assertThat(engine.getProject(P).comment()).isEqualTo("new");
        assertThat(engine.getProject(P).lastModifyTime())
                .isEqualTo(engine.getProject(P).createTime() + 10);
        engine.createTopic(P, T, blobSpec(1));
        assertError(() -> engine.deleteProject(P), "OperationDenied", 403);
        engine.deleteTopic(P, T);
        engine.deleteProject(P);
        assertError(() -> engine.getProject(P), "NoSuchProject", 404);
    }

    @Test
    void topicIsReturnedAsRegistered() {
        tupleTopic(3);
        TopicInfo t = engine.getTopic(P, "TOPIC");
        assertThat(t.name()).isEqualTo("topic");
        assertThat(t.recordSchemaJson()).isEqualTo(tupleSpec(3).recordSchemaJson());
        assertThat(t.fields()).isEqualTo(twoFields());
        assertThat(t.shardCount()).isEqualTo(3);
        assertThat(t.lifecycleDays()).isEqualTo(3);
        assertThat(t.createTime()).isEqualTo(START.getEpochSecond());
        assertThat(engine.listTopics(P, null)).containsExactly("topic");
        assertError(() -> engine.createTopic(P, "Topic", blobSpec(1)), "TopicAlreadyExist", 409);
        assertError(() -> engine.getTopic(P, "nope"), "NoSuchTopic", 404);
        assertError(() -> engine.createTopic("nope", "t", blobSpec(1)), "NoSuchProject", 404);
    }

    @Test
    void topicValidation() {
        engine.createProject(P, "c");
        assertError(() -> engine.createTopic(P, "1t", blobSpec(1)), "InvalidParameter", 400);
        assertError(
                () -> engine.createTopic(P, "t".repeat(129), blobSpec(1)), "InvalidParameter", 400);
        for (int lifecycle : new int[] {0, 8}) {
            TopicSpec s = new TopicSpec(RecordType.BLOB, 1, lifecycle, null, List.of(), "", "");
            assertError(() -> engine.createTopic(P, "t", s), "InvalidParameter", 400);
        }
        for (int shards : new int[] {0, 257}) {
            TopicSpec s = new TopicSpec(RecordType.BLOB, shards, 1, null, List.of(), "", "");
            assertError(() -> engine.createTopic(P, "t", s), "InvalidParameter", 400);
        }
        TopicSpec json =
                new TopicSpec(
                        RecordType.TUPLE,
                        1,
                        1,
                        "{}",
                        List.of(new FieldSpec("j", "JSON", false, null)),
                        "",
                        "");
        assertThatMessage(() -> engine.createTopic(P, "t", json))
                .contains("'j'")
                .contains("TIMESTAMP");
        TopicSpec dup =
                new TopicSpec(
                        RecordType.TUPLE,
                        1,
                        1,
                        "{}",
                        List.of(
                                new FieldSpec("a", "STRING", false, null),
                                new FieldSpec("A", "BIGINT", false, null)),
                        "",
                        "");
        assertError(() -> engine.createTopic(P, "t", dup), "InvalidParameter", 400);
        engine.createTopic(P, "t", new TopicSpec(RecordType.BLOB, 256, 7, null, List.of(), "", ""));
    }

    @Test
    void lowerCaseTypesAreAccepted() {
        engine.createProject(P, "c");
        TopicSpec s =
                new TopicSpec(
                        RecordType.TUPLE,
                        1,
                        1,
                        "{}",
                        List.of(new FieldSpec("a", "bigint", false, null)),
                        "",
                        "");
        engine.createTopic(P, T, s);
        assertThat(engine.getTopic(P, T).fields().get(0).type()).isEqualTo("BIGINT");
    }

    @Test
    void updateTopicKeepsLifecycleWhenNull() {
        tupleTopic(1);
        engine.updateTopic(P, T, "x", null);
        assertThat(engine.getTopic(P, T).lifecycleDays()).isEqualTo(3);
        engine.updateTopic(P, T, "x", 5);
        assertThat(engine.getTopic(P, T).lifecycleDays()).isEqualTo(5);
        assertThat(engine.getTopic(P, T).comment()).isEqualTo("x");
        assertError(() -> engine.updateTopic(P, T, "x", 8), "InvalidParameter", 400);
    }

    @Test
    void countLimits() {
        engine.close();
        engine =
                DataHubEngine.open(
                        options()
                                .maxProjects(2)
                                .maxTopicsPerProject(1)
                                .maxSubscriptionsPerTopic(1)
                                .build());
        engine.createProject("pa1", "");
        engine.createProject("pa2", "");
        assertError(() -> engine.createProject("pa3", ""), "LimitExceeded", 429);
        engine.createTopic("pa1", "t1", blobSpec(1));
        assertError(() -> engine.createTopic("pa1", "t2", blobSpec(1)), "LimitExceeded", 429);
        engine.createSubscription("pa1", "t1", "");
        assertError(() -> engine.createSubscription("pa1", "t1", ""), "LimitExceeded", 429);
    }

    @Test
    void appendFieldExtendsSchemaAndPadsOldRecords() {
        tupleTopic(1);
        put("0", 1, 0);
        engine.appendFields(P, T, List.of(new FieldSpec("extra", "DOUBLE", false, "cmt")));
        TopicInfo t = engine.getTopic(P, T);
        assertThat(t.recordSchemaJson())
                .isEqualTo(
                        "{\"fields\":[{\"name\":\"id\",\"type\":\"BIGINT\",\"notnull\":true},"
                                + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"a name\"},"
                                + "{\"name\":\"extra\",\"type\":\"DOUBLE\",\"comment\":\"cmt\"}]}");
        assertThat(t.fields()).hasSize(3);
        assertError(() -> put("0", 1, 1), "MalformedRecord", 400);
        engine.putRecordsByShard(P, T, "0", List.of(tuple("2", "b", "1.5")));
        var read = engine.getRecords(P, T, "0", oldest("0"), 10).records();
        assertThat(read.get(0).tupleValues()).containsExactly("0", "v0", null);
        assertThat(read.get(1).tupleValues()).containsExactly("2", "b", "1.5");
    }

    @Test
    void appendFieldRules() {
        tupleTopic(1);
        assertError(
                () -> engine.appendFields(P, T, List.of(new FieldSpec("x", "STRING", true, null))),
                "InvalidParameter",
                400);
        assertError(
                () ->
                        engine.appendFields(
                                P, T, List.of(new FieldSpec("ID", "STRING", false, null))),
                "InvalidParameter",
                400);
        engine.createTopic(P, "b", blobSpec(1));
        assertError(
                () ->
                        engine.appendFields(
                                P, "b", List.of(new FieldSpec("x", "STRING", false, null))),
                "InvalidParameter",
                400);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertThatMessage(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (EngineException e) {
            assertThat(e.errorCode()).isEqualTo("InvalidParameter");
            return assertThat(e.getMessage());
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("expected an EngineException");
    }
}
