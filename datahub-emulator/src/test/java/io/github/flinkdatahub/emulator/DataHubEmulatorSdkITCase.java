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

package io.github.flinkdatahub.emulator;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.exception.DatahubClientException;
import com.aliyun.datahub.client.exception.ResourceAlreadyExistException;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.exception.SeekOutOfRangeException;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.GetTopicResult;
import com.aliyun.datahub.client.model.ListShardResult;
import com.aliyun.datahub.client.model.PutRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.ShardEntry;
import com.aliyun.datahub.client.model.ShardState;
import com.aliyun.datahub.client.model.SubscriptionOffset;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the emulator with the official Aliyun DataHub Java SDK in PB and JSON modes. */
class DataHubEmulatorSdkITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static RecordSchema schema() {
        RecordSchema s = new RecordSchema();
        s.addField(new Field("f_string", FieldType.STRING));
        s.addField(new Field("f_bigint", FieldType.BIGINT, false, "not null"));
        s.addField(new Field("f_double", FieldType.DOUBLE));
        s.addField(new Field("f_timestamp", FieldType.TIMESTAMP));
        s.addField(new Field("f_boolean", FieldType.BOOLEAN));
        s.addField(new Field("f_decimal", FieldType.DECIMAL));
        s.addField(new Field("f_integer", FieldType.INTEGER));
        s.addField(new Field("f_float", FieldType.FLOAT));
        s.addField(new Field("f_tinyint", FieldType.TINYINT));
        s.addField(new Field("f_smallint", FieldType.SMALLINT));
        return s;
    }

    private static String project(DatahubClient client) {
        String name = "P_" + NAMES.incrementAndGet();
        client.createProject(name, "test project");
        return name.toLowerCase();
    }

    @Test
    void projectsAndErrorsCarryCodeAndRequestId() {
        DatahubClient client = SdkClients.json(EMULATOR.endpoint());
        client.createProject("Conf_P", "c");
        assertThat(client.getProject("conf_p").getComment()).isEqualTo("c");
        assertThat(client.listProject().getProjectNames()).contains("conf_p");

        assertThatThrownBy(() -> client.createProject("conf_p", "again"))
                .isInstanceOf(ResourceAlreadyExistException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("ProjectAlreadyExist"));
        assertThatThrownBy(() -> client.getProject("nope"))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(
                        e -> {
                            DatahubClientException d = (DatahubClientException) e;
                            assertThat(d.getErrorCode()).isEqualTo("NoSuchProject");
                            assertThat(d.getRequestId()).matches("\\d{14}[0-9a-f]{16}");
                        });
    }

    @Test
    void topicsShardsAndCursors() {
        DatahubClient client = SdkClients.pb(EMULATOR.endpoint(), CompressType.NONE);
        String project = project(client);
        client.createTopic(project, "t", 3, 3, RecordType.TUPLE, schema(), "tc");

        GetTopicResult topic = client.getTopic(project, "t");
        assertThat(topic.getRecordSchema()).isEqualTo(schema());
        assertThat(topic.getShardCount()).isEqualTo(3);
        assertThat(topic.getLifeCycle()).isEqualTo(3);
        assertThat(topic.getComment()).isEqualTo("tc");

        ListShardResult shards = client.listShard(project, "t");
        assertThat(shards.getShards())
                .extracting(ShardEntry::getShardId)
                .containsExactly("0", "1", "2");
        assertThat(shards.getShards()).allMatch(s -> s.getState() == ShardState.ACTIVE);
        ShardEntry first = shards.getShards().get(0);
        assertThat(first.getBeginHashKey()).isEqualTo("00000000000000000000000000000000");
        assertThat(first.getEndHashKey()).isEqualTo("55555555555555555555555555555555");
        assertThat(first.getLeftShardId()).isNull();
        assertThat(first.getRightShardId()).isEqualTo("1");
        assertThat(shards.getIntervalMs()).isEqualTo(300_000L);
        client.waitForShardReady(project, "t");

        assertThat(client.getCursor(project, "t", "0", CursorType.OLDEST).getSequence())
                .isEqualTo(0);
        assertThatThrownBy(() -> client.getCursor(project, "t", "0", CursorType.SEQUENCE, 1))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThatThrownBy(() -> client.getCursor(project, "t", "7", CursorType.OLDEST))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchShard"));
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressType.class,
            names = {"NONE", "LZ4", "DEFLATE"})
    void pbTupleRoundTrip(CompressType compression) {
        DatahubClient client = SdkClients.pb(EMULATOR.endpoint(), compression);
        String project = project(client);
        client.createTopic(project, "t", 3, 3, RecordType.TUPLE, schema(), "tc");
        List<RecordEntry> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TupleRecordData data = new TupleRecordData(schema());
            data.setField("f_string", "hello " + i);
            data.setField("f_bigint", (long) i);
            data.setField("f_double", 0.1);
            data.setField("f_timestamp", 1700000000123456L);
            data.setField("f_boolean", true);
            data.setField("f_decimal", new BigDecimal("10000.000001"));
            data.setField("f_integer", 7);
            data.setField("f_float", 1.5f);
            data.setField("f_tinyint", (byte) -1);
            data.setField("f_smallint", (short) 300);
            if (i == 2) {
                data.setField("f_string", null);
            }
            RecordEntry e = new RecordEntry();
            e.setRecordData(data);
            e.addAttribute("k", "v" + i);
            records.add(e);
        }
        client.putRecordsByShard(project, "t", "0", records);

        String cursor = client.getCursor(project, "t", "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords(project, "t", "0", schema(), cursor, 10);
        assertThat(read.getRecordCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            RecordEntry e = read.getRecords().get(i);
            TupleRecordData data = (TupleRecordData) e.getRecordData();
            assertThat(e.getSequence()).isEqualTo(i);
            assertThat(e.getAttributes()).containsEntry("k", "v" + i);
            assertThat(data.getField("f_string")).isEqualTo(i == 2 ? null : "hello " + i);
            assertThat(data.getField("f_bigint")).isEqualTo((long) i);
            assertThat(data.getField("f_decimal")).isEqualTo(new BigDecimal("10000.000001"));
            assertThat(data.getField("f_boolean")).isEqualTo(true);
            assertThat(data.getField("f_float")).isEqualTo(1.5f);
            assertThat(data.getField("f_tinyint")).isEqualTo((byte) -1);
        }
        GetRecordsResult tail =
                client.getRecords(project, "t", "0", schema(), read.getNextCursor(), 10);
        assertThat(tail.getRecordCount()).isZero();
        assertThat(tail.getNextCursor()).isEqualTo(read.getNextCursor());
    }

    @Test
    void jsonBlobRoundTripAndPerRecordFailures() {
        DatahubClient client = SdkClients.json(EMULATOR.endpoint());
        String project = project(client);
        client.createTopic(project, "b", 3, 3, RecordType.BLOB, "blob topic");
        byte[] payload = {0, 1, 2, (byte) 0xFF, 'x'};
        RecordEntry ok = new RecordEntry();
        ok.setShardId("1");
        ok.setRecordData(new BlobRecordData(payload));
        RecordEntry bad = new RecordEntry();
        bad.setShardId("4");
        bad.setRecordData(new BlobRecordData("x".getBytes(StandardCharsets.UTF_8)));
        PutRecordsResult put = client.putRecords(project, "b", List.of(ok, bad));
        assertThat(put.getFailedRecordCount()).isEqualTo(1);
        assertThat(put.getPutErrorEntries().get(0).getIndex()).isEqualTo(1);
        assertThat(put.getPutErrorEntries().get(0).getErrorcode()).isEqualTo("NoSuchShard");

        String cursor = client.getCursor(project, "b", "1", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords(project, "b", "1", cursor, 10);
        assertThat(read.getRecordCount()).isEqualTo(1);
        assertThat(((BlobRecordData) read.getRecords().get(0).getRecordData()).getData())
                .isEqualTo(payload);
    }

    @Test
    void pbBlobReadByAJsonClientAndBack() {
        DatahubClient pb = SdkClients.pb(EMULATOR.endpoint(), CompressType.LZ4);
        String project = project(pb);
        pb.createTopic(project, "b", 1, 1, RecordType.BLOB, "blob topic");
        RecordEntry e = new RecordEntry();
        e.setRecordData(new BlobRecordData("blobdata".getBytes(StandardCharsets.UTF_8)));
        pb.putRecordsByShard(project, "b", "0", List.of(e));

        DatahubClient json = SdkClients.json(EMULATOR.endpoint());
        String cursor = json.getCursor(project, "b", "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = json.getRecords(project, "b", "0", cursor, 10);
        assertThat(((BlobRecordData) read.getRecords().get(0).getRecordData()).getData())
                .isEqualTo("blobdata".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void subscriptionOffsets() {
        DatahubClient client = SdkClients.json(EMULATOR.endpoint());
        String project = project(client);
        client.createTopic(project, "t", 1, 1, RecordType.BLOB, "blob topic");
        String subId = client.createSubscription(project, "t", "sub").getSubId();
        assertThat(client.getSubscription(project, "t", subId).getComment()).isEqualTo("sub");
        SubscriptionOffset opened =
                client.openSubscriptionSession(project, "t", subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(opened.getSequence()).isEqualTo(-1);
        SubscriptionOffset commit = new SubscriptionOffset();
        commit.setSessionId(opened.getSessionId());
        commit.setVersionId(opened.getVersionId());
        commit.setSequence(10);
        commit.setTimestamp(1000);
        client.commitSubscriptionOffset(project, "t", subId, Map.of("0", commit));
        SubscriptionOffset got =
                client.getSubscriptionOffset(project, "t", subId, List.of("0"))
                        .getOffsets()
                        .get("0");
        assertThat(got.getSequence()).isEqualTo(10);
        assertThat(got.getTimestamp()).isEqualTo(1000);
    }

    @Test
    void adminLifecycle() {
        DatahubClient client = SdkClients.pb(EMULATOR.endpoint(), CompressType.DEFLATE);
        String project = project(client);
        client.updateProject(project, "updated");
        assertThat(client.getProject(project).getComment()).isEqualTo("updated");
        client.createTopic(project, "keep_me", 1, 1, RecordType.TUPLE, schema(), "c");
        client.createTopic(project, "drop_me", 1, 1, RecordType.BLOB, "c");
        assertThat(client.listTopic(project).getTopicNames()).containsExactly("drop_me", "keep_me");
        assertThat(client.listTopic(project, "keep").getTopicNames()).containsExactly("keep_me");
        client.updateTopic(project, "keep_me", 5, "new comment");
        assertThat(client.getTopic(project, "keep_me").getLifeCycle()).isEqualTo(5);
        assertThat(client.getTopic(project, "keep_me").getComment()).isEqualTo("new comment");

        // The single-field call sends no comment; the list call does.
        client.appendField(project, "keep_me", new Field("f_new", FieldType.STRING, true));
        client.appendField(
                project, "keep_me", List.of(new Field("f_new2", FieldType.BIGINT, true, "cmt")));
        RecordSchema wider = schema();
        wider.addField(new Field("f_new", FieldType.STRING, true));
        wider.addField(new Field("f_new2", FieldType.BIGINT, true, "cmt"));
        assertThat(client.getTopic(project, "keep_me").getRecordSchema()).isEqualTo(wider);

        String sub = client.createSubscription(project, "keep_me", "s1").getSubId();
        client.updateSubscription(project, "keep_me", sub, "s2");
        assertThat(client.listSubscription(project, "keep_me", 1, 10).getSubscriptions())
                .singleElement()
                .satisfies(e -> assertThat(e.getComment()).isEqualTo("s2"));
        client.deleteSubscription(project, "keep_me", sub);
        assertThat(client.listSubscription(project, "keep_me", 1, 10).getTotalCount()).isZero();

        client.deleteTopic(project, "drop_me");
        assertThatThrownBy(() -> client.getTopic(project, "drop_me"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.deleteProject(project))
                .isInstanceOf(DatahubClientException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("OperationDenied"));
        client.deleteTopic(project, "keep_me");
        client.deleteProject(project);
        assertThat(client.listProject().getProjectNames()).doesNotContain(project);
    }

    @Test
    void http2CleartextWithPriorKnowledge() {
        DatahubClient client =
                DatahubClientBuilder.newBuilder()
                        .setDatahubConfig(
                                new DatahubConfig(
                                        EMULATOR.endpoint(), new AliyunAccount("id", "key"), true))
                        .setHttpConfig(new HttpConfig().setEnableH2C(true))
                        .build();
        String project = project(client);
        client.createTopic(project, "b", 1, 1, RecordType.BLOB, "c");
        RecordEntry e = new RecordEntry();
        e.setRecordData(new BlobRecordData("h2".getBytes(StandardCharsets.UTF_8)));
        client.putRecordsByShard(project, "b", "0", List.of(e));
        String cursor = client.getCursor(project, "b", "0", CursorType.OLDEST).getCursor();
        assertThat(client.getRecords(project, "b", "0", cursor, 10).getRecordCount()).isEqualTo(1);
        assertThatThrownBy(() -> client.getProject("nope"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void concurrentWritersGetDistinctSequences() throws Exception {
        DatahubClient setup = SdkClients.json(EMULATOR.endpoint());
        String project = project(setup);
        setup.createTopic(project, "b", 1, 1, RecordType.BLOB, "c");
        int writers = 4;
        int putsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(
                        pool.submit(
                                () -> {
                                    DatahubClient c =
                                            SdkClients.pb(EMULATOR.endpoint(), CompressType.LZ4);
                                    for (int i = 0; i < putsEach; i++) {
                                        RecordEntry e = new RecordEntry();
                                        e.setRecordData(
                                                new BlobRecordData(
                                                        (writer + ":" + i)
                                                                .getBytes(StandardCharsets.UTF_8)));
                                        c.putRecordsByShard(project, "b", "0", List.of(e));
                                    }
                                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String cursor = setup.getCursor(project, "b", "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = setup.getRecords(project, "b", "0", cursor, 1000);
        assertThat(read.getRecords())
                .extracting(RecordEntry::getSequence)
                .containsExactlyElementsOf(
                        LongStream.range(0, writers * putsEach).boxed().toList());
        assertThat(read.getRecords())
                .extracting(
                        r ->
                                new String(
                                        ((BlobRecordData) r.getRecordData()).getData(),
                                        StandardCharsets.UTF_8))
                .doesNotHaveDuplicates()
                .hasSize(writers * putsEach);
    }

    private static String code(Throwable e) {
        return ((DatahubClientException) e).getErrorCode();
    }
}
