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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.flinkdatahub.connector.client.SilentServer.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Cancellation, close and interruption against a server that never answers: each must end the HTTP
 * call (the server sees its connection closed) long before the 10 s read timeout.
 */
class CancellationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final List<PutRecord> BLOB =
            List.of(PutRecord.of(BlobRecord.of(new byte[] {1, 2, 3})));

    private SilentServer server;
    private final List<HttpDataHubClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new SilentServer();
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(HttpDataHubClient::close);
        server.close();
    }

    private HttpDataHubClient client() {
        return client(BodyProtocol.PROTOBUF);
    }

    private HttpDataHubClient client(BodyProtocol protocol) {
        HttpDataHubClient client =
                new HttpDataHubClient(
                        DataHubClientConfig.builder()
                                .endpoint(server.endpoint())
                                .credentials("id", "secret")
                                .protocol(protocol)
                                .readTimeout(Duration.ofSeconds(10))
                                .maxRetries(3)
                                .build());
        clients.add(client);
        return client;
    }

    @Test
    void cancellingAFutureCancelsItsHttpCall() throws Exception {
        HttpDataHubClient client = client();
        CompletableFuture<GetRecordsResult> future =
                client.getRecordsAsync("p", "t", "0", "cursor", 10, null);
        awaitUntil(() -> server.requestsStarted() == 1, WAIT, "the request reached the server");
        assertThat(future).isNotDone();

        assertThat(future.cancel(true)).isTrue();

        awaitUntil(() -> server.closedByClient() == 1, WAIT, "the client closed the connection");
        assertThat(future).isCancelled();
        assertThat(client.transport().callsInFlight()).isZero();
        // The client still works after a cancelled call.
        CompletableFuture<Void> next = client.putRecordsByShardAsync("p", "t", "0", BLOB);
        awaitUntil(() -> server.requestsStarted() == 2, WAIT, "a second request arrived");
        next.cancel(true);
    }

    @Test
    void cancellingABatchModeReadCancelsItsHttpCall() throws Exception {
        HttpDataHubClient client = client(BodyProtocol.BATCH);
        CompletableFuture<GetRecordsResult> future =
                client.getRecordsAsync("p", "t", "0", "cursor", 10, null);
        awaitUntil(() -> server.requestsStarted() == 1, WAIT, "the request reached the server");
        assertThat(future.cancel(true)).isTrue();
        awaitUntil(() -> server.closedByClient() == 1, WAIT, "the client closed the connection");
        assertThat(client.transport().callsInFlight()).isZero();
    }

    @Test
    void closeCancelsEveryCallInFlightPromptlyAndRefusesNewOnes() throws Exception {
        HttpDataHubClient client = client();
        List<CompletableFuture<?>> futures =
                List.of(
                        client.getRecordsAsync("p", "t", "0", "cursor", 10, null),
                        client.putRecordsAsync("p", "t", BLOB),
                        client.putRecordsByShardAsync("p", "t", "1", BLOB));
        awaitUntil(() -> server.requestsStarted() == 3, WAIT, "three requests reached the server");
        assertThat(client.transport().callsInFlight()).isEqualTo(3);

        long start = System.nanoTime();
        client.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofMillis(100));
        for (CompletableFuture<?> future : futures) {
            assertThat(future).isCompletedExceptionally();
            assertClosedError(catchThrowableOfType(CompletionException.class, future::join));
        }
        awaitUntil(() -> server.closedByClient() == 3, WAIT, "all three connections closed");
        assertThat(client.transport().callsInFlight()).isZero();

        CompletableFuture<GetRecordsResult> after =
                client.getRecordsAsync("p", "t", "0", "cursor", 10, null);
        assertClosedError(catchThrowableOfType(CompletionException.class, after::join));
        DataHubException blocking =
                catchThrowableOfType(DataHubException.class, client::listProjects);
        assertThat(blocking.isRetryable()).isFalse();
        assertThat(blocking.getMessage()).contains("client is closed");
        assertThat(server.requestsStarted()).as("nothing sent after close").isEqualTo(3);
    }

    private static void assertClosedError(CompletionException wrapper) {
        assertThat(wrapper).isNotNull();
        assertThat(wrapper.getCause()).isExactlyInstanceOf(DataHubException.class);
        DataHubException e = (DataHubException) wrapper.getCause();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("client is closed");
    }

    @Test
    void anInterruptedBlockingReadReturnsPromptlyWithTheFlagSet() throws Exception {
        HttpDataHubClient client = client();
        assertInterruptible(() -> client.getRecords("p", "t", "0", "cursor", 10, null));
        assertThat(client.transport().callsInFlight()).isZero();
    }

    @Test
    void anInterruptedControlPlaneCallReturnsPromptlyWithTheFlagSet() throws Exception {
        HttpDataHubClient client = client();
        assertInterruptible(client::listProjects);
    }

    private void assertInterruptible(Runnable call) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller =
                new Thread(
                        () -> {
                            try {
                                call.run();
                            } catch (Throwable t) {
                                thrown.set(t);
                            }
                            flag.set(Thread.currentThread().isInterrupted());
                        });
        caller.start();
        awaitUntil(() -> server.requestsStarted() == 1, WAIT, "the request reached the server");

        caller.interrupt();
        caller.join(WAIT.toMillis());

        assertThat(caller.isAlive()).as("the caller returned").isFalse();
        assertThat(flag.get()).as("interrupt flag kept").isTrue();
        assertThat(thrown.get()).isInstanceOf(DataHubException.class);
        assertThat(((DataHubException) thrown.get()).isRetryable()).isFalse();
        assertThat(thrown.get().getMessage()).contains("interrupted");
        awaitUntil(() -> server.closedByClient() == 1, WAIT, "the client closed the connection");
    }

    @Test
    void cancellingDuringABackoffDropsTheScheduledRetry() throws Exception {
        server.close();
        // A refused connection proves nothing was sent, so even a put is retried.
        ManualScheduler scheduler = new ManualScheduler();
        HttpDataHubClient client =
                new HttpDataHubClient(
                        DataHubClientConfig.builder()
                                .endpoint(server.endpoint())
                                .credentials("id", "secret")
                                .maxRetries(3)
                                .build(),
                        java.time.Clock.systemUTC(),
                        d -> {
                            throw new AssertionError("nothing sleeps");
                        },
                        scheduler,
                        () -> 0.5);
        clients.add(client);
        CompletableFuture<Void> future = client.putRecordsByShardAsync("p", "t", "0", BLOB);
        ManualScheduler.Task retry = scheduler.awaitTask(WAIT);

        assertThat(future.cancel(true)).isTrue();

        // The timer task may be handed over a moment after the test saw it scheduled.
        awaitUntil(retry::isCancelled, WAIT, "the scheduled retry was cancelled");
        assertThat(client.transport().callsInFlight()).isZero();
        assertThatThrownBy(future::join)
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void closeEndsABlockingCallOnAnotherThread() throws Exception {
        HttpDataHubClient client = client();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller =
                new Thread(
                        () -> {
                            try {
                                client.putRecordsByShard("p", "t", "0", BLOB);
                            } catch (Throwable t) {
                                thrown.set(t);
                            }
                        });
        caller.start();
        awaitUntil(() -> server.requestsStarted() == 1, WAIT, "the request reached the server");
        assertThat(client.transport().callsInFlight()).isEqualTo(1);

        client.close();
        caller.join(WAIT.toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isExactlyInstanceOf(DataHubException.class);
        assertThat(((DataHubException) thrown.get()).isRetryable()).isFalse();
        assertThat(thrown.get().getMessage()).contains("client is closed");
        awaitUntil(() -> server.closedByClient() == 1, WAIT, "the client closed the connection");
        assertThat(client.transport().callsInFlight()).isZero();
    }

    @Test
    void anInterruptDuringTheBackoffOfABlockingCallEndsIt() throws Exception {
        server.close();
        ManualScheduler scheduler = new ManualScheduler();
        HttpDataHubClient client =
                new HttpDataHubClient(
                        DataHubClientConfig.builder()
                                .endpoint(server.endpoint())
                                .credentials("id", "secret")
                                .maxRetries(3)
                                .initialBackoff(Duration.ofMillis(100))
                                .build(),
                        java.time.Clock.systemUTC(),
                        d -> {
                            throw new AssertionError("nothing sleeps");
                        },
                        scheduler,
                        () -> 0.5);
        clients.add(client);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller =
                new Thread(
                        () -> {
                            try {
                                client.putRecordsByShard("p", "t", "0", BLOB);
                            } catch (Throwable t) {
                                thrown.set(t);
                            }
                            flag.set(Thread.currentThread().isInterrupted());
                        });
        caller.start();
        ManualScheduler.Task retry = scheduler.awaitTask(WAIT);
        assertThat(retry.scheduledBy).isSameAs(caller);
        assertThat(retry.delay).isEqualTo(Duration.ofMillis(50));

        caller.interrupt();
        caller.join(WAIT.toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(flag.get()).isTrue();
        assertThat(thrown.get()).hasMessageContaining("Interrupted while waiting to retry");
        assertThat(thrown.get().getSuppressed()).hasSize(1);
        assertThat(retry.isCancelled()).as("the timer task was dropped").isTrue();
    }
}
