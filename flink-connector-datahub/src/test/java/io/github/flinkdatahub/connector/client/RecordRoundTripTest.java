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

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field type, nulls and edge values written with the client's request encoders and read back
 * through its response decoders, in JSON and protobuf, with each compression.
 */
class RecordRoundTripTest extends MockServerTestBase {

    static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("f_tinyint", FieldType.TINYINT),
                    Field.of("f_smallint", FieldType.SMALLINT),
                    Field.of("f_integer", FieldType.INTEGER),
                    Field.of("f_bigint", FieldType.BIGINT),
                    Field.of("f_float", FieldType.FLOAT),
                    Field.of("f_double", FieldType.DOUBLE),
                    Field.of("f_decimal", FieldType.DECIMAL),
                    Field.of("f_boolean", FieldType.BOOLEAN),
                    Field.of("f_string", FieldType.STRING),
                    Field.of("f_timestamp", FieldType.TIMESTAMP));

    static Stream<Arguments> modes() {
        List<Arguments> modes = new ArrayList<>();
        // BATCH has no topic-level put and its own wire tests (BatchProtocolCallsTest, and
        // BatchClientEmulatorITCase against the emulator).
        for (BodyProtocol protocol : List.of(BodyProtocol.JSON, BodyProtocol.PROTOBUF)) {
            for (CompressionType compression : CompressionType.values()) {
                modes.add(Arguments.of(protocol, compression));
            }
        }
        return modes.stream();
    }

    static List<PutRecord> tupleRecords() {
        return List.of(
                PutRecord.toShard(
                        "0",
                        TupleRecord.of(
                                SCHEMA,
                                Byte.MIN_VALUE,
                                Short.MIN_VALUE,
                                Integer.MIN_VALUE,
                                -Long.MAX_VALUE,
                                -Float.MAX_VALUE,
                                -Double.MAX_VALUE,
                                new BigDecimal("-123456789012345678901234567890.000000001"),
                                false,
                                "",
                                ValueCodec.TIMESTAMP_MIN)),
                PutRecord.toShard(
                                "0",
                                TupleRecord.of(
                                        SCHEMA,
                                        Byte.MAX_VALUE,
                                        Short.MAX_VALUE,
                                        Integer.MAX_VALUE,
                                        Long.MAX_VALUE,
                                        Float.MIN_VALUE,
                                        Double.MIN_VALUE,
                                        new BigDecimal(10000.000001),
                                        true,
                                        "日本語 😀 \"quoted\"\n\t\\ ü",
                                        ValueCodec.TIMESTAMP_MAX))
                        .withAttributes(Map.of("attrKey", "attrVal", "ключ", "значение")),
                PutRecord.withPartitionKey("pk", TupleRecord.builder(SCHEMA).build()),
                PutRecord.withHashKey(
                        "0123456789ABCDEF0123456789ABCDEF",
                        TupleRecord.of(
                                SCHEMA,
                                0,
                                0,
                                0,
                                0L,
                                1.5f,
                                0.1d,
                                new BigDecimal("1.2300"),
                                true,
                                "x".repeat(10_000),
                                1700000000123456L)));
    }

    static List<PutRecord> blobRecords() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return List.of(
                PutRecord.toShard("0", BlobRecord.of(new byte[0])),
                PutRecord.toShard("0", BlobRecord.of(all)).withAttributes(Map.of("a", "b")),
                PutRecord.toShard("0", BlobRecord.of(new byte[50_000])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modes")
    void tupleRecordsRoundTrip(BodyProtocol protocol, CompressionType compression)
            throws Exception {
        roundTrip(protocol, compression, tupleRecords(), SCHEMA, false);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modes")
    void blobRecordsRoundTrip(BodyProtocol protocol, CompressionType compression) throws Exception {
        roundTrip(protocol, compression, blobRecords(), null, false);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modes")
    void putByShardRoundTrips(BodyProtocol protocol, CompressionType compression) throws Exception {
        roundTrip(protocol, compression, tupleRecords(), SCHEMA, true);
    }

    private void roundTrip(
            BodyProtocol protocol,
            CompressionType compression,
            List<PutRecord> written,
            RecordSchema schema,
            boolean byShard)
            throws Exception {
        RecordEchoDispatcher echo = new RecordEchoDispatcher();
        server.setDispatcher(echo);
        HttpDataHubClient client = client(b -> b.protocol(protocol).compression(compression));

        if (byShard) {
            client.putRecordsByShard("p", "t", "0", written);
        } else {
            assertThat(client.putRecords("p", "t", written).allSucceeded()).isTrue();
        }
        GetRecordsResult read = client.getRecords("p", "t", "0", "c0", 1000, schema);

        assertThat(read.nextCursor()).isEqualTo("next");
        assertThat(read.recordCount()).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
            ReadRecord record = read.records().get(i);
            assertThat(record.payload()).as("record %d", i).isEqualTo(written.get(i).payload());
            assertThat(record.attributes()).isEqualTo(written.get(i).attributes());
            assertThat(record.sequence()).isEqualTo(i);
            assertThat(record.systemTime()).isEqualTo(1700000000000L + i);
            assertThat(record.shardId()).isEqualTo("0");
        }

        RecordedRequest put = echo.requests.get(0);
        boolean pbPut = byShard || protocol == BodyProtocol.PROTOBUF;
        assertThat(put.getHeader("Content-Type"))
                .isEqualTo(pbPut ? "application/x-protobuf" : "application/json");
        assertThat(put.getHeader("x-datahub-request-action")).isEqualTo(pbPut ? "pub" : null);
        assertThat(put.getPath())
                .isEqualTo(
                        byShard ? "/projects/p/topics/t/shards/0" : "/projects/p/topics/t/shards");
        assertThat(put.getHeader("Content-Encoding")).isEqualTo(compression.headerValue());
        if (compression != CompressionType.NONE) {
            assertThat(put.getHeader("Accept-Encoding")).isEqualTo(compression.headerValue());
            assertThat(Integer.parseInt(put.getHeader("x-datahub-content-raw-size")))
                    .isGreaterThan((int) put.getBodySize());
        }
        ControlPlaneCallsTest.assertSignedBy(put, new Credentials(ACCESS_ID, SECRET, null));
    }
}
