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

import io.github.flinkdatahub.emulator.FaultInjector;
import io.github.flinkdatahub.emulator.engine.DataHubEngine;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine that fails unexpectedly yields a 500 DataHub error, and the server keeps serving. */
class InternalErrorITCase {

    @Test
    void unexpectedExceptionsBecomeInternalServerError() throws Exception {
        DataHubEngine broken =
                (DataHubEngine)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {DataHubEngine.class},
                                (proxy, method, args) -> {
                                    throw new IllegalStateException("boom in " + method.getName());
                                });
        RequestIds ids = new RequestIds(Clock.systemUTC());
        ShardLimiter none = new ShardLimiter(Clock.systemUTC(), 0, 0);
        DataHubHandler handler =
                new DataHubHandler(
                        new Operations(broken, 1000, none, none), ids, new FaultInjector(), null);
        try (EmulatorServer server = new EmulatorServer("127.0.0.1", 0, handler, ids)) {
            server.start();
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r =
                        client.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + server.port()
                                                                + "/projects"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(500);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(r.body())
                        .startsWith("{\"ErrorCode\":\"InternalServerError\"")
                        .contains("boom in listProjects");
            }
        }
    }
}
