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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch format against the golden vector of protocol §6.3 and its own edge cases. */
class BatchCodecTest {

    private static final String VECTOR_HEADER =
            "44485542000000004900000030000000c0adcec70a0001000000";

    private static final String VECTOR_AREA =
            "00000000ffffffff300000002c000000"
                    + "00000000"
                    + "0100000000000000"
                    + "0800000014000000"
                    + "626c6f6264617461"
                    + "00000000";

    private static List<PutRecord> blobdata() {
        return List.of(PutRecord.of(BlobRecord.of("blobdata".getBytes(StandardCharsets.US_ASCII))));
    }

    /**
     * §6.3 shows a 73-byte batch (a 47-byte LZ4 block, CRC c0adcec7); lz4-java 1.8, which the SDK
     * itself uses, encodes the same 48-byte area in 48 bytes (the SDK's own batch is 74 bytes with
     * CRC 2fcf2ee5, see BatchSdkParityTest). LZ4 allows several encodings of one input, so the
     * vector's encoder-independent parts are checked: the header fields and the record area.
     */
    @Test
    void blobVectorOfSection63IsReproducedWithLz4() {
        byte[] batch = BatchCodec.encodeBatch(blobdata(), CompressionType.LZ4, 0);
        ByteBuffer h = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Hex.hex(Arrays.copyOf(batch, 8))).isEqualTo("4448554200000000");
        assertThat(h.getInt(8)).isEqualTo(batch.length);
        assertThat(h.getInt(12)).isEqualTo(0x30);
        assertThat(h.getInt(16)).isEqualTo((int) DhubFrame.crc32c(batch, 26, batch.length - 26));
        assertThat(Hex.hex(Arrays.copyOfRange(batch, 20, 26))).isEqualTo("0a0001000000");
        byte[] area = new byte[48];
        int n =
                Lz4Codec.INSTANCE.decompressor.decompress(
                        batch, 26, batch.length - 26, area, 0, area.length);
        assertThat(n).isEqualTo(48);
        assertThat(Hex.hex(area)).isEqualTo(VECTOR_AREA);
        assertThat(Hex.hex(batch))
                .isEqualTo(
                        "44485542000000004a000000300000002fcf2ee50a0001000000d000000000ffffffff"
                                + "300000002c0d0040000000010500f0080000000800000014000000626c6f62"
                                + "6461746100000000");
    }

    @Test
    void uncompressedVectorAreaIsTheRecordAreaVerbatim() {
        byte[] batch = BatchCodec.encodeBatch(blobdata(), CompressionType.NONE, 0);
        assertThat(batch).hasSize(26 + 48);
        assertThat(Hex.hex(Arrays.copyOfRange(batch, 26, batch.length))).isEqualTo(VECTOR_AREA);
        ByteBuffer h = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getInt(8)).isEqualTo(74);
        assertThat(h.getInt(12)).isEqualTo(48);
        assertThat(h.getShort(20)).isEqualTo((short) 0x08);
        assertThat(h.getInt(22)).isEqualTo(1);
    }

    @Test
    void goldenVectorDecodes() {
        byte[] batch = BatchCodec.encodeBatch(blobdata(), CompressionType.LZ4, 0);
        List<BatchRecordReader.Decoded> records = decode(batch, null);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).schemaVersion()).isEqualTo(-1);
        assertThat(((BlobRecord) records.get(0).payload()).data())
                .isEqualTo("blobdata".getBytes(StandardCharsets.US_ASCII));
        assertThat(records.get(0).attributes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void everyFieldTypeNullAndAttributeRoundTrips(CompressionType compression) {
        List<PutRecord> records = SdkRecords.ours(3);
        byte[] batch = BatchCodec.encodeBatch(records, compression, 0);
        List<BatchRecordReader.Decoded> back = decode(batch, SdkModels.schema());
        assertThat(back).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(back.get(i).payload()).isEqualTo(records.get(i).payload());
            assertThat(back.get(i).attributes()).isEqualTo(records.get(i).attributes());
            assertThat(back.get(i).schemaVersion()).isZero();
        }
    }

    @Test
    void compressionBitsAndRawSizeFollowTheChoice() {
        List<PutRecord> records = SdkRecords.ours(50);
        for (CompressionType c : CompressionType.values()) {
            byte[] batch = BatchCodec.encodeBatch(records, c, 0);
            ByteBuffer h = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(h.getShort(20) & 0x03).isEqualTo(BatchCodec.compressionBits(c));
            assertThat(h.getShort(20) & 0x08).isEqualTo(0x08);
            if (c != CompressionType.NONE) {
                assertThat(h.getInt(8)).isLessThan(h.getInt(12) + 26);
            }
        }
    }

    @Test
    void dataThatDeflateCannotShrinkIsStoredUncompressed() {
        java.util.Random random = new java.util.Random(7);
        for (int attempt = 0; attempt < 1000; attempt++) {
            byte[] data = new byte[500 + random.nextInt(500)];
            random.nextBytes(data);
            byte[] plain =
                    BatchCodec.encodeBatch(
                            List.of(PutRecord.of(BlobRecord.of(data))), CompressionType.NONE, 0);
            byte[] area = Arrays.copyOfRange(plain, 26, plain.length);
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(1);
            deflater.setInput(area);
            deflater.finish();
            byte[] out = new byte[area.length * 2 + 64];
            int compressed = deflater.deflate(out);
            deflater.end();
            if (compressed <= area.length) {
                continue; // shrinks: not the case under test
            }
            byte[] batch =
                    BatchCodec.encodeBatch(
                            List.of(PutRecord.of(BlobRecord.of(data))), CompressionType.DEFLATE, 0);
            assertThat(batch).isEqualTo(plain); // attributes 0x08: compression bits cleared
            assertThat(((BlobRecord) decode(batch, null).get(0).payload()).data()).isEqualTo(data);
            return;
        }
        throw new AssertionError("no incompressible sample found");
    }

    @Test
    void nonAsciiAttributesUseByteLengths() {
        Map<String, String> attrs = Map.of("k\u00e9y", "v\u4e2d\u6587");
        byte[] batch =
                BatchCodec.encodeBatch(
                        List.of(
                                PutRecord.of(BlobRecord.of(new byte[] {1})).withAttributes(attrs),
                                PutRecord.of(BlobRecord.of(new byte[] {2}))),
                        CompressionType.NONE,
                        0);
        List<BatchRecordReader.Decoded> back = decode(batch, null);
        assertThat(back.get(0).attributes()).isEqualTo(attrs);
        assertThat(((BlobRecord) back.get(1).payload()).data()).containsExactly(2);
    }

    @Test
    void moreThan64FieldsUseASecondBitmapWord() {
        List<Field> fields = new ArrayList<>();
        Object[] values = new Object[70];
        for (int i = 0; i < 70; i++) {
            fields.add(Field.of("f" + i, i % 2 == 0 ? FieldType.BIGINT : FieldType.STRING));
            values[i] = i % 3 == 0 ? null : (i % 2 == 0 ? (Object) (long) i : "value number " + i);
        }
        RecordSchema schema = RecordSchema.of(fields);
        TupleRecord tuple = TupleRecord.of(schema, values);
        byte[] batch =
                BatchCodec.encodeBatch(List.of(PutRecord.of(tuple)), CompressionType.DEFLATE, 0);
        assertThat(decode(batch, schema).get(0).payload()).isEqualTo(tuple);
    }

    @Test
    void recordsWrittenBeforeAnAppendFieldReadTheNewFieldAsNull() {
        RecordSchema old = RecordSchema.of(Field.of("a", FieldType.BIGINT));
        RecordSchema grown =
                RecordSchema.of(Field.of("a", FieldType.BIGINT), Field.of("b", FieldType.STRING));
        // Python writers store the field count, which is what makes this readable.
        byte[] batch =
                withStoredFieldCount(
                        BatchCodec.encodeBatch(
                                List.of(PutRecord.of(TupleRecord.of(old, 5L))),
                                CompressionType.NONE,
                                0),
                        1);
        TupleRecord read = (TupleRecord) decode(batch, grown).get(0).payload();
        assertThat(read.schema()).isEqualTo(grown);
        assertThat(read.values()).containsExactly(5L, null);
    }

    @Test
    void aJavaWrittenRecordWithMoreFieldsThanTheSchemaIsSchemaChanged() {
        RecordSchema old =
                RecordSchema.of(Field.of("a", FieldType.BIGINT), Field.of("s", FieldType.STRING));
        RecordSchema grown =
                RecordSchema.of(
                        Field.of("a", FieldType.BIGINT),
                        Field.of("s", FieldType.STRING),
                        Field.of("b", FieldType.STRING));
        for (Object[] values :
                List.of(
                        new Object[] {1L, "long enough string", "new"},
                        new Object[] {1L, "short", "another long value"},
                        new Object[] {1L, null, null})) {
            byte[] batch =
                    BatchCodec.encodeBatch(
                            List.of(PutRecord.of(TupleRecord.of(grown, values))),
                            CompressionType.NONE,
                            0);
            boolean extraIsNull = values[2] == null;
            if (extraIsNull) {
                // The slot is still there: 8 more bytes than the old schema explains.
                assertThatThrownBy(() -> decode(batch, old))
                        .isInstanceOf(SchemaChangedException.class);
                continue;
            }
            assertThatThrownBy(() -> decode(batch, old))
                    .isInstanceOf(SchemaChangedException.class)
                    .satisfies(
                            e ->
                                    assertThat(((SchemaChangedException) e).expectedFields())
                                            .isEqualTo(2));
            // With the grown schema it reads, and old records still read with the grown one.
            assertThat(decode(batch, grown).get(0).payload())
                    .isEqualTo(TupleRecord.of(grown, values));
        }
        byte[] oldBatch =
                BatchCodec.encodeBatch(
                        List.of(PutRecord.of(TupleRecord.of(old, 7L, "a long old string"))),
                        CompressionType.NONE,
                        0);
        assertThat(((TupleRecord) decode(oldBatch, grown).get(0).payload()).values())
                .containsExactly(7L, "a long old string", null);
        assertThat(decode(oldBatch, old).get(0).payload())
                .isEqualTo(TupleRecord.of(old, 7L, "a long old string"));
        // An old record of fixed-size fields only has fewer slots than a much wider schema.
        RecordSchema one = RecordSchema.of(Field.of("a", FieldType.BIGINT));
        RecordSchema five =
                RecordSchema.of(
                        Field.of("a", FieldType.BIGINT),
                        Field.of("b", FieldType.BIGINT),
                        Field.of("c", FieldType.BIGINT),
                        Field.of("d", FieldType.BIGINT),
                        Field.of("e", FieldType.BIGINT));
        byte[] tiny =
                BatchCodec.encodeBatch(
                        List.of(PutRecord.of(TupleRecord.of(one, 9L))), CompressionType.NONE, 0);
        assertThat(((TupleRecord) decode(tiny, five).get(0).payload()).values())
                .containsExactly(9L, null, null, null, null);
    }

    @Test
    void aRegisteredVersionIsDecodedWithItsSchemaAndMappedToTheReaders() {
        RecordSchema v0 = RecordSchema.of(Field.of("a", FieldType.BIGINT));
        RecordSchema v1 =
                RecordSchema.of(Field.of("a", FieldType.BIGINT), Field.of("b", FieldType.STRING));
        byte[] batch =
                BatchCodec.encodeBatch(
                        List.of(PutRecord.of(TupleRecord.of(v0, 9L))), CompressionType.LZ4, 3);
        List<Integer> asked = new ArrayList<>();
        List<BatchRecordReader.Decoded> back =
                BatchCodec.decodeBatch(
                        batch,
                        0,
                        batch.length,
                        v1,
                        version -> {
                            asked.add(version);
                            return v0;
                        });
        assertThat(asked).containsExactly(3);
        assertThat(back.get(0).schemaVersion()).isEqualTo(3);
        assertThat(((TupleRecord) back.get(0).payload()).values()).containsExactly(9L, null);
    }

    @Test
    void aVersionWithAnIncompatibleFieldFailsNamingIt() {
        RecordSchema reader = RecordSchema.of(Field.of("a", FieldType.STRING));
        RecordSchema written = RecordSchema.of(Field.of("a", FieldType.BIGINT));
        byte[] batch =
                BatchCodec.encodeBatch(
                        List.of(PutRecord.of(TupleRecord.of(written, 1L))),
                        CompressionType.NONE,
                        2);
        assertThatThrownBy(
                        () -> BatchCodec.decodeBatch(batch, 0, batch.length, reader, v -> written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema version 2")
                .hasMessageContaining("'a' BIGINT");
    }

    @Test
    void aTupleBatchReadWithoutSchemaFailsClearly() {
        byte[] batch = BatchCodec.encodeBatch(SdkRecords.ours(1), CompressionType.NONE, 0);
        assertThatThrownBy(() -> decode(batch, null))
                .hasMessageContaining("cannot be read as BLOB");
    }

    @Test
    void corruptBatchesAreRejected() {
        byte[] batch = BatchCodec.encodeBatch(SdkRecords.ours(2), CompressionType.LZ4, 0);
        byte[] badCrc = batch.clone();
        badCrc[30] ^= 1;
        assertThatThrownBy(() -> decode(badCrc, SdkModels.schema())).hasMessageContaining("CRC");
        byte[] badMagic = batch.clone();
        badMagic[0] = 'X';
        assertThatThrownBy(() -> decode(badMagic, SdkModels.schema()))
                .hasMessageContaining("magic");
        byte[] badVersion = batch.clone();
        badVersion[4] = 1;
        assertThatThrownBy(() -> decode(badVersion, SdkModels.schema()))
                .hasMessageContaining("version 1");
        byte[] cut = Arrays.copyOf(batch, batch.length - 1);
        assertThatThrownBy(() -> decode(cut, SdkModels.schema())).hasMessageContaining("bytes");
        // CRC 0 skips the check (as the Java SDK does); a wrong record count is still caught.
        byte[] noCrc = BatchCodec.encodeBatch(SdkRecords.ours(1), CompressionType.NONE, 0);
        ByteBuffer.wrap(noCrc).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0).putInt(22, 4);
        assertThatThrownBy(() -> decode(noCrc, SdkModels.schema()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void estimatedBatchSizesAreNeverBelowTheRequestBody() {
        List<PutRecord> records = new ArrayList<>(SdkRecords.ours(5));
        records.addAll(SdkRecords.oursBlob());
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 50; round++) {
            List<PutRecord> sample = new ArrayList<>();
            int estimate = PutRecord.requestOverheadBytes(BodyProtocol.BATCH);
            for (int i = 0; i < 1 + random.nextInt(records.size()); i++) {
                PutRecord r = records.get(random.nextInt(records.size()));
                if (r.payload() instanceof BlobRecord
                        && !sample.isEmpty()
                        && sample.get(0).payload() instanceof TupleRecord) {
                    continue;
                }
                if (r.payload() instanceof TupleRecord
                        && !sample.isEmpty()
                        && sample.get(0).payload() instanceof BlobRecord) {
                    continue;
                }
                sample.add(r);
                assertThat(r.estimatedEncodedSize(BodyProtocol.BATCH))
                        .isEqualTo(new BatchRecordWriter(r, 0).size());
                estimate += r.estimatedEncodedSize(BodyProtocol.BATCH);
            }
            byte[] request = BatchCodec.encodePutRequest(sample, CompressionType.NONE, 0);
            assertThat(estimate).isGreaterThanOrEqualTo(request.length);
        }
    }

    private static List<BatchRecordReader.Decoded> decode(byte[] batch, RecordSchema schema) {
        return BatchCodec.decodeBatch(
                batch,
                0,
                batch.length,
                schema,
                v -> {
                    throw new AssertionError("no registry lookup expected, got version " + v);
                });
    }

    /** Sets the field count of the (single, uncompressed) record and fixes the CRC. */
    private static byte[] withStoredFieldCount(byte[] batch, int count) {
        ByteBuffer b = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(26 + 16, count);
        b.putInt(16, (int) DhubFrame.crc32c(batch, 26, batch.length - 26));
        return batch;
    }
}
