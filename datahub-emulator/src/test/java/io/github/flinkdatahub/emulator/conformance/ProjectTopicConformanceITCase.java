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

package io.github.flinkdatahub.emulator.conformance;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.ResourceAlreadyExistException;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.model.GetProjectResult;
import com.aliyun.datahub.client.model.GetTopicResult;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/** Checks B1-B3 (projects, topics, initial shards) of protocol section 12.B with the SDK. */
class ProjectTopicConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static DatahubClient client(SdkMode mode, boolean withSignatures) {
        return EMULATORS.client(mode, withSignatures);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b1ProjectsAreCaseInsensitiveAndUnique(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String name = uniqueName("Conf_P");

        client.createProject(name, "c");
        GetProjectResult project = client.getProject(name.toLowerCase());

        assertThat(project.getComment()).isEqualTo("c");
        assertThat(project.getProjectName()).isEqualTo(name.toLowerCase());
        assertThat(project.getCreateTime()).isPositive();
        assertThat(client.listProject().getProjectNames()).contains(name.toLowerCase());
        assertThat(client.listProject(name.toLowerCase()).getProjectNames())
                .containsExactly(name.toLowerCase());
        assertDataHubError(
                () -> client.createProject(name, "again"),
                ResourceAlreadyExistException.class,
                "ProjectAlreadyExist");
        assertDataHubError(
                () -> client.getProject("nope"), ResourceNotFoundException.class, "NoSuchProject");
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b2TupleTopicSchemaRoundTrips(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);

        GetTopicResult result = client.getTopic(project, topic.toUpperCase());

        assertThat(result.getRecordSchema()).isEqualTo(allTypesSchema());
        assertThat(result.getRecordSchema().getField("f_bigint").isAllowNull()).isFalse();
        assertThat(result.getRecordSchema().getField("f_bigint").getComment()).isEqualTo("the key");
        assertThat(result.getRecordType()).isEqualTo(RecordType.TUPLE);
        assertThat(result.getShardCount()).isEqualTo(3);
        assertThat(result.getLifeCycle()).isEqualTo(3);
        assertThat(result.getComment()).isEqualTo("tuple topic");
        assertThat(client.listTopic(project).getTopicNames()).containsExactly(topic);
        assertThat(client.listTopic(project, "tuple").getTopicNames()).containsExactly(topic);
        assertThat(client.listTopic(project, "nothing_like_it").getTopicNames()).isEmpty();
        assertDataHubError(
                () -> client.getTopic(project, "no_such_topic"),
                ResourceNotFoundException.class,
                "NoSuchTopic");
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void b3InitialShardsSplitTheKeySpaceEvenly(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 3);

        List<ShardEntry> shards = client.listShard(project, topic).getShards();

        assertThat(shards).extracting(ShardEntry::getShardId).containsExactly("0", "1", "2");
        assertThat(shards).extracting(ShardEntry::getState).containsOnly(ShardState.ACTIVE);
        assertThat(shards)
                .extracting(ShardEntry::getBeginHashKey)
                .containsExactly(
                        "00000000000000000000000000000000",
                        "55555555555555555555555555555555",
                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(shards)
                .extracting(ShardEntry::getEndHashKey)
                .containsExactly(
                        "55555555555555555555555555555555",
                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
        assertThat(shards.get(0).getLeftShardId()).isNull();
        assertThat(shards.get(0).getRightShardId()).isEqualTo("1");
        assertThat(shards.get(2).getRightShardId()).isNull();
        assertThat(shards).allSatisfy(s -> assertThat(s.getParentShardIds()).isEmpty());
        client.waitForShardReady(project, topic, 5_000);
    }
}
