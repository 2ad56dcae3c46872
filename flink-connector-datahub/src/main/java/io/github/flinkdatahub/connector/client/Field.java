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

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a {@link RecordSchema}.
 *
 * <p>Names are case-insensitive in DataHub; like the Java SDK the name is stored in lower case.
 *
 * @param name field name: starts with a letter, then letters, digits or '_', at most 128 chars
 * @param type the column type
 * @param nullable whether the column accepts null (DataHub's {@code notnull} is the negation)
 * @param comment optional comment, {@code null} when absent (an empty comment is read as absent)
 */
public record Field(String name, FieldType type, boolean nullable, String comment) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

    /** Validates the components (see the record Javadoc). */
    public Field {
        Objects.requireNonNull(name, "field name must not be null");
        if (type == null) {
            throw new NullPointerException("type of field '" + name + "' must not be null");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Invalid field name '"
                            + name
                            + "': must start with a letter, contain only letters, digits and '_'"
                            + " and be at most 128 characters long");
        }
        name = name.toLowerCase(Locale.ROOT);
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (comment != null && comment.length() > 1024) {
            throw new IllegalArgumentException(
                    "Comment of field '" + name + "' is longer than 1024 characters");
        }
    }

    /** A nullable field without a comment. */
    public static Field of(String name, FieldType type) {
        return new Field(name, type, true, null);
    }

    /** A NOT NULL field without a comment. */
    public static Field notNull(String name, FieldType type) {
        return new Field(name, type, false, null);
    }
}
