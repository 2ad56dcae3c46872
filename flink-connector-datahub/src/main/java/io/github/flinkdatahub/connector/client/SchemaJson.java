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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code {"fields":[...]}} schema string carried inside topic JSON. */
final class SchemaJson {

    private SchemaJson() {}

    /**
     * Writes keys in the SDK's order ({@code name, type, notnull, comment}); {@code notnull} only
     * when true and {@code comment} only when non-blank, exactly like the Java SDK.
     */
    static String write(RecordSchema schema) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("fields");
            for (Field field : schema.fields()) {
                gen.writeStartObject();
                gen.writeStringField("name", field.name());
                gen.writeStringField("type", field.type().name());
                if (!field.nullable()) {
                    gen.writeBooleanField("notnull", true);
                }
                if (field.comment() != null && !field.comment().isBlank()) {
                    gen.writeStringField("comment", field.comment());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Accepts any type case, an explicit {@code "notnull": false} and an empty comment. */
    static RecordSchema parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("RecordSchema is not valid JSON: " + e.getMessage());
        }
        JsonNode fieldsNode = root == null ? null : root.get("fields");
        if (fieldsNode == null || !fieldsNode.isArray()) {
            throw new IllegalArgumentException("RecordSchema JSON has no 'fields' array");
        }
        List<Field> fields = new ArrayList<>(fieldsNode.size());
        for (JsonNode node : fieldsNode) {
            JsonNode notNull = node.get("notnull");
            boolean nullable = notNull == null || notNull.isNull() || !notNull.asBoolean(false);
            JsonNode comment = node.get("comment");
            fields.add(
                    new Field(
                            node.path("name").asText(null),
                            FieldType.parse(node.path("type").asText(null)),
                            nullable,
                            comment == null || comment.isNull() ? null : comment.asText()));
        }
        return RecordSchema.of(fields);
    }
}
