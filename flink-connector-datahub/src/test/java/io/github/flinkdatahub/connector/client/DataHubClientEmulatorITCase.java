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

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;
import io.github.flinkdatahub.emulator.ManualClock;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every {@link DataHubClient} operation against the emulator, in each body protocol and
 * compression, with signature checking on: the client and the emulator are written from the same
 * protocol notes but share no code, so agreement here is evidence both follow the protocol.
 */
class DataHubClientEmulatorITCase {

    private static final String ACCESS_ID = "it-access-id";
    private static final String ACCESS_KEY = "it-access-secret";
    private static final ManualClock CLOCK = new ManualClock(Instant.now());
    private static final AtomicInteger PROJECT_COUNTER = new AtomicInteger();

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.credentials(ACCESS_ID, ACCESS_KEY).clock(CLOCK));

    private static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.of("f_tinyint", FieldType.TINYINT),
                    Field.of("f_smallint", FieldType.SMALLINT),
                    Field.of("f_integer", FieldType.INTEGER),
                    Field.notNull("f_bigint", FieldType.BIGINT),
                    Field.of("f_float", FieldType.FLOAT),
                    Field.of("f_double", FieldType.DOUBLE),
                    Field.of("f_decimal", FieldType.DECIMAL),
                    Field.of("f_boolean", FieldType.BOOLEAN),
                    new Field("f_string", FieldType.STRING, true, "a comment"),
                    Field.of("f_timestamp", FieldType.TIMESTAMP));

    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of(BodyProtocol.JSON, CompressionType.NONE),
                Arguments.of(BodyProtocol.JSON, CompressionType.LZ4),
                Arguments.of(BodyProtocol.PROTOBUF, CompressionType.NONE),
                Arguments.of(BodyProtocol.PROTOBUF, CompressionType.LZ4),
                Arguments.of(BodyProtocol.PROTOBUF, CompressionType.DEFLATE));
    }

    private static DataHubClient client(BodyProtocol protocol, CompressionType compression) {
        return DataHubClient.create(
                DataHubClientConfig.builder()
                        .endpoint(EMULATOR.endpoint())
                        .credentials(ACCESS_ID, ACCESS_KEY)
                        .protocol(protocol)
                        .compression(compression)
                        .maxRetries(0)
                        .build());
    }

    private static String newProject() {
        return "it_client_" + PROJECT_COUNTER.incrementAndGet();
    }

    private static TupleRecord row(long bigint, String text) {
        return TupleRecord.of(
                SCHEMA,
                (byte) -128,
                (short) 32767,
                Integer.MIN_VALUE,
                bigint,
                1.5f,
                0.1d,
                new BigDecimal("10000.000001000"),
                true,
                text,
                1_700_000_000_123_456L);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("transports")
    void projectAndTopicAdministration(BodyProtocol protocol, CompressionType compression) {
        try (DataHubClient client = client(protocol, compression)) {
            String project = newProject();
            client.createProject(project, "first");
            assertThat(client.getProject(project).comment()).isEqualTo("first");
            client.updateProject(project, "second");
            assertThat(client.getProject(project).comment()).isEqualTo("second");
            assertThat(client.listProjects()).contains(project);
            assertThatThrownBy(() -> client.createProject(project, "again"))
                    .isInstanceOf(ResourceAlreadyExistsException.class)
                    .satisfies(
                            e -> {
                                DataHubException d = (DataHubException) e;
                                assertThat(d.errorCode()).isEqualTo("ProjectAlreadyExist");
                                assertThat(d.requestId()).isNotBlank();
                                assertThat(d.httpStatus()).isBetween(400, 499);
                                assertThat(d.isRetryable()).isFalse();
                            });

            client.createTupleTopic(project, "tuple_t", 3, 3, SCHEMA, "tuple topic");
            client.createBlobTopic(project, "blob_t", 2, 1, "blob topic");
            TopicInfo tuple = client.getTopic(project, "tuple_t");
            assertThat(tuple.recordType()).isEqualTo(RecordType.TUPLE);
            assertThat(tuple.schema()).isEqualTo(SCHEMA);
            assertThat(tuple.shardCount()).isEqualTo(3);
            assertThat(tuple.lifecycleDays()).isEqualTo(3);
            assertThat(client.getTopic(project, "blob_t").recordType()).isEqualTo(RecordType.BLOB);
            assertThat(client.listTopics(project)).containsExactlyInAnyOrder("tuple_t", "blob_t");

            client.updateTopic(project, "tuple_t", "updated", 5);
            assertThat(client.getTopic(project, "tuple_t").comment()).isEqualTo("updated");
            assertThat(client.getTopic(project, "tuple_t").lifecycleDays()).isEqualTo(5);
            client.appendField(project, "tuple_t", Field.of("f_extra", FieldType.STRING));
            assertThat(client.getTopic(project, "tuple_t").schema().indexOf("f_extra"))
                    .isEqualTo(SCHEMA.size());

            assertThatThrownBy(() -> client.deleteProject(project))
                    .isInstanceOf(DataHubException.class)
                    .extracting(e -> ((DataHubException) e).errorCode())
                    .isEqualTo("OperationDenied");
            client.deleteTopic(project, "tuple_t");
            client.deleteTopic(project, "blob_t");
            client.deleteProject(project);
            assertThatThrownBy(() -> client.getProject(project))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .extracting(e -> ((DataHubException) e).errorCode())
                    .isEqualTo("NoSuchProject");
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("transports")
    void recordsCursorsAndRouting(BodyProtocol protocol, CompressionType compression) {
        try (DataHubClient client = client(protocol, compression)) {
            String project = newProject();
            client.createProject(project, "records");
            client.createTupleTopic(project, "t", 3, 1, SCHEMA, "");
            assertThat(client.waitForShardsReady(project, "t", Duration.ofSeconds(10))).isTrue();
            List<ShardInfo> shards = client.listShards(project, "t");
            assertThat(shards).extracting(ShardInfo::shardId).containsExactly("0", "1", "2");
            assertThat(shards).allSatisfy(s -> assertThat(s.state()).isEqualTo(ShardState.ACTIVE));

            long before = CLOCK.millis();
            PutRecordsResult result =
                    client.putRecords(
                            project,
                            "t",
                            List.of(
                                    PutRecord.toShard("0", row(1, "to shard 0"))
                                            .withAttributes(Map.of("k", "v")),
                                    PutRecord.withHashKey(
                                            shards.get(1).beginHashKey(), row(2, "by hash key")),
                                    // MD5("key-2") = BCCA52..., inside shard 2's range [AAAA...,
                                    // FFFF...)
                                    PutRecord.withPartitionKey("key-2", row(3, "by partition key")),
                                    PutRecord.toShard("99", row(4, "no such shard")),
                                    PutRecord.toShard("0", row(5, null))));
            assertThat(result.failedRecords())
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.index()).isEqualTo(3);
                                assertThat(f.errorCode()).isEqualTo("NoSuchShard");
                            });

            CursorResult oldest = client.getCursor(project, "t", "0", CursorType.OLDEST);
            assertThat(oldest.sequence()).isZero();
            GetRecordsResult read =
                    client.getRecords(project, "t", "0", oldest.cursor(), 10, SCHEMA);
            assertThat(read.records()).hasSize(2);
            ReadRecord first = read.records().get(0);
            assertThat(first.sequence()).isZero();
            assertThat(first.systemTime()).isGreaterThanOrEqualTo(before);
            assertThat(first.attributes()).containsEntry("k", "v");
            assertThat(first.payload()).isEqualTo(row(1, "to shard 0"));
            TupleRecord second = (TupleRecord) read.records().get(1).payload();
            assertThat(second.isNull(SCHEMA.indexOf("f_string"))).isTrue();
            assertThat(second.getDecimal(SCHEMA.indexOf("f_decimal")))
                    .isEqualTo(new BigDecimal("10000.000001000"));
            assertThat(
                            client.getRecords(
                                            project,
                                            "t",
                                            "1",
                                            cursor(client, project, "1"),
                                            10,
                                            SCHEMA)
                                    .records())
                    .extracting(r -> ((TupleRecord) r.payload()).getLong(3))
                    .containsExactly(2L);
            assertThat(
                            client.getRecords(
                                            project,
                                            "t",
                                            "2",
                                            cursor(client, project, "2"),
                                            10,
                                            SCHEMA)
                                    .records())
                    .extracting(r -> ((TupleRecord) r.payload()).getLong(3))
                    .containsExactly(3L);

            // Tail: nothing new returns the request cursor; one more put shows exactly it.
            GetRecordsResult tail =
                    client.getRecords(project, "t", "0", read.nextCursor(), 10, SCHEMA);
            assertThat(tail.records()).isEmpty();
            assertThat(tail.nextCursor()).isEqualTo(read.nextCursor());
            client.putRecordsByShard(project, "t", "0", List.of(PutRecord.of(row(6, "by shard"))));
            assertThat(
                            client.getRecords(project, "t", "0", read.nextCursor(), 10, SCHEMA)
                                    .records())
                    .singleElement()
                    .satisfies(r -> assertThat(r.sequence()).isEqualTo(2));

            assertThat(client.getCursor(project, "t", "0", CursorType.LATEST).sequence())
                    .isEqualTo(2);
            assertThat(client.getCursor(project, "t", "0", CursorType.SEQUENCE, 1).sequence())
                    .isEqualTo(1);
            assertThat(
                            client.getCursor(
                                            project,
                                            "t",
                                            "0",
                                            CursorType.SYSTEM_TIME,
                                            before - 1000)
                                    .sequence())
                    .isZero();
            assertThatThrownBy(() -> client.getCursor(project, "t", "0", CursorType.SEQUENCE, 50))
                    .isInstanceOf(SeekOutOfRangeException.class);
            assertThatThrownBy(() -> client.getRecords(project, "t", "0", "garbage", 10, SCHEMA))
                    .isInstanceOf(InvalidCursorException.class);
            assertThat(client.getShardMeterInfo(project, "t", "0").storage()).isPositive();

            client.createBlobTopic(project, "b", 1, 1, "");
            byte[] payload = "blob\u0000data\u00ff".getBytes(StandardCharsets.UTF_8);
            assertThat(
                            client.putRecords(
                                            project,
                                            "b",
                                            List.of(PutRecord.toShard("0", BlobRecord.of(payload))))
                                    .allSucceeded())
                    .isTrue();
            String blobCursor = client.getCursor(project, "b", "0", CursorType.OLDEST).cursor();
            assertThat(client.getRecords(project, "b", "0", blobCursor, 10, null).records())
                    .singleElement()
                    .satisfies(
                            r -> assertThat(((BlobRecord) r.payload()).data()).isEqualTo(payload));
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("transports")
    void splitMergeAndSealedShards(BodyProtocol protocol, CompressionType compression) {
        try (DataHubClient client = client(protocol, compression)) {
            String project = newProject();
            client.createProject(project, "shards");
            client.createTupleTopic(project, "t", 3, 1, SCHEMA, "");
            assertThatThrownBy(() -> client.splitShard(project, "t", "0"))
                    .isInstanceOf(LimitExceededException.class);
            CLOCK.advance(Duration.ofSeconds(6));

            client.putRecords(project, "t", List.of(PutRecord.toShard("0", row(1, "a"))));
            List<ShardRange> children = client.splitShard(project, "t", "0");
            assertThat(children).extracting(ShardRange::shardId).containsExactly("3", "4");
            assertThat(children.get(0).beginHashKey())
                    .isEqualTo("00000000000000000000000000000000");
            assertThat(children.get(1).endHashKey()).isEqualTo("55555555555555555555555555555555");
            assertThat(children.get(0).endHashKey()).isEqualTo(children.get(1).beginHashKey());

            Map<String, ShardInfo> byId =
                    client.listShards(project, "t").stream()
                            .collect(java.util.stream.Collectors.toMap(ShardInfo::shardId, s -> s));
            assertThat(byId.get("0").state()).isEqualTo(ShardState.CLOSED);
            assertThat(byId.get("3").parentShardIds()).containsExactly("0");

            // A CLOSED shard is readable to its end, then reports that it is sealed.
            String cursor = cursor(client, project, "0");
            GetRecordsResult drained = client.getRecords(project, "t", "0", cursor, 10, SCHEMA);
            assertThat(drained.records()).hasSize(1);
            assertThatThrownBy(
                            () ->
                                    client.getRecords(
                                            project, "t", "0", drained.nextCursor(), 10, SCHEMA))
                    .isInstanceOf(ShardSealedException.class);
            assertThat(
                            client.putRecords(
                                            project,
                                            "t",
                                            List.of(PutRecord.toShard("0", row(2, "closed"))))
                                    .failedRecords())
                    .singleElement()
                    .extracting(PutRecordsResult.FailedRecord::errorCode)
                    .isEqualTo("InvalidShardOperation");

            CLOCK.advance(Duration.ofSeconds(6));
            ShardRange merged = client.mergeShard(project, "t", "1", "2");
            assertThat(merged.shardId()).isEqualTo("5");
            assertThat(merged.beginHashKey()).isEqualTo("55555555555555555555555555555555");
            assertThat(merged.endHashKey()).isEqualTo("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
            assertThatThrownBy(() -> client.mergeShard(project, "t", "1", "2"))
                    .isInstanceOf(ShardSealedException.class);
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("transports")
    void subscriptionsAndOffsets(BodyProtocol protocol, CompressionType compression) {
        try (DataHubClient client = client(protocol, compression)) {
            String project = newProject();
            client.createProject(project, "subscriptions");
            client.createTupleTopic(project, "t", 2, 1, SCHEMA, "");
            String subId = client.createSubscription(project, "t", "my sub");
            SubscriptionInfo info = client.getSubscription(project, "t", subId);
            assertThat(info.comment()).isEqualTo("my sub");
            assertThat(info.online()).isTrue();
            client.updateSubscriptionComment(project, "t", subId, "renamed");
            assertThat(client.getSubscription(project, "t", subId).comment()).isEqualTo("renamed");
            assertThat(client.listSubscriptions(project, "t", 1, 10).subscriptions())
                    .extracting(SubscriptionInfo::subId)
                    .contains(subId);

            Map<String, SubscriptionOffset> opened =
                    client.openOffsetSession(project, "t", subId, List.of("0", "1"));
            SubscriptionOffset offset0 = opened.get("0");
            assertThat(offset0.sequence()).isEqualTo(-1);
            assertThat(offset0.version()).isZero();
            assertThat(offset0.sessionId()).isNotNull();

            client.commitOffsets(project, "t", subId, Map.of("0", offset0.withPosition(10, 1000)));
            assertThat(client.getOffsets(project, "t", subId, List.of("0")).get("0"))
                    .satisfies(
                            o -> {
                                assertThat(o.sequence()).isEqualTo(10);
                                assertThat(o.timestamp()).isEqualTo(1000);
                            });

            client.resetOffsets(
                    project, "t", subId, Map.of("0", SubscriptionOffset.forReset(20, 2000)));
            assertThat(client.getOffsets(project, "t", subId, List.of("0")).get("0").version())
                    .isEqualTo(1);
            assertThatThrownBy(
                            () ->
                                    client.commitOffsets(
                                            project,
                                            "t",
                                            subId,
                                            Map.of("0", offset0.withPosition(30, 3000))))
                    .isInstanceOf(OffsetResetException.class);

            Map<String, SubscriptionOffset> reopened =
                    client.openOffsetSession(project, "t", subId, List.of("1"));
            assertThatThrownBy(
                            () ->
                                    client.commitOffsets(
                                            project,
                                            "t",
                                            subId,
                                            Map.of("1", opened.get("1").withPosition(1, 1))))
                    .isInstanceOf(OffsetSessionException.class);
            client.commitOffsets(
                    project, "t", subId, Map.of("1", reopened.get("1").withPosition(1, 1)));

            client.updateSubscriptionState(project, "t", subId, false);
            assertThat(client.getSubscription(project, "t", subId).online()).isFalse();
            assertThatThrownBy(
                            () ->
                                    client.commitOffsets(
                                            project,
                                            "t",
                                            subId,
                                            Map.of("1", reopened.get("1").withPosition(2, 2))))
                    .isInstanceOf(SubscriptionOfflineException.class);

            client.deleteSubscription(project, "t", subId);
            assertThatThrownBy(() -> client.getSubscription(project, "t", subId))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    private static String cursor(DataHubClient client, String project, String shardId) {
        return client.getCursor(project, "t", shardId, CursorType.OLDEST).cursor();
    }
}
