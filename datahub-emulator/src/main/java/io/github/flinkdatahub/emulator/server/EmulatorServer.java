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

import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Clock;

/**
 * The Jetty 12 server around {@link DataHubHandler}: one HTTP/1.1 + h2c connector, a thread pool,
 * no {@code Server} header, and an error handler that answers Jetty's own protocol errors (bad
 * request lines, oversized headers) as DataHub errors too.
 */
public final class EmulatorServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    /**
     * A server (not yet started) for the engine, the only entry point of this package: it wires the
     * operations, per-shard limits, request ids, faults and (when {@code accessId} is not null)
     * signature checking.
     *
     * @param clock the clock of request ids, limits, consumer-group sessions and the signature's
     *     Date-skew check
     */
    public static EmulatorServer create(
            String host,
            int port,
            DataHubEngine engine,
            Clock clock,
            long shardListIntervalMillis,
            long writeQps,
            long writeBytesPerSecond,
            long readQps,
            FaultInjector faults,
            String accessId,
            String accessKey) {
        RequestIds ids = new RequestIds(clock);
        Operations operations =
                new Operations(
                        engine,
                        shardListIntervalMillis,
                        new ShardLimiter(clock, writeQps, writeBytesPerSecond),
                        new ShardLimiter(clock, readQps, 0),
                        clock);
        SignatureVerifier signatures =
                accessId == null
                        ? null
                        // The Date skew is judged by the emulator's own (injectable) clock, as the
                        // service judges it by its own: a ManualClock far from the client's wall
                        // clock makes signed requests fail with Unauthorized.
                        : new SignatureVerifier(accessId, accessKey, clock);
        return new EmulatorServer(
                host, port, new DataHubHandler(operations, ids, faults, signatures), ids);
    }

    EmulatorServer(String host, int port, DataHubHandler handler, RequestIds requestIds) {
        QueuedThreadPool pool = new QueuedThreadPool(128, 4);
        pool.setName("datahub-emulator");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(64 * 1024);
        // Signatures cover header values exactly as sent; Jetty's header cache would otherwise
        // hand us its canonical spelling (e.g. "charset=utf-8" for "charset=UTF-8").
        http.setHeaderCacheCaseSensitive(true);
        // HTTP/1.1 by default; a client that opens with the HTTP/2 preface (h2c prior knowledge,
        // as OkHttp's H2_PRIOR_KNOWLEDGE does) is switched to HTTP/2.
        this.connector =
                new ServerConnector(
                        server,
                        1,
                        1,
                        new HttpConnectionFactory(http),
                        new HTTP2CServerConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setErrorHandler(new DataHubErrorHandler(requestIds));
        // Graceful stop waits for every connection to close, and clients keep idle keep-alive
        // connections open: a long timeout made every close() (each test class) wait it out.
        // In-flight requests get this long to finish; an interrupted write is not acknowledged.
        server.setStopTimeout(250);
    }

    /** Binds and starts serving. */
    public void start() throws Exception {
        server.start();
    }

    /** The bound port (the real one when 0 was asked). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Renders errors Jetty raises before our handler runs as DataHub error bodies. */
    private static final class DataHubErrorHandler extends ErrorHandler {
        private final RequestIds requestIds;

        DataHubErrorHandler(RequestIds requestIds) {
            this.requestIds = requestIds;
        }

        @Override
        protected void generateResponse(
                Request request,
                Response response,
                int code,
                String message,
                Throwable cause,
                Callback callback) {
            String requestId = requestIds.next();
            int status = code >= 400 && code <= 599 ? code : 500;
            String errorCode =
                    status == 404 || status == 405
                            ? "InvalidUriSpec"
                            : status >= 500 ? "InternalServerError" : "InvalidParameter";
            response.getHeaders().put(DataHubHandler.REQUEST_ID, requestId);
            DataHubHandler.write(
                    response,
                    HttpReply.error(
                            status >= 500 ? status : 400,
                            errorCode,
                            message == null ? "HTTP error " + code : message,
                            requestId),
                    callback);
        }
    }
}
