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

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/** A response to send: status, Content-Type (null for an empty body) and body bytes. */
record HttpReply(int status, String contentType, byte[] body) {

    /** The Content-Type of JSON bodies, errors included: exactly this, no charset (section 3.1). */
    public static final String JSON = "application/json";

    public static final String PROTOBUF = "application/x-protobuf";

    static HttpReply json(int status, JsonNode body) {
        return new HttpReply(status, JSON, Json.bytes(body));
    }

    static HttpReply ok(JsonNode body) {
        return json(200, body);
    }

    /** A success without data; the SDKs ignore such bodies, so send none. */
    static HttpReply empty(int status) {
        return new HttpReply(status, null, new byte[0]);
    }

    static HttpReply pb(byte[] payload) {
        return new HttpReply(200, PROTOBUF, PbFrame.encode(payload));
    }

    /** The DataHub error body {@code {"ErrorCode","ErrorMessage","RequestId"}}. */
    public static HttpReply error(int status, String code, String message, String requestId) {
        var node = Json.object();
        node.put("ErrorCode", code);
        node.put("ErrorMessage", message == null ? "" : message);
        node.put("RequestId", requestId);
        return json(status, node);
    }

    static HttpReply error(EngineException e, String requestId) {
        return error(e.httpStatus(), e.errorCode(), e.getMessage(), requestId);
    }

    /** The body as UTF-8 text, for tests and logs. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
