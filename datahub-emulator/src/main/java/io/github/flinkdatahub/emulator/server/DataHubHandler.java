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
import io.github.flinkdatahub.emulator.engine.EngineException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's single Jetty handler: reads and decompresses the body, checks the signature,
 * routes (section 4.0), applies injected faults, runs the operation and writes the reply. Every
 * response carries {@code x-datahub-request-id}; every failure becomes a DataHub error body, never
 * a dropped connection (unless a fault asks for one).
 *
 * <p>Runs on Jetty's pool threads; blocking is fine (the handler is invoked as blocking).
 */
final class DataHubHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(DataHubHandler.class);
    static final String REQUEST_ID = "x-datahub-request-id";
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final Operations operations;
    private final RequestIds requestIds;
    private final FaultInjector faults;
    private final SignatureVerifier signatures;

    public DataHubHandler(
            Operations operations,
            RequestIds requestIds,
            FaultInjector faults,
            SignatureVerifier signatures) {
        this.operations = operations;
        this.requestIds = requestIds;
        this.faults = faults;
        this.signatures = signatures;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = requestIds.next();
        response.getHeaders().put(REQUEST_ID, requestId);
        HttpReply reply;
        try {
            reply = process(request, requestId);
        } catch (DropConnection drop) {
            LOG.debug("Fault injection: dropping the connection of request {}", requestId);
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("connection dropped by fault injection"));
            return true;
        } catch (EngineException e) {
            LOG.debug("Request {} failed: {} {}", requestId, e.errorCode(), e.getMessage());
            reply = HttpReply.error(e, requestId);
        } catch (Exception | Error e) {
            LOG.error("Request {} failed unexpectedly", requestId, e);
            reply =
                    HttpReply.error(
                            500,
                            "InternalServerError",
                            "The emulator failed unexpectedly: " + e,
                            requestId);
        }
        write(response, reply, callback);
        return true;
    }

    static void write(Response response, HttpReply reply, Callback callback) {
        response.setStatus(reply.status());
        if (reply.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private HttpReply process(Request request, String requestId) throws IOException {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        byte[] raw = readBody(request);
        if (signatures != null) {
            signatures.verify(
                    new SignatureVerifier.SignedRequest(method, path, query, headers(request)));
        }
        byte[] body =
                Compression.decode(
                        raw,
                        request.getHeaders().get(HttpHeader.CONTENT_ENCODING),
                        request.getHeaders().get("x-datahub-content-raw-size"),
                        RequestLimits.MAX_BODY_BYTES);
        ContentKind kind = ContentKind.of(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        String headerAction = request.getHeaders().get("x-datahub-request-action");
        boolean binary =
                headerAction != null
                        && (kind == ContentKind.PROTOBUF || kind == ContentKind.BINARY);
        ObjectNode json = binary ? Json.object() : Json.parseObject(body);
        Route route =
                Router.route(
                        new Router.RequestShape(
                                method,
                                path,
                                binary ? null : Json.text(json, "Action", false),
                                headerAction,
                                kind,
                                json::has));
        LOG.debug("Request {}: {} {} -> {}", requestId, method, path, route.operation());
        applyFaults(route);
        byte[] pbPayload =
                binary && route.operation() != Operation.Unsupported ? PbFrame.decode(body) : null;
        return operations.execute(new Exchange(route, queryParams(request), json, pbPayload));
    }

    private void applyFaults(Route route) {
        FaultInjector.Fault fault = faults.decide(route.operation().name());
        if (!fault.latency().isZero()) {
            try {
                Thread.sleep(fault.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.dropConnection()) {
            throw new DropConnection();
        }
        if (fault.isError()) {
            throw new EngineException(
                    fault.status(),
                    fault.errorCode(),
                    "Injected fault: " + fault.errorCode() + " for " + route.operation());
        }
    }

    /**
     * Reads the body; past 4 MB the rest is drained (up to a hard cap) so the client can read the
     * error instead of seeing a broken pipe, then the request is rejected.
     */
    private static byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared >= 0 && declared <= RequestLimits.MAX_BODY_BYTES) {
            // The usual case: read straight into an array of the declared size (no copies).
            byte[] body = new byte[(int) declared];
            int n = 0;
            try (InputStream in = Content.Source.asInputStream(request)) {
                while (n < body.length) {
                    int r = in.read(body, n, body.length - n);
                    if (r < 0) {
                        return Arrays.copyOf(body, n);
                    }
                    n += r;
                }
            }
            return body;
        }
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(
                        declared > 0 && declared <= RequestLimits.MAX_BODY_BYTES
                                ? (int) declared
                                : 256);
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total <= RequestLimits.MAX_BODY_BYTES) {
                    out.write(buf, 0, n);
                } else if (total > DRAIN_LIMIT) {
                    break;
                }
            }
        }
        if (total > RequestLimits.MAX_BODY_BYTES) {
            throw RequestLimits.tooLarge(Math.max(total, declared), RequestLimits.MAX_BODY_BYTES);
        }
        return out.toByteArray();
    }

    private static List<Map.Entry<String, String>> headers(Request request) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (HttpField f : request.getHeaders()) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(f.getName(), f.getValue()));
        }
        return out;
    }

    private static Map<String, String> queryParams(Request request) {
        Map<String, String> out = new HashMap<>();
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw EngineException.invalidParameter(
                    "The query string is not valid URL encoding: " + e.getMessage());
        }
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    /** Thrown to close the connection without a response (fault injection). */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("drop", null, false, false);
        }
    }
}
