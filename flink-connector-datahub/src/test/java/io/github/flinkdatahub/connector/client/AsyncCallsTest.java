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

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The asynchronous record calls: results, each error class, and retries scheduled on a timer. */
class AsyncCallsTest extends MockServerTestBase {

    private static final List<PutRecord> BLOB =
            List.of(PutRecord.of(BlobRecord.of(new byte[] {1, 2, 3})));
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void getRecordsAsyncReturnsBeforeTheResponseAndCompletesWithIt() throws Exception {
        String next = "30005af19b3800000000000000000001";
        server.enqueue(
                json(200, "{\"NextCursor\":\"" + next + "\",\"RecordCount\":0,\"Records\":[]}")
                        .setBodyDelay(300, TimeUnit.MILLISECONDS));
        CompletableFuture<GetRecordsResult> future =
                client(b -> b.protocol(BodyProtocol.JSON))
                        .getRecordsAsync("p", "t", "0", "c", 10, null);
        assertThat(future).as("returned before the body arrived").isNotDone();
        GetRecordsResult result = future.get(5, TimeUnit.SECONDS);
        assertThat(result.nextCursor()).isEqualTo(next);
        assertThat(result.records()).isEmpty();
    }

    @Test
    void putRecordsAsyncCompletesWithTheResult() throws Exception {
        server.enqueue(binary(DhubFrame.frame(Hex.bytes("0800"))));
        PutRecordsResult result = client().putRecordsAsync("p", "t", BLOB).get(5, TimeUnit.SECONDS);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(take().getPath()).isEqualTo("/projects/p/topics/t/shards");
    }

    @Test
    void putRecordsByShardAsyncCompletes() throws Exception {
        server.enqueue(binary(new byte[0]));
        assertThat(client().putRecordsByShardAsync("p", "t", "3", BLOB).get(5, TimeUnit.SECONDS))
                .isNull();
        assertThat(take().getPath()).isEqualTo("/projects/p/topics/t/shards/3");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(error(400, "InvalidCursor", "bad"), InvalidCursorException.class),
                Arguments.of(error(404, "NoSuchShard", "gone"), ResourceNotFoundException.class),
                Arguments.of(
                        error(400, "InvalidShardOperation", "sealed"), ShardSealedException.class),
                Arguments.of(error(403, "Unauthorized", "no"), AuthorizationException.class),
                Arguments.of(error(429, "LimitExceeded", "slow"), LimitExceededException.class),
                Arguments.of(error(503, "ServiceUnavailable", "busy"), DataHubException.class),
                Arguments.of(binary(new byte[] {1, 2, 3}), DataHubDecodeException.class));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void futuresFailWithEachErrorClass(MockResponse response, Class<?> expected) {
        server.enqueue(response);
        CompletableFuture<GetRecordsResult> future =
                client(b -> b.maxRetries(0)).getRecordsAsync("p", "t", "0", "c", 10, null);
        CompletionException e = catchThrowableOfType(CompletionException.class, future::join);
        assertThat(e.getCause()).isExactlyInstanceOf(expected);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionFailsTheFutureWithATransportError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CompletableFuture<Void> future =
                client(b -> b.endpoint("http://127.0.0.1:" + closedPort).maxRetries(0))
                        .putRecordsByShardAsync("p", "t", "0", BLOB);
        CompletionException e = catchThrowableOfType(CompletionException.class, future::join);
        assertThat(e.getCause()).isInstanceOf(DataHubTransportException.class);
        assertThat(((DataHubTransportException) e.getCause()).requestSent()).isFalse();
    }

    @Test
    void retriesAreScheduledWithThePolicyDelaysAndNoThreadSleeps() throws Exception {
        // Throttling proves a put was not applied, so the write is retried.
        server.enqueue(error(429, "LimitExceeded", "slow down"));
        server.enqueue(error(429, "LimitExceeded", "slow down"));
        server.enqueue(binary(new byte[0]));
        ManualScheduler scheduler = new ManualScheduler();
        HttpDataHubClient client =
                client(
                        config().build(),
                        d -> {
                            throw new AssertionError("no thread may sleep for a retry");
                        },
                        scheduler);
        Thread caller = Thread.currentThread();

        CompletableFuture<Void> future = client.putRecordsByShardAsync("p", "t", "0", BLOB);

        ManualScheduler.Task first = scheduler.awaitTask(WAIT);
        // random() = 0.5 of the caps 100 ms and 200 ms
        assertThat(first.delay).isEqualTo(Duration.ofMillis(50));
        assertThat(first.scheduledBy).isNotSameAs(caller);
        assertThat(future).as("waits for the timer, not a sleeping thread").isNotDone();
        assertThat(server.getRequestCount()).isEqualTo(1);
        first.fire();

        ManualScheduler.Task second = scheduler.awaitTask(WAIT);
        assertThat(second.delay).isEqualTo(Duration.ofMillis(100));
        assertThat(future).isNotDone();
        second.fire();

        future.get(5, TimeUnit.SECONDS);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(scheduler.isEmpty()).isTrue();
    }

    @Test
    void ambiguousWriteFailuresAreNotRetriedAsynchronouslyEither() {
        server.enqueue(error(500, "InternalServerError", "maybe written"));
        ManualScheduler scheduler = new ManualScheduler();
        CompletableFuture<PutRecordsResult> future =
                client(config().build(), d -> {}, scheduler).putRecordsAsync("p", "t", BLOB);
        CompletionException e = catchThrowableOfType(CompletionException.class, future::join);
        assertThat(e.getCause()).hasMessageContaining("maybe written");
        assertThat(scheduler.isEmpty()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theSharedTimerRunsRetries() throws Exception {
        server.enqueue(error(429, "LimitExceeded", "slow down"));
        server.enqueue(binary(new byte[0]));
        HttpDataHubClient client =
                client(
                        config().initialBackoff(Duration.ofMillis(20)).build(),
                        d -> {
                            throw new AssertionError("no thread may sleep for a retry");
                        },
                        SharedHttp.SCHEDULER);
        client.putRecordsByShardAsync("p", "t", "0", BLOB).get(5, TimeUnit.SECONDS);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
