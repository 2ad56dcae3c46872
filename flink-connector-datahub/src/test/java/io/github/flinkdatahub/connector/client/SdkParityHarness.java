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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jpountz.lz4.LZ4Factory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.CRC32C;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recording HTTP server plus both clients (the official SDK and ours) wired to it, and the
 * decoding/verification helpers the parity tests share. Everything here is independent of our
 * client's own codecs and signer, so a bug there cannot hide itself.
 */
final class SdkParityHarness implements AutoCloseable {

    static final String ACCESS_ID = "parityAccessId";
    static final String SECRET = "paritySecretValue";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<DataHubClient> closeables = new ArrayList<>();
    private volatile Function<RecordedRequest, MockResponse> responder = r -> json(200, "{}");

    SdkParityHarness() throws IOException {
        server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return responder.apply(request);
                    }
                });
        server.start();
    }

    /** Sets the canned answer for every following request. */
    void respond(MockResponse response) {
        responder = r -> response.clone();
    }

    void respond(Function<RecordedRequest, MockResponse> function) {
        responder = function;
    }

    String endpoint() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The official SDK; its default {@code maxRetryCount} of 1 means no retries. */
    DatahubClient sdk(boolean binary, CompressType compression, String securityToken) {
        AliyunAccount account =
                securityToken == null
                        ? new AliyunAccount(ACCESS_ID, SECRET)
                        : new AliyunAccount(ACCESS_ID, SECRET, securityToken);
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(new DatahubConfig(endpoint(), account, binary))
                .setHttpConfig(
                        new HttpConfig()
                                .setCompressType(compression)
                                .setConnTimeout(5_000)
                                .setReadTimeout(5_000))
                .build();
    }

    DatahubClient sdk() {
        return sdk(false, CompressType.NONE, null);
    }

    DataHubClient ours(BodyProtocol protocol, CompressionType compression, String securityToken) {
        DataHubClient client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(endpoint())
                                .credentialsProvider(
                                        securityToken == null
                                                ? CredentialsProvider.of(ACCESS_ID, SECRET)
                                                : CredentialsProvider.of(
                                                        ACCESS_ID, SECRET, securityToken))
                                .protocol(protocol)
                                .compression(compression)
                                .maxRetries(0)
                                .readTimeout(Duration.ofSeconds(5))
                                .build());
        closeables.add(client);
        return client;
    }

    DataHubClient ours() {
        return ours(BodyProtocol.JSON, CompressionType.NONE, null);
    }

    /** Takes the next recorded request and decodes it. */
    Wire take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request arrived").isNotNull();
        return Wire.of(request);
    }

    /** Runs the SDK call, then ours, and returns what each sent (SDK first). */
    Wire[] exchange(Runnable sdkCall, Runnable ourCall) throws InterruptedException {
        int before = server.getRequestCount();
        sdkCall.run();
        assertThat(server.getRequestCount()).as("requests sent by the SDK").isEqualTo(before + 1);
        Wire sdkWire = take();
        ourCall.run();
        return new Wire[] {sdkWire, take()};
    }

    @Override
    public void close() throws IOException {
        for (DataHubClient c : closeables) {
            c.close();
        }
        server.shutdown();
    }

    // ---- canned responses

    static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-datahub-request-id", "202611220338470000000000000" + status)
                .setBody(body);
    }

    static MockResponse protobuf(com.google.protobuf.MessageLite message) {
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/x-protobuf")
                .setHeader("x-datahub-request-id", "20261122033847000000000000pb")
                .setBody(new Buffer().write(frame(message.toByteArray())));
    }

    /** A protobuf response compressed like a service may (notes §7: raw LZ4 block or zlib). */
    static MockResponse compressedProtobuf(com.google.protobuf.MessageLite message, String codec) {
        return compressed(protobuf(message), frame(message.toByteArray()), codec);
    }

    /** A JSON response compressed like a service may. */
    static MockResponse compressedJson(String body, String codec) {
        return compressed(json(200, body), body.getBytes(StandardCharsets.UTF_8), codec);
    }

    private static MockResponse compressed(MockResponse base, byte[] plain, String codec) {
        byte[] compressed;
        if (codec.equals("lz4")) {
            compressed = LZ4Factory.safeInstance().fastCompressor().compress(plain);
        } else {
            java.util.zip.Deflater deflater = new java.util.zip.Deflater();
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.end();
            compressed = out.toByteArray();
        }
        return base.setHeader("Content-Encoding", codec)
                .setHeader("x-datahub-content-raw-size", Integer.toString(plain.length))
                .setBody(new Buffer().write(compressed));
    }

    /** A {@code DHUB} frame (protocol notes §5.1), written independently of {@code DhubFrame}. */
    static byte[] frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(12 + payload.length)
                .put("DHUB".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) crc.getValue())
                .putInt(payload.length)
                .put(payload)
                .array();
    }

    // ---- one captured request

    /** A recorded request with its body decompressed per {@code Content-Encoding}. */
    record Wire(
            String method,
            String path,
            String query,
            String contentType,
            String contentEncoding,
            String acceptEncoding,
            Map<String, String> datahubHeaders,
            String date,
            String authorization,
            byte[] rawBody,
            byte[] body) {

        static Wire of(RecordedRequest request) {
            Map<String, String> dh = new TreeMap<>();
            for (String name : request.getHeaders().names()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-datahub-")) {
                    dh.put(lower, request.getHeaders().get(name));
                }
            }
            byte[] raw = request.getBody().readByteArray();
            String encoding = request.getHeader("Content-Encoding");
            return new Wire(
                    request.getMethod(),
                    request.getRequestUrl().encodedPath(),
                    request.getRequestUrl().query(),
                    request.getHeader("Content-Type"),
                    encoding,
                    request.getHeader("Accept-Encoding"),
                    dh,
                    request.getHeader("Date"),
                    request.getHeader("Authorization"),
                    raw,
                    decompress(encoding, raw, dh.get("x-datahub-content-raw-size")));
        }

        /** The x-datahub-* headers except source-ip, which only the Java SDK adds. */
        Map<String, String> comparableHeaders() {
            Map<String, String> copy = new TreeMap<>(datahubHeaders);
            copy.remove("x-datahub-source-ip");
            return copy;
        }

        JsonNode jsonTree() {
            try {
                JsonNode tree = MAPPER.readTree(body);
                // Protocol notes §4.5.1: the Java SDK adds "estimateSize" to every record (junk).
                if (tree != null && tree.has("Records")) {
                    tree.get("Records").forEach(r -> ((ObjectNode) r).remove("estimateSize"));
                }
                return tree;
            } catch (IOException e) {
                throw new AssertionError("body is not JSON: " + new String(body), e);
            }
        }

        /** The protobuf payload of the DHUB-framed body, after checking the frame's CRC-32C. */
        byte[] framePayload() {
            ByteBuffer buf = ByteBuffer.wrap(body);
            byte[] magic = new byte[4];
            buf.get(magic);
            assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("DHUB");
            int crc = buf.getInt();
            byte[] payload = new byte[buf.getInt()];
            buf.get(payload);
            assertThat(buf.remaining()).as("bytes after the frame").isZero();
            CRC32C check = new CRC32C();
            check.update(payload);
            assertThat(crc).as("frame CRC-32C").isEqualTo((int) check.getValue());
            return payload;
        }

        /** Recomputes the signature (protocol notes §2) and compares it with Authorization. */
        void assertSignatureVerifies(String accessId, String secret) {
            StringBuilder toSign = new StringBuilder();
            toSign.append(method.toUpperCase(Locale.ROOT)).append('\n');
            toSign.append(contentType == null ? "" : contentType).append('\n');
            toSign.append(date).append('\n');
            datahubHeaders.forEach((k, v) -> toSign.append(k).append(':').append(v).append('\n'));
            toSign.append(path);
            if (query != null) {
                toSign.append('?').append(query);
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                String signature =
                        Base64.getEncoder()
                                .encodeToString(
                                        mac.doFinal(
                                                toSign.toString()
                                                        .getBytes(StandardCharsets.UTF_8)));
                assertThat(authorization)
                        .as("Authorization of %s %s", method, path)
                        .isEqualTo("DATAHUB " + accessId + ":" + signature);
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    static byte[] decompress(String encoding, byte[] raw, String rawSize) {
        if (encoding == null || raw.length == 0) {
            return raw;
        }
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "lz4":
                assertThat(rawSize).as("x-datahub-content-raw-size with lz4").isNotNull();
                return LZ4Factory.safeInstance()
                        .fastDecompressor()
                        .decompress(raw, Integer.parseInt(rawSize));
            case "deflate":
            case "zlib":
                Inflater inflater = new Inflater();
                inflater.setInput(raw);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] chunk = new byte[4096];
                try {
                    while (!inflater.finished()) {
                        int n = inflater.inflate(chunk);
                        if (n == 0 && inflater.needsInput()) {
                            throw new AssertionError("truncated zlib stream");
                        }
                        out.write(chunk, 0, n);
                    }
                } catch (java.util.zip.DataFormatException e) {
                    throw new AssertionError("not a zlib stream", e);
                } finally {
                    inflater.end();
                }
                byte[] inflated = out.toByteArray();
                if (rawSize != null) {
                    assertThat(inflated.length).isEqualTo(Integer.parseInt(rawSize));
                }
                return inflated;
            default:
                throw new AssertionError("unexpected Content-Encoding " + encoding);
        }
    }
}
