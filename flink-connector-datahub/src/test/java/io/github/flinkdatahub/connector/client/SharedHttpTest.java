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

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients from factories share one OkHttp dispatcher and pool; closing one spares the others. */
class SharedHttpTest extends MockServerTestBase {

    @Test
    void clientsFromFactoriesShareThePoolAndTheDispatcher() throws Exception {
        DataHubClientFactory factory = DataHubClientFactory.of(config().build());
        DataHubClientFactory other =
                DataHubClientFactory.of(config().readTimeout(Duration.ofSeconds(7)).build());
        try (HttpDataHubClient a = (HttpDataHubClient) factory.create();
                HttpDataHubClient b = (HttpDataHubClient) other.create()) {
            OkHttpClient httpA = a.transport().okHttp();
            OkHttpClient httpB = b.transport().okHttp();
            assertThat(httpA).isNotSameAs(httpB);
            assertThat(httpA.connectionPool()).isSameAs(httpB.connectionPool());
            assertThat(httpA.dispatcher()).isSameAs(httpB.dispatcher());
            assertThat(httpB.readTimeoutMillis()).isEqualTo(7000);

            // One connection serves both clients, one after the other.
            server.enqueue(json(200, "{\"ProjectNames\":[]}"));
            server.enqueue(json(200, "{\"ProjectNames\":[]}"));
            a.listProjects();
            b.listProjects();
            take();
            assertThat(take().getSequenceNumber())
                    .as("second request on the same connection")
                    .isEqualTo(1);
        }
    }

    @Test
    void closingOneClientLeavesTheOtherWorking() throws Exception {
        DataHubClientFactory factory = DataHubClientFactory.of(config().build());
        HttpDataHubClient closing = (HttpDataHubClient) factory.create();
        try (HttpDataHubClient survivor = (HttpDataHubClient) factory.create()) {
            server.enqueue(binary(new byte[0]).setBodyDelay(300, TimeUnit.MILLISECONDS));
            CompletableFuture<Void> inFlight =
                    survivor.putRecordsByShardAsync(
                            "p",
                            "t",
                            "0",
                            java.util.List.of(PutRecord.of(BlobRecord.of(new byte[] {1}))));
            take();

            closing.close();

            inFlight.get(5, TimeUnit.SECONDS);
            assertThat(survivor.transport().okHttp().dispatcher().executorService().isShutdown())
                    .isFalse();
            server.enqueue(json(200, "{\"ProjectNames\":[\"p\"]}"));
            assertThat(survivor.listProjects()).containsExactly("p");
        }
    }

    @Test
    void socketsHaveTcpNoDelay() throws Exception {
        SharedHttp.NoDelaySocketFactory factory =
                new SharedHttp.NoDelaySocketFactory(javax.net.SocketFactory.getDefault());
        try (Socket socket = factory.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
        try (Socket socket = factory.createSocket(server.getHostName(), server.getPort())) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
        assertThat(SharedHttp.base().socketFactory())
                .isInstanceOf(SharedHttp.NoDelaySocketFactory.class);
        server.enqueue(new MockResponse());
    }
}
