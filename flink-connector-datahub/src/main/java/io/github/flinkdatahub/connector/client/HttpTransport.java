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

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Sends logical calls: compresses and signs each body, enqueues it on the JVM-wide OkHttp
 * dispatcher ({@link SharedHttp}), decodes the response and retries per {@link RetryPolicy} with
 * delays scheduled on a timer ({@link AsyncCall}). Response bodies are always closed; transport
 * failures, decode failures and service errors become distinct exceptions.
 *
 * <p>Threading: no caller thread ever blocks here. Responses are decoded on the OkHttp thread that
 * ran the call: OkHttp runs every call in flight on its own thread (a cached pool), so decoding one
 * response never holds up another call, and handing the bytes to a second pool would only add a
 * thread switch per call. {@link #close()} cancels this transport's calls only; the shared
 * dispatcher and connection pool stay up for the other clients of the JVM.
 */
final class HttpTransport implements AutoCloseable {

    static final String CLIENT_VERSION = "1.1";
    static final String HEADER_REQUEST_ID = "x-datahub-request-id";
    static final String HEADER_RAW_SIZE = "x-datahub-content-raw-size";
    static final String HEADER_ACTION = "x-datahub-request-action";
    static final String HEADER_TOKEN = "x-datahub-security-token";

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                    .withZone(ZoneOffset.UTC);

    private final DataHubClientConfig config;
    private final OkHttpClient http;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final SharedHttp.RetryScheduler scheduler;
    private final Set<AsyncCall<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    HttpTransport(
            DataHubClientConfig config,
            Clock clock,
            SharedHttp.RetryScheduler scheduler,
            DoubleSupplier random) {
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.retryPolicy =
                new RetryPolicy(
                        config.maxRetries(),
                        config.initialBackoff(),
                        config.maxBackoff(),
                        config.retryWritesAllowingDuplicates(),
                        random);
        // newBuilder() shares the dispatcher, the connection pool and the socket factory.
        this.http =
                SharedHttp.base()
                        .newBuilder()
                        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .writeTimeout(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        // OkHttp would silently re-send a POST on some connection failures;
                        // retries are decided here, where writes are known.
                        .retryOnConnectionFailure(false)
                        .eventListenerFactory(call -> SEND_TRACKING_LISTENER)
                        .build();
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    SharedHttp.RetryScheduler scheduler() {
        return scheduler;
    }

    OkHttpClient okHttp() {
        return http;
    }

    /** How many calls of this transport are in flight or waiting for a retry. */
    int callsInFlight() {
        return inFlight.size() + BlockingCall.count(this);
    }

    /** One HTTP call; {@code write} marks non-idempotent record puts. */
    record HttpCall(
            String method,
            String path,
            String contentType,
            byte[] body,
            String requestAction,
            boolean write,
            CompressionType precompressed,
            int rawSize) {

        /** A call whose body the transport compresses as configured. */
        HttpCall(
                String method,
                String path,
                String contentType,
                byte[] body,
                String requestAction,
                boolean write) {
            this(method, path, contentType, body, requestAction, write, null, -1);
        }

        String describe() {
            return method + " " + path;
        }
    }

    /** Turns a successful response into the call's result; runs on the OkHttp thread. */
    @FunctionalInterface
    interface ResponseDecoder<T> {
        T decode(HttpResult result) throws Exception;
    }

    /**
     * Starts a call and returns at once. Cancelling the future cancels the HTTP call in flight and
     * any scheduled retry.
     */
    <T> CompletableFuture<T> executeAsync(HttpCall call, ResponseDecoder<T> decoder) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError(call));
        }
        AsyncCall<T> future = new AsyncCall<>(this, call, decoder);
        inFlight.add(future);
        future.whenComplete((value, failure) -> inFlight.remove(future));
        if (closed) {
            // close() may have run before the call was registered.
            future.failClosed();
        } else {
            future.start();
        }
        return future;
    }

    /**
     * The blocking form for control-plane calls: waits for {@link #executeAsync}, so an interrupt
     * cancels the call at once and restores the flag (see {@link Futures#await}).
     */
    HttpResult execute(HttpCall call) {
        return Futures.await(executeAsync(call, HttpResult::materialize), call.describe());
    }

    /**
     * The blocking form for record calls: runs on the caller's thread ({@link BlockingCall}); an
     * interrupt or {@link #close()} cancels the call within milliseconds.
     */
    <T> T executeBlocking(HttpCall call, ResponseDecoder<T> decoder) {
        if (closed) {
            throw closedError(call);
        }
        return BlockingCall.execute(this, call, decoder);
    }

    boolean isClosed() {
        return closed;
    }

    DataHubException closedError(HttpCall call) {
        return new DataHubException(
                "The DataHub client is closed: " + call.describe() + " was cancelled or refused",
                false,
                null);
    }

    /** Builds one attempt: a fresh Date header and signature each time. */
    Call newCall(HttpCall call) {
        HttpUrl url = HttpUrl.get(config.endpoint() + call.path());
        Map<String, String> headers = new LinkedHashMap<>();
        String date = RFC_1123.format(clock.instant());
        headers.put("Date", date);
        headers.put("x-datahub-client-version", CLIENT_VERSION);
        headers.put("User-Agent", config.userAgent());
        if (call.requestAction() != null) {
            headers.put(HEADER_ACTION, call.requestAction());
        }
        byte[] body = call.body();
        CompressionType compression = config.compression();
        // Batch mode compresses inside the batch; like the SDK, HTTP compression is off then.
        if (compression != CompressionType.NONE && config.protocol() != BodyProtocol.BATCH) {
            headers.put("Accept-Encoding", compression.headerValue());
            if (call.precompressed() == compression) {
                // Compressed before (records prepared for a later put): sent as they are.
                headers.put("Content-Encoding", compression.headerValue());
                headers.put(HEADER_RAW_SIZE, Integer.toString(call.rawSize()));
            } else if (body != null && body.length > 0) {
                byte[] compressed = BodyCodecs.compress(compression, body);
                // Like the Python and Go SDKs, only send the compressed form when it is smaller.
                if (compressed.length < body.length) {
                    headers.put("Content-Encoding", compression.headerValue());
                    headers.put(HEADER_RAW_SIZE, Integer.toString(body.length));
                    body = compressed;
                }
            }
        }
        Credentials credentials =
                config.credentialsProvider() == null
                        ? null
                        : config.credentialsProvider().getCredentials();
        if (credentials != null && credentials.securityToken() != null) {
            headers.put(HEADER_TOKEN, credentials.securityToken());
        }
        String contentType = body == null ? null : call.contentType();
        if (credentials != null
                && !credentials.accessKeyId().isEmpty()
                && !credentials.accessKeySecret().isEmpty()) {
            String resource = url.encodedPath() + (url.query() == null ? "" : "?" + url.query());
            headers.put(
                    "Authorization",
                    RequestSigner.authorization(
                            credentials, call.method(), contentType, date, headers, resource));
        }

        Request.Builder request = new Request.Builder().url(url);
        headers.forEach(request::header);
        RequestBody requestBody =
                body == null ? null : RequestBody.create(body, MediaType.get(contentType));
        if (requestBody == null && (call.method().equals("POST") || call.method().equals("PUT"))) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        request.method(call.method(), requestBody);
        request.tag(SendTracker.class, new SendTracker());
        return http.newCall(request.build());
    }

    /** Whether OkHttp had started to write the request of this attempt when it failed. */
    static boolean requestStarted(Call call) {
        SendTracker tracker = call.request().tag(SendTracker.class);
        return tracker != null && tracker.requestStarted;
    }

    /**
     * Reads the status and headers; an error status becomes a {@link DataHubException}. A success
     * with an uncompressed body is handed on unread, so that a decoder can stream-parse it.
     */
    HttpResult readResponse(HttpCall call, Response response) {
        int status = response.code();
        String requestId = response.header(HEADER_REQUEST_ID);
        ResponseBody responseBody = response.body();
        String encoding = response.header("Content-Encoding");
        boolean identity =
                encoding == null || encoding.isBlank() || encoding.trim().equals("identity");
        if (status < 400 && identity && responseBody != null) {
            return new HttpResult(status, requestId, null, responseBody, call);
        }
        byte[] raw = responseBody == null ? new byte[0] : HttpResult.readFully(call, responseBody);
        byte[] body;
        try {
            body =
                    BodyCodecs.decompress(
                            encoding, raw, parseRawSize(response.header(HEADER_RAW_SIZE)));
        } catch (IOException e) {
            throw new DataHubDecodeException(
                    "Cannot decode the response of " + call.describe() + ": " + e.getMessage(),
                    status,
                    requestId,
                    e);
        }
        if (status >= 400) {
            throw ServiceErrors.fromResponse(status, requestId, body);
        }
        return new HttpResult(status, requestId, body, null, call);
    }

    private static int parseRawSize(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Cancels every call of this client in flight or waiting for a retry (their futures fail with a
     * non-retryable "client is closed" error) and refuses new calls. Returns at once.
     */
    @Override
    public void close() {
        closed = true;
        for (AsyncCall<?> call : inFlight) {
            call.failClosed();
        }
        BlockingCall.closeAll(this);
    }

    /** Per-attempt flag set once OkHttp starts writing the request, so failures before are safe. */
    private static final class SendTracker {
        volatile boolean requestStarted;
    }

    private static final EventListener SEND_TRACKING_LISTENER =
            new EventListener() {
                @Override
                public void requestHeadersStart(Call call) {
                    SendTracker tracker = call.request().tag(SendTracker.class);
                    if (tracker != null) {
                        tracker.requestStarted = true;
                    }
                }
            };
}
