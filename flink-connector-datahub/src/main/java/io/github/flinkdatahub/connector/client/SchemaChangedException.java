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

/**
 * A TUPLE record carries more values than the schema it is read with has fields: the topic's schema
 * grew (AppendField) after the reader fetched it. Not retryable as is; the reader should fetch the
 * schema again ({@link ShardClient#getTopic}) and repeat the read from the same cursor with the new
 * schema. (Records with fewer values than the schema, written before an AppendField, are not an
 * error: the missing trailing fields read as null.)
 */
public class SchemaChangedException extends DataHubException {

    private static final long serialVersionUID = 1L;

    private final int expectedFields;
    private final int actualFields;

    /**
     * @param expectedFields the field count of the schema used to read
     * @param actualFields the number of values in the record
     */
    public SchemaChangedException(int expectedFields, int actualFields) {
        super(
                "A record has "
                        + actualFields
                        + " values but the schema used to read it has "
                        + expectedFields
                        + " fields: the topic's schema changed (AppendField); get the topic"
                        + " again and read with its new schema",
                0,
                null,
                null,
                false,
                null);
        this.expectedFields = expectedFields;
        this.actualFields = actualFields;
    }

    /** The field count of the schema the record was read with. */
    public int expectedFields() {
        return expectedFields;
    }

    /** The number of values the record carries (more than {@link #expectedFields()}). */
    public int actualFields() {
        return actualFields;
    }
}
