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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * DataHub request signing (protocol §2): Base64(HMAC-SHA1(secret, stringToSign)) where the string
 * is method, Content-Type, Date, the sorted {@code x-datahub-*} headers and the canonical resource,
 * joined by newlines without a trailing newline.
 */
final class RequestSigner {

    static final String HEADER_PREFIX = "x-datahub-";

    private RequestSigner() {}

    /**
     * @param contentType the Content-Type header value, or null when the request has no body
     * @param headers all request headers (names in any case); only {@code x-datahub-*} are used
     * @param canonicalResource encoded path plus {@code ?query} when there is one
     */
    static String stringToSign(
            String method,
            String contentType,
            String date,
            Map<String, String> headers,
            String canonicalResource) {
        TreeMap<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(HEADER_PREFIX)) {
                signed.putIfAbsent(name, header.getValue());
            }
        }
        StringBuilder sb = new StringBuilder(128);
        sb.append(method.toUpperCase(Locale.ROOT)).append('\n');
        sb.append(contentType == null ? "" : contentType).append('\n');
        sb.append(date).append('\n');
        for (Map.Entry<String, String> header : signed.entrySet()) {
            sb.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        sb.append(canonicalResource);
        return sb.toString();
    }

    static String signature(String accessKeySecret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(
                    new SecretKeySpec(
                            accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** The {@code Authorization} header value: {@code DATAHUB <AccessKeyId>:<Signature>}. */
    static String authorization(
            Credentials credentials,
            String method,
            String contentType,
            String date,
            Map<String, String> headers,
            String canonicalResource) {
        String toSign = stringToSign(method, contentType, date, headers, canonicalResource);
        return "DATAHUB "
                + credentials.accessKeyId()
                + ":"
                + signature(credentials.accessKeySecret(), toSign);
    }
}
