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

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation, normalisation, redaction and serializability of the configuration. */
class DataHubClientConfigTest {

    @Test
    void normalisesTheEndpointAndKeepsDefaults() {
        DataHubClientConfig config =
                DataHubClientConfig.builder().endpoint("localhost:8080/").build();
        assertThat(config.endpoint()).isEqualTo("http://localhost:8080");
        assertThat(config.protocol()).isEqualTo(BodyProtocol.PROTOBUF);
        assertThat(config.compression()).isEqualTo(CompressionType.NONE);
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retryWritesAllowingDuplicates()).isFalse();
    }

    @Test
    void rejectsInvalidSettingsNamingTheOption() {
        assertThatThrownBy(() -> DataHubClientConfig.builder().build())
                .hasMessageContaining("endpoint is required");
        assertThatThrownBy(() -> DataHubClientConfig.builder().endpoint("ftp://x").build())
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> DataHubClientConfig.builder().endpoint("http://x?y=1").build())
                .hasMessageContaining("query");
        assertThatThrownBy(
                        () ->
                                DataHubClientConfig.builder()
                                        .endpoint("http://x")
                                        .readTimeout(Duration.ZERO)
                                        .build())
                .hasMessageContaining("readTimeout must be a positive duration");
        assertThatThrownBy(
                        () ->
                                DataHubClientConfig.builder()
                                        .endpoint("http://x")
                                        .connectTimeout(Duration.ofSeconds(-1))
                                        .build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(
                        () ->
                                DataHubClientConfig.builder()
                                        .endpoint("http://x")
                                        .maxRetries(-1)
                                        .build())
                .hasMessageContaining("maxRetries must be >= 0");
        assertThatThrownBy(
                        () ->
                                DataHubClientConfig.builder()
                                        .endpoint("http://x")
                                        .initialBackoff(Duration.ofSeconds(5))
                                        .maxBackoff(Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(
                        () ->
                                DataHubClientConfig.builder()
                                        .endpoint("http://x")
                                        .protocol(null)
                                        .build())
                .hasMessageContaining("protocol");
    }

    @Test
    void toStringRedactsSecrets() {
        DataHubClientConfig config =
                DataHubClientConfig.builder()
                        .endpoint("http://x")
                        .credentialsProvider(
                                CredentialsProvider.of("myId", "superSecret", "stsToken"))
                        .build();
        assertThat(config.toString()).doesNotContain("superSecret").doesNotContain("stsToken");
        assertThat(config.credentialsProvider().toString())
                .contains("myId")
                .doesNotContain("superSecret")
                .doesNotContain("stsToken");
    }

    @Test
    void isSerializable() throws Exception {
        DataHubClientConfig config =
                DataHubClientConfig.builder()
                        .endpoint("https://dh.example.com")
                        .credentials("id", "secret")
                        .compression(CompressionType.LZ4)
                        .protocol(BodyProtocol.JSON)
                        .maxRetries(7)
                        .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            DataHubClientConfig copy = (DataHubClientConfig) in.readObject();
            assertThat(copy).isEqualTo(config);
            assertThat(copy.credentialsProvider().getCredentials().accessKeySecret())
                    .isEqualTo("secret");
        }
    }
}
