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

package io.github.flinkdatahub.connector.table;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.factories.TestFormatFactory;
import org.apache.flink.table.runtime.connector.sink.SinkRuntimeProviderContext;
import org.apache.flink.table.runtime.connector.source.ScanRuntimeProviderContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.github.flinkdatahub.connector.table.FactoryTestSupport.SECRET;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.messages;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.sink;
import static io.github.flinkdatahub.connector.table.FactoryTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Planning against the emulator: the runtime providers describe the topic and check the DDL against
 * it before they build the DataHub source and sink.
 */
class DataHubTablePlanningITCase {

    private static final String ACCESS_ID = "plan-id";

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.credentials(ACCESS_ID, SECRET));

    private static DataHubClient client;

    @BeforeAll
    static void createTopics() {
        client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .credentials(ACCESS_ID, SECRET)
                                .build());
        client.createProject("plan", "planning tests");
        client.createTupleTopic(
                "plan",
                "orders",
                1,
                1,
                RecordSchema.of(
                        Field.notNull("id", FieldType.BIGINT),
                        Field.of("amount", FieldType.DECIMAL),
                        Field.of("ts", FieldType.TIMESTAMP)),
                "orders");
        client.createBlobTopic("plan", "blobs", 1, 1, "blobs");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static Map<String, String> options(String topic, String... more) {
        Map<String, String> options =
                FactoryTestSupport.options(
                        "endpoint",
                        EMULATOR.endpoint(),
                        "project",
                        "plan",
                        "topic",
                        topic,
                        "access-key-id",
                        ACCESS_ID,
                        "access-key-secret",
                        SECRET,
                        "retry.timeout",
                        "0 s");
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return options;
    }

    private static final ResolvedSchema ORDERS =
            ResolvedSchema.of(
                    Column.physical("id", DataTypes.BIGINT().notNull()),
                    Column.physical("amount", DataTypes.DECIMAL(12, 2)),
                    Column.physical("ts", DataTypes.TIMESTAMP(3)),
                    Column.metadata("seq", DataTypes.STRING(), "sequence", true));

    @Test
    void aMatchingTableGetsTheDataHubSourceAndSink() {
        ScanTableSource.ScanRuntimeProvider scan =
                source(ORDERS, options("orders"))
                        .getScanRuntimeProvider(ScanRuntimeProviderContext.INSTANCE);
        assertThat(scan).isInstanceOf(DataStreamScanProvider.class);
        assertThat(scan.isBounded()).isFalse();
        assertThat(((DataStreamScanProvider) scan).getParallelism()).isEmpty();
        ScanTableSource.ScanRuntimeProvider bounded =
                source(
                                ORDERS,
                                options(
                                        "orders",
                                        "scan.bounded.mode",
                                        "latest",
                                        "scan.parallelism",
                                        "3"))
                        .getScanRuntimeProvider(ScanRuntimeProviderContext.INSTANCE);
        assertThat(bounded.isBounded()).isTrue();
        assertThat(((DataStreamScanProvider) bounded).getParallelism()).contains(3);
        DynamicTableSink.SinkRuntimeProvider write =
                sink(ORDERS, options("orders", "sink.parallelism", "2"))
                        .getSinkRuntimeProvider(new SinkRuntimeProviderContext(false));
        assertThat(write).isInstanceOf(SinkV2Provider.class);
        assertThat(((SinkV2Provider) write).createSink())
                .isInstanceOf(io.github.flinkdatahub.connector.sink.DataHubSink.class);
        assertThat(((SinkV2Provider) write).getParallelism()).contains(2);
    }

    @Test
    void aMismatchFailsAtPlanning() {
        ResolvedSchema wrong =
                ResolvedSchema.of(
                        Column.physical("id", DataTypes.INT()),
                        Column.physical("amount", DataTypes.DOUBLE()),
                        Column.physical("nope", DataTypes.STRING()));
        assertThatThrownBy(
                        () ->
                                sink(wrong, options("orders"))
                                        .getSinkRuntimeProvider(
                                                new SinkRuntimeProviderContext(false)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not match topic 'plan.orders'")
                .hasMessageContaining("column 'id' INT vs field 'id' BIGINT NOT NULL")
                .hasMessageContaining("column 'amount' DOUBLE vs field 'amount' DECIMAL")
                .hasMessageContaining("column 'nope' STRING has no field in the topic")
                .satisfies(e -> assertThat(String.join("\n", messages(e))).doesNotContain(SECRET));
    }

    @Test
    void blobTopics() {
        ResolvedSchema bytes = ResolvedSchema.of(Column.physical("payload", DataTypes.BYTES()));
        assertThat(
                        source(bytes, options("blobs"))
                                .getScanRuntimeProvider(ScanRuntimeProviderContext.INSTANCE))
                .isInstanceOf(DataStreamScanProvider.class);
        assertThatThrownBy(
                        () ->
                                source(FactoryTestSupport.SCHEMA, options("blobs"))
                                        .getScanRuntimeProvider(
                                                ScanRuntimeProviderContext.INSTANCE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("a BLOB topic needs 'format'");
        assertThat(
                        source(
                                        FactoryTestSupport.SCHEMA,
                                        options(
                                                "blobs",
                                                "format",
                                                TestFormatFactory.IDENTIFIER,
                                                "test-format.delimiter",
                                                ","))
                                .getScanRuntimeProvider(ScanRuntimeProviderContext.INSTANCE))
                .isInstanceOf(DataStreamScanProvider.class);
    }

    @Test
    void missingTopicAndBadCredentialsNameTheTopicButNoSecret() {
        assertThatThrownBy(
                        () ->
                                source(ORDERS, options("missing"))
                                        .getScanRuntimeProvider(
                                                ScanRuntimeProviderContext.INSTANCE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(
                        "topic 'plan.missing' does not exist at " + EMULATOR.endpoint());
        Map<String, String> wrongKey = options("orders", "access-key-secret", "wrong-" + SECRET);
        assertThatThrownBy(
                        () ->
                                source(ORDERS, wrongKey)
                                        .getScanRuntimeProvider(
                                                ScanRuntimeProviderContext.INSTANCE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("could not describe topic 'plan.orders'")
                .satisfies(e -> assertThat(String.join("\n", messages(e))).doesNotContain(SECRET));
    }
}
