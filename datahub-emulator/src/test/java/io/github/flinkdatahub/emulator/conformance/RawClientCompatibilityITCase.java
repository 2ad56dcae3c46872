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

package io.github.flinkdatahub.emulator.conformance;

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other DataHub clients send, over raw HTTP (protocol spec sections 2 and 4): signatures
 * computed independently of the emulator (with query strings, clock skew and tampering), the Python
 * SDK's spellings (lower-case actions and types, no Action on CreateTopic, {@code zlib}, unpadded
 * lower-case split keys, Content-Type on GET) and the response keys Python requires.
 */
class RawClientCompatibilityITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(true, CLOCK);

    private static DataHubEmulator signed;

    @BeforeAll
    static void startEmulators() {
        signed = EMULATOR.emulator(); // started by the extension, closed after the class
    }

    @Test
    void independentlyComputedSignaturesAreAcceptedAndChecked() throws Exception {
        String project = uniqueName("raw");
        ZonedDateTime now = ZonedDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);

        assertThat(
                        call("POST", "/projects/" + project, "{\"Comment\":\"raw\"}", now, Map.of())
                                .statusCode())
                .isBetween(200, 299);
        HttpResponse<String> filtered =
                call("GET", "/projects?filter=" + project, null, now, Map.of());
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(filtered.body()).get("ProjectNames"))
                .extracting(JsonNode::asText)
                .containsExactly(project);
        assertThat(
                        call(
                                        "GET",
                                        "/projects",
                                        null,
                                        now,
                                        Map.of("x-datahub-security-token", "sts-token"))
                                .statusCode())
                .isEqualTo(200);

        assertUnauthorized(call("GET", "/projects", null, now.minusHours(1), Map.of()));
        assertUnauthorized(call("GET", "/projects", null, now.plusHours(1), Map.of()));
        HttpRequest.Builder tampered = signedRequest("GET", "/projects", null, now, Map.of());
        tampered.setHeader("x-datahub-client-version", "9.9");
        assertUnauthorized(HTTP.send(tampered.build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void pythonStyleRequestsWork() throws Exception {
        String project = uniqueName("py");
        ZonedDateTime now = ZonedDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        String topicPath = "/projects/" + project + "/topics/events";
        Map<String, String> json = Map.of();

        assertThat(
                        call("POST", "/projects/" + project, "{\"Comment\":\"py\"}", now, json)
                                .statusCode())
                .isBetween(200, 299);
        String schema =
                "{\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"bigint\\\",\\\"notnull\\\":false,\\\"comment\\\":\\\"\\\"},"
                    + "{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\",\\\"comment\\\":\\\"\\\"}]}";
        HttpResponse<String> created =
                call(
                        "POST",
                        topicPath,
                        "{\"ShardCount\":1,\"Lifecycle\":1,\"RecordType\":\"TUPLE\","
                                + "\"RecordSchema\":\""
                                + schema
                                + "\",\"Comment\":\"no action\"}",
                        now,
                        json);
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 299);

        JsonNode shards = ok(call("GET", topicPath + "/shards", null, now, contentTypeOnGet()));
        assertThat(shards.has("Protocol")).isTrue();
        assertThat(shards.get("Interval").asLong()).isPositive();

        JsonNode put =
                ok(
                        call(
                                "POST",
                                topicPath + "/shards",
                                "{\"Action\":\"PUB\",\"Records\":[{\"ShardId\":\"0\",\"Data\":[\"1\",\"a\"],"
                                    + "\"Sequence\":5,\"SystemTime\":7,\"BatchIndex\":0}]}",
                                now,
                                Map.of()));
        assertThat(put.get("FailedRecordCount").asInt()).isZero();
        assertThat(put.has("FailedRecords")).isTrue();

        JsonNode cursor =
                ok(
                        call(
                                "POST",
                                topicPath + "/shards/0",
                                zlibBody("{\"Action\":\"Cursor\",\"Type\":\"OLDEST\"}"),
                                now));
        assertThat(cursor.has("Cursor")).isTrue();
        assertThat(cursor.has("RecordTime")).isTrue();
        assertThat(cursor.get("Sequence").asLong()).isZero();

        JsonNode records =
                ok(
                        call(
                                "POST",
                                topicPath + "/shards/0",
                                "{\"Action\":\"Sub\",\"Cursor\":\""
                                        + cursor.get("Cursor").asText()
                                        + "\",\"Limit\":10}",
                                now,
                                Map.of()));
        assertThat(records.get("RecordCount").asInt()).isEqualTo(1);
        JsonNode record = records.get("Records").get(0);
        assertThat(record.get("Data")).extracting(JsonNode::asText).containsExactly("1", "a");
        assertThat(record.get("Sequence").asLong()).isZero();
        assertThat(record.get("SystemTime").asLong()).isPositive();

        CLOCK.advance(Duration.ofSeconds(6));
        JsonNode split =
                ok(
                        call(
                                "POST",
                                topicPath + "/shards",
                                "{\"Action\":\"split\",\"ShardId\":\"0\",\"SplitKey\":\"fffffffffffffffffffffffffffffff\"}",
                                now,
                                Map.of()));
        assertThat(split.get("NewShards").get(0).get("EndHashKey").asText())
                .as("31 lower-case digits, as Python's hex() writes them")
                .isEqualTo("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    }

    private static Map<String, String> contentTypeOnGet() {
        return Map.of("Content-Type", "application/json");
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()).get("ErrorCode").asText())
                .isEqualTo("Unauthorized");
    }

    private static HttpResponse<String> call(
            String method,
            String pathAndQuery,
            String body,
            ZonedDateTime date,
            Map<String, String> extra)
            throws Exception {
        return HTTP.send(
                signedRequest(method, pathAndQuery, body, date, extra).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(
            String method, String path, Compressed body, ZonedDateTime date) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Encoding", "zlib");
        headers.put("x-datahub-content-raw-size", String.valueOf(body.rawSize));
        return HTTP.send(
                signedRequest(method, path, body.bytes, date, headers).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A zlib-compressed body as the Python SDK sends it. */
    private record Compressed(byte[] bytes, int rawSize) {}

    private static Compressed zlibBody(String json) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        return new Compressed(Wire.deflate(raw), raw.length);
    }

    private static HttpRequest.Builder signedRequest(
            String method,
            String pathAndQuery,
            Object body,
            ZonedDateTime date,
            Map<String, String> extra)
            throws Exception {
        byte[] bytes =
                body == null
                        ? null
                        : body instanceof byte[] b
                                ? b
                                : ((String) body).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", RFC_1123.format(date));
        headers.put("x-datahub-client-version", "1.1");
        if (bytes != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(extra);
        String contentType = headers.getOrDefault("Content-Type", "");
        StringBuilder toSign =
                new StringBuilder(method)
                        .append('\n')
                        .append(contentType)
                        .append('\n')
                        .append(headers.get("Date"))
                        .append('\n');
        Map<String, String> datahub = new TreeMap<>();
        headers.forEach(
                (k, v) -> {
                    if (k.toLowerCase(Locale.ROOT).startsWith("x-datahub-")) {
                        datahub.put(k.toLowerCase(Locale.ROOT), v);
                    }
                });
        datahub.forEach((k, v) -> toSign.append(k).append(':').append(v).append('\n'));
        toSign.append(pathAndQuery);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(
                new SecretKeySpec(SdkMode.ACCESS_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal(toSign.toString().getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(signed.endpoint() + pathAndQuery))
                        .timeout(Duration.ofSeconds(20))
                        .method(
                                method,
                                bytes == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        request.header("Authorization", "DATAHUB " + SdkMode.ACCESS_ID + ":" + signature);
        return request;
    }
}
