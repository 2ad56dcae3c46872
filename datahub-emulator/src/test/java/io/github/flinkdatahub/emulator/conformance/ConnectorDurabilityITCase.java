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
import com.aliyun.datahub.client.model.ConnectorOffset;
import com.aliyun.datahub.client.model.ConnectorShardStatusEntry;
import com.aliyun.datahub.client.model.ConnectorState;
import com.aliyun.datahub.client.model.ConnectorType;
import com.aliyun.datahub.client.model.GetConnectorResult;
import com.aliyun.datahub.client.model.SinkOdpsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync connectors survive {@code kill -9} of the emulator process (default fsync policy): every
 * acknowledged connector change (create, state, offset, append field, delete) is there after a
 * restart on the same data directory.
 */
class ConnectorDurabilityITCase {

    @TempDir Path dataDir;

    @Test
    void connectorsSurviveSigkill() throws Exception {
        String project = "durable_connectors";
        String topic = "events";
        String kept;
        String deleted;
        EmulatorProcess process = EmulatorProcess.start(dataDir);
        try {
            DatahubClient client = SdkMode.PROTOBUF.client(process.endpoint());
            client.createProject(project, "connectors");
            ConformanceFixture.newTupleTopic(client, project, 2);
            topic = client.listTopic(project).getTopicNames().get(0);
            kept =
                    client.createConnector(
                                    project,
                                    topic,
                                    ConnectorType.SINK_ODPS,
                                    List.of("f_string"),
                                    ConnectorFixtures.odps())
                            .getConnectorId();
            deleted =
                    client.createConnector(
                                    project,
                                    topic,
                                    ConnectorType.SINK_OSS,
                                    List.of("f_string"),
                                    ossConfig())
                            .getConnectorId();
            client.updateConnectorState(project, topic, kept, ConnectorState.STOPPED);
            ConnectorOffset offset = new ConnectorOffset();
            offset.setSequence(77);
            offset.setTimestamp(1_700_000_000_000L);
            client.updateConnectorOffset(project, topic, kept, "1", offset);
            client.appendConnectorField(project, topic, kept, "f_bigint");
            client.deleteConnector(project, topic, deleted);

            process.kill();
            process = EmulatorProcess.start(dataDir);
            client = SdkMode.PROTOBUF.client(process.endpoint());

            assertThat(client.listConnector(project, topic).getConnectorIds())
                    .containsExactly(kept);
            GetConnectorResult got = client.getConnector(project, topic, kept);
            assertThat(got.getState()).isEqualTo(ConnectorState.STOPPED);
            assertThat(got.getColumnFields()).containsExactly("f_string", "f_bigint");
            assertThat(((SinkOdpsConfig) got.getConfig()).getTable()).isEqualTo("odps_table");
            ConnectorShardStatusEntry one =
                    client.getConnectorShardStatus(project, topic, kept, "1");
            assertThat(one.getCurrSequence()).isEqualTo(77);
            assertThat(one.getCurrTimestamp()).isEqualTo(1_700_000_000_000L);
        } finally {
            process.close();
        }
    }

    private static com.aliyun.datahub.client.model.SinkOssConfig ossConfig() {
        com.aliyun.datahub.client.model.SinkOssConfig oss =
                new com.aliyun.datahub.client.model.SinkOssConfig();
        oss.setEndpoint("http://oss.example");
        oss.setBucket("bucket");
        oss.setTimeRange(15);
        return oss;
    }
}
