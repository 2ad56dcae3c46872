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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.EngineException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the {@code Authorization: DATAHUB <id>:<signature>} header (section 2): Base64 HMAC-SHA1
 * over method, Content-Type, Date, the sorted {@code x-datahub-*} headers and the resource, using
 * the headers exactly as received. STS tokens ({@code x-datahub-security-token}) are accepted and
 * signed like any other {@code x-datahub-*} header. Secrets are never logged or put in messages.
 */
final class SignatureVerifier {

    /** The clock-skew tolerance; the real service's is UNCONFIRMED, 15 minutes is the usual. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final String accessId;
    private final byte[] secret;
    private final Clock clock;

    public SignatureVerifier(String accessId, String accessKeySecret, Clock clock) {
        this.accessId = accessId;
        this.secret = accessKeySecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A request as received: header names in any case, first value of each. */
    public record SignedRequest(
            String method, String path, String query, List<Map.Entry<String, String>> headers) {

        String header(String name) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }
    }

    /** Throws {@code Unauthorized} (403) unless the request is signed with the configured key. */
    public void verify(SignedRequest request) {
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("DATAHUB ")) {
            throw unauthorized(
                    "The request is not signed: Authorization: DATAHUB <id>:<signature>"
                            + " is required");
        }
        String credential = auth.substring("DATAHUB ".length()).trim();
        int colon = credential.lastIndexOf(':');
        if (colon <= 0) {
            throw unauthorized("The Authorization header is malformed");
        }
        String id = credential.substring(0, colon);
        String signature = credential.substring(colon + 1);
        if (!id.equals(accessId)) {
            throw unauthorized("The AccessKeyId is unknown");
        }
        checkDate(request.header("Date"));
        String expected = sign(stringToSign(request), secret);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("The request signature does not match");
        }
    }

    /** The canonical string of section 2 (lines joined by {@code \n}, no trailing newline). */
    public static String stringToSign(SignedRequest request) {
        String contentType = request.header("Content-Type");
        String date = request.header("Date");
        StringBuilder sb = new StringBuilder();
        sb.append(request.method().toUpperCase(Locale.ROOT)).append('\n');
        sb.append(contentType == null ? "" : contentType).append('\n');
        sb.append(date == null ? "" : date).append('\n');
        Map<String, String> datahub = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-datahub-")) {
                datahub.putIfAbsent(name, h.getValue());
            }
        }
        datahub.forEach((k, v) -> sb.append(k).append(':').append(v).append('\n'));
        sb.append(request.path());
        if (request.query() != null && !request.query().isEmpty()) {
            sb.append('?').append(request.query());
        }
        return sb.toString();
    }

    /** Base64(HMAC-SHA1(secret, text)). */
    public static String sign(String text, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private void checkDate(String date) {
        if (date == null) {
            throw unauthorized("The Date header is required for signed requests");
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw unauthorized("The Date header is not an RFC 1123 date");
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw unauthorized(
                    "The Date header differs from the server time by more than "
                            + MAX_SKEW.toMinutes()
                            + " minutes");
        }
    }

    private static EngineException unauthorized(String message) {
        return new EngineException(403, "Unauthorized", message);
    }

    @Override
    public String toString() {
        return "SignatureVerifier[accessId=" + accessId + ", secret=***]";
    }
}
