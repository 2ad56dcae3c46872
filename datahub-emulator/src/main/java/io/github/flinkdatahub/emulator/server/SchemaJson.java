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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.EngineException;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the {@code RecordSchema} string of CreateTopic: a JSON object {@code {"fields":[{"name",
 * "type","notnull","comment"}]}}. Types are upper-cased (Python sends lower case); a missing {@code
 * notnull} means nullable.
 */
final class SchemaJson {

    private SchemaJson() {}

    static List<FieldSpec> parse(String schema) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(schema);
        } catch (IOException e) {
            throw EngineException.invalidParameter("RecordSchema is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw EngineException.invalidParameter("RecordSchema must be a JSON object");
        }
        JsonNode fields = root.get("fields");
        if (fields == null || !fields.isArray() || fields.isEmpty()) {
            throw EngineException.invalidParameter(
                    "RecordSchema must have a non-empty 'fields' array");
        }
        List<FieldSpec> out = new ArrayList<>();
        for (JsonNode f : fields) {
            if (!f.isObject()) {
                throw EngineException.invalidParameter("RecordSchema fields must be objects");
            }
            String name = Json.text(f, "name", true);
            String type = Json.text(f, "type", true).toUpperCase(Locale.ROOT);
            JsonNode notNull = f.get("notnull");
            if (notNull != null && !notNull.isNull() && !notNull.isBoolean()) {
                throw Json.wrongType("notnull", "a boolean");
            }
            boolean required = notNull != null && notNull.asBoolean(false);
            out.add(new FieldSpec(name, type, required, comment(f, "comment")));
        }
        return out;
    }

    /**
     * The service accepts any JSON scalar as a field comment (booleans and numbers too, as other
     * SDKs' tests against it show) and keeps the schema string as sent; objects and arrays are
     * still rejected.
     */
    static String comment(JsonNode field, String key) {
        JsonNode c = field.get(key);
        if (c == null || c.isNull()) {
            return null;
        }
        if (!c.isValueNode()) {
            throw Json.wrongType(key, "a string (or another JSON scalar)");
        }
        return c.asText();
    }
}
