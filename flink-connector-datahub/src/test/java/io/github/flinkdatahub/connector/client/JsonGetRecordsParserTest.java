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

import com.fasterxml.jackson.core.JsonProcessingException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming JSON GetRecords parser reads what the tree decoder reads, without the tree. */
class JsonGetRecordsParserTest extends MockServerTestBase {

    private static GetRecordsResult streamed(String json, RecordSchema schema) throws Exception {
        return JsonGetRecordsParser.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "9", schema);
    }

    private static GetRecordsResult tree(String json, RecordSchema schema) throws Exception {
        return JsonRecordCodec.decodeGetRecordsResponse(Json.MAPPER.readTree(json), "9", schema);
    }

    @Test
    void benchmarkResponsesParseAlikeBothWays() throws Exception {
        List<TupleRecord> tuples = BenchData.records(0, 50, 300, 11);
        String json =
                new String(BenchData.jsonGetRecordsResponse(tuples, 100), StandardCharsets.UTF_8);
        GetRecordsResult streamed = streamed(json, BenchData.SCHEMA);
        assertThat(streamed).isEqualTo(tree(json, BenchData.SCHEMA));
        assertThat(streamed.records()).hasSize(50);
        assertThat(streamed.records().get(3).payload()).isEqualTo(tuples.get(3));
        assertThat(streamed.startSequence()).isEqualTo(100);
    }

    @Test
    void oddButValidShapesParseAlikeBothWays() throws Exception {
        RecordSchema schema =
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT),
                        Field.of("name", FieldType.STRING),
                        Field.of("extra", FieldType.STRING));
        String json =
                "{\"Unknown\":{\"a\":[1,2]},\"Records\":[{\"Data\":[5,null],"
                        + "\"Sequence\":\"12\",\"SystemTime\":7.0,\"ShardId\":\"\","
                        + "\"Attributes\":{\"k\":\"v\",\"n\":3},\"Cursor\":\"c1\","
                        + "\"Later\":[{}]},{\"Data\":[\"6\",\"x\",\"y\"],\"ShardId\":\"2\"}],"
                        + "\"NextCursor\":\"n\",\"LatestSeq\":null,\"LatestTime\":\"bad\"}";
        GetRecordsResult streamed = streamed(json, schema);
        assertThat(streamed).isEqualTo(tree(json, schema));
        ReadRecord first = streamed.records().get(0);
        assertThat(first.sequence()).isEqualTo(12);
        assertThat(first.shardId()).isEqualTo("9");
        assertThat(first.attributes()).containsEntry("n", "3");
        assertThat(streamed.records().get(1).shardId()).isEqualTo("2");
        assertThat(streamed.startSequence()).isEqualTo(12);
        assertThat(streamed.latestSequence()).isEqualTo(-1);
    }

    @Test
    void integersAndBooleansParsedFromCharactersEqualTheTreeDecoder() throws Exception {
        RecordSchema schema =
                RecordSchema.of(
                        Field.of("id", FieldType.BIGINT),
                        Field.of("time", FieldType.TIMESTAMP),
                        Field.of("flag", FieldType.BOOLEAN));
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
            "9223372036854775808",
            "\\u0661"
        };
        String[] booleans = {"true", "false", "1", "0", "TRUE", " false", "2", "", "truex"};
        for (String integer : integers) {
            for (String bool : booleans) {
                String json =
                        "{\"NextCursor\":\"n\",\"Records\":[{\"Data\":[\""
                                + integer
                                + "\",\""
                                + integer
                                + "\",\""
                                + bool
                                + "\"]}]}";
                Object expected;
                try {
                    expected = tree(json, schema);
                } catch (IllegalArgumentException e) {
                    expected = e.getMessage();
                }
                Object actual;
                try {
                    actual = streamed(json, schema);
                } catch (IllegalArgumentException e) {
                    actual = e.getMessage();
                }
                assertThat(actual).as(json).isEqualTo(expected);
            }
        }
        // More values than fields is a schema change, before any value is converted.
        assertThatThrownBy(
                        () ->
                                streamed(
                                        "{\"NextCursor\":\"n\",\"Records\":[{\"Data\":"
                                                + "[\"x\",\"1\",\"true\",\"4\"]}]}",
                                        schema))
                .isInstanceOf(SchemaChangedException.class);
    }

    @Test
    void blobRecordsParseAlikeBothWays() throws Exception {
        String data = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255});
        String json =
                "{\"NextCursor\":\"n\",\"StartSeq\":4,\"Records\":[{\"Data\":\""
                        + data
                        + "\",\"Sequence\":4}]}";
        GetRecordsResult streamed = streamed(json, null);
        assertThat(streamed).isEqualTo(tree(json, null));
        assertThat(streamed.records().get(0).payload())
                .isEqualTo(BlobRecord.of(new byte[] {0, 1, 2, (byte) 255}));
    }

    @Test
    void malformedResponsesFailLikeTheTreeDecoder() {
        assertThatThrownBy(() -> streamed("{\"Records\":[]}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no NextCursor");
        assertThatThrownBy(() -> streamed("", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no NextCursor");
        assertThatThrownBy(
                        () ->
                                streamed(
                                        "{\"NextCursor\":\"n\",\"Records\":[{\"Data\":\"x\"}]}",
                                        BenchData.SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TUPLE record's Data must be an array");
        assertThatThrownBy(
                        () -> streamed("{\"NextCursor\":\"n\",\"Records\":[{\"Data\":[1]}]}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BLOB record's Data must be a Base64 string");
        assertThatThrownBy(() -> streamed("{\"NextCursor\":", null))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aMalformedBodyThroughTheClientIsADecodeError() {
        server.enqueue(json(200, "{\"NextCursor\": nope"));
        assertThatThrownBy(
                        () ->
                                client(b -> b.protocol(BodyProtocol.JSON))
                                        .getRecords("p", "t", "0", "c", 10, null))
                .isInstanceOf(DataHubDecodeException.class)
                .hasMessageContaining("Cannot decode record response");
    }

    @Test
    void aConnectionLostWhileStreamingTheBodyIsARetryableTransportError() {
        List<TupleRecord> tuples = BenchData.records(0, 200, 1024, 5);
        byte[] body = BenchData.jsonGetRecordsResponse(tuples, 0);
        server.enqueue(
                new MockResponse()
                        .setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setBody(new okio.Buffer().write(body))
                        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(
                new MockResponse()
                        .setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setBody(new okio.Buffer().write(body)));
        GetRecordsResult result =
                client(b -> b.protocol(BodyProtocol.JSON))
                        .getRecords("p", "t", "0", "c", 1000, BenchData.SCHEMA);
        assertThat(result.records()).hasSize(200);
        assertThat(server.getRequestCount()).as("the read was retried").isEqualTo(2);
        assertThat(retryDelays).hasSize(1);
    }
}
