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
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.core.memory.DataOutputSerializer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committable format: round trips of every field type and of blobs, and the stored version-1
 * bytes ({@code sink/committable-v1.hex}, written once by this connector's first release) still
 * read back, so a format change that breaks restoring old checkpoints fails here.
 */
class DataHubCommittableSerializerTest {

    private static final String GOLDEN_V1 = "sink/committable-v1.hex";
    private static final String GOLDEN_V2 = "sink/committable-v2.hex";

    static final RecordSchema ALL_TYPES =
            RecordSchema.of(
                    Field.of("f_tinyint", FieldType.TINYINT),
                    Field.of("f_smallint", FieldType.SMALLINT),
                    Field.of("f_integer", FieldType.INTEGER),
                    Field.notNull("f_bigint", FieldType.BIGINT),
                    Field.of("f_float", FieldType.FLOAT),
                    Field.of("f_double", FieldType.DOUBLE),
                    Field.of("f_decimal", FieldType.DECIMAL),
                    Field.of("f_boolean", FieldType.BOOLEAN),
                    Field.of("f_string", FieldType.STRING),
                    Field.of("f_timestamp", FieldType.TIMESTAMP));

    private final DataHubCommittableSerializer serializer = new DataHubCommittableSerializer();

    static DataHubCommittable tupleCommittable() {
        TupleRecord full =
                TupleRecord.of(
                        ALL_TYPES,
                        (byte) -7,
                        (short) 300,
                        70000,
                        -9_000_000_000L,
                        1.5f,
                        -2.25d,
                        new BigDecimal("12345678901234567890.012300"),
                        true,
                        "h\u00e9llo \u6771\u4eac",
                        1_700_000_000_123_456L);
        TupleRecord sparse =
                TupleRecord.of(ALL_TYPES, null, null, null, 1L, null, null, null, null, null, null);
        return new DataHubCommittable(
                "job-3-1-7-2",
                "00000000000000000000000000000abc",
                1,
                "5",
                42L,
                1_800_000_000_000L,
                ALL_TYPES,
                List.of(
                        new DataHubCommittable.StagedRecord(
                                new PutRecord(
                                        full,
                                        Map.of(DataHubCommittable.TXN_ATTRIBUTE, "job-3-1-7-2/0"),
                                        null,
                                        null,
                                        null),
                                "1f"),
                        new DataHubCommittable.StagedRecord(
                                new PutRecord(
                                        sparse,
                                        Map.of(
                                                DataHubCommittable.TXN_ATTRIBUTE,
                                                "job-3-1-7-2/1",
                                                "user",
                                                "v"),
                                        null,
                                        null,
                                        null),
                                null)));
    }

    @Test
    void roundTripsEveryFieldType() throws IOException {
        DataHubCommittable c = tupleCommittable();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(c)))
                .isEqualTo(c);
    }

    @Test
    void roundTripsBlobs() throws IOException {
        DataHubCommittable c =
                new DataHubCommittable(
                        "t",
                        "j",
                        0,
                        "0",
                        -1,
                        0,
                        null,
                        List.of(
                                new DataHubCommittable.StagedRecord(
                                        PutRecord.of(BlobRecord.of(new byte[] {0, 1, -1})), null),
                                new DataHubCommittable.StagedRecord(
                                        PutRecord.of(BlobRecord.of(new byte[0])), "abc")));
        assertThat(serializer.deserialize(2, serializer.serialize(c))).isEqualTo(c);
    }

    @Test
    void readsStoredVersionOneBytes() throws IOException {
        DataHubCommittable c = serializer.deserialize(1, golden(GOLDEN_V1));
        assertThat(c).isEqualTo(tupleCommittable());
        assertThat(c.hashKeys()).containsExactly("1f", null);
        // Committed as the same entries as a committable built from the records.
        assertThat(c.entries()).isEqualTo(tupleCommittable().entries());
    }

    @Test
    void writesVersionTwoBytesUnchanged() throws IOException {
        if (Boolean.getBoolean("sink.golden.write")) {
            Files.writeString(
                    Path.of("src/test/resources", GOLDEN_V2),
                    HexFormat.of().formatHex(serializer.serialize(tupleCommittable())) + "\n");
        }
        assertThat(serializer.getVersion()).isEqualTo(2);
        assertThat(serializer.serialize(tupleCommittable())).isEqualTo(golden(GOLDEN_V2));
        assertThat(serializer.deserialize(2, golden(GOLDEN_V2))).isEqualTo(tupleCommittable());
    }

    @Test
    void versionTwoHoldsTheEntriesOfThePut() throws IOException {
        DataHubCommittable c = serializer.deserialize(2, serializer.serialize(tupleCommittable()));
        List<PutRecord> records = new ArrayList<>();
        for (DataHubCommittable.StagedRecord r : tupleCommittable().records()) {
            records.add(r.record());
        }
        EncodedRecords.Builder expected = EncodedRecords.builder(ALL_TYPES);
        records.forEach(expected::add);
        assertThat(c.entries()).isEqualTo(expected.build());
        assertThat(c.entries().decode()).isEqualTo(records);
        assertThat(c.hashKeys()).containsExactly("1f", null);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void roundTripsCompressedRequestBodies(CompressionType compression) throws IOException {
        DataHubCommittable plain = tupleCommittable();
        DataHubCommittable c =
                DataHubCommittable.ofEntries(
                        plain.txnId(),
                        plain.jobId(),
                        plain.writerAttempt(),
                        plain.shardId(),
                        plain.baseSequence(),
                        plain.createdMillis(),
                        plain.entries().compress(compression),
                        plain.hashKeys());
        DataHubCommittable back = serializer.deserialize(2, serializer.serialize(c));
        assertThat(back.entries()).isEqualTo(c.entries());
        assertThat(back.entries().compression())
                .isEqualTo(c.entries().compression())
                .isEqualTo(compression);
        assertThat(back).isEqualTo(plain);
        assertThat(back.hashKeys()).containsExactly("1f", null);
    }

    @Test
    void rejectsAnUnknownVersionAndCorruptEntries() throws IOException {
        assertThatThrownBy(() -> serializer.deserialize(3, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 3");
        byte[] bytes = serializer.serialize(tupleCommittable());
        assertThatThrownBy(() -> serializer.deserialize(2, Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IOException.class);
        // A record count that does not match the entries names the committable.
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (String text :
                new String[] {
                    "txn-9", "job",
                }) {
            writeString(out, text);
        }
        out.writeInt(0);
        writeString(out, "0");
        out.writeLong(-1);
        out.writeLong(0);
        writeString(out, "");
        out.writeInt(3);
        out.writeByte(0); // entries, uncompressed
        out.writeInt(0); // raw size
        EncodedRecords.Builder two = EncodedRecords.builder(null);
        two.add(PutRecord.of(BlobRecord.of(new byte[] {1})));
        two.add(PutRecord.of(BlobRecord.of(new byte[] {2})));
        out.writeInt(two.sizeInBytes());
        out.write(two.build().unsafeBytes());
        out.writeBoolean(false);
        assertThatThrownBy(() -> serializer.deserialize(2, out.getCopyOfBuffer()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("txn-9")
                .hasMessageContaining("hold 2 records, expected 3");
    }

    private static void writeString(DataOutputSerializer out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] golden(String resource) throws IOException {
        try (InputStream in =
                DataHubCommittableSerializerTest.class
                        .getClassLoader()
                        .getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return HexFormat.of()
                    .parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }
}
