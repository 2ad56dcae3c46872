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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutFailure;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;
import io.github.flinkdatahub.emulator.engine.EngineException;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts records between the wire (JSON section 4.5, PB section 5.3) and the engine's values.
 * Tuple values are text (UTF-8 in PB, JSON strings); null is JSON null / an unset {@code
 * FieldData}. Blobs are raw bytes in PB and Base64 in JSON.
 */
final class RecordCodec {

    private RecordCodec() {}

    // ---------------------------------------------------------------- JSON

    static List<PutRecord> fromJson(JsonNode body) {
        JsonNode records = Json.arrayField(body, "Records", true);
        List<PutRecord> out = new ArrayList<>(records.size());
        int index = 0;
        for (JsonNode r : records) {
            if (!r.isObject()) {
                throw Json.wrongType("Records[" + index + "]", "an object");
            }
            out.add(jsonRecord(r, index++));
        }
        return out;
    }

    private static PutRecord jsonRecord(JsonNode r, int index) {
        String where = "Records[" + index + "].";
        JsonNode data = r.get("Data");
        List<String> tuple = null;
        byte[] blob = null;
        if (data == null || data.isNull()) {
            throw Json.missing(where + "Data");
        } else if (data.isArray()) {
            tuple = new ArrayList<>(data.size());
            for (JsonNode v : data) {
                if (v.isNull()) {
                    tuple.add(null);
                } else if (v.isValueNode()) {
                    // Strings per the protocol; numbers/booleans tolerated as their text.
                    tuple.add(v.asText());
                } else {
                    throw Json.wrongType(where + "Data", "an array of strings or a Base64 string");
                }
            }
        } else if (data.isTextual()) {
            try {
                blob = Base64.getDecoder().decode(data.textValue());
            } catch (IllegalArgumentException e) {
                throw EngineException.invalidParameter(where + "Data is not valid Base64");
            }
        } else {
            throw Json.wrongType(where + "Data", "an array of strings or a Base64 string");
        }
        return new PutRecord(
                emptyToNull(Json.text(r, "ShardId", false)),
                emptyToNull(Json.text(r, "HashKey", false)),
                emptyToNull(Json.text(r, "PartitionKey", false)),
                jsonAttributes(r, where),
                tuple,
                blob);
    }

    private static Map<String, String> jsonAttributes(JsonNode r, String where) {
        JsonNode attrs = Json.objectField(r, "Attributes", false);
        Map<String, String> out = new LinkedHashMap<>();
        if (attrs == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = attrs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw Json.wrongType(where + "Attributes." + e.getKey(), "a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    static ObjectNode failuresJson(List<PutFailure> failures) {
        ObjectNode out = Json.object();
        out.put("FailedRecordCount", failures.size());
        ArrayNode list = out.putArray("FailedRecords");
        for (PutFailure f : failures) {
            ObjectNode n = list.addObject();
            n.put("Index", f.index());
            n.put("ErrorCode", f.errorCode());
            n.put("ErrorMessage", f.errorMessage());
        }
        return out;
    }

    static ObjectNode readJson(ReadResult result, RecordType type) {
        ObjectNode out = Json.object();
        out.put("NextCursor", result.nextCursor());
        out.put("RecordCount", result.records().size());
        out.put("StartSeq", result.startSequence());
        out.put("LatestSeq", result.latestSequence());
        out.put("LatestTime", result.latestTimeMillis());
        ArrayNode list = out.putArray("Records");
        for (StoredRecord r : result.records()) {
            ObjectNode n = list.addObject();
            n.put("ShardId", r.shardId());
            n.put("SystemTime", r.systemTimeMillis());
            n.put("Sequence", r.sequence());
            n.put("Cursor", r.cursor());
            n.put("NextCursor", r.nextCursor());
            if (type == RecordType.BLOB) {
                n.put("Data", Base64.getEncoder().encodeToString(blobOf(r)));
            } else {
                ArrayNode values = n.putArray("Data");
                for (String v : tupleOf(r)) {
                    values.add(v);
                }
            }
            ObjectNode attrs = n.putObject("Attributes");
            if (r.attributes() != null) {
                r.attributes().forEach(attrs::put);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- PB

    static DatahubProtos.PutRecordsRequest parsePut(byte[] payload) {
        try {
            return DatahubProtos.PutRecordsRequest.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw EngineException.invalidParameter(
                    "The body is not a valid PutRecordsRequest: " + e.getMessage());
        }
    }

    static DatahubProtos.GetRecordsRequest parseGet(byte[] payload) {
        try {
            return DatahubProtos.GetRecordsRequest.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw EngineException.invalidParameter(
                    "The body is not a valid GetRecordsRequest: " + e.getMessage());
        }
    }

    /**
     * PB carries no record type: a BLOB topic's record is its single FieldData's bytes; anything
     * else is handed over as tuple values so the engine reports {@code MalformedRecord}.
     */
    static List<PutRecord> fromPb(DatahubProtos.PutRecordsRequest request, RecordType type) {
        List<PutRecord> out = new ArrayList<>(request.getRecordsCount());
        for (DatahubProtos.RecordEntry e : request.getRecordsList()) {
            List<DatahubProtos.FieldData> fields = e.getData().getDataList();
            List<String> tuple = null;
            byte[] blob = null;
            if (type == RecordType.BLOB && fields.size() == 1) {
                blob = fields.get(0).getValue().toByteArray();
            } else {
                tuple = new ArrayList<>(fields.size());
                for (DatahubProtos.FieldData f : fields) {
                    tuple.add(f.hasValue() ? f.getValue().toStringUtf8() : null);
                }
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            if (e.hasAttributes()) {
                for (DatahubProtos.StringPair p : e.getAttributes().getAttributesList()) {
                    attrs.put(p.getKey(), p.getValue());
                }
            }
            out.add(
                    new PutRecord(
                            e.hasShardId() ? emptyToNull(e.getShardId()) : null,
                            e.hasHashKey() ? emptyToNull(e.getHashKey()) : null,
                            e.hasPartitionKey() ? emptyToNull(e.getPartitionKey()) : null,
                            attrs,
                            tuple,
                            blob));
        }
        return out;
    }

    static byte[] failuresPb(List<PutFailure> failures) {
        DatahubProtos.PutRecordsResponse.Builder b =
                DatahubProtos.PutRecordsResponse.newBuilder().setFailedCount(failures.size());
        for (PutFailure f : failures) {
            b.addFailedRecords(
                    DatahubProtos.FailedRecord.newBuilder()
                            .setIndex(f.index())
                            .setErrorCode(f.errorCode())
                            .setErrorMessage(f.errorMessage() == null ? "" : f.errorMessage()));
        }
        return b.build().toByteArray();
    }

    /**
     * Encodes a read. Latest sequence/time are sent when known (>= 0); {@code shard_id} is left
     * out, as the Java SDK falls back to the request's shard.
     */
    static byte[] readPb(ReadResult result, RecordType type) {
        DatahubProtos.GetRecordsResponse.Builder b =
                DatahubProtos.GetRecordsResponse.newBuilder()
                        .setNextCursor(result.nextCursor())
                        .setRecordCount(result.records().size())
                        .setStartSequence(result.startSequence());
        if (result.latestSequence() >= 0) {
            b.setLatestSequence(result.latestSequence());
        }
        if (result.latestTimeMillis() >= 0) {
            b.setLatestTime(result.latestTimeMillis());
        }
        for (StoredRecord r : result.records()) {
            DatahubProtos.RecordData.Builder data = DatahubProtos.RecordData.newBuilder();
            if (type == RecordType.BLOB) {
                data.addData(
                        DatahubProtos.FieldData.newBuilder()
                                .setValue(ByteString.copyFrom(blobOf(r))));
            } else {
                for (String v : tupleOf(r)) {
                    DatahubProtos.FieldData.Builder f = DatahubProtos.FieldData.newBuilder();
                    if (v != null) {
                        f.setValue(ByteString.copyFrom(v, StandardCharsets.UTF_8));
                    }
                    data.addData(f);
                }
            }
            DatahubProtos.RecordEntry.Builder e =
                    DatahubProtos.RecordEntry.newBuilder()
                            .setCursor(r.cursor())
                            .setNextCursor(r.nextCursor())
                            .setSequence(r.sequence())
                            .setSystemTime(r.systemTimeMillis())
                            .setData(data);
            if (r.attributes() != null && !r.attributes().isEmpty()) {
                DatahubProtos.RecordAttributes.Builder a =
                        DatahubProtos.RecordAttributes.newBuilder();
                r.attributes()
                        .forEach(
                                (k, v) ->
                                        a.addAttributes(
                                                DatahubProtos.StringPair.newBuilder()
                                                        .setKey(k)
                                                        .setValue(v)));
                e.setAttributes(a);
            }
            b.addRecords(e);
        }
        return b.build().toByteArray();
    }

    private static byte[] blobOf(StoredRecord r) {
        return r.blob() == null ? new byte[0] : r.blob();
    }

    private static List<String> tupleOf(StoredRecord r) {
        return r.tupleValues() == null ? List.of() : r.tupleValues();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
