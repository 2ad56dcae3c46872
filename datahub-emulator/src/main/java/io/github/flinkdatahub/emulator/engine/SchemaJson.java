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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;

import java.util.List;

/**
 * Writes record-schema JSON in the Java SDK's style ({@code {"fields":[{"name":..,"type":..,
 * "notnull":true,"comment":..}]}}, {@code notnull} only when true, {@code comment} only when not
 * blank), used when a schema string has to be built or extended by AppendField.
 */
final class SchemaJson {

    private SchemaJson() {}

    static String of(List<FieldSpec> fields) {
        StringBuilder sb = new StringBuilder("{\"fields\":[");
        appendFields(sb, fields);
        return sb.append("]}").toString();
    }

    /**
     * Appends fields to a registered schema string, keeping the existing text byte for byte (so
     * clients that compare schemas structurally still match) and inserting before the last ']'.
     */
    static String append(String schema, boolean hadFields, List<FieldSpec> added) {
        int idx = schema == null ? -1 : schema.lastIndexOf(']');
        if (idx < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(schema.substring(0, idx));
        if (hadFields) {
            sb.append(',');
        }
        appendFields(sb, added);
        return sb.append(schema.substring(idx)).toString();
    }

    private static void appendFields(StringBuilder sb, List<FieldSpec> fields) {
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec f = fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":");
            quote(sb, f.name());
            sb.append(",\"type\":");
            quote(sb, f.type());
            if (f.notNull()) {
                sb.append(",\"notnull\":true");
            }
            if (f.comment() != null && !f.comment().isBlank()) {
                sb.append(",\"comment\":");
                quote(sb, f.comment());
            }
            sb.append('}');
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
