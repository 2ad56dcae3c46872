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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exact JSON record bodies (protocol §4.5.1, §4.5.4) and tolerant reading of other SDKs' values.
 */
class JsonRecordWireTest extends MockServerTestBase {

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("s", FieldType.STRING),
                    Field.of("d", FieldType.DOUBLE),
                    Field.of("b", FieldType.BOOLEAN),
                    Field.of("dec", FieldType.DECIMAL),
                    Field.of("added", FieldType.BIGINT));

    @Test
    void putRecordsBodyIsTheDocumentedJson() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"FailedRecordCount\":1,\"FailedRecords\":[{\"Index\":1,\"ErrorCode\":\"NoSuchShard\","
                            + "\"ErrorMessage\":\"gone\"}]}"));
        PutRecordsResult result =
                client(b -> b.protocol(BodyProtocol.JSON))
                        .putRecords(
                                "p",
                                "t",
                                List.of(
                                        PutRecord.toShard(
                                                "0",
                                                TupleRecord.of(
                                                        SCHEMA,
                                                        "hello",
                                                        1.5d,
                                                        true,
                                                        new BigDecimal("10000.000001"),
                                                        null)),
                                        PutRecord.toShard(
                                                "4",
                                                BlobRecord.of(
                                                        "blobdata"
                                                                .getBytes(
                                                                        StandardCharsets
                                                                                .US_ASCII)))));
        assertThat(result.failedRecords())
                .containsExactly(new PutRecordsResult.FailedRecord(1, "NoSuchShard", "gone"));
        assertThat(bodyText(take()))
                .isEqualTo(
                        "{\"Action\":\"pub\",\"Records\":[{\"ShardId\":\"0\",\"Data\":[\"hello\",\"1.5\",\"true\","
                            + "\"10000.000001\",null]},{\"ShardId\":\"4\",\"Data\":\"YmxvYmRhdGE=\"}]}");
    }

    @Test
    void getRecordsBodyAndTolerantValueParsing() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"NextCursor\":\"n\",\"RecordCount\":1,\"StartSeq\":5,\"LatestSeq\":9,\"LatestTime\":77,"
                            + "\"Records\":[{\"SystemTime\":1,\"Sequence\":5,\"Cursor\":\"c\",\"NextCursor\":\"n\","
                            + "\"Data\":[\"yc1\",\"1.5e+00\",\"True\",\"10.010\"],\"Attributes\":{\"k\":\"v\"}}]}"));
        GetRecordsResult result =
                client(b -> b.protocol(BodyProtocol.JSON))
                        .getRecords("p", "t", "3", "c", 10, SCHEMA);
        assertThat(bodyText(take()))
                .isEqualTo("{\"Action\":\"sub\",\"Cursor\":\"c\",\"Limit\":10}");
        assertThat(result.startSequence()).isEqualTo(5);
        assertThat(result.latestSequence()).isEqualTo(9);
        assertThat(result.latestTime()).isEqualTo(77);
        ReadRecord record = result.records().get(0);
        assertThat(record.shardId()).isEqualTo("3");
        // Python writes DOUBLE as %.16e and booleans in any case; records older than an
        // AppendField carry fewer values and read the new field as null.
        assertThat(record.payload())
                .isEqualTo(
                        TupleRecord.of(SCHEMA, "yc1", 1.5d, true, new BigDecimal("10.010"), null));
        assertThat(record.attributes()).containsEntry("k", "v");
    }

    @Test
    void undecodableValuesAreDecodeErrorsNamingTheField() {
        server.enqueue(
                json(
                        200,
                        "{\"NextCursor\":\"n\",\"Records\":[{\"Sequence\":0,\"SystemTime\":0,"
                                + "\"Data\":[\"x\",\"not a number\",null,null,null]}]}"));
        assertThatThrownBy(
                        () ->
                                client(b -> b.protocol(BodyProtocol.JSON))
                                        .getRecords("p", "t", "0", "c", 10, SCHEMA))
                .isInstanceOf(DataHubDecodeException.class)
                .hasMessageContaining("field 'd'")
                .hasMessageContaining("DOUBLE");
    }

    @Test
    void rejectsBadArgumentsBeforeSending() {
        HttpDataHubClient client = client();
        assertThatThrownBy(() -> client.getRecords("p", "t", "0", "c", 0, null))
                .hasMessageContaining("limit must be between 1 and 1000");
        assertThatThrownBy(() -> client.putRecords("p", "t", List.of()))
                .hasMessageContaining("records must not be empty");
        assertThatThrownBy(() -> client.getCursor("p", "t", "0", CursorType.SEQUENCE, -1))
                .hasMessageContaining("sequence >= 0");
        assertThatThrownBy(() -> client.appendField("p", "t", Field.notNull("x", FieldType.STRING)))
                .hasMessageContaining("must be nullable");
        assertThatThrownBy(() -> client.getTopic("p", " "))
                .hasMessageContaining("topic must not be null or blank");
        assertThat(server.getRequestCount()).isZero();
    }
}
