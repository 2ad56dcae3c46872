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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A raw TCP server that reads requests and never answers; it records when the client closes each
 * connection (the read sees end of stream or a reset), which is how a cancelled call shows.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final CopyOnWriteArrayList<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestsStarted = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Connections whose first request bytes arrived. */
    int requestsStarted() {
        return requestsStarted.get();
    }

    /** Connections the client closed. */
    int closedByClient() {
        return closedByClient.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread reader = new Thread(() -> drain(connection), "silent-server-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void drain(Socket connection) {
        boolean counted = false;
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0 && !counted) {
                    counted = true;
                    requestsStarted.incrementAndGet();
                }
            }
            closedByClient.incrementAndGet();
        } catch (IOException e) {
            // A reset is the client closing too, unless the server itself is shutting down.
            if (!socket.isClosed()) {
                closedByClient.incrementAndGet();
            }
        }
    }

    /** Polls until the condition holds, failing with the message after the timeout. */
    static void awaitUntil(BooleanSupplier condition, Duration timeout, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + message);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
