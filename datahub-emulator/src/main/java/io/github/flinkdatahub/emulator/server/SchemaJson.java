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
 * "type","notnull","comment"}]}}. Types are upper-cased (Python sends lower case); a missing
 * {@code notnull} means nullable.
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
            out.add(new FieldSpec(name, type, required, Json.text(f, "comment", false)));
        }
        return out;
    }
}
