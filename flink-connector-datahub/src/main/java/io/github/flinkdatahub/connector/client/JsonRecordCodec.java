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

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON record bodies (protocol §4.5.1, §4.5.4): tuple values as strings in schema order (null as
 * JSON null), blobs as standard Base64. Put bodies are written by {@link JsonPutEncoder}, no
 * reflection.
 */
final class JsonRecordCodec {

    private JsonRecordCodec() {}

    /** The PutRecords body ({@link JsonPutEncoder}). */
    static byte[] encodePutRecords(List<PutRecord> records) {
        return JsonPutEncoder.encode(records);
    }

    static byte[] encodeGetRecords(String cursor, int limit) {
        return Json.MAPPER
                .createObjectNode()
                .put("Action", "sub")
                .put("Cursor", cursor)
                .put("Limit", limit)
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static PutRecordsResult decodePutRecordsResponse(JsonNode root) {
        List<PutRecordsResult.FailedRecord> failed = new ArrayList<>();
        for (JsonNode f : root.path("FailedRecords")) {
            failed.add(
                    new PutRecordsResult.FailedRecord(
                            f.path("Index").asInt(),
                            Json.text(f, "ErrorCode"),
                            Json.text(f, "ErrorMessage")));
        }
        return new PutRecordsResult(failed);
    }

    /**
     * @param schema the topic schema, or null to read every record as a BLOB
     */
    static GetRecordsResult decodeGetRecordsResponse(
            JsonNode root, String shardId, RecordSchema schema) {
        String nextCursor = Json.text(root, "NextCursor");
        if (nextCursor == null) {
            throw new IllegalArgumentException("GetRecords response has no NextCursor");
        }
        JsonNode recordsNode = root.path("Records");
        List<ReadRecord> records = new ArrayList<>(recordsNode.size());
        for (JsonNode r : recordsNode) {
            records.add(toReadRecord(r, shardId, schema));
        }
        return new GetRecordsResult(
                nextCursor,
                Json.longValue(
                        root, "StartSeq", records.isEmpty() ? -1 : records.get(0).sequence()),
                Json.longValue(root, "LatestSeq", -1),
                Json.longValue(root, "LatestTime", -1),
                BatchIndexes.assign(records));
    }

    private static ReadRecord toReadRecord(JsonNode r, String shardId, RecordSchema schema) {
        JsonNode data = r.path("Data");
        RecordPayload payload;
        if (schema == null) {
            if (!data.isTextual()) {
                throw new IllegalArgumentException(
                        "A BLOB record's Data must be a Base64 string (pass the topic schema to"
                                + " read a TUPLE topic)");
            }
            payload = BlobRecord.wrap(Base64.getDecoder().decode(data.asText()));
        } else {
            if (!data.isArray()) {
                throw new IllegalArgumentException("A TUPLE record's Data must be an array");
            }
            payload =
                    TupleDecoding.decode(
                            schema,
                            data.size(),
                            i -> data.get(i).isNull() ? null : data.get(i).asText());
        }
        Map<String, String> attributes = Map.of();
        JsonNode attrs = r.get("Attributes");
        if (attrs != null && attrs.isObject() && attrs.size() > 0) {
            attributes = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                attributes.put(e.getKey(), e.getValue().asText());
            }
        }
        String recordShard = Json.text(r, "ShardId");
        return new ReadRecord(
                recordShard == null || recordShard.isEmpty() ? shardId : recordShard,
                Json.longValue(r, "Sequence", -1),
                Json.longValue(r, "SystemTime", -1),
                Json.text(r, "Cursor"),
                Json.text(r, "NextCursor"),
                attributes,
                payload);
    }
}
