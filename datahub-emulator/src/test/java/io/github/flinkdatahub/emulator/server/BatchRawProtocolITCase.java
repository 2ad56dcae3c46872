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

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch mode on the wire, below the SDK: bad batches and records get a JSON DataHub error naming
 * the problem, the topic-level put refuses batches, and a good batch is acknowledged with an empty
 * 200 and read back as an {@code application/x-binary} frame.
 */
class BatchRawProtocolITCase {

    private static DataHubEmulator emulator;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "/projects/rawbatch/topics/t";
    private static final List<FieldSpec> FIELDS =
            List.of(
                    new FieldSpec("id", "BIGINT", true, null),
                    new FieldSpec("name", "STRING", false, null));

    @BeforeAll
    static void start() throws Exception {
        emulator = DataHubEmulator.builder().host("127.0.0.1").port(0).build().start();
        assertThat(
                        send(
                                        "POST",
                                        "/projects/rawbatch",
                                        "application/json",
                                        null,
                                        "{\"Comment\":\"c\"}".getBytes(StandardCharsets.UTF_8))
                                .statusCode())
                .isEqualTo(201);
        String create =
                "{\"Action\":\"create\",\"ShardCount\":1,\"Lifecycle\":1,\"RecordType\":\"TUPLE\","
                    + "\"Comment\":\"c\",\"RecordSchema\":\"{\\\"fields\\\":[{\\\"name\\\":\\\"id\\\","
                    + "\\\"type\\\":\\\"BIGINT\\\",\\\"notnull\\\":true},{\\\"name\\\":\\\"name\\\","
                    + "\\\"type\\\":\\\"STRING\\\"}]}\"}";
        assertThat(
                        send(
                                        "POST",
                                        TOPIC,
                                        "application/json",
                                        null,
                                        create.getBytes(StandardCharsets.UTF_8))
                                .statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static byte[] good() {
        return BatchEncoder.encode(
                List.of(new BatchRecord(0, Map.of(), Arrays.asList("1", "one"), null)),
                Map.of(0, FIELDS),
                false);
    }

    @Test
    void aGoodBatchIsAcknowledgedAndReadBackAsBinary() throws Exception {
        HttpResponse<byte[]> put = putBatch("/shards/0", good());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEmpty();

        HttpResponse<byte[]> get =
                send(
                        "POST",
                        TOPIC + "/shards/0",
                        "application/x-binary",
                        "sub",
                        PbFrame.encode(
                                DatahubProtos.GetRecordsRequest.newBuilder()
                                        .setCursor(
                                                emulator.engine()
                                                        .getCursor(
                                                                "rawbatch",
                                                                "t",
                                                                "0",
                                                                CursorType.OLDEST,
                                                                0)
                                                        .cursor())
                                        .setLimit(10)
                                        .build()
                                        .toByteArray()));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/x-binary");
        DatahubProtos.GetBinaryRecordsResponse resp =
                DatahubProtos.GetBinaryRecordsResponse.parseFrom(PbFrame.decode(get.body()));
        assertThat(resp.getRecordCount()).isEqualTo(resp.getRecordsCount()).isPositive();
        assertThat(BatchDecoder.decode(resp.getRecords(0).getData().toByteArray(), v -> FIELDS))
                .singleElement()
                .satisfies(r -> assertThat(r.tupleValues()).containsExactly("1", "one"));
    }

    @Test
    void badBatchesAndRecordsAreNamedErrors() throws Exception {
        byte[] crc = good();
        crc[crc.length - 1] ^= 1;
        assertError(putBatch("/shards/0", crc), "InvalidParameter", "CRC-32C");
        byte[] magic = good();
        magic[1] = 'X';
        assertError(putBatch("/shards/0", magic), "InvalidParameter", "magic");
        byte[] unknownVersion =
                BatchEncoder.encode(
                        List.of(new BatchRecord(9, Map.of(), Arrays.asList("1", "one"), null)),
                        Map.of(9, FIELDS),
                        false);
        assertError(putBatch("/shards/0", unknownVersion), "MalformedRecord", "schema version 9");
        byte[] nullKey =
                BatchEncoder.encode(
                        List.of(new BatchRecord(0, Map.of(), Arrays.asList(null, "x"), null)),
                        Map.of(0, FIELDS),
                        false);
        assertError(putBatch("/shards/0", nullKey), "MalformedRecord", "'id' must not be null");
        byte[] blob =
                BatchEncoder.encode(
                        List.of(new BatchRecord(-1, Map.of(), null, new byte[] {1})),
                        Map.of(),
                        false);
        assertError(putBatch("/shards/0", blob), "MalformedRecord", "BLOB record");
        assertError(putBatch("/shards", good()), "InvalidParameter", "one shard at a time");
        assertError(putBatch("/shards/7", good()), "NoSuchShard", "");
    }

    private static void assertError(HttpResponse<byte[]> r, String code, String text) {
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"ErrorCode\":\"" + code + "\"").contains(text);
    }

    private static HttpResponse<byte[]> putBatch(String shardPath, byte[] batch) throws Exception {
        byte[] frame =
                PbFrame.encode(
                        DatahubProtos.PutBinaryRecordsRequest.newBuilder()
                                .addRecords(
                                        DatahubProtos.BinaryRecordEntry.newBuilder()
                                                .setData(ByteString.copyFrom(batch)))
                                .build()
                                .toByteArray());
        return send("POST", TOPIC + shardPath, "application/x-binary", "pub", frame);
    }

    private static HttpResponse<byte[]> send(
            String method, String path, String contentType, String action, byte[] body)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", contentType);
        if (action != null) {
            b.header("x-datahub-request-action", action);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
