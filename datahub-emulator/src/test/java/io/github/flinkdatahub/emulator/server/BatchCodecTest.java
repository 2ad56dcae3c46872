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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.EngineException;

import com.aliyun.datahub.client.http.converter.batch.BatchBinaryRecord;
import com.aliyun.datahub.client.http.converter.batch.BatchDeserializer;
import com.aliyun.datahub.client.http.converter.batch.BinaryRecord;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.RecordSchema;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator's batch codec against the section 6.3 vector and the official SDK's own batch writer
 * and reader, round trips of every type, and bad batches.
 */
class BatchCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Section 6.3: the record area of blob "blobdata" as the Java SDK writes it. */
    private static final String BLOB_RECORD =
            "00000000ffffffff300000002c000000"
                    + "00000000"
                    + "0100000000000000"
                    + "0800000014000000"
                    + "626c6f6264617461"
                    + "00000000";

    /** Section 6.3: the 26-byte header of that record's LZ4 batch. */
    private static final String LZ4_HEADER =
            "44485542" + "00000000" + "49000000" + "30000000" + "c0adcec7" + "0a00" + "01000000";

    private static final IntFunction<List<FieldSpec>> NO_SCHEMA =
            v -> {
                throw new AssertionError("no schema lookup expected");
            };

    private static BatchRecord blob(String text) {
        return new BatchRecord(-1, Map.of(), null, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void blobRecordMatchesTheGoldenVector() {
        assertThat(HEX.formatHex(BatchEncoder.record(blob("blobdata"), null)))
                .isEqualTo(BLOB_RECORD);
    }

    @Test
    void theSdksLz4BatchHasTheGoldenHeaderAndRecordAreaAndDecodes() {
        byte[] batch = sdkBlobBatch(CompressType.LZ4);

        // The LZ4 bytes (47 in the capture) depend on the lz4-java build, and so do the length
        // and CRC fields; everything else is pinned, and the area decompresses to the vector.
        ByteBuffer h = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
        String golden = LZ4_HEADER;
        assertThat(HEX.formatHex(Arrays.copyOf(batch, 8))).isEqualTo(golden.substring(0, 16));
        assertThat(HEX.formatHex(Arrays.copyOfRange(batch, 12, 16)))
                .isEqualTo(golden.substring(24, 32));
        assertThat(HEX.formatHex(Arrays.copyOfRange(batch, 20, 26)))
                .isEqualTo(golden.substring(40));
        assertThat(h.getInt(8)).isEqualTo(batch.length);
        byte[] area = new byte[48];
        LZ4Factory.fastestInstance()
                .safeDecompressor()
                .decompress(batch, 26, batch.length - 26, area, 0);
        assertThat(HEX.formatHex(area)).isEqualTo(BLOB_RECORD);
        List<BatchRecord> decoded = BatchDecoder.decode(batch, NO_SCHEMA);
        assertThat(decoded)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.schemaVersion()).isEqualTo(-1);
                            assertThat(new String(r.blob(), StandardCharsets.UTF_8))
                                    .isEqualTo("blobdata");
                            assertThat(r.attributes()).isEmpty();
                        });
    }

    @Test
    void encoderWritesExactlyWhatTheSdkWritesUncompressed() {
        byte[] ours = BatchEncoder.encode(List.of(blob("blobdata")), Map.of(), false);

        assertThat(HEX.formatHex(ours)).isEqualTo(HEX.formatHex(sdkBlobBatch(CompressType.NONE)));
        assertThat(HEX.formatHex(Arrays.copyOfRange(ours, 26, ours.length))).isEqualTo(BLOB_RECORD);
    }

    @Test
    void theSdkReaderDecodesWhatTheEncoderWrites() {
        RecordSchema schema = new RecordSchema();
        schema.addField(new Field("s", FieldType.STRING));
        schema.addField(new Field("b", FieldType.BIGINT));
        schema.addField(new Field("d", FieldType.DOUBLE));
        schema.addField(new Field("t", FieldType.TINYINT));
        schema.addField(new Field("f", FieldType.FLOAT));
        schema.addField(new Field("z", FieldType.BOOLEAN));
        List<FieldSpec> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            fields.add(new FieldSpec(f.getName(), f.getType().name(), false, null));
        }
        BatchRecord r =
                new BatchRecord(
                        0,
                        Map.of("k\u00e9", "v"),
                        Arrays.asList("longer than seven \u4e2d", "-42", "2.5", "-1", "1.5", null),
                        null);

        byte[] ours = BatchEncoder.encode(List.of(r), Map.of(0, fields), false);
        BinaryRecord back =
                new BatchDeserializer("p", "t", schema, null)
                        .parseBatchRecordFrom(ours)
                        .getRecords()
                        .get(0);

        assertThat(back.getField(0)).isEqualTo("longer than seven \u4e2d");
        assertThat(back.getField(1)).isEqualTo(-42L);
        assertThat(back.getField(2)).isEqualTo(2.5);
        assertThat(back.getField(3)).isEqualTo((byte) -1);
        assertThat(back.getField(4)).isEqualTo(1.5f);
        assertThat(back.getField(5)).isNull();
        assertThat(back.getAttrMap()).containsEntry("k\u00e9", "v");
    }

    @Test
    void lz4IsUsedWhenItShrinksTheBatchAndTheSdkReadsIt() {
        BatchRecord big = blob("x".repeat(4000));
        byte[] compressed = BatchEncoder.encode(List.of(big, big), Map.of(), true);
        byte[] tiny = BatchEncoder.encode(List.of(blob("ab")), Map.of(), true);

        assertThat(compressed[20] & 0x03).isEqualTo(2);
        assertThat(compressed.length).isLessThan(1000);
        assertThat(tiny[20] & 0x03).as("LZ4 would not shrink it").isZero();
        List<BinaryRecord> read =
                new BatchDeserializer("p", "t", null, null)
                        .parseBatchRecordFrom(compressed)
                        .getRecords();
        assertThat(read).hasSize(2);
        assertThat((byte[]) read.get(1).getField(0)).isEqualTo(big.blob());
        assertThat(BatchDecoder.decode(compressed, NO_SCHEMA)).hasSize(2);
    }

    /** Blob "blobdata" as the official Java SDK's batch writer encodes it. */
    private static byte[] sdkBlobBatch(CompressType compression) {
        BinaryRecord record = new BinaryRecord(null, -1);
        record.setField(0, "blobdata".getBytes(StandardCharsets.UTF_8));
        BatchBinaryRecord batch = new BatchBinaryRecord();
        batch.addRecord(record);
        return batch.serialize(compression);
    }

    @Test
    void uncompressedDeflateAndZlibBatchesOfTheVectorDecode() {
        byte[] area = HEX.parseHex(BLOB_RECORD);
        assertThat(BatchDecoder.decode(batch(area, area.length, 0, 1), NO_SCHEMA))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.blob())
                                        .isEqualTo("blobdata".getBytes(StandardCharsets.UTF_8)));
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(area);
        d.finish();
        byte[] buf = new byte[256];
        byte[] zlib = Arrays.copyOf(buf, d.deflate(buf));
        assertThat(BatchDecoder.decode(batch(zlib, area.length, 1, 1), NO_SCHEMA)).hasSize(1);
        // Python writes its ZLIB compression as 3
        assertThat(BatchDecoder.decode(batch(zlib, area.length, 3, 1), NO_SCHEMA)).hasSize(1);
    }

    @Test
    void everyTupleTypeRoundTripsWithNullsAttributesAndLongValues() {
        List<FieldSpec> fields = new ArrayList<>();
        String[] types = {
            "STRING",
            "BIGINT",
            "DOUBLE",
            "TIMESTAMP",
            "BOOLEAN",
            "DECIMAL",
            "INTEGER",
            "FLOAT",
            "TINYINT",
            "SMALLINT"
        };
        for (int i = 0; i < 70; i++) { // past 64 fields: a two-word null bitmap
            fields.add(new FieldSpec("f" + i, types[i % types.length], false, null));
        }
        List<String> values = new ArrayList<>();
        String[] samples = {
            "a much longer string \u00e9\u4e2d",
            "-9223372036854775807",
            "0.1",
            "1700000000123456",
            "true",
            "10000.000001000000",
            "-5",
            "1.5",
            "-1",
            "300"
        };
        for (int i = 0; i < 70; i++) {
            values.add(i % 7 == 3 ? null : i == 10 ? "short" : samples[i % samples.length]);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("k", "v");
        attrs.put("\u00fcber", "gr\u00fc\u00df");
        BatchRecord r = new BatchRecord(2, attrs, values, null);

        byte[] batch = BatchEncoder.encode(List.of(r, r), Map.of(2, fields), false);
        List<BatchRecord> back =
                BatchDecoder.decode(
                        batch,
                        v -> {
                            assertThat(v).isEqualTo(2);
                            return fields;
                        });

        assertThat(back).hasSize(2);
        assertThat(back.get(1).tupleValues()).isEqualTo(values);
        assertThat(back.get(1).attributes()).isEqualTo(attrs);
        assertThat(back.get(0).schemaVersion()).isEqualTo(2);
    }

    @Test
    void badHeadersAreInvalidParameter() {
        byte[] good = BatchEncoder.encode(List.of(blob("blobdata")), Map.of(), false);
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertBad(magic, "InvalidParameter", "magic");
        byte[] crc = good.clone();
        crc[good.length - 1] ^= 1;
        assertBad(crc, "InvalidParameter", "CRC-32C");
        assertBad(Arrays.copyOf(good, good.length + 1), "InvalidParameter", "header says");
        assertBad(Arrays.copyOf(good, 10), "InvalidParameter", "26-byte");
        byte[] version = good.clone();
        version[4] = 1;
        assertBad(version, "InvalidParameter", "version 1");
        byte[] area = Arrays.copyOfRange(good, 26, good.length);
        assertBad(batch(new byte[] {1, 2, 3}, 40, 2, 1), "InvalidParameter", "LZ4");
        assertBad(batch(new byte[] {1, 2, 3}, 40, 1, 1), "InvalidParameter", "deflate");
    }

    @Test
    void badRecordsAreMalformedRecord() {
        byte[] area = HEX.parseHex(BLOB_RECORD);
        assertBad(batch(area, area.length, 0, 2), "MalformedRecord", "only 1");
        assertBad(batch(area, area.length, 0, 0), "MalformedRecord", "bytes follow");
        byte[] size = area.clone();
        size[8] = 100;
        assertBad(batch(size, size.length, 0, 1), "MalformedRecord", "total size");
        byte[] offset = area.clone();
        offset[28] = 60; // the blob's data offset points past the record
        assertBad(batch(offset, offset.length, 0, 1), "MalformedRecord", "outside");
        IntFunction<List<FieldSpec>> unknown =
                v -> {
                    throw BatchDecoder.malformed("the record names schema version " + v);
                };
        byte[] tuple = area.clone();
        tuple[4] = 5;
        tuple[5] = tuple[6] = tuple[7] = 0;
        assertBad(batch(tuple, tuple.length, 0, 1), unknown, "MalformedRecord", "schema version 5");
    }

    private static void assertBad(byte[] batch, String code, String text) {
        assertBad(batch, NO_SCHEMA, code, text);
    }

    private static void assertBad(
            byte[] batch, IntFunction<List<FieldSpec>> schemas, String code, String text) {
        assertThatThrownBy(() -> BatchDecoder.decode(batch, schemas))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((EngineException) e).errorCode()).isEqualTo(code));
    }

    /** A version-0 batch around {@code stored} with a correct CRC. */
    static byte[] batch(byte[] stored, int rawSize, int compression, int count) {
        CRC32C crc = new CRC32C();
        crc.update(stored);
        return ByteBuffer.allocate(26 + stored.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x42554844)
                .putInt(0)
                .putInt(26 + stored.length)
                .putInt(rawSize)
                .putInt((int) crc.getValue())
                .putShort((short) (0x08 | compression))
                .putInt(count)
                .put(stored)
                .array();
    }
}
