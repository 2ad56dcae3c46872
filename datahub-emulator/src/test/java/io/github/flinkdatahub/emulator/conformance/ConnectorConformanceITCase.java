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

import io.github.flinkdatahub.emulator.engine.SyncConnectors;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.exception.OperationDeniedException;
import com.aliyun.datahub.client.exception.ResourceAlreadyExistException;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.model.ConnectorShardState;
import com.aliyun.datahub.client.model.ConnectorShardStatusEntry;
import com.aliyun.datahub.client.model.ConnectorState;
import com.aliyun.datahub.client.model.ConnectorType;
import com.aliyun.datahub.client.model.GetConnectorDoneTimeResult;
import com.aliyun.datahub.client.model.GetConnectorResult;
import com.aliyun.datahub.client.model.SinkConfig;
import com.aliyun.datahub.client.model.SinkDatahubConfig;
import com.aliyun.datahub.client.model.SinkEsConfig;
import com.aliyun.datahub.client.model.SinkFcConfig;
import com.aliyun.datahub.client.model.SinkHologresConfig;
import com.aliyun.datahub.client.model.SinkMysqlConfig;
import com.aliyun.datahub.client.model.SinkOdpsConfig;
import com.aliyun.datahub.client.model.SinkOssConfig;
import com.aliyun.datahub.client.model.SinkOtsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync connectors through the official Java SDK 2.21.6 (section 4.11): CRUD for every sink type,
 * state, shard status, done time, offsets, append field and the errors, with and without signatures
 * and in JSON and protobuf client modes (connector calls are JSON in both).
 */
class ConnectorConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static final List<String> COLUMNS = List.of("f_string", "f_bigint");

    private static DatahubClient client(boolean signed) {
        return EMULATORS.client(signed ? SdkMode.PROTOBUF : SdkMode.JSON, signed);
    }

    @ParameterizedTest(name = "signed={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void odpsConnectorLifecycle(boolean signed) {
        DatahubClient client = client(signed);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 2);

        String id =
                client.createConnector(
                                project,
                                topic,
                                ConnectorType.SINK_ODPS,
                                1_600_000_000_000L,
                                COLUMNS,
                                ConnectorFixtures.odps())
                        .getConnectorId();

        assertThat(id).isNotBlank();
        assertThat(client.listConnector(project, topic).getConnectorIds()).containsExactly(id);
        GetConnectorResult got = client.getConnector(project, topic, id);
        assertThat(got.getConnectorId()).isEqualTo(id);
        assertThat(got.getType()).isEqualTo(ConnectorType.SINK_ODPS);
        assertThat(got.getState()).isEqualTo(ConnectorState.RUNNING);
        assertThat(got.getColumnFields()).isEqualTo(COLUMNS);
        assertThat(got.getClusterAddr()).isNotBlank();
        assertThat(got.getSubId()).isNotBlank();
        assertThat(got.getCreateTime()).isPositive();
        SinkOdpsConfig config = (SinkOdpsConfig) got.getConfig();
        assertThat(config.getProject()).isEqualTo("odps_project");
        assertThat(config.getTable()).isEqualTo("odps_table");
        assertThat(config.getEndpoint()).isEqualTo("http://odps.example");
        assertThat(config.getTunnelEndpoint()).isEqualTo("http://tunnel.example");
        assertThat(config.getPartitionMode()).isEqualTo(SinkOdpsConfig.PartitionMode.SYSTEM_TIME);
        assertThat(config.getTimeRange()).isEqualTo(15);
        assertThat(config.getPartitionConfig().getConfigMap())
                .containsExactlyEntriesOf(Map.of("ds", "%Y%m%d"));
        assertThat(config.getAccessId()).isEqualTo("odps-ak");
        assertThat(config.getAccessKey()).as("secrets are never returned").isNull();
        // the SDK's type overloads address the connector by its lower-case type name
        assertThat(client.getConnector(project, topic, ConnectorType.SINK_ODPS).getConnectorId())
                .isEqualTo(id);

        assertDataHubError(
                () ->
                        client.createConnector(
                                project,
                                topic,
                                ConnectorType.SINK_ODPS,
                                COLUMNS,
                                ConnectorFixtures.odps()),
                ResourceAlreadyExistException.class,
                "ConnectorAlreadyExist");

        client.deleteConnector(project, topic, id);
        assertThat(client.listConnector(project, topic).getConnectorIds()).isEmpty();
        assertDataHubError(
                () -> client.getConnector(project, topic, id),
                ResourceNotFoundException.class,
                "NoSuchConnector");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ConnectorType.class,
            names = {
                "SINK_ODPS",
                "SINK_ADS",
                "SINK_MYSQL",
                "SINK_ES",
                "SINK_FC",
                "SINK_OSS",
                "SINK_OTS",
                "SINK_HOLOGRES",
                "SINK_DATAHUB"
            })
    void everySinkTypeRoundTripsThroughTheSdk(ConnectorType type) {
        DatahubClient client = client(false);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);

        String id =
                client.createConnector(
                                project, topic, type, COLUMNS, ConnectorFixtures.config(type))
                        .getConnectorId();
        GetConnectorResult got = client.getConnector(project, topic, id);

        assertThat(got.getType()).isEqualTo(type);
        assertThat(got.getColumnFields()).isEqualTo(COLUMNS);
        assertThat(got.getConfig()).isNotNull();
        switch (type) {
            case SINK_ADS:
            case SINK_MYSQL:
                SinkMysqlConfig db = (SinkMysqlConfig) got.getConfig();
                assertThat(db.getHost()).isEqualTo("db.example");
                assertThat(db.getPort()).isEqualTo(3306);
                assertThat(db.getInsertMode()).isEqualTo(SinkMysqlConfig.InsertMode.IGNORE);
                assertThat(db.getPassword()).isNull();
                break;
            case SINK_ES:
                SinkEsConfig es = (SinkEsConfig) got.getConfig();
                assertThat(es.getIndex()).isEqualTo("idx");
                assertThat(es.getIdFields()).containsExactly("f_bigint");
                assertThat(es.isProxyMode()).isTrue();
                break;
            case SINK_FC:
                SinkFcConfig fc = (SinkFcConfig) got.getConfig();
                assertThat(fc.getFunction()).isEqualTo("fn");
                assertThat(fc.getAuthMode()).isEqualTo(SinkConfig.AuthMode.STS);
                break;
            case SINK_OSS:
                SinkOssConfig oss = (SinkOssConfig) got.getConfig();
                assertThat(oss.getBucket()).isEqualTo("bucket");
                assertThat(oss.getTimeRange()).isEqualTo(30);
                break;
            case SINK_OTS:
                SinkOtsConfig ots = (SinkOtsConfig) got.getConfig();
                assertThat(ots.getTable()).isEqualTo("ots_table");
                assertThat(ots.getWriteMode()).isEqualTo(SinkOtsConfig.WriteMode.UPDATE);
                break;
            case SINK_HOLOGRES:
                SinkHologresConfig holo = (SinkHologresConfig) got.getConfig();
                assertThat(holo.getInstanceId()).isEqualTo("holo-1");
                assertThat(holo.getTopicName()).isEqualTo("holo_table");
                break;
            case SINK_DATAHUB:
                SinkDatahubConfig dh = (SinkDatahubConfig) got.getConfig();
                assertThat(dh.getProjectName()).isEqualTo("other_project");
                assertThat(dh.getAuthMode()).isEqualTo(SinkConfig.AuthMode.AK);
                assertThat(dh.getAccessKey()).isNull();
                break;
            default:
                assertThat(got.getConfig()).isInstanceOf(SinkOdpsConfig.class);
        }
    }

    @Test
    void stateOffsetsShardStatusAndDoneTime() {
        DatahubClient client = client(false);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 2);
        String id =
                client.createConnector(
                                project,
                                topic,
                                ConnectorType.SINK_ODPS,
                                10_000_000L,
                                COLUMNS,
                                ConnectorFixtures.odps())
                        .getConnectorId();

        ConnectorShardStatusEntry zero = client.getConnectorShardStatus(project, topic, id, "0");
        assertThat(zero.getState()).isEqualTo(ConnectorShardState.PLANNED);
        assertThat(zero.getCurrSequence()).isEqualTo(-1);
        assertThat(zero.getCurrTimestamp()).isEqualTo(10_000_000L);
        assertThat(zero.getLastErrorMessage()).isEqualTo(SyncConnectors.NOT_DELIVERED);
        assertThat(client.getConnectorShardStatus(project, topic, id).getStatusEntryMap())
                .containsOnlyKeys("0", "1");

        assertDataHubError(
                () ->
                        client.updateConnectorOffset(
                                project,
                                topic,
                                id,
                                "0",
                                ConnectorFixtures.offset(1999, 1_582_801_630_000L)),
                OperationDeniedException.class,
                "OperationDenied");

        client.updateConnectorState(project, topic, id, ConnectorState.STOPPED);
        assertThat(client.getConnector(project, topic, id).getState())
                .isEqualTo(ConnectorState.STOPPED);
        client.updateConnectorOffset(
                project, topic, id, "0", ConnectorFixtures.offset(1999, 1_582_801_630_000L));
        Map<String, ConnectorShardStatusEntry> all =
                client.getConnectorShardStatus(project, topic, id).getStatusEntryMap();
        assertThat(all.get("0").getState()).isEqualTo(ConnectorShardState.STOPPED);
        assertThat(all.get("0").getCurrSequence()).isEqualTo(1999);
        assertThat(all.get("0").getCurrTimestamp()).isEqualTo(1_582_801_630_000L);
        assertThat(all.get("1").getCurrSequence()).isEqualTo(-1);

        client.updateConnectorOffset(
                project, topic, id, null, ConnectorFixtures.offset(2999, 1_582_801_631_000L));
        all = client.getConnectorShardStatus(project, topic, id).getStatusEntryMap();
        assertThat(all.get("0").getCurrSequence()).isEqualTo(2999);
        assertThat(all.get("1").getCurrSequence()).isEqualTo(2999);
        assertThat(all.get("1").getDoneTime()).isEqualTo(1_582_801_631L);

        GetConnectorDoneTimeResult done = client.getConnectorDoneTime(project, topic, id);
        assertThat(done.getDoneTime()).isEqualTo(1_582_801_631L);
        assertThat(done.getTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(done.getTimeWindow()).isEqualTo(15);

        client.updateConnectorState(project, topic, id, ConnectorState.RUNNING);
        assertThat(client.getConnector(project, topic, id).getState())
                .isEqualTo(ConnectorState.RUNNING);
        client.reloadConnector(project, topic, id);
        client.reloadConnector(project, topic, id, "1");
        assertDataHubError(
                () -> client.reloadConnector(project, topic, id, "7"),
                ResourceNotFoundException.class,
                "NoSuchShard");
    }

    @Test
    void appendFieldAndUpdate() {
        DatahubClient client = client(true);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        String id =
                client.createConnector(
                                project,
                                topic,
                                ConnectorType.SINK_ODPS,
                                COLUMNS,
                                ConnectorFixtures.odps())
                        .getConnectorId();

        client.appendConnectorField(project, topic, id, "f_double");
        assertThat(client.getConnector(project, topic, id).getColumnFields())
                .containsExactly("f_string", "f_bigint", "f_double");
        assertDataHubError(
                () -> client.appendConnectorField(project, topic, id, "no_such_field"),
                InvalidParameterException.class,
                "InvalidParameter");

        SinkOdpsConfig changed = ConnectorFixtures.odps();
        changed.setTable("other_table");
        client.updateConnector(project, topic, id, changed);
        client.updateConnector(project, topic, id, List.of("f_bigint"));
        GetConnectorResult got = client.getConnector(project, topic, id);
        assertThat(((SinkOdpsConfig) got.getConfig()).getTable()).isEqualTo("other_table");
        assertThat(got.getColumnFields()).containsExactly("f_bigint");
    }

    @Test
    void configIsValidatedPerType() {
        DatahubClient client = client(false);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        SinkOdpsConfig noTable = ConnectorFixtures.odps();
        noTable.setTable(null);

        InvalidParameterException e =
                assertDataHubError(
                        () ->
                                client.createConnector(
                                        project, topic, ConnectorType.SINK_ODPS, COLUMNS, noTable),
                        InvalidParameterException.class,
                        "InvalidParameter");
        assertThat(e.getErrorMessage()).contains("'Table'").contains("SINK_ODPS");

        SinkDatahubConfig akWithoutId =
                (SinkDatahubConfig) ConnectorFixtures.config(ConnectorType.SINK_DATAHUB);
        akWithoutId.setAccessId(null);
        assertThat(
                        assertDataHubError(
                                        () ->
                                                client.createConnector(
                                                        project,
                                                        topic,
                                                        ConnectorType.SINK_DATAHUB,
                                                        COLUMNS,
                                                        akWithoutId),
                                        InvalidParameterException.class,
                                        "InvalidParameter")
                                .getErrorMessage())
                .contains("AccessId");

        assertDataHubError(
                () ->
                        client.createConnector(
                                project,
                                topic,
                                ConnectorType.SINK_ODPS,
                                List.of("f_string", "nope"),
                                ConnectorFixtures.odps()),
                InvalidParameterException.class,
                "InvalidParameter");
        assertDataHubError(
                () -> client.getConnector(project, topic, "connector-nope"),
                ResourceNotFoundException.class,
                "NoSuchConnector");
    }

    @Test
    void deletingTheTopicDeletesItsConnectors() {
        DatahubClient client = client(false);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        client.createConnector(
                project, topic, ConnectorType.SINK_ODPS, COLUMNS, ConnectorFixtures.odps());

        client.deleteTopic(project, topic);
        client.createTopic(
                project,
                topic,
                1,
                3,
                com.aliyun.datahub.client.model.RecordType.TUPLE,
                ConformanceFixture.allTypesSchema(),
                "again");

        assertThat(client.listConnector(project, topic).getConnectorIds()).isEmpty();
    }
}
