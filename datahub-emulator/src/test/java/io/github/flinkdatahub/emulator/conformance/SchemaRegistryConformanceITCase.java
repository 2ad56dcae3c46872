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
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.Field;
import com.aliyun.datahub.client.model.FieldType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.ListTopicSchemaResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.RecordSchemaInfo;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.BatchModeConformanceITCase.oldest;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check B16 of protocol section 12.B: the schema registry calls of the official Java SDK ({@code
 * listTopicSchema}, {@code getTopicSchema}, {@code registerTopicSchema}, {@code deleteTopicSchema})
 * and a schema-registry batch client writing and reading records tagged with a registered version.
 */
class SchemaRegistryConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = ConformanceFixture.extension(true, null);

    private static String endpoint() {
        return EMULATOR.emulator().endpoint();
    }

    /** Version 1 of the tests: two fields of the topic schema and a new one. */
    static RecordSchema narrowSchema() {
        RecordSchema schema = new RecordSchema();
        schema.addField(new Field("f_bigint", FieldType.BIGINT, false, "the key"));
        schema.addField(new Field("f_string", FieldType.STRING));
        schema.addField(new Field("f_extra", FieldType.DOUBLE));
        return schema;
    }

    @Test
    void versionZeroIsTheTopicSchemaAndRegistrationsNumberFromOne() {
        DatahubClient client = SdkMode.PROTOBUF.client(endpoint());
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);

        ListTopicSchemaResult initial = client.listTopicSchema(project, topic);
        assertThat(initial.getTotalCount()).isEqualTo(1);
        RecordSchemaInfo zero = initial.getRecordSchemaInfoList().get(0);
        assertThat(zero.getVersionId()).isZero();
        assertThat(zero.getRecordSchema()).isEqualTo(allTypesSchema());
        assertThat(client.getTopicSchema(project, topic, 0).getRecordSchema())
                .isEqualTo(allTypesSchema());

        RecordSchema other = narrowSchema();
        RecordSchema third = narrowSchema();
        third.addField(new Field("f_more", FieldType.BOOLEAN));
        assertThat(client.registerTopicSchema(project, topic, other).getVersionId()).isEqualTo(1);
        assertThat(client.registerTopicSchema(project, topic, other).getVersionId())
                .as("registering an equal schema again returns its version")
                .isEqualTo(1);
        assertThat(client.registerTopicSchema(project, topic, allTypesSchema()).getVersionId())
                .isZero();
        assertThat(client.registerTopicSchema(project, topic, third).getVersionId()).isEqualTo(2);

        assertThat(client.getTopicSchema(project, topic, 1).getRecordSchema()).isEqualTo(other);
        assertThat(client.getTopicSchema(project, topic, third).getVersionId()).isEqualTo(2);
        assertThat(client.getTopicSchema(project, topic, third).getCreateTime()).isPositive();
        assertThat(client.getTopic(project, topic).getRecordSchema())
                .as("GetTopic keeps returning the topic's own schema")
                .isEqualTo(allTypesSchema());

        ListTopicSchemaResult page1 = client.listTopicSchema(project, topic, 1, 2);
        ListTopicSchemaResult page2 = client.listTopicSchema(project, topic, 2, 2);
        assertThat(page1.getTotalCount()).isEqualTo(3);
        assertThat(page1.getPageCount()).isEqualTo(2);
        assertThat(page1.getRecordSchemaInfoList())
                .extracting(RecordSchemaInfo::getVersionId)
                .containsExactly(0L, 1L);
        assertThat(page2.getRecordSchemaInfoList())
                .extracting(RecordSchemaInfo::getVersionId)
                .containsExactly(2L);
    }

    @Test
    void deletedVersionsAreGoneAndVersionZeroStays() {
        DatahubClient client = SdkMode.PROTOBUF.client(endpoint());
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        client.registerTopicSchema(project, topic, narrowSchema());

        client.deleteTopicSchema(project, topic, 1);

        assertThat(client.listTopicSchema(project, topic).getRecordSchemaInfoList())
                .extracting(RecordSchemaInfo::getVersionId)
                .containsExactly(0L);
        assertDataHubError(
                () -> client.getTopicSchema(project, topic, 1),
                InvalidParameterException.class,
                "InvalidParameter");
        assertDataHubError(
                () -> client.deleteTopicSchema(project, topic, 0),
                InvalidParameterException.class,
                "InvalidParameter");
        assertDataHubError(
                () -> client.deleteTopicSchema(project, topic, 7),
                InvalidParameterException.class,
                "InvalidParameter");
        assertThat(client.registerTopicSchema(project, topic, narrowSchema()).getVersionId())
                .as("deleted ids are not reused")
                .isEqualTo(2);
    }

    @Test
    void blobTopicsHaveNoRegistry() {
        DatahubClient client = SdkMode.PROTOBUF.client(endpoint());
        String project = newProject(client);
        String topic = newBlobTopic(client, project, 1);

        assertDataHubError(
                () -> client.listTopicSchema(project, topic),
                InvalidParameterException.class,
                "InvalidParameter");
    }

    @Test
    void registryClientWritesAndReadsRecordsTaggedWithTheirVersion() {
        DatahubClient admin = SdkMode.PROTOBUF.client(endpoint());
        String project = newProject(admin);
        String topic = newTupleTopic(admin, project, 1);
        RecordSchema narrow = narrowSchema();
        assertThat(admin.registerTopicSchema(project, topic, narrow).getVersionId()).isEqualTo(1);
        // The SDK caches the registry per topic when first used: register before that.
        DatahubClient registry = BatchClients.registry(endpoint(), CompressType.LZ4);
        RecordEntry v1 = new RecordEntry();
        TupleRecordData d1 = new TupleRecordData(narrow);
        d1.setField("f_bigint", 42L);
        d1.setField("f_string", "narrow");
        d1.setField("f_extra", 2.5);
        v1.setRecordData(d1);
        RecordEntry v0 = ConformanceFixture.tupleRecord(allTypesSchema(), 0);

        registry.putRecordsByShard(project, topic, "0", List.of(v1, v0));
        GetRecordsResult read =
                registry.getRecords(project, topic, "0", oldest(registry, project, topic), 10);

        assertThat(read.getRecords()).hasSize(2);
        RecordEntry first = read.getRecords().get(0);
        assertThat(first.getSchemaVersionId()).isEqualTo(1);
        TupleRecordData r1 = (TupleRecordData) first.getRecordData();
        assertThat(r1.getRecordSchema()).isEqualTo(narrow);
        assertThat(r1.getField("f_bigint")).isEqualTo(42L);
        assertThat(r1.getField("f_string")).isEqualTo("narrow");
        assertThat(r1.getField("f_extra")).isEqualTo(2.5);
        RecordEntry second = read.getRecords().get(1);
        assertThat(second.getSchemaVersionId()).isZero();
        ConformanceFixture.assertSameValues(
                (TupleRecordData) second.getRecordData(), (TupleRecordData) v0.getRecordData());

        // A PB reader sees the version-1 record in the topic's field order, matched by name.
        TupleRecordData pb =
                (TupleRecordData)
                        admin.getRecords(
                                        project,
                                        topic,
                                        "0",
                                        allTypesSchema(),
                                        oldest(admin, project, topic),
                                        10)
                                .getRecords()
                                .get(0)
                                .getRecordData();
        assertThat(pb.getField("f_bigint")).isEqualTo(42L);
        assertThat(pb.getField("f_string")).isEqualTo("narrow");
        assertThat(pb.getField("f_double")).isNull();
    }
}
