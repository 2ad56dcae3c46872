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
import okhttp3.Callback;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * One logical call in flight: its attempts run on OkHttp's dispatcher ({@link Call#enqueue}), and a
 * retry is a task on the shared timer, so no thread waits for the backoff. Attempts are strictly
 * sequential: each one is started by the failure callback of the previous attempt or by the timer,
 * which orders them.
 *
 * <p>{@link #cancel} and {@link #failClosed} complete the future first and then cancel the HTTP
 * call and the pending retry; a callback that arrives after completion is ignored.
 */
final class AsyncCall<T> extends CompletableFuture<T> implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCall.class);

    private final HttpTransport transport;
    private final HttpTransport.HttpCall call;
    private final HttpTransport.ResponseDecoder<T> decoder;
    private int retries;
    private volatile Call current;
    private volatile Future<?> pendingRetry;

    AsyncCall(
            HttpTransport transport,
            HttpTransport.HttpCall call,
            HttpTransport.ResponseDecoder<T> decoder) {
        this.transport = transport;
        this.call = call;
        this.decoder = decoder;
    }

    /** Starts the next attempt unless the call is already over. */
    void start() {
        if (isDone()) {
            return;
        }
        if (transport.isClosed()) {
            failClosed();
            return;
        }
        Call attempt;
        try {
            attempt = transport.newCall(call);
        } catch (RuntimeException e) {
            // Building the request failed (credentials provider, codec): nothing was sent.
            completeExceptionally(e);
            return;
        }
        current = attempt;
        attempt.enqueue(this);
        if (isDone()) {
            // Cancelled or closed while the attempt was being enqueued.
            attempt.cancel();
        }
    }

    @Override
    public void onFailure(Call attempt, IOException e) {
        if (isDone()) {
            return;
        }
        retryOrFail(
                new DataHubTransportException(
                        call.describe() + " failed: " + e,
                        HttpTransport.requestStarted(attempt),
                        e));
    }

    @Override
    public void onResponse(Call attempt, Response response) {
        T value;
        try (response) {
            if (isDone()) {
                return;
            }
            value = decoder.decode(transport.readResponse(call, response));
        } catch (DataHubException e) {
            retryOrFail(e);
            return;
        } catch (Exception e) {
            completeExceptionally(
                    new DataHubDecodeException(
                            "Cannot decode the response of " + call.describe() + ": " + e,
                            response.code(),
                            response.header(HttpTransport.HEADER_REQUEST_ID),
                            e));
            return;
        } catch (Error e) {
            // Never leave the future hanging: the OkHttp thread would only log it.
            completeExceptionally(e);
            throw e;
        }
        complete(value);
    }

    private void retryOrFail(DataHubException failure) {
        if (isDone()) {
            return;
        }
        if (transport.isClosed()) {
            failClosed();
            return;
        }
        RetryPolicy policy = transport.retryPolicy();
        if (!policy.shouldRetry(failure, call.write(), retries)) {
            completeExceptionally(failure);
            return;
        }
        Duration delay = policy.backoff(retries);
        retries++;
        LOG.debug(
                "Retrying {} in {} ms (retry {}) after: {}",
                call.describe(),
                delay.toMillis(),
                retries,
                failure.getMessage());
        try {
            pendingRetry = transport.scheduler().schedule(this::start, delay);
        } catch (RejectedExecutionException e) {
            failure.addSuppressed(e);
            completeExceptionally(failure);
            return;
        }
        if (isDone()) {
            abort();
        }
    }

    /** Fails the call with the non-retryable "client is closed" error and cancels its I/O. */
    void failClosed() {
        if (completeExceptionally(transport.closedError(call))) {
            abort();
        }
    }

    /** Cancels the future, the HTTP call in flight and any scheduled retry. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            abort();
        }
        return cancelled;
    }

    private void abort() {
        Call attempt = current;
        if (attempt != null) {
            attempt.cancel();
        }
        Future<?> retry = pendingRetry;
        if (retry != null) {
            retry.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "AsyncCall{"
                + call.describe()
                + ", retries="
                + retries
                + ", "
                + super.toString()
                + "}";
    }
}
