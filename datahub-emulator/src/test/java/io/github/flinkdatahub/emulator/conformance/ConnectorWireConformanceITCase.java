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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync connectors on the wire as the Python SDK speaks to them: its request bodies and action
 * spellings ({@code UpdateState}, {@code UpdateShardContext}, no {@code Type} in Create) and the
 * response keys its parsers require.
 */
class ConnectorWireConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static DatahubClient client(boolean signed) {
        return EMULATORS.client(SdkMode.JSON, signed);
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
}
