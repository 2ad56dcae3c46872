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

import io.github.flinkdatahub.connector.client.SdkParityHarness.Wire;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.CompressType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.github.flinkdatahub.connector.client.SdkParityHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing details checked against the official SDK: the test's own signer against the notes'
 * vector, the Date header format, and STS tokens with compressed control-plane bodies.
 */
class ClientSdkSigningParityTest {

    SdkParityHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new SdkParityHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void independentSignatureCheckReproducesTheNotesVectorAndRejectsTampering() {
        // Protocol notes §2 test vector, verified with the test's own signer.
        Wire vector =
                new Wire(
                        "GET",
                        "/projects",
                        null,
                        null,
                        null,
                        null,
                        new java.util.TreeMap<>(
                                Map.of(
                                        "x-datahub-client-version", "1.1",
                                        "x-datahub-source-ip", "192.0.2.2")),
                        "Sun, 22 Nov 2026 03:38:47 GMT",
                        "DATAHUB testAccessId:dA/qpKPiHYg1hLGuPVvkekl+7R0=",
                        new byte[0],
                        new byte[0]);
        vector.assertSignatureVerifies("testAccessId", "testAccessKey");
        Wire tampered =
                new Wire(
                        "GET",
                        "/projects",
                        "filter=x",
                        null,
                        null,
                        null,
                        vector.datahubHeaders(),
                        vector.date(),
                        vector.authorization(),
                        new byte[0],
                        new byte[0]);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> tampered.assertSignatureVerifies("testAccessId", "testAccessKey"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void dateHeaderIsFormattedLikeTheSdk() throws Exception {
        // A single-digit day and a morning hour are where RFC 1123 formatters tend to differ.
        java.time.Instant instant = java.time.Instant.parse("2026-11-02T03:04:05Z");
        HttpDataHubClient fixed =
                new HttpDataHubClient(
                        DataHubClientConfig.builder()
                                .endpoint(harness.endpoint())
                                .credentials(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET)
                                .maxRetries(0)
                                .build(),
                        java.time.Clock.fixed(instant, java.time.ZoneOffset.UTC),
                        d -> {},
                        () -> 0.5);
        try {
            harness.respond(json(200, "{\"ProjectNames\":[]}"));
            fixed.listProjects();
            Wire wire = harness.take();
            String sdkFormat =
                    com.aliyun.datahub.client.common.DateFormat.getDateTimeFormat()
                            .format(java.util.Date.from(instant));
            assertThat(wire.date()).isEqualTo(sdkFormat).isEqualTo("Mon, 02 Nov 2026 03:04:05 GMT");
            wire.assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
        } finally {
            fixed.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"LZ4,LZ4", "DEFLATE,DEFLATE"})
    void compressedControlPlaneWithStsToken(CompressType sdkType, CompressionType ourType)
            throws Exception {
        DatahubClient stsSdk = harness.sdk(false, sdkType, "sts-token-value");
        DataHubClient stsOurs = harness.ours(BodyProtocol.JSON, ourType, "sts-token-value");
        harness.respond(json(201, "{}"));
        Wire[] wires =
                harness.exchange(
                        () ->
                                stsSdk.createTopic(
                                        "proj_a",
                                        "topic_a",
                                        3,
                                        7,
                                        com.aliyun.datahub.client.model.RecordType.TUPLE,
                                        SdkModels.sdkSchema(),
                                        "tuple topic"),
                        () ->
                                stsOurs.createTupleTopic(
                                        "proj_a",
                                        "topic_a",
                                        3,
                                        7,
                                        SdkModels.schema(),
                                        "tuple topic"));
        assertThat(wires[0].datahubHeaders())
                .containsEntry("x-datahub-security-token", "sts-token-value");
        // The schema JSON compresses well, so both sides compress it with the same codec.
        assertThat(wires[1].contentEncoding()).isEqualTo(wires[0].contentEncoding()).isNotNull();
        ClientSdkRequestParityTest.assertParity(wires);

        // A tiny body grows when compressed: the SDK compresses it anyway (notes §7), we send
        // it plain like the Python and Go SDKs (deliberate, see HttpTransport).
        harness.respond(json(200, ""));
        Wire[] small =
                harness.exchange(
                        () -> stsSdk.updateProject("proj_a", "c"),
                        () -> stsOurs.updateProject("proj_a", "c"));
        assertThat(small[0].contentEncoding()).isNotNull();
        assertThat(small[0].rawBody().length).isGreaterThanOrEqualTo(small[0].body().length);
        assertThat(small[1].contentEncoding()).isNull();
        assertThat(small[0].comparableHeaders())
                .containsKey("x-datahub-content-raw-size")
                .containsEntry("x-datahub-security-token", "sts-token-value");
        Map<String, String> sdkHeaders = small[0].comparableHeaders();
        sdkHeaders.remove("x-datahub-content-raw-size");
        assertThat(small[1].comparableHeaders()).isEqualTo(sdkHeaders);
        assertThat(small[1].jsonTree()).isEqualTo(small[0].jsonTree());
        small[0].assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
        small[1].assertSignatureVerifies(SdkParityHarness.ACCESS_ID, SdkParityHarness.SECRET);
    }
}
