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
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client in protocol BATCH against a mock server: request bytes, decoding, registry. */
class BatchProtocolCallsTest extends MockServerTestBase {

    private static final String CURSOR_0 = "30000000000000000000000000000000";

    private HttpDataHubClient batchClient(CompressionType compression, boolean registry) {
        return client(
                b ->
                        b.protocol(BodyProtocol.BATCH)
                                .compression(compression)
                                .schemaRegistry(registry));
    }

    @Test
    void putByShardSendsOneBatchWithoutHttpCompression() throws Exception {
        server.enqueue(binary(new byte[0]));
        List<PutRecord> records = SdkRecords.ours(2);
        batchClient(CompressionType.LZ4, false).putRecordsByShard("p", "t", "3", records);
        RecordedRequest request = take();
        assertThat(request.getPath()).isEqualTo("/projects/p/topics/t/shards/3");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-binary");
        assertThat(request.getHeader("x-datahub-request-action")).isEqualTo("pub");
        assertThat(request.getHeader("Content-Encoding")).isNull();
        assertThat(request.getHeader("Accept-Encoding")).isNotEqualTo("lz4");
        byte[] body = request.getBody().readByteArray();
        var put = DatahubProtos.PutBinaryRecordsRequest.parseFrom(DhubFrame.unframe(body));
        assertThat(put.getRecordsCount()).isEqualTo(1);
        byte[] batch = put.getRecords(0).getData().toByteArray();
        assertThat(batch).isEqualTo(BatchCodec.encodeBatch(records, CompressionType.LZ4, 0));
    }

    @Test
    void topicLevelPutIsRefusedLikeTheSdksBatchClient() {
        HttpDataHubClient client = batchClient(CompressionType.LZ4, false);
        assertThatThrownBy(() -> client.putRecords("p", "t", SdkRecords.ours(1)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("putRecordsByShard");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBatchOverTheRequestLimitFailsBeforeSending() {
        HttpDataHubClient client = batchClient(CompressionType.LZ4, false);
        byte[] big = new byte[PutRecord.MAX_REQUEST_BYTES];
        new java.util.Random(1).nextBytes(big); // incompressible: the limit is on the sent body
        assertThatThrownBy(
                        () ->
                                client.putRecordsByShard(
                                        "p", "t", "0", List.of(PutRecord.of(BlobRecord.of(big)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the service's limit of 4194304 bytes");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void getGivesEveryRecordOfABatchItsSequenceAndIndex() throws Exception {
        List<PutRecord> first = SdkRecords.ours(1);
        List<PutRecord> second = SdkRecords.ours(2);
        server.enqueue(
                binary(
                        response(
                                entry(7, 1000, first, CompressionType.DEFLATE, 0),
                                entry(8, 1001, second, CompressionType.NONE, 0))));
        GetRecordsResult result =
                batchClient(CompressionType.LZ4, false)
                        .getRecords("p", "t", "0", CURSOR_0, 10, SdkModels.schema());
        RecordedRequest request = take();
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-binary");
        assertThat(request.getHeader("x-datahub-request-action")).isEqualTo("sub");
        List<ReadRecord> records = result.records();
        assertThat(records).hasSize(first.size() + second.size());
        for (int i = 0; i < records.size(); i++) {
            ReadRecord r = records.get(i);
            boolean inFirst = i < first.size();
            int index = inFirst ? i : i - first.size();
            PutRecord expected = inFirst ? first.get(index) : second.get(index);
            assertThat(r.sequence()).isEqualTo(inFirst ? 7 : 8);
            assertThat(r.systemTime()).isEqualTo(inFirst ? 1000 : 1001);
            assertThat(r.batchIndex()).isEqualTo(index);
            assertThat(r.batchSize()).isEqualTo(inFirst ? first.size() : second.size());
            assertThat(r.lastInBatch()).isEqualTo(index == r.batchSize() - 1);
            assertThat(r.payload()).isEqualTo(expected.payload());
            assertThat(r.attributes()).isEqualTo(expected.attributes());
            assertThat(r.shardId()).isEqualTo("0");
        }
        assertThat(result.nextCursor()).isEqualTo("next");
    }

    @Test
    void anUnknownSchemaVersionIsFetchedOnceAndTheReadRepeated() throws Exception {
        RecordSchema v0 = RecordSchema.of(Field.of("a", FieldType.BIGINT));
        RecordSchema reader =
                RecordSchema.of(Field.of("a", FieldType.BIGINT), Field.of("b", FieldType.STRING));
        byte[] response =
                response(
                        entry(
                                0,
                                5,
                                List.of(PutRecord.of(TupleRecord.of(v0, 1L))),
                                CompressionType.LZ4,
                                4));
        server.enqueue(binary(response));
        server.enqueue(
                json(
                        200,
                        "{\"VersionId\":4,\"CreateTime\":1700000000,\"Creator\":\"me\","
                                + "\"RecordSchema\":"
                                + Json.MAPPER.writeValueAsString(v0.toJson())
                                + "}"));
        server.enqueue(binary(response));
        server.enqueue(binary(response));
        HttpDataHubClient client = batchClient(CompressionType.NONE, false);
        GetRecordsResult result = client.getRecordsAsync("p", "t", "0", CURSOR_0, 10, reader).get();
        assertThat(((TupleRecord) result.records().get(0).payload()).values())
                .containsExactly(1L, null);
        take();
        RecordedRequest getSchema = take();
        assertThat(bodyText(getSchema))
                .contains("\"Action\":\"GetSchema\"")
                .contains("\"VersionId\":4");
        take();
        // Cached: the next read decodes without asking again.
        client.getRecords("p", "t", "0", CURSOR_0, 10, reader);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void withTheRegistryOnABatchNamesTheRegisteredVersionOfItsSchema() throws Exception {
        RecordSchema other = RecordSchema.of(Field.of("x", FieldType.STRING));
        server.enqueue(
                json(
                        200,
                        "{\"PageNumber\":1,\"PageSize\":100,\"PageCount\":1,\"TotalCount\":2,"
                                + "\"RecordSchemaList\":["
                                + schemaEntry(0, other)
                                + ","
                                + schemaEntry(2, SdkModels.schema())
                                + "]}"));
        server.enqueue(binary(new byte[0]));
        server.enqueue(binary(new byte[0]));
        HttpDataHubClient client = batchClient(CompressionType.NONE, true);
        client.putRecordsByShard("p", "t", "0", SdkRecords.ours(1));
        client.putRecordsByShard("p", "t", "0", SdkRecords.ours(1));
        assertThat(bodyText(take())).contains("\"Action\":\"ListSchema\"");
        for (int i = 0; i < 2; i++) {
            byte[] body = take().getBody().readByteArray();
            byte[] batch =
                    DatahubProtos.PutBinaryRecordsRequest.parseFrom(DhubFrame.unframe(body))
                            .getRecords(0)
                            .getData()
                            .toByteArray();
            assertThat(
                            BatchCodec.decodeBatch(
                                    batch,
                                    0,
                                    batch.length,
                                    SdkModels.schema(),
                                    v -> SdkModels.schema()))
                    .allSatisfy(d -> assertThat(d.schemaVersion()).isEqualTo(2));
        }
        assertThat(server.getRequestCount()).isEqualTo(3); // listed once
    }

    @Test
    void withTheRegistryAnUnregisteredSchemaFailsBeforeSending() {
        server.enqueue(json(200, "{\"PageCount\":1,\"RecordSchemaList\":[]}"));
        server.enqueue(json(200, "{\"PageCount\":1,\"RecordSchemaList\":[]}"));
        HttpDataHubClient client = batchClient(CompressionType.NONE, true);
        assertThatThrownBy(() -> client.putRecordsByShard("p", "t", "0", SdkRecords.ours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not registered")
                .hasMessageContaining("registerSchema");
    }

    @Test
    void registryCallsSendTheSdksBodies() throws Exception {
        HttpDataHubClient client = client();
        server.enqueue(json(200, "{\"VersionId\":1}"));
        assertThat(client.registerSchema("p", "t", SdkModels.schema())).isEqualTo(1);
        RecordedRequest register = take();
        assertThat(register.getMethod()).isEqualTo("POST");
        assertThat(register.getPath()).isEqualTo("/projects/p/topics/t");
        var body = Json.MAPPER.readTree(bodyText(register));
        assertThat(body.get("Action").asText()).isEqualTo("RegisterSchema");
        assertThat(RecordSchema.fromJson(body.get("RecordSchema").asText()))
                .isEqualTo(SdkModels.schema());

        server.enqueue(json(200, "{}"));
        client.deleteSchema("p", "t", 1);
        assertThat(bodyText(take())).isEqualTo("{\"Action\":\"DeleteSchema\",\"VersionId\":1}");

        server.enqueue(
                json(
                        200,
                        "{\"PageCount\":2,\"RecordSchemaList\":["
                                + schemaEntry(0, SdkModels.schema())
                                + "]}"));
        server.enqueue(
                json(
                        200,
                        "{\"PageCount\":2,\"RecordSchemaList\":["
                                + schemaEntry(3, SdkModels.schema())
                                + "]}"));
        List<TopicSchema> all = client.listSchemas("p", "t");
        assertThat(all).extracting(TopicSchema::versionId).containsExactly(0, 3);
        assertThat(all.get(0).createTime()).isNotNull();
        assertThat(bodyText(take())).contains("\"PageNumber\":1").contains("\"PageSize\":100");
        assertThat(bodyText(take())).contains("\"PageNumber\":2");
    }

    private static String schemaEntry(int version, RecordSchema schema) throws Exception {
        return "{\"VersionId\":"
                + version
                + ",\"CreateTime\":1658132195,\"Creator\":\"\",\"RecordSchema\":"
                + Json.MAPPER.writeValueAsString(schema.toJson())
                + "}";
    }

    private static DatahubProtos.BinaryRecordEntry entry(
            long sequence, long time, List<PutRecord> records, CompressionType c, int version) {
        return DatahubProtos.BinaryRecordEntry.newBuilder()
                .setSequence(sequence)
                .setSystemTime(time)
                .setCursor("c" + sequence)
                .setNextCursor("c" + (sequence + 1))
                .setData(ByteString.copyFrom(BatchCodec.encodeBatch(records, c, version)))
                .build();
    }

    private static byte[] response(DatahubProtos.BinaryRecordEntry... entries) {
        var b =
                DatahubProtos.GetBinaryRecordsResponse.newBuilder()
                        .setNextCursor("next")
                        .setRecordCount(entries.length)
                        .setStartSequence(entries[0].getSequence());
        for (var e : entries) {
            b.addRecords(e);
        }
        return DhubFrame.frame(b.build().toByteArray());
    }
}
