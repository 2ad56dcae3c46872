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

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Records encoded once: the same bytes as a put of the records, and decoded back unchanged. */
class EncodedRecordsTest {

    static final RecordSchema SCHEMA =
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

    static List<PutRecord> tuples() {
        TupleRecord full =
                TupleRecord.of(
                        SCHEMA,
                        (byte) -7,
                        (short) 300,
                        70000,
                        -9_000_000_000L,
                        1.5f,
                        -2.25d,
                        new BigDecimal("12345678901234567890.012300"),
                        true,
                        // non-ASCII, a 4-byte character and an unpaired surrogate
                        "h\u00e9llo \u6771\u4eac \ud83d\ude00 \ud800!",
                        1_700_000_000_123_456L);
        TupleRecord sparse =
                TupleRecord.of(SCHEMA, null, null, null, 1L, null, null, null, null, "", null);
        return List.of(
                new PutRecord(full, Map.of("a", "1", "b", "\u00fc"), null, null, null),
                new PutRecord(sparse, Map.of(), "3", null, null),
                new PutRecord(sparse, Map.of(), null, "7F", null),
                new PutRecord(full, Map.of(), null, null, "user-1"),
                PutRecord.of(
                        TupleRecord.of(
                                SCHEMA,
                                null,
                                null,
                                null,
                                2L,
                                null,
                                null,
                                null,
                                null,
                                "x".repeat(100_000),
                                null)));
    }

    private static EncodedRecords encode(RecordSchema schema, List<PutRecord> records) {
        EncodedRecords.Builder builder = EncodedRecords.builder(schema);
        int total = 0;
        for (PutRecord r : records) {
            int added = builder.add(r);
            // The estimate counts an unpaired surrogate as 3 bytes, the encoder writes '?'.
            assertThat(added).isLessThanOrEqualTo(PbRecordSizes.entrySize(r));
            assertThat(added).isGreaterThanOrEqualTo(PbRecordSizes.entrySize(r) - 2);
            total += added;
        }
        assertThat(builder.count()).isEqualTo(records.size());
        assertThat(builder.sizeInBytes()).isEqualTo(total);
        return builder.build();
    }

    @Test
    void bytesAreThoseOfAPutOfTheRecords() {
        List<PutRecord> records = tuples();
        EncodedRecords encoded = encode(SCHEMA, records);
        byte[] put = PbRecordCodec.encodePutRecords(records);
        assertThat(encoded.unsafeBytes())
                .isEqualTo(Arrays.copyOfRange(put, DhubFrame.HEADER_SIZE, put.length));
        assertThat(PbRecordCodec.encodePutRecords(encoded)).isEqualTo(put);
        assertThat(encoded.count()).isEqualTo(records.size());
    }

    @Test
    void decodesToTheSameRecords() {
        // The unpaired surrogate cannot survive UTF-8 (every encoder writes '?'): compare
        // against what a reader gets.
        List<PutRecord> records = tuples();
        List<PutRecord> decoded = encode(SCHEMA, records).decode();
        assertThat(decoded).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            PutRecord want = records.get(i);
            PutRecord got = decoded.get(i);
            assertThat(got.attributes()).isEqualTo(want.attributes());
            assertThat(got.shardId()).isEqualTo(want.shardId());
            assertThat(got.hashKey()).isEqualTo(want.hashKey());
            assertThat(got.partitionKey()).isEqualTo(want.partitionKey());
            TupleRecord w = (TupleRecord) want.payload();
            TupleRecord g = (TupleRecord) got.payload();
            for (int f = 0; f < SCHEMA.size(); f++) {
                Object value = w.get(f);
                if (value instanceof String s && s.contains("\ud800!")) {
                    value = s.replace("\ud800!", "?!");
                }
                assertThat(g.get(f)).as("field " + f + " of record " + i).isEqualTo(value);
            }
        }
    }

    @Test
    void blobsRoundTrip() {
        List<PutRecord> records =
                List.of(
                        PutRecord.of(BlobRecord.of(new byte[] {0, 1, -1})),
                        PutRecord.of(BlobRecord.of(new byte[0])),
                        new PutRecord(
                                BlobRecord.of("x".getBytes(StandardCharsets.US_ASCII)),
                                Map.of("k", "v"),
                                null,
                                null,
                                null));
        EncodedRecords encoded = encode(null, records);
        byte[] put = PbRecordCodec.encodePutRecords(records);
        assertThat(encoded.unsafeBytes())
                .isEqualTo(Arrays.copyOfRange(put, DhubFrame.HEADER_SIZE, put.length));
        List<byte[]> data = new ArrayList<>();
        for (PutRecord r : encoded.decode()) {
            data.add(((BlobRecord) r.payload()).data());
        }
        assertThat(data).containsExactly(new byte[] {0, 1, -1}, new byte[0], new byte[] {'x'});
        assertThat(encoded.decode().get(2).attributes()).containsEntry("k", "v");
    }

    @Test
    void wrappedBytesAreCheckedAndEqualTheBuilt() {
        EncodedRecords encoded = encode(SCHEMA, tuples());
        byte[] bytes = encoded.unsafeBytes().clone();
        assertThat(EncodedRecords.of(SCHEMA, 5, bytes)).isEqualTo(encoded);
        assertThatThrownBy(() -> EncodedRecords.of(SCHEMA, 4, bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hold 5 records, expected 4");
        assertThatThrownBy(
                        () -> EncodedRecords.of(SCHEMA, 5, Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> EncodedRecords.of(SCHEMA, 1, new byte[] {0x12, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected protobuf tag");
        assertThat(EncodedRecords.of(SCHEMA, 0, new byte[0]).count()).isZero();
    }

    @Test
    void compressedFormIsTheCompressedRequestBody() throws Exception {
        List<PutRecord> records = tuples();
        EncodedRecords entries = encode(SCHEMA, records);
        byte[] frame = PbRecordCodec.encodePutRecords(records);
        for (CompressionType type : List.of(CompressionType.LZ4, CompressionType.DEFLATE)) {
            EncodedRecords compressed = entries.compress(type);
            assertThat(compressed.compression()).isEqualTo(type);
            assertThat(compressed.rawSize()).isEqualTo(frame.length);
            assertThat(compressed.sizeInBytes()).isLessThan(frame.length);
            assertThat(
                            BodyCodecs.decompress(
                                    type.headerValue(), compressed.unsafeBytes(), frame.length))
                    .isEqualTo(frame);
            assertThat(compressed.compress(CompressionType.LZ4)).isSameAs(compressed);
            assertThat(compressed.decode()).isEqualTo(entries.decode());
            assertThat(PbRecordCodec.encodePutRecords(compressed)).isEqualTo(frame);
            EncodedRecords wrapped =
                    EncodedRecords.ofCompressed(
                            SCHEMA, 5, type, frame.length, compressed.unsafeBytes().clone());
            assertThat(wrapped).isEqualTo(compressed);
        }
        assertThat(entries.compress(CompressionType.NONE)).isSameAs(entries);
        // Incompressible: kept as entries, as a client would send it uncompressed.
        EncodedRecords.Builder tiny = EncodedRecords.builder(null);
        tiny.add(PutRecord.of(BlobRecord.of(new byte[] {7})));
        EncodedRecords one = tiny.build();
        assertThat(one.compress(CompressionType.LZ4)).isSameAs(one);
    }

    @Test
    void aCorruptCompressedBodyFailsWhenDecoded() {
        EncodedRecords compressed = encode(SCHEMA, tuples()).compress(CompressionType.LZ4);
        byte[] bytes = compressed.unsafeBytes().clone();
        bytes[bytes.length / 2] ^= 0x55;
        EncodedRecords corrupt =
                EncodedRecords.ofCompressed(
                        SCHEMA, 5, CompressionType.LZ4, compressed.rawSize(), bytes);
        assertThatThrownBy(corrupt::decode)
                .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                EncodedRecords.ofCompressed(
                                        SCHEMA, 5, CompressionType.NONE, 100, bytes))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> EncodedRecords.ofCompressed(SCHEMA, 5, CompressionType.LZ4, 3, bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raw size 3");
    }

    @Test
    void theBuilderRefusesRecordsOfAnotherKind() {
        EncodedRecords.Builder tuples = EncodedRecords.builder(SCHEMA);
        assertThatThrownBy(() -> tuples.add(PutRecord.of(BlobRecord.of(new byte[1]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a TUPLE of the builder's schema");
        EncodedRecords.Builder blobs = EncodedRecords.builder(null);
        assertThatThrownBy(() -> blobs.add(tuples().get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without schema");
        assertThat(tuples.count()).isZero();
        assertThat(blobs.count()).isZero();
    }
}
