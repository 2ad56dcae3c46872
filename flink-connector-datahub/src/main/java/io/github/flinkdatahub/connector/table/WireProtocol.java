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

/** Body format of record reads and writes (`protocol`). */
public enum WireProtocol implements DescribedEnum {
    PB("pb", "DHUB-framed protobuf, the SDK default."),
    JSON("json", "JSON bodies."),
    BATCH(
            "batch",
            "The batch binary format (application/x-binary, as the SDKs' setEnableBatch(true)):"
                    + " records travel in batches compressed inside the batch by 'compression';"
                    + " each sink request is one batch.");

    private final String value;
    private final InlineElement description;

    WireProtocol(String value, String description) {
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
