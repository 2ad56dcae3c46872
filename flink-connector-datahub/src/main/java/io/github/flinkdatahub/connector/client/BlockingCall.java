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
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The blocking record calls, run on the caller's thread with OkHttp's {@link Call#execute()}: the
 * same attempts, classification and bounds as {@link AsyncCall}, without the two thread hand-offs
 * per call of waiting for a future (which cost up to a fifth of the throughput on a busy machine).
 * This is not a second retry layer: a call is either asynchronous or blocking.
 *
 * <p>A socket read does not notice {@link Thread#interrupt()}, so a watchdog on the shared timer
 * checks the threads blocked here every {@value #WATCH_MILLIS} ms and cancels the call of an
 * interrupted one; {@link HttpTransport#close()} cancels them directly. The backoff between
 * attempts waits for a timer task, so an interrupt or close ends it at once, too.
 */
final class BlockingCall {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingCall.class);

    static final long WATCH_MILLIS = 10;

    /** Attempts blocked in {@code execute()} or a backoff, of every transport of the JVM. */
    private static final Set<BlockingCall> BLOCKED = ConcurrentHashMap.newKeySet();

    private static Future<?> watchdog;

    private final HttpTransport transport;
    private final HttpTransport.HttpCall call;
    private final Thread thread = Thread.currentThread();
    private volatile Call attempt;
    private volatile CompletableFuture<Void> backoff;
    private volatile boolean interrupted;

    private BlockingCall(HttpTransport transport, HttpTransport.HttpCall call) {
        this.transport = transport;
        this.call = call;
    }

    /** Runs the call with retries on the caller's thread. */
    static <T> T execute(
            HttpTransport transport,
            HttpTransport.HttpCall call,
            HttpTransport.ResponseDecoder<T> decoder) {
        BlockingCall blocking = new BlockingCall(transport, call);
        register(blocking);
        try {
            return blocking.run(decoder);
        } finally {
            BLOCKED.remove(blocking);
        }
    }

    private <T> T run(HttpTransport.ResponseDecoder<T> decoder) {
        for (int retries = 0; ; retries++) {
            DataHubException failure;
            try {
                return attemptOnce(decoder);
            } catch (DataHubException e) {
                failure = e;
            }
            RetryPolicy policy = transport.retryPolicy();
            if (!policy.shouldRetry(failure, call.write(), retries)) {
                throw failure;
            }
            checkInterruptOrClose(failure);
            waitBeforeRetry(policy.backoff(retries), failure);
        }
    }

    private <T> T attemptOnce(HttpTransport.ResponseDecoder<T> decoder) {
        checkInterruptOrClose(null);
        Call current = transport.newCall(call);
        attempt = current;
        if (transport.isClosed() || interrupted) {
            current.cancel();
        }
        try (Response response = current.execute()) {
            return decoder.decode(transport.readResponse(call, response));
        } catch (DataHubException e) {
            throw e;
        } catch (IOException e) {
            checkInterruptOrClose(null);
            throw new DataHubTransportException(
                    call.describe() + " failed: " + e, HttpTransport.requestStarted(current), e);
        } catch (Exception e) {
            throw new DataHubDecodeException(
                    "Cannot decode the response of " + call.describe() + ": " + e, 0, null, e);
        } finally {
            attempt = null;
        }
    }

    private void waitBeforeRetry(Duration delay, DataHubException failure) {
        LOG.debug(
                "Retrying {} in {} ms after: {}",
                call.describe(),
                delay.toMillis(),
                failure.getMessage());
        CompletableFuture<Void> timer = new CompletableFuture<>();
        backoff = timer;
        Future<?> task = transport.scheduler().schedule(() -> timer.complete(null), delay);
        boolean wakeUpInterrupted = false;
        try {
            if (transport.isClosed()) {
                timer.cancel(false);
            }
            timer.get();
        } catch (InterruptedException e) {
            wakeUpInterrupted = true;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // Cancelled by close() or by the watchdog after an interrupt: checked below.
        } finally {
            task.cancel(false);
            backoff = null;
        }
        if (transport.isClosed()) {
            checkInterruptOrClose(failure);
        }
        if (wakeUpInterrupted || interrupted || thread.isInterrupted()) {
            thread.interrupt();
            DataHubException stopped =
                    new DataHubException(
                            "Interrupted while waiting to retry " + call.describe(), false, null);
            stopped.addSuppressed(failure);
            throw stopped;
        }
    }

    /** Throws the closed or interrupted error if either happened; keeps the interrupt flag. */
    private void checkInterruptOrClose(DataHubException failure) {
        if (transport.isClosed()) {
            DataHubException closed = transport.closedError(call);
            if (failure != null) {
                closed.addSuppressed(failure);
            }
            throw closed;
        }
        if (interrupted || thread.isInterrupted()) {
            thread.interrupt();
            DataHubException stopped =
                    new DataHubException(call.describe() + " was interrupted", false, failure);
            throw stopped;
        }
    }

    /** Cancels the I/O or the backoff this call is blocked in. */
    private void abort() {
        Call current = attempt;
        if (current != null) {
            current.cancel();
        }
        CompletableFuture<Void> timer = backoff;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Called by {@link HttpTransport#close()}: aborts that transport's blocked calls. */
    static void closeAll(HttpTransport transport) {
        for (BlockingCall blocking : BLOCKED) {
            if (blocking.transport == transport) {
                blocking.abort();
            }
        }
    }

    /** How many calls of the transport are blocked here. */
    static int count(HttpTransport transport) {
        int n = 0;
        for (BlockingCall blocking : BLOCKED) {
            if (blocking.transport == transport) {
                n++;
            }
        }
        return n;
    }

    private static void register(BlockingCall blocking) {
        BLOCKED.add(blocking);
        synchronized (BlockingCall.class) {
            if (watchdog == null) {
                watchdog = SharedHttp.every(Duration.ofMillis(WATCH_MILLIS), BlockingCall::watch);
            }
        }
    }

    private static void watch() {
        if (BLOCKED.isEmpty()) {
            synchronized (BlockingCall.class) {
                if (BLOCKED.isEmpty() && watchdog != null) {
                    watchdog.cancel(false);
                    watchdog = null;
                }
            }
            return;
        }
        for (BlockingCall blocking : BLOCKED) {
            if (blocking.thread.isInterrupted()) {
                blocking.interrupted = true;
                blocking.abort();
            }
        }
    }
}
