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

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The signer against the golden vector of protocol §2 and its canonicalisation rules. */
class RequestSignerTest {

    private static final String DATE = "Sun, 22 Nov 2026 03:38:47 GMT";

    @Test
    void reproducesTheGoldenVector() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", DATE);
        headers.put("x-datahub-source-ip", "192.0.2.2");
        headers.put("x-datahub-client-version", "1.1");
        headers.put("User-Agent", "ignored");

        String toSign = RequestSigner.stringToSign("GET", null, DATE, headers, "/projects");
        assertThat(toSign)
                .isEqualTo(
                        "GET\n\nSun, 22 Nov 2026 03:38:47 GMT\nx-datahub-client-version:1.1\n"
                                + "x-datahub-source-ip:192.0.2.2\n/projects");
        assertThat(
                        RequestSigner.authorization(
                                new Credentials("testAccessId", "testAccessKey", null),
                                "GET",
                                null,
                                DATE,
                                headers,
                                "/projects"))
                .isEqualTo("DATAHUB testAccessId:dA/qpKPiHYg1hLGuPVvkekl+7R0=");
    }

    @Test
    void signsContentTypeLowerCasedSortedDataHubHeadersAndQuery() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-DataHub-Security-Token", "tok");
        headers.put("x-datahub-content-raw-size", "42");
        headers.put("x-datahub-request-action", "pub");
        headers.put("Content-Encoding", "lz4");

        String toSign =
                RequestSigner.stringToSign(
                        "post", "application/x-protobuf", DATE, headers, "/projects?filter=abc");
        assertThat(toSign)
                .isEqualTo(
                        "POST\napplication/x-protobuf\n"
                                + DATE
                                + "\nx-datahub-content-raw-size:42\nx-datahub-request-action:pub\n"
                                + "x-datahub-security-token:tok\n/projects?filter=abc");
    }

    @Test
    void differentSecretsGiveDifferentSignatures() {
        assertThat(RequestSigner.signature("a", "x"))
                .isNotEqualTo(RequestSigner.signature("b", "x"));
    }
}
