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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON parsing and strict typed field access for request bodies. Every type error names the field
 * and the expected JSON type; unknown keys are ignored (the SDKs add junk such as {@code
 * estimateSize}).
 */
final class Json {

    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** A fresh object node for building responses. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Serializes a response body. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a JSON response", e);
        }
    }

    /** Parses a request body; an empty body is an empty object, anything but an object fails. */
    public static ObjectNode parseObject(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw EngineException.invalidParameter(
                    "The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw EngineException.invalidParameter("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A string field; null when absent or JSON null unless required. */
    public static String text(JsonNode obj, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string");
        }
        return v.textValue();
    }

    /** An integral number field that fits a long; null when absent and not required. */
    public static Long longValue(JsonNode obj, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return v.longValue();
    }

    /** An integral number field that fits an int. */
    public static Integer intValue(JsonNode obj, String field, boolean required) {
        Long v = longValue(obj, field, required);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw wrongType(field, "a 32-bit integer");
        }
        return v.intValue();
    }

    /** A long given as a JSON number or a decimal string (SessionId travels both ways). */
    public static Long longOrNumericText(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v != null && v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw wrongType(field, "an integer");
            }
        }
        return longValue(obj, field, false);
    }

    /** An array of strings; empty when absent. */
    public static List<String> textList(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw wrongType(field, "an array of strings");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw wrongType(field, "an array of strings");
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** An object field; null when absent. */
    public static JsonNode objectField(JsonNode obj, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object");
        }
        return v;
    }

    /** An array field; null when absent. */
    public static JsonNode arrayField(JsonNode obj, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(field, "an array");
        }
        return v;
    }

    static EngineException missing(String field) {
        return EngineException.invalidParameter("The request field '" + field + "' is required");
    }

    static EngineException wrongType(String field, String expected) {
        return EngineException.invalidParameter(
                "The request field '" + field + "' must be " + expected);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
