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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a {@code PutRecordsRequest} straight into the engine's records: values are decoded from
 * the request bytes once, with no protobuf message objects or byte copies in between. It gives
 * exactly what {@link RecordCodec#fromPb} gives for a parsed request, and declines (returns null)
 * whatever it does not handle the same way, so the caller falls back to the generated parser and
 * its error messages: malformed input, missing required fields, unknown fields and a message field
 * that occurs twice (which protobuf merges).
 */
final class PbPutDecoder {

    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    /** Tags of length-delimited fields 1 and 2. */
    private static final int TAG1 = (1 << 3) | LEN;

    private static final int TAG2 = (2 << 3) | LEN;

    private PbPutDecoder() {}

    /** The records, or null to decline. */
    static List<PutRecord> decode(byte[] payload, RecordType type) {
        CodedInputStream in = CodedInputStream.newInstance(payload);
        List<PutRecord> out = new ArrayList<>();
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag != TAG1) {
                    return null;
                }
                int limit = in.pushLimit(in.readRawVarint32());
                PutRecord r = entry(in, payload, type);
                if (r == null) {
                    return null;
                }
                in.popLimit(limit);
                out.add(r);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out;
    }

    private static PutRecord entry(CodedInputStream in, byte[] payload, RecordType type)
            throws IOException {
        String shardId = null;
        String hashKey = null;
        String partitionKey = null;
        Map<String, String> attrs = null;
        List<byte[]> raw = null;
        List<String> tuple = null;
        boolean blobTopic = type == RecordType.BLOB;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field >= 6 && field != 8 && field != 9) {
                if (wire != WireFormat.WIRETYPE_VARINT || field > 10) {
                    return null;
                }
                in.readInt64(); // sequence, system_time, serial: ignored on puts
                continue;
            }
            if (wire != LEN) {
                return null;
            }
            switch (field) {
                case 1:
                    shardId = in.readString();
                    break;
                case 2:
                    hashKey = in.readString();
                    break;
                case 3:
                    partitionKey = in.readString();
                    break;
                case 4:
                case 5:
                    in.skipField(tag); // cursors: ignored on puts
                    break;
                case 8:
                    if (attrs != null) {
                        return null;
                    }
                    int attrLimit = in.pushLimit(in.readRawVarint32());
                    attrs = attributes(in);
                    if (attrs == null) {
                        return null;
                    }
                    in.popLimit(attrLimit);
                    break;
                case 9:
                    if (raw != null || tuple != null) {
                        return null;
                    }
                    int dataLimit = in.pushLimit(in.readRawVarint32());
                    if (blobTopic) {
                        raw = new ArrayList<>(1);
                    } else {
                        tuple = new ArrayList<>(8);
                    }
                    if (!data(in, payload, raw, tuple)) {
                        return null;
                    }
                    in.popLimit(dataLimit);
                    break;
                default:
                    return null;
            }
        }
        if (raw == null && tuple == null) {
            return null; // data is required: the generated parser reports it
        }
        byte[] blob = null;
        if (blobTopic && raw.size() == 1) {
            blob = raw.get(0) == null ? new byte[0] : raw.get(0);
        } else if (blobTopic) {
            tuple = new ArrayList<>(raw.size());
            for (byte[] v : raw) {
                tuple.add(v == null ? null : new String(v, StandardCharsets.UTF_8));
            }
        }
        return new PutRecord(
                emptyToNull(shardId),
                emptyToNull(hashKey),
                emptyToNull(partitionKey),
                attrs == null ? new LinkedHashMap<>() : attrs,
                tuple,
                blob);
    }

    /** StringPairs into a map; null to decline (a missing key or value, an unknown field). */
    private static Map<String, String> attributes(CodedInputStream in) throws IOException {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != TAG1) {
                return null;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            String key = null;
            String value = null;
            for (int t = in.readTag(); t != 0; t = in.readTag()) {
                if (t == TAG1) {
                    key = in.readString();
                } else if (t == TAG2) {
                    value = in.readString();
                } else {
                    return null;
                }
            }
            if (key == null || value == null) {
                return null;
            }
            in.popLimit(limit);
            attrs.put(key, value);
        }
        return attrs;
    }

    /**
     * FieldData values: as bytes into {@code raw} (BLOB topics) or as text into {@code tuple}; an
     * absent value is null. False to decline.
     */
    private static boolean data(
            CodedInputStream in, byte[] payload, List<byte[]> raw, List<String> tuple)
            throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != TAG1) {
                return false;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            int offset = -1;
            int length = 0;
            for (int t = in.readTag(); t != 0; t = in.readTag()) {
                if (t != TAG1) {
                    return false;
                }
                length = in.readRawVarint32(); // the last occurrence wins, as in protobuf
                offset = in.getTotalBytesRead();
                in.skipRawBytes(length);
            }
            in.popLimit(limit);
            if (raw != null) {
                raw.add(offset < 0 ? null : Arrays.copyOfRange(payload, offset, offset + length));
            } else {
                tuple.add(
                        offset < 0
                                ? null
                                : new String(payload, offset, length, StandardCharsets.UTF_8));
            }
        }
        return true;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
