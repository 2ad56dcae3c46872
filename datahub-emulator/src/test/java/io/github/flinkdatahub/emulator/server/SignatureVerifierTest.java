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

import io.github.flinkdatahub.emulator.ManualClock;
import io.github.flinkdatahub.emulator.engine.EngineException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HMAC-SHA1 request signatures against the golden vector of section 2. */
class SignatureVerifierTest {

    private static final String DATE = "Sun, 22 Nov 2026 03:38:47 GMT";
    private static final Instant NOW = Instant.parse("2026-11-22T03:38:47Z");

    private static List<Map.Entry<String, String>> goldenHeaders(String authorization) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("Date", DATE));
        h.add(Map.entry("x-datahub-source-ip", "192.0.2.2"));
        h.add(Map.entry("X-Datahub-Client-Version", "1.1"));
        h.add(Map.entry("User-Agent", "ignored"));
        if (authorization != null) {
            h.add(Map.entry("Authorization", authorization));
        }
        return h;
    }

    private static SignatureVerifier.SignedRequest golden(String authorization) {
        return new SignatureVerifier.SignedRequest(
                "GET", "/projects", null, goldenHeaders(authorization));
    }

    @Test
    void goldenVector() {
        String toSign = SignatureVerifier.stringToSign(golden(null));
        assertThat(toSign)
                .isEqualTo(
                        "GET\n\n"
                                + DATE
                                + "\nx-datahub-client-version:1.1\nx-datahub-source-ip:192.0.2.2"
                                + "\n/projects");
        assertThat(SignatureVerifier.sign(toSign, "testAccessKey".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("dA/qpKPiHYg1hLGuPVvkekl+7R0=");
    }

    @Test
    void acceptsTheGoldenRequestAndRejectsTampering() {
        SignatureVerifier v =
                new SignatureVerifier("testAccessId", "testAccessKey", new ManualClock(NOW));
        v.verify(golden("DATAHUB testAccessId:dA/qpKPiHYg1hLGuPVvkekl+7R0="));

        assertUnauthorized(
                () -> v.verify(golden("DATAHUB testAccessId:AAAAqpKPiHYg1hLGuPVvkekl+7R0=")));
        assertUnauthorized(() -> v.verify(golden("DATAHUB otherId:dA/qpKPiHYg1hLGuPVvkekl+7R0=")));
        assertUnauthorized(() -> v.verify(golden(null)));
        assertUnauthorized(() -> v.verify(golden("Basic abc")));
        assertUnauthorized(
                () ->
                        v.verify(
                                new SignatureVerifier.SignedRequest(
                                        "GET",
                                        "/projects",
                                        "filter=a",
                                        goldenHeaders(
                                                "DATAHUB"
                                                    + " testAccessId:dA/qpKPiHYg1hLGuPVvkekl+7R0="))));
    }

    @Test
    void queryAndContentTypeAreSigned() {
        List<Map.Entry<String, String>> h = new ArrayList<>(goldenHeaders(null));
        h.add(Map.entry("Content-Type", "application/json; charset=UTF-8"));
        String toSign =
                SignatureVerifier.stringToSign(
                        new SignatureVerifier.SignedRequest("post", "/projects/p", "filter=x", h));
        assertThat(toSign).startsWith("POST\napplication/json; charset=UTF-8\n" + DATE + "\n");
        assertThat(toSign).endsWith("\n/projects/p?filter=x");
    }

    @Test
    void rejectsClockSkewBeyondFifteenMinutes() {
        ManualClock clock = new ManualClock(NOW.plus(Duration.ofMinutes(14)));
        SignatureVerifier v = new SignatureVerifier("testAccessId", "testAccessKey", clock);
        v.verify(golden("DATAHUB testAccessId:dA/qpKPiHYg1hLGuPVvkekl+7R0="));
        clock.advance(Duration.ofMinutes(2));
        assertUnauthorized(
                () -> v.verify(golden("DATAHUB testAccessId:dA/qpKPiHYg1hLGuPVvkekl+7R0=")));
    }

    @Test
    void neverShowsTheSecret() {
        SignatureVerifier v = new SignatureVerifier("id", "s3cr3t-value", new ManualClock(NOW));
        assertThat(v.toString()).doesNotContain("s3cr3t-value");
        assertThatThrownBy(() -> v.verify(golden("DATAHUB id:wrong")))
                .hasMessageNotContaining("s3cr3t-value");
    }

    private static void assertUnauthorized(Runnable r) {
        assertThatThrownBy(r::run)
                .isInstanceOf(EngineException.class)
                .satisfies(
                        e -> {
                            assertThat(((EngineException) e).errorCode()).isEqualTo("Unauthorized");
                            assertThat(((EngineException) e).httpStatus()).isEqualTo(403);
                        });
    }
}
