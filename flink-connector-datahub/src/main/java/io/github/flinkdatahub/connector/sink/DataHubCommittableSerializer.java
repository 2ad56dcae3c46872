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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordPayload;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Versioned binary form of {@link DataHubCommittable}. Version 1: header fields, the schema as
 * DataHub JSON (empty for BLOB), the record count, then the record section: each record's hash key,
 * attributes (sorted by key) and values by field type. The staging writer writes the record section
 * as records arrive, so serializing a committable copies one byte array. A new version must keep
 * reading version 1 (tested against stored version-1 bytes).
 */
@Internal
public final class DataHubCommittableSerializer
        implements SimpleVersionedSerializer<DataHubCommittable> {

    static final int VERSION_1 = 1;

    @Override
    public int getVersion() {
        return VERSION_1;
    }

    @Override
    public byte[] serialize(DataHubCommittable c) throws IOException {
        byte[] records = c.encodedRecords();
        String schemaJson = c.schema() == null ? "" : c.schema().toJson();
        DataOutputSerializer out =
                new DataOutputSerializer(
                        records.length
                                + 64
                                + 3
                                        * (c.txnId().length()
                                                + c.jobId().length()
                                                + schemaJson.length()));
        writeString(out, c.txnId());
        writeString(out, c.jobId());
        out.writeInt(c.writerAttempt());
        writeString(out, c.shardId());
        out.writeLong(c.baseSequence());
        out.writeLong(c.createdMillis());
        writeString(out, schemaJson);
        out.writeInt(c.recordCount());
        out.write(records);
        return out.getCopyOfBuffer();
    }

    @Override
    public DataHubCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1) {
            throw new IOException(
                    "Unknown DataHubCommittable version "
                            + version
                            + "; this connector reads version "
                            + VERSION_1);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        String txnId = readString(in);
        String jobId = readString(in);
        int attempt = in.readInt();
        String shardId = readString(in);
        long baseSequence = in.readLong();
        long created = in.readLong();
        String schemaJson = readString(in);
        RecordSchema schema = schemaJson.isEmpty() ? null : RecordSchema.fromJson(schemaJson);
        int count = in.readInt();
        // The rest is the record section, kept as it is until the committer needs the records.
        byte[] records = Arrays.copyOfRange(serialized, in.getPosition(), serialized.length);
        return DataHubCommittable.ofEncoded(
                txnId, jobId, attempt, shardId, baseSequence, created, schema, count, records);
    }

    /** The record section of the format for these records. */
    static byte[] encodeRecords(List<DataHubCommittable.StagedRecord> records, RecordSchema s) {
        DataOutputSerializer out = new DataOutputSerializer(sizeEstimate(records));
        try {
            for (DataHubCommittable.StagedRecord r : records) {
                writeRecord(out, r.record(), r.hashKey(), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
        return out.getCopyOfBuffer();
    }

    /**
     * Appends one record of the record section: its hash key, its attributes (sorted by key, so the
     * bytes do not depend on map iteration order) and its values by field type.
     */
    static void writeRecord(DataOutputView out, PutRecord record, String hashKey, RecordSchema s)
            throws IOException {
        writeRecord(out, record.attributes(), record.payload(), hashKey, s);
    }

    /** {@link #writeRecord(DataOutputView, PutRecord, String, RecordSchema)} from its parts. */
    static void writeRecord(
            DataOutputView out,
            Map<String, String> attributes,
            RecordPayload payload,
            String hashKey,
            RecordSchema s)
            throws IOException {
        writeNullableString(out, hashKey);
        if (attributes.size() > 1 && !(attributes instanceof SortedMap)) {
            attributes = new TreeMap<>(attributes);
        }
        out.writeInt(attributes.size());
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            writeString(out, a.getKey());
            writeString(out, a.getValue());
        }
        writePayload(out, payload, s);
    }

    /** Decodes a record section of {@code count} records. */
    static List<DataHubCommittable.StagedRecord> decodeRecords(
            byte[] section, int count, RecordSchema schema) {
        DataInputDeserializer in = new DataInputDeserializer(section);
        List<DataHubCommittable.StagedRecord> records = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                String hashKey = readNullableString(in);
                int attributeCount = in.readInt();
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int a = 0; a < attributeCount; a++) {
                    attributes.put(readString(in), readString(in));
                }
                RecordPayload payload = readPayload(in, schema);
                records.add(
                        new DataHubCommittable.StagedRecord(
                                new PutRecord(payload, attributes, null, null, null), hashKey));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A staged request's records cannot be decoded", e);
        }
        return List.copyOf(records);
    }

    /**
     * The section's size when every string is ASCII (a cheap count of chars, not of UTF-8 bytes;
     * other text only makes the buffer grow once more).
     */
    private static int sizeEstimate(List<DataHubCommittable.StagedRecord> records) {
        long size = 64;
        for (DataHubCommittable.StagedRecord r : records) {
            size += 16 + (r.hashKey() == null ? 0 : r.hashKey().length());
            for (Map.Entry<String, String> a : r.record().attributes().entrySet()) {
                size += 8 + a.getKey().length() + a.getValue().length();
            }
            if (r.record().payload() instanceof BlobRecord blob) {
                size += 4 + blob.data().length;
            } else {
                TupleRecord tuple = (TupleRecord) r.record().payload();
                for (int i = 0; i < tuple.size(); i++) {
                    Object v = tuple.get(i);
                    size += v instanceof String text ? 5 + text.length() : 9;
                }
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private static void writePayload(DataOutputView out, RecordPayload payload, RecordSchema s)
            throws IOException {
        if (payload instanceof BlobRecord blob) {
            byte[] data = blob.data();
            out.writeInt(data.length);
            out.write(data);
            return;
        }
        TupleRecord tuple = (TupleRecord) payload;
        for (int i = 0; i < s.size(); i++) {
            Object v = tuple.get(i);
            out.writeBoolean(v != null);
            if (v == null) {
                continue;
            }
            switch (s.field(i).type()) {
                case TINYINT -> out.writeByte((Byte) v);
                case SMALLINT -> out.writeShort((Short) v);
                case INTEGER -> out.writeInt((Integer) v);
                case BIGINT, TIMESTAMP -> out.writeLong((Long) v);
                case FLOAT -> out.writeFloat((Float) v);
                case DOUBLE -> out.writeDouble((Double) v);
                case DECIMAL -> writeString(out, ((BigDecimal) v).toString());
                case BOOLEAN -> out.writeBoolean((Boolean) v);
                case STRING -> writeString(out, (String) v);
                default -> throw new IOException("Unhandled type " + s.field(i).type());
            }
        }
    }

    private static RecordPayload readPayload(DataInputView in, RecordSchema s) throws IOException {
        if (s == null) {
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            return BlobRecord.of(data);
        }
        Object[] values = new Object[s.size()];
        for (int i = 0; i < s.size(); i++) {
            if (!in.readBoolean()) {
                continue;
            }
            Field f = s.field(i);
            values[i] =
                    switch (f.type()) {
                        case TINYINT -> in.readByte();
                        case SMALLINT -> in.readShort();
                        case INTEGER -> in.readInt();
                        case BIGINT, TIMESTAMP -> in.readLong();
                        case FLOAT -> in.readFloat();
                        case DOUBLE -> in.readDouble();
                        case DECIMAL -> new BigDecimal(readString(in));
                        case BOOLEAN -> in.readBoolean();
                        case STRING -> readString(in);
                    };
        }
        return TupleRecord.of(s, values);
    }

    private static void writeString(DataOutputView out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputView in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeNullableString(DataOutputView out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s);
        }
    }

    private static String readNullableString(DataInputView in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }
}
