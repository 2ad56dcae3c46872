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

import io.github.flinkdatahub.protocol.DatahubProtos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The test-side mirror of the client's codecs: stores what a put sends (decompressing and unframing
 * it like a server) and serves it back on get in the same protocol, compressed with the encoding
 * the request accepted.
 */
final class RecordEchoDispatcher extends Dispatcher {

    final List<DatahubProtos.RecordEntry> pbRecords = new ArrayList<>();
    final List<JsonNode> jsonRecords = new ArrayList<>();
    final List<RecordedRequest> requests = new ArrayList<>();

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        try {
            byte[] body =
                    BodyCodecs.decompress(
                            request.getHeader("Content-Encoding"),
                            request.getBody().clone().readByteArray(),
                            request.getHeader("x-datahub-content-raw-size") == null
                                    ? -1
                                    : Integer.parseInt(
                                            request.getHeader("x-datahub-content-raw-size")));
            boolean pb = "application/x-protobuf".equals(request.getHeader("Content-Type"));
            String accept = request.getHeader("Accept-Encoding");
            if (pb) {
                byte[] payload = toArray(DhubFrame.unframe(body));
                if ("pub".equals(request.getHeader("x-datahub-request-action"))) {
                    pbRecords.addAll(
                            DatahubProtos.PutRecordsRequest.parseFrom(payload).getRecordsList());
                    return respond(DhubFrame.frame(Hex.bytes("0800")), accept);
                }
                DatahubProtos.GetRecordsRequest get =
                        DatahubProtos.GetRecordsRequest.parseFrom(payload);
                DatahubProtos.GetRecordsResponse.Builder response =
                        DatahubProtos.GetRecordsResponse.newBuilder()
                                .setNextCursor("next")
                                .setRecordCount(Math.min(get.getLimit(), pbRecords.size()))
                                .setStartSequence(0);
                for (int i = 0; i < response.getRecordCount(); i++) {
                    response.addRecords(
                            pbRecords.get(i).toBuilder()
                                    .setSequence(i)
                                    .setSystemTime(1700000000000L + i)
                                    .setCursor("c" + i)
                                    .setNextCursor("c" + (i + 1)));
                }
                return respond(DhubFrame.frame(response.build().toByteArray()), accept);
            }
            JsonNode json = Json.MAPPER.readTree(body);
            if ("pub".equals(json.path("Action").asText())) {
                json.path("Records").forEach(jsonRecords::add);
                return respond(
                        "{\"FailedRecordCount\":0,\"FailedRecords\":[]}"
                                .getBytes(StandardCharsets.UTF_8),
                        accept);
            }
            int limit = json.path("Limit").asInt();
            if (jsonRecords.isEmpty()) {
                pbRecords.forEach(r -> jsonRecords.add(tupleAsJson(r)));
            }
            ObjectNode response = Json.MAPPER.createObjectNode().put("NextCursor", "next");
            ArrayNode records = response.putArray("Records");
            for (int i = 0; i < Math.min(limit, jsonRecords.size()); i++) {
                ObjectNode r = ((ObjectNode) jsonRecords.get(i)).deepCopy();
                r.put("Sequence", i).put("SystemTime", 1700000000000L + i).put("Cursor", "c" + i);
                records.add(r);
            }
            response.put("RecordCount", records.size()).put("StartSeq", 0);
            return respond(response.toString().getBytes(StandardCharsets.UTF_8), accept);
        } catch (IOException | RuntimeException e) {
            return new MockResponse().setResponseCode(500).setBody("test server failed: " + e);
        }
    }

    /** Like a server serving PB-written tuple records to a JSON reader. */
    private static JsonNode tupleAsJson(DatahubProtos.RecordEntry entry) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        ArrayNode data = record.putArray("Data");
        for (DatahubProtos.FieldData field : entry.getData().getDataList()) {
            if (field.hasValue()) {
                data.add(field.getValue().toStringUtf8());
            } else {
                data.addNull();
            }
        }
        if (entry.hasAttributes()) {
            ObjectNode attributes = record.putObject("Attributes");
            entry.getAttributes()
                    .getAttributesList()
                    .forEach(a -> attributes.put(a.getKey(), a.getValue()));
        }
        return record;
    }

    private static MockResponse respond(byte[] body, String acceptEncoding) {
        MockResponse response = new MockResponse().setResponseCode(200);
        CompressionType compression = null;
        for (CompressionType type : CompressionType.values()) {
            if (type.headerValue() != null && type.headerValue().equals(acceptEncoding)) {
                compression = type;
            }
        }
        if (compression != null) {
            response.setHeader("Content-Encoding", compression.headerValue());
            response.setHeader("x-datahub-content-raw-size", body.length);
            body = BodyCodecs.compress(compression, body);
        }
        return response.setBody(new Buffer().write(body));
    }

    private static byte[] toArray(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
