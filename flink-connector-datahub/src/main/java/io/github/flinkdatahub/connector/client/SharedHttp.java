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

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What all HTTP clients in one JVM (one class loader) share: one OkHttp dispatcher and connection
 * pool, the {@code TCP_NODELAY} socket factory and the timer that schedules retries.
 *
 * <p>Each {@link HttpTransport} derives its own {@link OkHttpClient} with {@link
 * OkHttpClient#newBuilder()} for its timeouts and listener; that keeps the dispatcher and the pool
 * shared, so closing one client cancels only its own calls and never shuts them down. All threads
 * are daemon threads that end after a minute idle.
 */
final class SharedHttp {

    /**
     * Calls in flight across all clients of the JVM. OkHttp's default of 5 per host would queue a
     * TaskManager's readers and writers behind each other, since they all talk to one endpoint.
     */
    static final int MAX_REQUESTS = 256;

    private static final OkHttpClient BASE;
    private static final ScheduledThreadPoolExecutor TIMER;

    static {
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(
                        0,
                        Integer.MAX_VALUE,
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        daemonThreads("datahub-http-"));
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        BASE =
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                        .socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
                        .build();
        TIMER = new ScheduledThreadPoolExecutor(1, daemonThreads("datahub-retry-timer-"));
        TIMER.setRemoveOnCancelPolicy(true);
        TIMER.setKeepAliveTime(60, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true);
    }

    private SharedHttp() {}

    /** The shared base client; derive per-client settings with {@code newBuilder()}. */
    static OkHttpClient base() {
        return BASE;
    }

    /** The retry timer: schedules a task without blocking any caller. */
    static final RetryScheduler SCHEDULER =
            (task, delay) -> TIMER.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);

    /** Runs {@code task} repeatedly on the timer thread until the result is cancelled. */
    static Future<?> every(Duration period, Runnable task) {
        long nanos = period.toNanos();
        return TIMER.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Schedules retries; replaced in tests by one that records the delays. */
    @FunctionalInterface
    interface RetryScheduler {

        /** Runs {@code task} once after {@code delay}; cancelling the result drops it. */
        Future<?> schedule(Runnable task, Duration delay);
    }

    /**
     * Sets {@code TCP_NODELAY} on every socket: OkHttp does not, and without it the last segment of
     * a request waits for the server's delayed ACK (about 40 ms per put on Linux).
     */
    static final class NoDelaySocketFactory extends SocketFactory {

        private final SocketFactory delegate;

        NoDelaySocketFactory(SocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(
                InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
