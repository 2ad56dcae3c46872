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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Sends one logical call: compresses and signs the body, executes it on the shared OkHttp client,
 * decodes the response and retries per {@link RetryPolicy}. Response bodies are always closed;
 * transport failures, decode failures and service errors become distinct exceptions.
 */
final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

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
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;

    HttpTransport(DataHubClientConfig config, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retryPolicy =
                new RetryPolicy(
                        config.maxRetries(),
                        config.initialBackoff(),
                        config.maxBackoff(),
                        config.retryWritesAllowingDuplicates(),
                        random);
        this.http =
                new OkHttpClient.Builder()
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

    /** One HTTP call; {@code write} marks non-idempotent record puts. */
    record HttpCall(
            String method,
            String path,
            String contentType,
            byte[] body,
            String requestAction,
            boolean write) {}

    /** A successful (status &lt; 400) response with its decompressed body. */
    record HttpResult(int status, byte[] body, String requestId) {}

    HttpResult execute(HttpCall call) {
        for (int retries = 0; ; retries++) {
            try {
                return executeOnce(call);
            } catch (DataHubException e) {
                if (!retryPolicy.shouldRetry(e, call.write(), retries)) {
                    throw e;
                }
                sleepBeforeRetry(call, e, retries);
            }
        }
    }

    private void sleepBeforeRetry(HttpCall call, DataHubException failure, int retries) {
        java.time.Duration delay = retryPolicy.backoff(retries);
        LOG.debug(
                "Retrying {} {} in {} ms after: {}",
                call.method(),
                call.path(),
                delay.toMillis(),
                failure.getMessage());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            DataHubException interrupted =
                    new DataHubException(
                            "Interrupted while waiting to retry "
                                    + call.method()
                                    + " "
                                    + call.path(),
                            false,
                            ie);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private HttpResult executeOnce(HttpCall call) {
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
        if (compression != CompressionType.NONE) {
            headers.put("Accept-Encoding", compression.headerValue());
            if (body != null && body.length > 0) {
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
        SendTracker tracker = new SendTracker();
        request.tag(SendTracker.class, tracker);

        try (Response response = http.newCall(request.build()).execute()) {
            return readResponse(call, response);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()
                    || (e instanceof InterruptedIOException
                            && !(e instanceof SocketTimeoutException))) {
                // The caller is shutting down: do not retry and keep the interrupt visible.
                Thread.currentThread().interrupt();
                throw new DataHubException(
                        call.method() + " " + call.path() + " was interrupted", false, e);
            }
            throw new DataHubTransportException(
                    call.method() + " " + call.path() + " failed: " + e, tracker.requestStarted, e);
        }
    }

    private static HttpResult readResponse(HttpCall call, Response response) throws IOException {
        int status = response.code();
        String requestId = response.header(HEADER_REQUEST_ID);
        ResponseBody responseBody = response.body();
        byte[] raw = responseBody == null ? new byte[0] : responseBody.bytes();
        byte[] body;
        try {
            body =
                    BodyCodecs.decompress(
                            response.header("Content-Encoding"),
                            raw,
                            parseRawSize(response.header(HEADER_RAW_SIZE)));
        } catch (IOException e) {
            throw new DataHubDecodeException(
                    "Cannot decode the response of "
                            + call.method()
                            + " "
                            + call.path()
                            + ": "
                            + e.getMessage(),
                    status,
                    requestId,
                    e);
        }
        if (status >= 400) {
            throw ServiceErrors.fromResponse(status, requestId, body);
        }
        return new HttpResult(status, body, requestId);
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

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Per-call flag set once OkHttp starts writing the request, so failures before are safe. */
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
