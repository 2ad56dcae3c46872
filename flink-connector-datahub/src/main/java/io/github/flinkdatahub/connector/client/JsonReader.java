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

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Strict reading of one control-plane JSON response: a missing required field or a value of the
 * wrong type is a {@link DataHubDecodeException} naming the call and the field path (e.g. {@code
 * ListShard: field 'Shards[2].ShardId' is missing}), never a NullPointerException or a silent
 * default. Optional fields may be absent or JSON null, but when present must have the right type.
 */
final class JsonReader {

    private final String call;

    JsonReader(String call) {
        this.call = call;
    }

    /** The response root, which must be a JSON object. */
    JsonNode root(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("", "is " + describe(root) + ", expected a JSON object");
        }
        return root;
    }

    /** A required text value (a JSON string; a number is taken as its decimal text). */
    String text(JsonNode node, String path, String key) {
        String value = optText(node, path, key);
        if (value == null) {
            throw missing(path, key);
        }
        return value;
    }

    /** An optional text value, null when absent or JSON null. */
    String optText(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw wrongType(path, key, value, "a string");
        }
        return value.asText();
    }

    /** A required integral number (a string of digits is accepted too). */
    long longValue(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            throw missing(path, key);
        }
        return toLong(value, path, key);
    }

    /** An optional integral number, {@code defaultValue} when absent or JSON null. */
    long optLong(JsonNode node, String path, String key, long defaultValue) {
        JsonNode value = node.get(key);
        return absent(value) ? defaultValue : toLong(value, path, key);
    }

    /** A required int. */
    int intValue(JsonNode node, String path, String key) {
        return toInt(longValue(node, path, key), path, key);
    }

    /** An optional int, {@code defaultValue} when absent or JSON null. */
    int optInt(JsonNode node, String path, String key, int defaultValue) {
        return toInt(optLong(node, path, key, defaultValue), path, key);
    }

    /** A required JSON array. */
    List<JsonNode> array(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            throw missing(path, key);
        }
        return elements(value, path, key);
    }

    /** An optional JSON array, empty when absent or JSON null. */
    List<JsonNode> optArray(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        return absent(value) ? List.of() : elements(value, path, key);
    }

    /** A required JSON object. */
    JsonNode object(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            throw missing(path, key);
        }
        if (!value.isObject()) {
            throw wrongType(path, key, value, "an object");
        }
        return value;
    }

    /** The element path {@code key[index]} under {@code path}. */
    static String element(String path, String key, int index) {
        return join(path, key) + "[" + index + "]";
    }

    /** An error about the field, for checks the caller makes itself (e.g. an unknown enum). */
    DataHubDecodeException error(String field, String problem) {
        return new DataHubDecodeException(call, field, problem);
    }

    private List<JsonNode> elements(JsonNode value, String path, String key) {
        if (!value.isArray()) {
            throw wrongType(path, key, value, "an array");
        }
        List<JsonNode> out = new java.util.ArrayList<>(value.size());
        value.forEach(out::add);
        return out;
    }

    private long toLong(JsonNode value, String path, String key) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(path, key, value, "an integer");
    }

    private int toInt(long value, String path, String key) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(join(path, key), "is " + value + ", out of the int range");
        }
        return (int) value;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private DataHubDecodeException missing(String path, String key) {
        return error(join(path, key), "is missing");
    }

    private DataHubDecodeException wrongType(
            String path, String key, JsonNode value, String expected) {
        return error(join(path, key), "is " + describe(value) + ", expected " + expected);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The JSON type and a short excerpt of a value, for error messages. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "absent";
        }
        String type = value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String text = value.toString();
        return "a "
                + type
                + " ("
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + ")";
    }
}
