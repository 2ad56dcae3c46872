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

package io.github.flinkdatahub.emulator.conformance;

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordType;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.params.provider.Arguments;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared pieces of the SDK conformance tests: emulators with signature checking off and on, the
 * (mode, signed) parameter matrix, unique names, and the ten-field schema of check B2.
 */
public final class ConformanceFixture {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private ConformanceFixture() {}

    /**
     * The extension that runs an in-memory emulator on a free port for a test class (and its nested
     * classes); signature checking on when {@code signed}, on {@code clock} when not null.
     */
    public static DataHubEmulatorExtension extension(boolean signed, Clock clock) {
        return new DataHubEmulatorExtension(
                b -> {
                    b.host("127.0.0.1").port(0);
                    if (signed) {
                        b.credentials(SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY);
                    }
                    if (clock != null) {
                        b.clock(clock);
                    }
                });
    }

    /** Every SDK mode, each with signature checking off and on. */
    public static Stream<Arguments> modes() {
        List<Arguments> all = new ArrayList<>();
        for (SdkMode mode : SdkMode.values()) {
            all.add(Arguments.of(mode, false));
            all.add(Arguments.of(mode, true));
        }
        return all.stream();
    }

    /** A project name no other test uses (names are global to an emulator). */
    public static String uniqueName(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet();
    }

    /** Creates a project with a unique name and returns it (lower-case, as the service echoes). */
    public static String newProject(DatahubClient client) {
        String project = uniqueName("conf");
        client.createProject(project, "conformance");
        return project;
    }

    /** The B2 schema: all ten field types, one NOT NULL field and one field with a comment. */
    public static RecordSchema allTypesSchema() {
        RecordSchema schema = new RecordSchema();
        schema.addField(new Field("f_string", FieldType.STRING));
        schema.addField(new Field("f_bigint", FieldType.BIGINT, false, "the key"));
        schema.addField(new Field("f_double", FieldType.DOUBLE));
        schema.addField(new Field("f_timestamp", FieldType.TIMESTAMP));
        schema.addField(new Field("f_boolean", FieldType.BOOLEAN));
        schema.addField(new Field("f_decimal", FieldType.DECIMAL));
        schema.addField(new Field("f_integer", FieldType.INTEGER));
        schema.addField(new Field("f_float", FieldType.FLOAT));
        schema.addField(new Field("f_tinyint", FieldType.TINYINT));
        schema.addField(new Field("f_smallint", FieldType.SMALLINT));
        return schema;
    }

    /** Creates a TUPLE topic with {@link #allTypesSchema()}, lifecycle 3 days. */
    public static String newTupleTopic(DatahubClient client, String project, int shards) {
        String topic = uniqueName("tuple");
        client.createTopic(
                project, topic, shards, 3, RecordType.TUPLE, allTypesSchema(), "tuple topic");
        return topic;
    }

    /** Creates a BLOB topic, lifecycle 3 days. */
    public static String newBlobTopic(DatahubClient client, String project, int shards) {
        String topic = uniqueName("blob");
        client.createTopic(project, topic, shards, 3, RecordType.BLOB, "blob topic");
        return topic;
    }

    /**
     * Record {@code i} of the all-types schema: every value set (the DECIMAL one is the check's
     * scale-sensitive {@code new BigDecimal(10000.000001)}) except that odd records carry nulls in
     * the nullable STRING and DOUBLE fields.
     */
    public static RecordEntry tupleRecord(RecordSchema schema, int i) {
        TupleRecordData data = new TupleRecordData(schema);
        data.setField("f_string", i % 2 == 1 ? null : "value-" + i + "-\u00e9\u4e2d");
        data.setField("f_bigint", 1_000_000_000_000L + i);
        data.setField("f_double", i % 2 == 1 ? null : 0.1 + i);
        data.setField("f_timestamp", 1_700_000_000_123_456L + i);
        data.setField("f_boolean", i % 3 == 0);
        data.setField("f_decimal", new BigDecimal(10000.000001));
        data.setField("f_integer", -5 - i);
        data.setField("f_float", 1.5f);
        data.setField("f_tinyint", (byte) -1);
        data.setField("f_smallint", (short) 300);
        RecordEntry entry = new RecordEntry();
        entry.setRecordData(data);
        entry.addAttribute("attrKey", "attrVal" + i);
        return entry;
    }

    /** Put-by-shard where the SDK supports it (PB), else a topic-level put with ShardId. */
    public static void putToShard(
            DatahubClient client,
            SdkMode mode,
            String project,
            String topic,
            String shardId,
            List<RecordEntry> records) {
        if (mode.binary()) {
            client.putRecordsByShard(project, topic, shardId, records);
        } else {
            records.forEach(r -> r.setShardId(shardId));
            assertThat(client.putRecords(project, topic, records).getFailedRecordCount()).isZero();
        }
    }

    /** Every field of {@code read} equals (type and value) the field written. */
    public static void assertSameValues(TupleRecordData read, TupleRecordData written) {
        for (int f = 0; f < written.getRecordSchema().getFields().size(); f++) {
            String name = written.getRecordSchema().getField(f).getName();
            assertThat(read.getField(f)).as("field %s", name).isEqualTo(written.getField(f));
        }
    }
}
