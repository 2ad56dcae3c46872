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

package io.github.flinkdatahub.emulator;

import io.github.flinkdatahub.emulator.conformance.Wire;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malformed, oversized, unknown and unsupported requests all get a DataHub error with the exact
 * Content-Type, and the emulator keeps answering correctly afterwards.
 */
class MalformedRequestsITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    private static final String SHARD = "/projects/robust/topics/b/shards/0";
    private static final String[] PB_PUB = {
        "Content-Type", "application/x-protobuf", "x-datahub-request-action", "pub"
    };

    private static RawHttp http;

    @BeforeAll
    static void createTopic() {
        http = new RawHttp(EMULATOR.endpoint());
        assertThat(http.json("POST", "/projects/robust", "{\"Comment\":\"c\"}").statusCode())
                .isEqualTo(201);
        assertThat(
                        http.json(
                                        "POST",
                                        "/projects/robust/topics/b",
                                        "{\"Action\":\"create\",\"ShardCount\":1,\"Lifecycle\":1,"
                                                + "\"RecordType\":\"BLOB\",\"Comment\":\"c\"}")
                                .statusCode())
                .isEqualTo(201);
    }

    @AfterEach
    void stillServesCorrectAnswers() {
        HttpResponse<String> r = http.json("GET", "/projects/robust", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"Comment\":\"c\"");
    }

    @Test
    void badJson() {
        assertError(
                http.json("POST", "/projects/robust/topics/x", "{\"Action\":"),
                400,
                "InvalidParameter");
        assertError(
                http.json("POST", "/projects/robust/topics/x", "[1,2]"), 400, "InvalidParameter");
        assertError(
                http.json("POST", "/projects/robust/topics/x", "{} trailing"),
                400,
                "InvalidParameter");
    }

    @Test
    void wrongJsonTypes() {
        HttpResponse<String> r =
                http.json(
                        "POST",
                        "/projects/robust/topics/x",
                        "{\"Action\":\"create\",\"ShardCount\":\"3\",\"Lifecycle\":1,"
                                + "\"RecordType\":\"BLOB\"}");
        assertError(r, 400, "InvalidParameter");
        assertThat(r.body()).contains("ShardCount");
        assertError(
                http.json("POST", SHARD, "{\"Action\":\"cursor\",\"Type\":5}"),
                400,
                "InvalidParameter");
        assertError(
                http.json(
                        "POST",
                        "/projects/robust/topics/b/shards",
                        "{\"Action\":\"pub\",\"Records\":{}}"),
                400,
                "InvalidParameter");
    }

    @Test
    void junkKeysAreIgnored() {
        HttpResponse<String> r =
                http.json(
                        "POST",
                        "/projects/robust/topics/b/shards",
                        "{\"Action\":\"pub\",\"Records\":[{\"ShardId\":\"0\",\"Data\":\"eHg=\","
                                + "\"estimateSize\":12,\"Sequence\":3}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"FailedRecordCount\":0,\"FailedRecords\":[]}");
    }

    @Test
    void badFramesAndCrcs() {
        assertError(
                http.send("POST", SHARD, "garbage".getBytes(StandardCharsets.US_ASCII), PB_PUB),
                400,
                "InvalidParameter");
        byte[] good =
                HexFormat.of()
                        .parseHex("444855426504410c000000130a110a01314a0c0a0a0a08626c6f6264617461");
        byte[] badCrc = good.clone();
        badCrc[5] ^= 1;
        assertError(http.send("POST", SHARD, badCrc, PB_PUB), 400, "InvalidParameter");
        byte[] tooLong = good.clone();
        ByteBuffer.wrap(tooLong).putInt(8, 1000);
        assertError(http.send("POST", SHARD, tooLong, PB_PUB), 400, "InvalidParameter");
        byte[] notAMessage = Wire.frame(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x07});
        assertError(http.send("POST", SHARD, notAMessage, PB_PUB), 400, "InvalidParameter");
        // The golden request itself is accepted: put-by-shard success has an empty body.
        HttpResponse<String> ok = http.send("POST", SHARD, good, PB_PUB);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEmpty();
    }

    @Test
    void oversizedBodies() {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r =
                http.send("POST", "/projects/robust", big, "Content-Type", "application/json");
        assertError(r, 400, "InvalidParameter");
        assertThat(r.body()).contains("too large");
        assertError(
                http.send(
                        "POST",
                        "/projects/robust",
                        new byte[] {1},
                        "Content-Type",
                        "application/json",
                        "Content-Encoding",
                        "lz4",
                        "x-datahub-content-raw-size",
                        "999999999"),
                400,
                "InvalidParameter");
    }

    @Test
    void unknownPathsAndMethods() {
        assertError(http.json("GET", "/nope", null), 400, "InvalidUriSpec");
        assertError(http.json("PATCH", "/projects", null), 400, "InvalidUriSpec");
        assertError(
                http.json("GET", "/projects/robust/topics/b/shards/0/x/y", null),
                400,
                "InvalidUriSpec");
        assertError(
                http.json("DELETE", "/projects/robust/topics/b/shards", null),
                400,
                "InvalidUriSpec");
    }

    @Test
    void garbageCompression() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8};
        assertError(compressed("lz4", junk, "100"), 400, "InvalidParameter");
        assertError(compressed("deflate", junk, "8"), 400, "InvalidParameter");
        assertError(
                compressed("zlib", new byte[] {0x78, (byte) 0x9c, 0x01}, "8"),
                400,
                "InvalidParameter");
        assertError(compressed("br", junk, "8"), 400, "InvalidParameter");
        assertError(compressed("lz4", junk, null), 400, "InvalidParameter");
    }

    @Test
    void unsupportedFeaturesAreNamed() {
        HttpResponse<String> batch =
                http.send(
                        "POST",
                        SHARD,
                        new byte[12],
                        "Content-Type",
                        "application/x-binary",
                        "x-datahub-request-action",
                        "pub");
        // Batch mode is implemented: a body that is no DHUB frame is a named bad parameter.
        assertError(batch, 400, "InvalidParameter");
        assertThat(batch.body()).contains("DHUB frame");
        HttpResponse<String> group =
                http.json(
                        "POST",
                        "/projects/robust/topics/b/subscriptions/s",
                        "{\"Action\":\"heartbeat\"}");
        assertError(group, 400, "InvalidParameter");
        assertThat(group.body()).contains("does not implement");
        assertError(
                http.json("GET", "/projects/robust/topics/b/connectors?mode=id", null),
                400,
                "InvalidParameter");
        // The schema registry is implemented; on a BLOB topic it is a named bad parameter.
        HttpResponse<String> schemas =
                http.json("POST", "/projects/robust/topics/b", "{\"Action\":\"ListSchema\"}");
        assertError(schemas, 400, "InvalidParameter");
        assertThat(schemas.body()).contains("TUPLE topics");
    }

    @Test
    void droppedConnectionsAndLatency() {
        EMULATOR.emulator().faults().dropConnections("ListProject", 1.0);
        assertThatThrownBy(() -> http.json("GET", "/projects", null))
                .isInstanceOf(UncheckedIOException.class);
        EMULATOR.emulator().faults().clear();
        EMULATOR.emulator().faults().latency("ListProject", Duration.ofMillis(50));
        long start = System.nanoTime();
        assertThat(http.json("GET", "/projects", null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void httpLevelGarbageGetsADataHubError() throws Exception {
        for (String raw :
                new String[] {
                    "GARBAGE\r\n\r\n",
                    "GET /projects HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                    "GET /projects%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /projects?filter=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                }) {
            String response = rawExchange(raw);
            assertThat(response).as(raw).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("Content-Type: application/json\r\n");
            assertThat(response).containsIgnoringCase("x-datahub-request-id: ");
            assertThat(response).contains("{\"ErrorCode\":\"");
        }
    }

    private static String rawExchange(String request) throws Exception {
        URI uri = URI.create(EMULATOR.endpoint());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpResponse<String> compressed(String encoding, byte[] body, String rawSize) {
        return rawSize == null
                ? http.send(
                        "POST",
                        "/projects/robust/topics/x",
                        body,
                        "Content-Type",
                        "application/json",
                        "Content-Encoding",
                        encoding)
                : http.send(
                        "POST",
                        "/projects/robust/topics/x",
                        body,
                        "Content-Type",
                        "application/json",
                        "Content-Encoding",
                        encoding,
                        "x-datahub-content-raw-size",
                        rawSize);
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().allValues("Content-Type")).containsExactly("application/json");
        String requestId = r.headers().firstValue("x-datahub-request-id").orElseThrow();
        assertThat(requestId).matches("\\d{14}[0-9a-f]{16}");
        assertThat(r.body())
                .startsWith("{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":")
                .endsWith("\"RequestId\":\"" + requestId + "\"}");
    }
}
