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

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PbGetRecordsDecoder} against the generated parser it replaced: the same bodies (valid,
 * merged, with unknown fields, broken, and randomly mutated) give equal results or the same kind of
 * failure.
 */
class PbGetRecordsDecoderTest {

    private static final RecordSchema SCHEMA = BenchData.SCHEMA;

    @Test
    void benchmarkBodiesDecodeAsWithTheGeneratedClasses() throws Exception {
        byte[] frame = BenchData.pbGetRecordsResponse(BenchData.records(0, 50, 600, 7), 100);
        ByteBuffer payload = DhubFrame.unframe(frame);
        GetRecordsResult decoded = PbGetRecordsDecoder.decode(payload, "3", SCHEMA);
        assertThat(decoded.records()).hasSize(50);
        assertThat(decoded).isEqualTo(reference(payload, "3", SCHEMA));
    }

    @Test
    void everyOptionalShapeDecodesAsWithTheGeneratedClasses() throws Exception {
        DatahubProtos.GetRecordsResponse response =
                response(
                        entry("", 0, "1", null, "u", "0.5", "true", null).build(),
                        entry("7", 1, "2", "3", null, null, null, "x")
                                .setAttributes(attributes("k", "v", "k", "w", "a", "b"))
                                .build(),
                        entry(null, 2, "3").setSerial(9).setHashKey("h").build(),
                        DatahubProtos.RecordEntry.newBuilder()
                                .setData(DatahubProtos.RecordData.getDefaultInstance())
                                .build());
        assertSame(response.toByteArray(), "0", SCHEMA);
        // The latest_* defaults of -1 and no start_sequence.
        assertSame(
                DatahubProtos.GetRecordsResponse.newBuilder()
                        .setNextCursor("n")
                        .setRecordCount(0)
                        .build()
                        .toByteArray(),
                "0",
                SCHEMA);
    }

    @Test
    void integersAndBooleansParsedWithoutTextEqualTheTextPath() throws Exception {
        String[] integers = {
            "0",
            "-0",
            "-5",
            "007",
            "+5",
            " 12 ",
            "-",
            "",
            "1e3",
            "123456789012345678",
            "-123456789012345678",
            "1234567890123456789",
            "9223372036854775807",
            "-9223372036854775807",
            "9223372036854775808",
            "\u0661"
        };
        String[] booleans = {"true", "false", "1", "0", "TRUE", " false", "2", "", "truex"};
        List<DatahubProtos.RecordEntry> entries = new ArrayList<>();
        for (String integer : integers) {
            for (String bool : booleans) {
                entries.add(entry(null, 0, integer, integer, "u", "1.5", bool).build());
            }
        }
        // One entry per body, so that each bad value is compared on its own.
        for (DatahubProtos.RecordEntry e : entries) {
            assertSame(response(e).toByteArray(), "0", SCHEMA);
        }
    }

    @Test
    void blobsDecodeAsWithTheGeneratedClasses() throws Exception {
        DatahubProtos.RecordEntry unset =
                DatahubProtos.RecordEntry.newBuilder()
                        .setData(
                                DatahubProtos.RecordData.newBuilder()
                                        .addData(DatahubProtos.FieldData.getDefaultInstance()))
                        .build();
        assertSame(response(entry(null, 0, "blob\u00e9").build(), unset).toByteArray(), "0", null);
        // Two values are not a blob: the same error either way.
        assertSame(response(entry(null, 0, "a", "b").build()).toByteArray(), "0", null);
    }

    @Test
    void repeatedAndUnknownFieldsAreMergedAndSkippedAsByTheGeneratedParser() throws Exception {
        byte[] first = entry("1", 5, "1", "2").build().toByteArray();
        // A second data field appends values, a second cursor replaces the first, unknown fields
        // (also a known number with the wrong wire type) are skipped.
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(extra);
        out.writeMessage(9, DatahubProtos.RecordData.newBuilder().addData(value("x")).build());
        out.writeString(4, "second-cursor");
        out.writeUInt64(20, 12345);
        out.writeString(6, "sequence as a string");
        out.writeFixed32(21, 7);
        out.flush();
        byte[] mergedEntry = concat(first, extra.toByteArray());

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CodedOutputStream top = CodedOutputStream.newInstance(body);
        top.writeString(1, "first-next");
        top.writeInt32(2, 1);
        top.writeByteArray(4, mergedEntry);
        top.writeString(30, "unknown");
        top.writeString(1, "last-next");
        top.writeInt64(5, 99);
        top.flush();
        assertSame(body.toByteArray(), "0", SCHEMA);
    }

    @Test
    void structuralErrorsWinOverRecordsThatDoNotFitTheSchema() throws Exception {
        DatahubProtos.RecordEntry notANumber = entry(null, 0, "not a number").build();
        byte[] noData =
                DatahubProtos.RecordEntry.newBuilder().setSequence(1).buildPartial().toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CodedOutputStream top = CodedOutputStream.newInstance(body);
        top.writeString(1, "n");
        top.writeInt32(2, 2);
        top.writeMessage(4, notANumber);
        top.writeByteArray(4, noData);
        top.flush();
        assertSame(body.toByteArray(), "0", SCHEMA);
        assertThatThrownBy(
                        () ->
                                PbGetRecordsDecoder.decode(
                                        ByteBuffer.wrap(body.toByteArray()), "0", SCHEMA))
                .isInstanceOf(InvalidProtocolBufferException.class)
                .hasMessageContaining("records[1].data");
        // Without the broken entry, the bad value is the error, naming the field.
        assertThatThrownBy(
                        () ->
                                PbGetRecordsDecoder.decode(
                                        ByteBuffer.wrap(response(notANumber).toByteArray()),
                                        "0",
                                        SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'id'");
    }

    @Test
    void missingRequiredFieldsAndTooManyValuesFailAsBefore() throws Exception {
        assertSame(
                DatahubProtos.GetRecordsResponse.newBuilder()
                        .setRecordCount(0)
                        .buildPartial()
                        .toByteArray(),
                "0",
                SCHEMA);
        assertSame(
                response(
                                entry(null, 0, "1")
                                        .setAttributes(
                                                DatahubProtos.RecordAttributes.newBuilder()
                                                        .addAttributes(
                                                                DatahubProtos.StringPair
                                                                        .newBuilder()
                                                                        .setKey("k")
                                                                        .buildPartial())
                                                        .buildPartial())
                                        .buildPartial())
                        .toByteArray(),
                "0",
                SCHEMA);
        String[] seven = {"1", "2", "u", "0.5", "true", "p", "extra"};
        assertThatThrownBy(
                        () ->
                                PbGetRecordsDecoder.decode(
                                        ByteBuffer.wrap(
                                                response(entry(null, 0, seven).build())
                                                        .toByteArray()),
                                        "0",
                                        SCHEMA))
                .isInstanceOf(SchemaChangedException.class);
    }

    @Test
    void randomlyMutatedBodiesGiveTheSameOutcome() throws Exception {
        byte[] valid =
                DhubFrame.unframe(BenchData.pbGetRecordsResponse(BenchData.records(0, 3, 80, 1), 0))
                        .array();
        byte[] payload = java.util.Arrays.copyOfRange(valid, DhubFrame.HEADER_SIZE, valid.length);
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = payload.clone();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                mutated = java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length));
            }
            assertSame(mutated, "0", random.nextInt(5) == 0 ? null : SCHEMA);
        }
    }

    /** Both decoders give equal results, or both fail with the same kind of exception. */
    private static void assertSame(byte[] payload, String shardId, RecordSchema schema)
            throws Exception {
        Object expected;
        try {
            expected = reference(ByteBuffer.wrap(payload), shardId, schema);
        } catch (RuntimeException | InvalidProtocolBufferException e) {
            expected = e;
        }
        Object actual;
        try {
            actual = PbGetRecordsDecoder.decode(ByteBuffer.wrap(payload), shardId, schema);
        } catch (RuntimeException | InvalidProtocolBufferException e) {
            actual = e;
        }
        if (expected instanceof Exception e) {
            assertThat(actual)
                    .as("decoding %s (reference failed with %s)", Hex.hex(payload), e)
                    .isInstanceOf(kind(e));
            if (!(e instanceof InvalidProtocolBufferException)) {
                assertThat(((Exception) actual).getMessage()).isEqualTo(e.getMessage());
            }
        } else {
            assertThat(actual).as("decoding %s", Hex.hex(payload)).isEqualTo(expected);
        }
    }

    private static Class<?> kind(Exception e) {
        if (e instanceof InvalidProtocolBufferException) {
            return InvalidProtocolBufferException.class;
        }
        return e.getClass();
    }

    /** The generated-class decoder this one replaced, kept as the reference. */
    private static GetRecordsResult reference(
            ByteBuffer payload, String shardId, RecordSchema schema)
            throws InvalidProtocolBufferException {
        DatahubProtos.GetRecordsResponse response =
                DatahubProtos.GetRecordsResponse.parseFrom(payload);
        List<ReadRecord> records = new ArrayList<>();
        for (DatahubProtos.RecordEntry entry : response.getRecordsList()) {
            List<DatahubProtos.FieldData> data = entry.getData().getDataList();
            RecordPayload value;
            if (schema == null) {
                if (data.size() != 1) {
                    throw new IllegalArgumentException(
                            "A BLOB record must carry exactly one value but has "
                                    + data.size()
                                    + " (pass the topic schema to read a TUPLE topic)");
                }
                value = BlobRecord.wrap(data.get(0).getValue().toByteArray());
            } else {
                value =
                        TupleDecoding.decode(
                                schema,
                                data.size(),
                                i ->
                                        data.get(i).hasValue()
                                                ? data.get(i).getValue().toStringUtf8()
                                                : null);
            }
            Map<String, String> attributes = Map.of();
            if (entry.hasAttributes() && entry.getAttributes().getAttributesCount() > 0) {
                attributes = new HashMap<>();
                for (DatahubProtos.StringPair pair : entry.getAttributes().getAttributesList()) {
                    attributes.put(pair.getKey(), pair.getValue());
                }
            }
            records.add(
                    new ReadRecord(
                            entry.hasShardId() && !entry.getShardId().isEmpty()
                                    ? entry.getShardId()
                                    : shardId,
                            entry.getSequence(),
                            entry.getSystemTime(),
                            entry.getCursor(),
                            entry.getNextCursor(),
                            attributes,
                            value));
        }
        return new GetRecordsResult(
                response.getNextCursor(),
                response.getStartSequence(),
                response.getLatestSequence(),
                response.getLatestTime(),
                BatchIndexes.assign(records));
    }

    private static DatahubProtos.GetRecordsResponse response(DatahubProtos.RecordEntry... entries) {
        return DatahubProtos.GetRecordsResponse.newBuilder()
                .setNextCursor("next")
                .setRecordCount(entries.length)
                .setStartSequence(4)
                .setLatestSequence(10)
                .setLatestTime(1234)
                .addAllRecords(List.of(entries))
                .buildPartial();
    }

    /** An entry with the given values (null = unset FieldData). */
    private static DatahubProtos.RecordEntry.Builder entry(
            String shardId, long sequence, String... values) {
        DatahubProtos.RecordData.Builder data = DatahubProtos.RecordData.newBuilder();
        for (String v : values) {
            data.addData(v == null ? DatahubProtos.FieldData.getDefaultInstance() : value(v));
        }
        DatahubProtos.RecordEntry.Builder entry =
                DatahubProtos.RecordEntry.newBuilder()
                        .setSequence(sequence)
                        .setSystemTime(1000 + sequence)
                        .setCursor("c" + sequence)
                        .setNextCursor("c" + (sequence + 1))
                        .setData(data);
        if (shardId != null) {
            entry.setShardId(shardId);
        }
        return entry;
    }

    private static DatahubProtos.FieldData value(String text) {
        return DatahubProtos.FieldData.newBuilder()
                .setValue(ByteString.copyFrom(text, StandardCharsets.UTF_8))
                .build();
    }

    private static DatahubProtos.RecordAttributes attributes(String... keysAndValues) {
        DatahubProtos.RecordAttributes.Builder b = DatahubProtos.RecordAttributes.newBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.addAttributes(
                    DatahubProtos.StringPair.newBuilder()
                            .setKey(keysAndValues[i])
                            .setValue(keysAndValues[i + 1]));
        }
        return b.build();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
