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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Name, comment, lifecycle and schema-field rules of section 8 of the protocol notes. */
final class Names {

    static final int MAX_COMMENT = 1024;

    static final Set<String> FIELD_TYPES =
            Set.of(
                    "TINYINT",
                    "SMALLINT",
                    "INTEGER",
                    "BIGINT",
                    "FLOAT",
                    "DOUBLE",
                    "DECIMAL",
                    "BOOLEAN",
                    "STRING",
                    "TIMESTAMP");

    private static final String ALLOWED_TYPES =
            "TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, BOOLEAN, STRING,"
                    + " TIMESTAMP";

    private static final Pattern PROJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,31}");

    // The docs disagree on the topic minimum (1 vs 3); the lenient 1 keeps short test names valid.
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

    /** The service's messages for names that cannot exist (the name follows the colon). */
    static final String INVALID_PROJECT = "Project name is missing or invalid:";

    static final String INVALID_TOPIC = "Topic name is missing or invalid:";

    private Names() {}

    /** Lower-cases a name for lookup; null becomes "" which never matches. */
    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /** A project name to create: the lookup check plus the naming rules in the message. */
    static String validProject(String name) {
        if (name == null || !PROJECT.matcher(name).matches()) {
            throw Errors.invalidParameter(
                    INVALID_PROJECT
                            + name
                            + " (3-32 characters, a letter first, then letters, digits or '_')");
        }
        return key(name);
    }

    /** A topic name to create: the lookup check plus the naming rules in the message. */
    static String validTopic(String name) {
        if (name == null || !TOPIC.matcher(name).matches()) {
            throw Errors.invalidParameter(
                    INVALID_TOPIC
                            + name
                            + " (1-128 characters, a letter first, then letters, digits or '_')");
        }
        return key(name);
    }

    /**
     * Every call that names a project validates the name before looking it up, as the service does:
     * a name that cannot exist is {@code InvalidParameter} with the service's message, not {@code
     * NoSuchProject}.
     */
    static String lookupProject(String name) {
        if (name == null || !PROJECT.matcher(name).matches()) {
            throw Errors.invalidParameter(INVALID_PROJECT + name);
        }
        return key(name);
    }

    /** Like {@link #lookupProject} for topic names. */
    static String lookupTopic(String name) {
        if (name == null || !TOPIC.matcher(name).matches()) {
            throw Errors.invalidParameter(INVALID_TOPIC + name);
        }
        return key(name);
    }

    /** Null comments are treated as empty (the HTTP layer may omit the key). */
    static String validComment(String comment) {
        String c = comment == null ? "" : comment;
        if (c.length() > MAX_COMMENT) {
            throw Errors.invalidParameter(
                    "Comment is too long: " + c.length() + " characters, at most 1024 allowed.");
        }
        return c;
    }

    static int validLifecycle(int days) {
        if (days < 1 || days > 7) {
            throw Errors.invalidParameter("Lifecycle must be 1..7 days, was " + days + ".");
        }
        return days;
    }

    /**
     * Validates fields (names, types, duplicates against {@code existing}) and returns them with
     * upper-case type names and lower-case field names.
     */
    static List<FieldSpec> validFields(List<FieldSpec> fields, List<FieldSpec> existing) {
        Set<String> seen = new HashSet<>();
        for (FieldSpec f : existing) {
            seen.add(key(f.name()));
        }
        List<FieldSpec> out = new ArrayList<>();
        for (FieldSpec f : fields) {
            if (f == null || f.name() == null || !FIELD.matcher(f.name()).matches()) {
                throw Errors.invalidParameter(
                        "Field name '"
                                + (f == null ? null : f.name())
                                + "' is invalid: 1-128 characters, a letter first, then letters,"
                                + " digits or '_'.");
            }
            String name = key(f.name());
            if (name.equals("system_time")) {
                throw Errors.invalidParameter("Field name 'system_time' is reserved.");
            }
            if (!seen.add(name)) {
                throw Errors.invalidParameter("Field '" + name + "' is defined twice.");
            }
            String type = f.type() == null ? "" : f.type().toUpperCase(Locale.ROOT);
            if (!FIELD_TYPES.contains(type)) {
                throw Errors.invalidParameter(
                        "Field '"
                                + name
                                + "' has unsupported type '"
                                + f.type()
                                + "'; allowed types: "
                                + ALLOWED_TYPES
                                + ".");
            }
            validComment(f.comment());
            out.add(new FieldSpec(name, type, f.notNull(), f.comment()));
        }
        return List.copyOf(out);
    }

    /** Whether {@code s} is one or more ASCII digits (what the regex {@code \d+} matches). */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
