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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON GetRecords response (protocol §4.5.6) token by token with Jackson's {@link
 * JsonParser}, straight from the connection: no body array and no {@code JsonNode} tree, which used
 * to cost as much heap again as the records themselves. Reads exactly what {@link
 * JsonRecordCodec#decodeGetRecordsResponse} reads from a tree, with the same defaults.
 */
final class JsonGetRecordsParser {

    private JsonGetRecordsParser() {}

    /**
     * Parses a whole response; malformed input throws, which the caller turns into a decode error.
     */
    static GetRecordsResult parse(InputStream body, String shardId, RecordSchema schema)
            throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            String nextCursor = null;
            long startSeq = Long.MIN_VALUE;
            long latestSeq = -1;
            long latestTime = -1;
            List<ReadRecord> records = new ArrayList<>();
            JsonToken first = p.nextToken();
            if (first != null) {
                if (first != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("GetRecords response is not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "NextCursor" -> nextCursor = text(p);
                        case "StartSeq" -> startSeq = longValue(p, Long.MIN_VALUE);
                        case "LatestSeq" -> latestSeq = longValue(p, -1);
                        case "LatestTime" -> latestTime = longValue(p, -1);
                        case "Records" -> readRecords(p, shardId, schema, records);
                        default -> p.skipChildren();
                    }
                }
            }
            if (nextCursor == null) {
                throw new IllegalArgumentException("GetRecords response has no NextCursor");
            }
            if (startSeq == Long.MIN_VALUE) {
                startSeq = records.isEmpty() ? -1 : records.get(0).sequence();
            }
            return new GetRecordsResult(
                    nextCursor, startSeq, latestSeq, latestTime, BatchIndexes.assign(records));
        }
    }

    private static void readRecords(
            JsonParser p, String shardId, RecordSchema schema, List<ReadRecord> out)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            // A tree's path("Records") of a scalar iterates nothing.
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("A GetRecords record must be a JSON object");
            }
            out.add(readRecord(p, shardId, schema));
        }
    }

    private static ReadRecord readRecord(JsonParser p, String shardId, RecordSchema schema)
            throws IOException {
        long sequence = -1;
        long systemTime = -1;
        String cursor = null;
        String nextCursor = null;
        String recordShard = null;
        Map<String, String> attributes = Map.of();
        RecordPayload payload = null;
        boolean sawData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "Sequence" -> sequence = longValue(p, -1);
                case "SystemTime" -> systemTime = longValue(p, -1);
                case "Cursor" -> cursor = text(p);
                case "NextCursor" -> nextCursor = text(p);
                case "ShardId" -> recordShard = text(p);
                case "Attributes" -> attributes = attributes(p);
                case "Data" -> {
                    payload = payload(p, schema);
                    sawData = true;
                }
                default -> p.skipChildren();
            }
        }
        if (!sawData) {
            payload = missingData(schema);
        }
        return new ReadRecord(
                recordShard == null || recordShard.isEmpty() ? shardId : recordShard,
                sequence,
                systemTime,
                cursor,
                nextCursor,
                attributes,
                payload);
    }

    private static RecordPayload payload(JsonParser p, RecordSchema schema) throws IOException {
        if (schema == null) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return missingData(null);
            }
            return BlobRecord.wrap(Base64.getDecoder().decode(p.getText()));
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return missingData(schema);
        }
        // Plain integers and booleans are parsed from Jackson's characters without a String;
        // everything else is kept as text and converted as TupleDecoding.decode would.
        Object[] values = new Object[schema.size()];
        int count = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonToken token = p.currentToken();
            Object value;
            if (token == JsonToken.VALUE_NULL) {
                value = null;
            } else if (token == JsonToken.VALUE_STRING && count < values.length) {
                value =
                        ValueCodec.quickFromChars(
                                schema.field(count).type(),
                                p.getTextCharacters(),
                                p.getTextOffset(),
                                p.getTextLength());
                if (value == null) {
                    value = p.getText();
                }
            } else {
                value = text(p); // also skips a container, as before
            }
            if (count < values.length) {
                values[count] = value;
            }
            count++;
        }
        if (count > schema.size()) {
            throw new SchemaChangedException(schema.size(), count);
        }
        for (int i = 0; i < count; i++) {
            if (values[i] instanceof String text) {
                values[i] = TupleDecoding.value(schema.field(i), text);
            }
        }
        return TupleRecord.trusted(schema, values);
    }

    private static RecordPayload missingData(RecordSchema schema) {
        throw new IllegalArgumentException(
                schema == null
                        ? "A BLOB record's Data must be a Base64 string (pass the topic schema to"
                                + " read a TUPLE topic)"
                        : "A TUPLE record's Data must be an array");
    }

    private static Map<String, String> attributes(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            attributes.put(key, text(p));
        }
        return attributes.isEmpty() ? Map.of() : attributes;
    }

    /** Like {@code JsonNode.asText()}: a scalar's text, "" for a container, null for null. */
    private static String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    /** Like {@code JsonNode.asLong(default)}: numbers, numeric text, else the default. */
    private static long longValue(JsonParser p, long defaultValue) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                return defaultValue;
            }
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE ? 1 : 0;
        }
        p.skipChildren();
        return defaultValue;
    }
}
