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
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final String GOLDEN = "sink/committable-v1.hex";

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
        assertThat(serializer.deserialize(1, serializer.serialize(c))).isEqualTo(c);
    }

    @Test
    void readsStoredVersionOneBytes() throws IOException {
        byte[] golden = golden();
        assertThat(serializer.deserialize(1, golden)).isEqualTo(tupleCommittable());
    }

    @Test
    void writesVersionOneBytesUnchanged() throws IOException {
        if (Boolean.getBoolean("sink.golden.write")) {
            Files.writeString(
                    Path.of("src/test/resources", GOLDEN),
                    HexFormat.of().formatHex(serializer.serialize(tupleCommittable())) + "\n");
        }
        assertThat(serializer.getVersion()).isEqualTo(1);
        assertThat(serializer.serialize(tupleCommittable())).isEqualTo(golden());
    }

    @Test
    void rejectsAnUnknownVersion() {
        assertThatThrownBy(() -> serializer.deserialize(2, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
    }

    private static byte[] golden() throws IOException {
        try (InputStream in =
                DataHubCommittableSerializerTest.class
                        .getClassLoader()
                        .getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            return HexFormat.of()
                    .parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }
}
