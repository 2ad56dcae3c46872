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
import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.EncodedRecords;
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
import java.util.Objects;

/**
 * Versioned binary form of {@link DataHubCommittable}. Both versions start with the header fields,
 * the schema as DataHub JSON (empty for BLOB) and the record count.
 *
 * <ul>
 *   <li>Version 2 (written): then the records as their put ({@link EncodedRecords}: a compression
 *       code, 0 none (the bytes are the entries), 1 LZ4 or 2 deflate (the bytes are the whole
 *       request body compressed as the client sends it); the raw size, the length and the bytes)
 *       and their routing keys (a flag, then one nullable string per record when any is set).
 *       Serializing a committable copies its bytes once.
 *   <li>Version 1 (read): then a record section: each record's hash key, attributes (sorted by key)
 *       and values by field type. Still read (tested against stored version-1 bytes); such a
 *       committable is encoded as entries when it is committed.
 * </ul>
 */
@Internal
public final class DataHubCommittableSerializer
        implements SimpleVersionedSerializer<DataHubCommittable> {

    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;

    @Override
    public int getVersion() {
        return VERSION_2;
    }

    @Override
    public byte[] serialize(DataHubCommittable c) throws IOException {
        EncodedRecords entries = c.entries();
        List<String> keys = c.hashKeys();
        boolean anyKey = keys.stream().anyMatch(Objects::nonNull);
        String schemaJson = c.schema() == null ? "" : c.schema().toJson();
        DataOutputSerializer head = new DataOutputSerializer(128 + 3 * schemaJson.length());
        writeString(head, c.txnId());
        writeString(head, c.jobId());
        head.writeInt(c.writerAttempt());
        writeString(head, c.shardId());
        head.writeLong(c.baseSequence());
        head.writeLong(c.createdMillis());
        writeString(head, schemaJson);
        head.writeInt(c.recordCount());
        head.writeByte(compressionCode(entries.compression()));
        head.writeInt(entries.rawSize());
        head.writeInt(entries.sizeInBytes());
        DataOutputSerializer tail = new DataOutputSerializer(anyKey ? 40 * keys.size() : 1);
        tail.writeBoolean(anyKey);
        if (anyKey) {
            for (String key : keys) {
                writeNullableString(tail, key);
            }
        }
        // One copy of the entries, straight into the result.
        byte[] out = new byte[head.length() + entries.sizeInBytes() + tail.length()];
        System.arraycopy(head.getSharedBuffer(), 0, out, 0, head.length());
        System.arraycopy(entries.unsafeBytes(), 0, out, head.length(), entries.sizeInBytes());
        System.arraycopy(
                tail.getSharedBuffer(),
                0,
                out,
                head.length() + entries.sizeInBytes(),
                tail.length());
        return out;
    }

    @Override
    public DataHubCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1 && version != VERSION_2) {
            throw new IOException(
                    "Unknown DataHubCommittable version "
                            + version
                            + "; this connector reads versions "
                            + VERSION_1
                            + " and "
                            + VERSION_2);
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
        if (version == VERSION_1) {
            // The rest is the record section, kept as it is until the committer needs it.
            byte[] section = Arrays.copyOfRange(serialized, in.getPosition(), serialized.length);
            return DataHubCommittable.ofVersion1(
                    txnId, jobId, attempt, shardId, baseSequence, created, schema, count, section);
        }
        CompressionType compression = compression(in.readByte());
        int rawSize = in.readInt();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        EncodedRecords entries;
        try {
            entries =
                    compression == CompressionType.NONE
                            ? EncodedRecords.of(schema, count, bytes)
                            : EncodedRecords.ofCompressed(
                                    schema, count, compression, rawSize, bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException("Committable " + txnId + ": " + e.getMessage(), e);
        }
        List<String> keys = null;
        if (in.readBoolean()) {
            keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(readNullableString(in));
            }
        }
        return DataHubCommittable.ofEntries(
                txnId, jobId, attempt, shardId, baseSequence, created, entries, keys);
    }

    private static int compressionCode(CompressionType type) {
        switch (type) {
            case NONE:
                return 0;
            case LZ4:
                return 1;
            case DEFLATE:
                return 2;
            default:
                throw new IllegalStateException("Unhandled compression " + type);
        }
    }

    private static CompressionType compression(byte code) throws IOException {
        switch (code) {
            case 0:
                return CompressionType.NONE;
            case 1:
                return CompressionType.LZ4;
            case 2:
                return CompressionType.DEFLATE;
            default:
                throw new IOException("Unknown compression code " + code + " in a committable");
        }
    }

    /** Decodes a version-1 record section of {@code count} records. */
    static List<DataHubCommittable.StagedRecord> decodeVersion1Records(
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
