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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonPutEncoder} writes exactly the bytes of a Jackson generator (the encoder it replaced,
 * kept here as the reference) for random records of every value type, with quotes, backslashes,
 * control characters, non-ASCII text and surrogate pairs, and grows past its size estimate.
 */
class JsonPutEncoderTest {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("b", FieldType.BIGINT),
                    Field.of("t", FieldType.TIMESTAMP),
                    Field.of("s", FieldType.STRING),
                    Field.of("d", FieldType.DOUBLE),
                    Field.of("f", FieldType.FLOAT),
                    Field.of("o", FieldType.BOOLEAN),
                    Field.of("m", FieldType.DECIMAL),
                    Field.of("i", FieldType.INTEGER),
                    Field.of("h", FieldType.SMALLINT),
                    Field.of("y", FieldType.TINYINT));

    private static final String ALPHABET =
            "abcXYZ019 \"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080\u00e9\u00ff\u0100\u4e2d\uffff";

    @RepeatedTest(20)
    void writesTheBytesJacksonWrites() throws IOException {
        long seed = new Random().nextLong();
        List<PutRecord> records = randomRecords(new Random(seed), false);
        assertSameBytes(JsonPutEncoder.encode(records), jackson(records), "seed " + seed);
    }

    /**
     * Jackson escapes a surrogate pair as two backslash-u sequences by default; the encoder writes
     * the character's four UTF-8 bytes, which JSON allows: the same text on the server.
     */
    @RepeatedTest(20)
    void writesCharactersOutsideTheBasicPlaneAsUtf8() throws IOException {
        long seed = new Random().nextLong();
        List<PutRecord> records = randomRecords(new Random(seed), true);
        byte[] body = JsonPutEncoder.encode(records);
        assertThat(Json.MAPPER.readTree(body))
                .as("seed %d", seed)
                .isEqualTo(Json.MAPPER.readTree(jackson(records)));
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("\\uD", "\\ud");
    }

    @Test
    void writesExtremeNumbersAndAnEmptyRequest() throws IOException {
        List<PutRecord> records =
                List.of(
                        PutRecord.of(
                                TupleRecord.of(
                                        SCHEMA,
                                        -Long.MAX_VALUE,
                                        253_402_271_999_000_000L,
                                        "",
                                        Double.MIN_VALUE,
                                        -0.0f,
                                        false,
                                        new BigDecimal("-1E+30"),
                                        Integer.MIN_VALUE,
                                        Short.MIN_VALUE,
                                        Byte.MIN_VALUE)),
                        PutRecord.of(
                                TupleRecord.of(
                                        SCHEMA, 0L, -1L, null, null, null, null, null, 0, null,
                                        (byte) 0)));
        assertSameBytes(JsonPutEncoder.encode(records), jackson(records), "extremes");
        assertThat(new String(JsonPutEncoder.encode(List.of()), StandardCharsets.US_ASCII))
                .isEqualTo("{\"Action\":\"pub\",\"Records\":[]}");
    }

    @Test
    void growsPastItsEstimateWhenEveryCharacterIsEscaped() throws IOException {
        // Each control character takes six bytes; the estimate assumes one.
        String controls = "\u0001".repeat(100_000);
        List<PutRecord> records =
                List.of(
                        PutRecord.toShard(
                                "0",
                                TupleRecord.of(
                                        SCHEMA,
                                        1L,
                                        2L,
                                        controls,
                                        1.5,
                                        2.5f,
                                        true,
                                        BigDecimal.ONE,
                                        3,
                                        (short) 4,
                                        (byte) 5)));
        byte[] body = JsonPutEncoder.encode(records);
        assertSameBytes(body, jackson(records), "controls");
        JsonNode parsed = Json.MAPPER.readTree(body);
        assertThat(parsed.at("/Records/0/Data/2").asText()).isEqualTo(controls);
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsTheProtobufEncoderWritesIt() throws IOException {
        String text = "a\ud800b";
        byte[] body =
                JsonPutEncoder.encode(
                        List.of(
                                PutRecord.of(
                                        TupleRecord.of(
                                                RecordSchema.of(Field.of("s", FieldType.STRING)),
                                                text))));
        JsonNode parsed = Json.MAPPER.readTree(body);
        // String.getBytes, as in PbRecordCodec: the JDK's replacement for malformed input.
        assertThat(parsed.at("/Records/0/Data/0").asText())
                .isEqualTo(
                        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("a?b");
    }

    /** Equal bytes, or a failure that shows where they first differ. */
    private static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int at = Arrays.mismatch(actual, expected);
        if (at >= 0) {
            int from = Math.max(0, at - 40);
            throw new AssertionError(
                    what
                            + ": first difference at byte "
                            + at
                            + " of "
                            + expected.length
                            + "; ours: "
                            + Arrays.toString(
                                    Arrays.copyOfRange(
                                            actual, from, Math.min(actual.length, at + 20)))
                            + ", Jackson: "
                            + Arrays.toString(
                                    Arrays.copyOfRange(
                                            expected, from, Math.min(expected.length, at + 20))));
        }
    }

    private static List<PutRecord> randomRecords(Random random, boolean supplementary) {
        List<PutRecord> records = new ArrayList<>();
        int count = 1 + random.nextInt(50);
        for (int r = 0; r < count; r++) {
            records.add(randomRecord(random, supplementary));
        }
        return records;
    }

    private static PutRecord randomRecord(Random random, boolean supplementary) {
        RecordPayload payload;
        if (random.nextInt(4) == 0) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            payload = BlobRecord.of(data);
        } else {
            payload =
                    TupleRecord.of(
                            SCHEMA,
                            nullOr(random, random.nextLong() >> random.nextInt(64)),
                            nullOr(random, (long) random.nextInt()),
                            nullOr(random, randomText(random, supplementary)),
                            nullOr(
                                    random,
                                    random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)),
                            nullOr(random, random.nextFloat()),
                            nullOr(random, random.nextBoolean()),
                            nullOr(
                                    random,
                                    BigDecimal.valueOf(random.nextLong(), random.nextInt(20) - 10)),
                            nullOr(random, random.nextInt()),
                            nullOr(random, (short) random.nextInt()),
                            nullOr(random, (byte) random.nextInt()));
        }
        PutRecord record;
        switch (random.nextInt(4)) {
            case 0:
                record = PutRecord.toShard(Integer.toString(random.nextInt(8)), payload);
                break;
            case 1:
                record = PutRecord.withHashKey(Long.toHexString(random.nextLong()), payload);
                break;
            case 2:
                record =
                        PutRecord.withPartitionKey(
                                randomText(random, supplementary) + "k", payload);
                break;
            default:
                record = PutRecord.of(payload);
        }
        if (random.nextBoolean()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = random.nextInt(4); a >= 0; a--) {
                attributes.put(
                        randomText(random, supplementary) + a, randomText(random, supplementary));
            }
            record = record.withAttributes(attributes);
        }
        return record;
    }

    private static <T> T nullOr(Random random, T value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private static String randomText(Random random, boolean supplementary) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(3) == 0 ? random.nextInt(2000) : random.nextInt(12);
        for (int i = 0; i < length; i++) {
            if (supplementary && random.nextInt(20) == 0) {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
            } else {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }

    /** The Jackson-generator encoder JsonPutEncoder replaced, as the reference. */
    private static byte[] jackson(List<PutRecord> records) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(buffer)) {
            gen.writeStartObject();
            gen.writeStringField("Action", "pub");
            gen.writeArrayFieldStart("Records");
            for (PutRecord record : records) {
                gen.writeStartObject();
                if (record.shardId() != null) {
                    gen.writeStringField("ShardId", record.shardId());
                }
                if (record.hashKey() != null) {
                    gen.writeStringField("HashKey", record.hashKey());
                }
                if (record.partitionKey() != null) {
                    gen.writeStringField("PartitionKey", record.partitionKey());
                }
                if (!record.attributes().isEmpty()) {
                    gen.writeObjectFieldStart("Attributes");
                    for (Map.Entry<String, String> a : record.attributes().entrySet()) {
                        gen.writeStringField(a.getKey(), a.getValue());
                    }
                    gen.writeEndObject();
                }
                gen.writeFieldName("Data");
                if (record.payload() instanceof BlobRecord blob) {
                    gen.writeString(Base64.getEncoder().encodeToString(blob.unsafeData()));
                } else {
                    TupleRecord tuple = (TupleRecord) record.payload();
                    gen.writeStartArray();
                    for (int i = 0; i < tuple.size(); i++) {
                        Object value = tuple.get(i);
                        if (value == null) {
                            gen.writeNull();
                        } else {
                            gen.writeString(ValueCodec.toText(value));
                        }
                    }
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        return buffer.toByteArray();
    }
}
