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
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Error parsing, retry classification, backoff delays, timeouts and write-retry safety. */
class ErrorsAndRetriesTest extends MockServerTestBase {

    private static final List<PutRecord> BLOB =
            List.of(PutRecord.of(BlobRecord.of(new byte[] {1})));

    @Test
    void parsesServiceErrors() {
        server.enqueue(
                json(
                        404,
                        "{\"ErrorCode\":\"NoSuchProject\",\"ErrorMessage\":\"The specified project"
                                + " name does not exist.\",\"RequestId\":\"body-id\"}"));
        ResourceNotFoundException e =
                catchThrowableOfType(
                        ResourceNotFoundException.class, () -> client().getProject("nope"));
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo("NoSuchProject");
        assertThat(e.requestId()).isEqualTo("req-404");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo(
                        "The specified project name does not exist. (ErrorCode=NoSuchProject, HTTP"
                                + " 404, RequestId=req-404)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestIdFallsBackToTheBody() {
        server.enqueue(
                new MockResponse()
                        .setResponseCode(400)
                        .setBody(
                                "{\"ErrorCode\":\"InvalidCursor\",\"ErrorMessage\":\"bad\",\"RequestId\":\"b1\"}"));
        InvalidCursorException e =
                catchThrowableOfType(
                        InvalidCursorException.class,
                        () -> client().getCursor("p", "t", "0", CursorType.OLDEST));
        assertThat(e.requestId()).isEqualTo("b1");
    }

    @Test
    void htmlErrorFromAProxyStillGivesStatusAndRequestId() {
        server.enqueue(
                new MockResponse()
                        .setResponseCode(502)
                        .setHeader("Content-Type", "text/html")
                        .setHeader("x-datahub-request-id", "proxy-1")
                        .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        DataHubException e =
                catchThrowableOfType(
                        DataHubException.class, () -> client(b -> b.maxRetries(0)).listProjects());
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.requestId()).isEqualTo("proxy-1");
        assertThat(e.errorCode()).isNull();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("502 Bad Gateway").contains("HTTP 502");
    }

    @Test
    void emptyErrorBody() {
        server.enqueue(new MockResponse().setResponseCode(403));
        DataHubException e =
                catchThrowableOfType(DataHubException.class, () -> client().listProjects());
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).contains("HTTP error 403 with an empty body");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void malformedJsonSuccessIsADecodeError() {
        server.enqueue(json(200, "{not json"));
        assertThatThrownBy(() -> client().listProjects())
                .isInstanceOf(DataHubDecodeException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void crcMismatchIsDetectedAndNotRetried() {
        byte[] frame = DhubFrame.frame(Hex.bytes("0a0163100018002000"));
        frame[5] ^= 1;
        server.enqueue(binary(frame));
        DataHubDecodeException e =
                catchThrowableOfType(
                        DataHubDecodeException.class,
                        () -> client().getRecords("p", "t", "0", "c", 10, null));
        assertThat(e.getMessage()).contains("CRC-32C mismatch");
        assertThat(e.requestId()).isEqualTo("req-bin");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesReadsWithExponentialJitteredBackoff() {
        server.enqueue(error(503, "ServiceUnavailable", "busy"));
        server.enqueue(error(500, "InternalServerError", "oops"));
        server.enqueue(error(429, "LimitExceeded", "slow down"));
        server.enqueue(json(200, "{\"ProjectNames\":[\"p\"]}"));
        assertThat(client().listProjects()).containsExactly("p");
        assertThat(server.getRequestCount()).isEqualTo(4);
        // random() = 0.5 of caps 100, 200, 400 ms
        assertThat(retryDelays)
                .containsExactly(
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterTheBound() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(500, "InternalServerError", "oops " + i));
        }
        DataHubException e =
                catchThrowableOfType(
                        DataHubException.class, () -> client(b -> b.maxRetries(2)).listProjects());
        assertThat(e.getMessage()).contains("oops 2");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(retryDelays).hasSize(2);
    }

    @Test
    void fatalErrorsAreNotRetried() {
        server.enqueue(error(400, "InvalidParameter", "bad"));
        assertThatThrownBy(() -> client().listProjects()).isInstanceOf(DataHubException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(retryDelays).isEmpty();
    }

    @Test
    void writesAreNotRetriedOnAmbiguousServerErrors() {
        server.enqueue(error(500, "InternalServerError", "maybe written"));
        assertThatThrownBy(() -> client().putRecordsByShard("p", "t", "0", BLOB))
                .hasMessageContaining("maybe written");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void writesAreRetriedWhenThrottled() {
        server.enqueue(error(429, "LimitExceeded", "slow down"));
        server.enqueue(binary(new byte[0]));
        client().putRecordsByShard("p", "t", "0", BLOB);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void writesAreRetriedOnAmbiguousErrorsWhenDuplicatesAreAllowed() {
        server.enqueue(error(500, "InternalServerError", "maybe written"));
        server.enqueue(binary(DhubFrame.frame(Hex.bytes("0800"))));
        assertThat(
                        client(b -> b.retryWritesAllowingDuplicates(true))
                                .putRecords("p", "t", BLOB)
                                .allSucceeded())
                .isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void readTimeoutIsATransportErrorAfterSending() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        HttpDataHubClient client = client(b -> b.readTimeout(Duration.ofMillis(200)).maxRetries(1));
        DataHubTransportException e =
                catchThrowableOfType(
                        DataHubTransportException.class,
                        () -> client.putRecordsByShard("p", "t", "0", BLOB));
        assertThat(e.requestSent()).isTrue();
        assertThat(e.isRetryable()).isTrue();
        assertThat(server.getRequestCount()).as("ambiguous write not retried").isEqualTo(1);
    }

    @Test
    void readTimeoutsOfReadsAreRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        assertThat(client(b -> b.readTimeout(Duration.ofMillis(200))).listProjects()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void refusedConnectionsAreRetriedEvenForWrites() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpDataHubClient client =
                client(b -> b.endpoint("http://127.0.0.1:" + closedPort).maxRetries(2));
        DataHubTransportException e =
                catchThrowableOfType(
                        DataHubTransportException.class,
                        () -> client.putRecordsByShard("p", "t", "0", BLOB));
        assertThat(e.requestSent()).isFalse();
        assertThat(retryDelays).hasSize(2);
    }

    @Test
    void secretsNeverAppearInErrorsOrToString() throws Exception {
        server.enqueue(error(403, "Unauthorized", "signature mismatch"));
        HttpDataHubClient client =
                client(
                        b ->
                                b.credentialsProvider(
                                        CredentialsProvider.of("id", SECRET, "theToken")));
        DataHubException e = catchThrowableOfType(DataHubException.class, client::listProjects);
        assertThat(e).isInstanceOf(AuthorizationException.class);
        String everything = e.toString() + e.getMessage() + config().build();
        assertThat(everything).doesNotContain(SECRET).doesNotContain("theToken");
        assertThat(take().getHeader("x-datahub-security-token")).isEqualTo("theToken");
    }

    @Test
    void putByShardAcceptsAnyNonFrameSuccessBodyButChecksFrames() {
        server.enqueue(json(200, "{}"));
        HttpDataHubClient client = client();
        client.putRecordsByShard("p", "t", "0", BLOB);
        byte[] frame = DhubFrame.frame(Hex.bytes("0800"));
        frame[4] ^= 1;
        server.enqueue(binary(frame));
        assertThatThrownBy(() -> client.putRecordsByShard("p", "t", "0", BLOB))
                .isInstanceOf(DataHubDecodeException.class)
                .hasMessageContaining("CRC-32C mismatch");
    }

    @Test
    void undecodableCompressedResponseIsADecodeError() {
        server.enqueue(json(200, "garbage").setHeader("Content-Encoding", "lz4"));
        assertThatThrownBy(() -> client().listProjects())
                .isInstanceOf(DataHubDecodeException.class)
                .hasMessageContaining("x-datahub-content-raw-size");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anInterruptedCallerIsNotRetried() {
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        HttpDataHubClient client = client();
        Thread.currentThread().interrupt();
        try {
            DataHubException e = catchThrowableOfType(DataHubException.class, client::listProjects);
            assertThat(e).isNotNull();
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(retryDelays).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }
}
