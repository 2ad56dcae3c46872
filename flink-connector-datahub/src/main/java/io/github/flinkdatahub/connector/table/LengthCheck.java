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

package io.github.flinkdatahub.connector.table;

import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

import static org.apache.flink.configuration.description.TextElement.text;

/**
 * What a scan does with a TUPLE record whose field count differs from the topic's schema
 * (`scan.length-check`).
 */
public enum LengthCheck implements DescribedEnum {
    NONE("none", "Extra fields are dropped; a record with too few fields is skipped."),
    SKIP("skip", "A record with a different field count is skipped."),
    EXCEPTION("exception", "A record with a different field count fails the job."),
    PAD("pad", "Extra fields are dropped; missing trailing fields are read as NULL.");

    private final String value;
    private final InlineElement description;

    LengthCheck(String value, String description) {
        this.value = value;
        this.description = text(description);
    }

    /** The value as written in a WITH clause. */
    public String value() {
        return value;
    }

    /** The allowed values, for error messages. */
    static String allowed() {
        return OptionValues.allowed(values());
    }

    @Override
    public String toString() {
        // Flink matches enum option values against toString(), case-insensitively.
        return value;
    }

    @Override
    public InlineElement getDescription() {
        return description;
    }
}
