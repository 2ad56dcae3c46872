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

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A MockWebServer, a fixed clock, a recording sleeper and retry scheduler, and a client wired to
 * them.
 */
abstract class MockServerTestBase {

    static final Instant NOW = Instant.parse("2026-11-22T03:38:47Z");
    static final String DATE = "Sun, 22 Nov 2026 03:38:47 GMT";
    static final String ACCESS_ID = "testAccessId";
    static final String SECRET = "testAccessKeySecretValue";

    MockWebServer server;

    /** What {@link Sleeper} calls slept: only {@code waitForShardsReady} polls by sleeping. */
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    /** The delays retries were scheduled with (run at once, on the thread that scheduled them). */
    final List<Duration> retryDelays = Collections.synchronizedList(new ArrayList<>());

    final List<HttpDataHubClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        clients.forEach(HttpDataHubClient::close);
        server.shutdown();
    }

    DataHubClientConfig.Builder config() {
        return DataHubClientConfig.builder()
                .endpoint(server.url("/").toString())
                .credentials(ACCESS_ID, SECRET)
                .maxRetries(3)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(5));
    }

    HttpDataHubClient client() {
        return client(b -> b);
    }

    HttpDataHubClient client(UnaryOperator<DataHubClientConfig.Builder> customizer) {
        return client(customizer.apply(config()).build(), sleeps::add);
    }

    HttpDataHubClient client(DataHubClientConfig config, Sleeper sleeper) {
        return client(
                config,
                sleeper,
                (task, delay) -> {
                    retryDelays.add(delay);
                    task.run();
                    return CompletableFuture.completedFuture(null);
                });
    }

    HttpDataHubClient client(
            DataHubClientConfig config, Sleeper sleeper, SharedHttp.RetryScheduler scheduler) {
        HttpDataHubClient client =
                new HttpDataHubClient(
                        config, Clock.fixed(NOW, ZoneOffset.UTC), sleeper, scheduler, () -> 0.5);
        clients.add(client);
        return client;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-datahub-request-id", "req-" + status)
                .setBody(body);
    }

    static MockResponse error(int status, String code, String message) {
        return json(
                status, "{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":\"" + message + "\"}");
    }

    static MockResponse binary(byte[] body) {
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/x-protobuf")
                .setHeader("x-datahub-request-id", "req-bin")
                .setBody(new Buffer().write(body));
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request arrived");
        }
        return request;
    }

    static String bodyText(RecordedRequest request) {
        return request.getBody().clone().readUtf8();
    }
}
