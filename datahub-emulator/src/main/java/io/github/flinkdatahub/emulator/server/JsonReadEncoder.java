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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.RawReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.RawRecord;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a JSON GetRecords response with a streaming generator straight from the stored records:
 * UTF-8 values are copied (escaped) from the store, with no JSON tree and no strings per value. The
 * bytes are exactly those of {@link RecordCodec#readJson} (the tree-based reference): the same
 * fields in the same order, BLOB data in standard Base64 with padding.
 */
final class JsonReadEncoder {

    private JsonReadEncoder() {}

    /** The response body. */
    static byte[] body(RawReadResult result, RecordType type) {
        RawRecord.Slices s = new RawRecord.Slices();
        ByteArrayBuilder bytes = new ByteArrayBuilder(256 + 1200 * result.records().size());
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("NextCursor", result.nextCursor());
            g.writeNumberField("RecordCount", result.records().size());
            g.writeNumberField("StartSeq", result.startSequence());
            g.writeNumberField("LatestSeq", result.latestSequence());
            g.writeNumberField("LatestTime", result.latestTimeMillis());
            g.writeArrayFieldStart("Records");
            for (RawRecord r : result.records()) {
                r.slice(s);
                g.writeStartObject();
                g.writeStringField("ShardId", result.shardId());
                g.writeNumberField("SystemTime", r.systemTimeMillis());
                g.writeNumberField("Sequence", r.sequence());
                g.writeStringField("Cursor", r.cursor());
                g.writeStringField("NextCursor", r.nextCursor());
                g.writeFieldName("Data");
                if (type == RecordType.BLOB) {
                    int len = s.isBlob() ? s.blobLength() : 0;
                    g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, s.data(), s.blobOffset(), len);
                } else {
                    g.writeStartArray();
                    for (int v = 0; v < s.valueCount(); v++) {
                        int len = s.valueLength(v);
                        if (len < 0) {
                            g.writeNull();
                        } else {
                            text(g, s.data(), s.valueOffset(v), len);
                        }
                    }
                    g.writeEndArray();
                }
                g.writeObjectFieldStart("Attributes");
                for (int a = 0; a < s.attributeCount(); a++) {
                    g.writeFieldName(
                            new String(
                                    s.data(),
                                    s.keyOffset(a),
                                    s.keyLength(a),
                                    StandardCharsets.UTF_8));
                    text(g, s.data(), s.attributeValueOffset(a), s.attributeValueLength(a));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a JSON response", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes UTF-8 text as a JSON string, escaped by the generator. Text with a character outside
     * the BMP (a 4-byte sequence) goes through a String: Jackson writes those as an escaped
     * surrogate pair there, and raw from bytes; both are valid, this keeps the bytes identical.
     */
    private static void text(JsonGenerator g, byte[] data, int offset, int length)
            throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if ((data[i] & 0xF8) == 0xF0) {
                g.writeString(new String(data, offset, length, StandardCharsets.UTF_8));
                return;
            }
        }
        g.writeUTF8String(data, offset, length);
    }
}
