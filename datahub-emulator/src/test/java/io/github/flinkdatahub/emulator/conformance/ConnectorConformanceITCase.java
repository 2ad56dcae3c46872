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
import com.aliyun.datahub.client.model.ConnectorOffset;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
                                odps())
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
                                project, topic, ConnectorType.SINK_ODPS, COLUMNS, odps()),
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
                client.createConnector(project, topic, type, COLUMNS, config(type))
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
                                odps())
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
                                project, topic, id, "0", offset(1999, 1_582_801_630_000L)),
                OperationDeniedException.class,
                "OperationDenied");

        client.updateConnectorState(project, topic, id, ConnectorState.STOPPED);
        assertThat(client.getConnector(project, topic, id).getState())
                .isEqualTo(ConnectorState.STOPPED);
        client.updateConnectorOffset(project, topic, id, "0", offset(1999, 1_582_801_630_000L));
        Map<String, ConnectorShardStatusEntry> all =
                client.getConnectorShardStatus(project, topic, id).getStatusEntryMap();
        assertThat(all.get("0").getState()).isEqualTo(ConnectorShardState.STOPPED);
        assertThat(all.get("0").getCurrSequence()).isEqualTo(1999);
        assertThat(all.get("0").getCurrTimestamp()).isEqualTo(1_582_801_630_000L);
        assertThat(all.get("1").getCurrSequence()).isEqualTo(-1);

        client.updateConnectorOffset(project, topic, id, null, offset(2999, 1_582_801_631_000L));
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
                client.createConnector(project, topic, ConnectorType.SINK_ODPS, COLUMNS, odps())
                        .getConnectorId();

        client.appendConnectorField(project, topic, id, "f_double");
        assertThat(client.getConnector(project, topic, id).getColumnFields())
                .containsExactly("f_string", "f_bigint", "f_double");
        assertDataHubError(
                () -> client.appendConnectorField(project, topic, id, "no_such_field"),
                InvalidParameterException.class,
                "InvalidParameter");

        SinkOdpsConfig changed = odps();
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
        SinkOdpsConfig noTable = odps();
        noTable.setTable(null);

        InvalidParameterException e =
                assertDataHubError(
                        () ->
                                client.createConnector(
                                        project, topic, ConnectorType.SINK_ODPS, COLUMNS, noTable),
                        InvalidParameterException.class,
                        "InvalidParameter");
        assertThat(e.getErrorMessage()).contains("'Table'").contains("SINK_ODPS");

        SinkDatahubConfig akWithoutId = (SinkDatahubConfig) config(ConnectorType.SINK_DATAHUB);
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
                                odps()),
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
        client.createConnector(project, topic, ConnectorType.SINK_ODPS, COLUMNS, odps());

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

    /** The bodies the Python SDK sends, and the response keys its parsers require. */
    @Test
    void pythonStyleRequestsAndTheKeysPythonReads() throws Exception {
        DatahubClient client = client(false);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 2);
        String base = "/projects/" + project + "/topics/" + topic + "/connectors";

        JsonNode created =
                raw(
                        "POST",
                        base + "/sink_odps",
                        "{\"Action\":\"Create\",\"ColumnFields\":[\"f_string\"],"
                                + "\"SinkStartTime\":10000000,\"Config\":{\"Project\":\"op\","
                                + "\"Table\":\"ot\",\"OdpsEndpoint\":\"http://odps\","
                                + "\"TunnelEndpoint\":\"http://tunnel\",\"PartitionMode\":"
                                + "\"SYSTEM_TIME\",\"TimeRange\":15,\"PartitionConfig\":"
                                + "{\"ds\":\"%Y%m%d\",\"hh\":\"%H\"}}}");
        String id = created.path("ConnectorId").asText();
        JsonNode got = raw("GET", base + "/sink_odps", null);
        JsonNode status = raw("POST", base + "/" + id, "{\"Action\":\"Status\",\"ShardId\":\"0\"}");
        raw(
                "POST",
                base + "/" + id,
                "{\"Action\":\"UpdateState\",\"State\":" + "\"CONNECTOR_STOPPED\"}");
        raw(
                "POST",
                base + "/" + id,
                "{\"Action\":\"UpdateShardContext\",\"ShardId\":\"1\","
                        + "\"CurrentSequence\":1999,\"CurrentTime\":1582801630000}");
        JsonNode all = raw("POST", base + "/" + id, "{\"Action\":\"Status\"}");
        JsonNode done = raw("GET", base + "/" + id + "?donetime", null);

        assertThat(id).isNotBlank();
        assertThat(got.path("ConnectorId").asText()).isEqualTo(id);
        assertThat(got.path("Type").asText()).isEqualTo("sink_odps");
        assertThat(got.path("State").asText()).isEqualTo("CONNECTOR_RUNNING");
        assertThat(got.path("ShardContexts").isArray()).isTrue();
        assertThat(got.path("ExtraInfo").path("SubscriptionId").asText()).isNotBlank();
        JsonNode config = got.path("Config");
        assertThat(config.path("PartitionMode").asText()).isEqualTo("SYSTEM_TIME");
        assertThat(config.path("TimeRange").isTextual()).isTrue();
        assertThat(MAPPER.readTree(config.path("PartitionConfig").asText()))
                .isEqualTo(
                        MAPPER.readTree(
                                "[{\"key\":\"ds\",\"value\":\"%Y%m%d\"},"
                                        + "{\"key\":\"hh\",\"value\":\"%H\"}]"));
        assertThat(status.path("ShardId").asText()).isEqualTo("0");
        assertThat(status.path("State").asText()).isEqualTo("CONTEXT_PLANNED");
        assertThat(status.path("CurrentTimestamp").asLong()).isEqualTo(10_000_000L);
        assertThat(all.path("ShardStatusInfos").path("1").path("CurrentSequence").asLong())
                .isEqualTo(1999);
        assertThat(all.path("ShardStatusInfos").path("1").path("State").asText())
                .isEqualTo("CONTEXT_STOPPED");
        assertThat(done.has("DoneTime")).isTrue();
        assertThat(done.path("TimeWindow").asInt()).isEqualTo(15);
    }

    private static JsonNode raw(String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(EMULATORS.endpoint(false) + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r =
                HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body().isEmpty() ? "{}" : r.body());
    }

    private static ConnectorOffset offset(long sequence, long timestamp) {
        ConnectorOffset o = new ConnectorOffset();
        o.setSequence(sequence);
        o.setTimestamp(timestamp);
        return o;
    }

    static SinkOdpsConfig odps() {
        SinkOdpsConfig c = new SinkOdpsConfig();
        c.setProject("odps_project");
        c.setTable("odps_table");
        c.setEndpoint("http://odps.example");
        c.setTunnelEndpoint("http://tunnel.example");
        c.setAccessId("odps-ak");
        c.setAccessKey("odps-secret");
        c.setPartitionMode(SinkOdpsConfig.PartitionMode.SYSTEM_TIME);
        c.setTimeRange(15);
        c.setTimeZone("Asia/Shanghai");
        SinkOdpsConfig.PartitionConfig partitions = new SinkOdpsConfig.PartitionConfig();
        partitions.addConfig("ds", "%Y%m%d");
        c.setPartitionConfig(partitions);
        return c;
    }

    private static com.aliyun.datahub.client.model.ConnectorConfig config(ConnectorType type) {
        switch (type) {
            case SINK_ADS:
            case SINK_MYSQL:
                SinkMysqlConfig db = new SinkMysqlConfig();
                db.setHost("db.example");
                db.setPort(3306);
                db.setDatabase("db");
                db.setTable("t");
                db.setUser("u");
                db.setPassword("secret");
                return db;
            case SINK_ES:
                SinkEsConfig es = new SinkEsConfig();
                es.setIndex("idx");
                es.setEndpoint("http://es.example");
                es.setUser("u");
                es.setPassword("secret");
                es.setIdFields(List.of("f_bigint"));
                es.setTypeFields(List.of("f_string"));
                es.setProxyMode(true);
                return es;
            case SINK_FC:
                SinkFcConfig fc = new SinkFcConfig();
                fc.setEndpoint("http://fc.example");
                fc.setService("svc");
                fc.setFunction("fn");
                fc.setAuthMode(SinkConfig.AuthMode.STS);
                return fc;
            case SINK_OSS:
                SinkOssConfig oss = new SinkOssConfig();
                oss.setEndpoint("http://oss.example");
                oss.setBucket("bucket");
                oss.setPrefix("prefix/");
                oss.setTimeFormat("%Y%m%d%H%M");
                oss.setTimeRange(30);
                oss.setAuthMode(SinkConfig.AuthMode.STS);
                return oss;
            case SINK_OTS:
                SinkOtsConfig ots = new SinkOtsConfig();
                ots.setEndpoint("http://ots.example");
                ots.setInstance("inst");
                ots.setTable("ots_table");
                ots.setWriteMode(SinkOtsConfig.WriteMode.UPDATE);
                ots.setAuthMode(SinkConfig.AuthMode.STS);
                return ots;
            case SINK_HOLOGRES:
                SinkHologresConfig holo = new SinkHologresConfig();
                holo.setEndpoint("http://holo.example");
                holo.setProjectName("holo_db");
                holo.setTopicName("holo_table");
                holo.setInstanceId("holo-1");
                holo.setAuthMode(SinkConfig.AuthMode.STS);
                return holo;
            case SINK_DATAHUB:
                SinkDatahubConfig dh = new SinkDatahubConfig();
                dh.setEndpoint("http://dh.example");
                dh.setProjectName("other_project");
                dh.setTopicName("other_topic");
                dh.setAuthMode(SinkConfig.AuthMode.AK);
                dh.setAccessId("ak");
                dh.setAccessKey("secret");
                return dh;
            default:
                return odps();
        }
    }
}
