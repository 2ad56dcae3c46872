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

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.factories.utils.FactoryMocks;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared schema, options and helpers of the table factory tests. */
final class FactoryTestSupport {

    static final String SECRET = "s3cr3t-value-never-shown";

    static final ResolvedSchema SCHEMA =
            ResolvedSchema.of(
                    Column.physical("id", DataTypes.BIGINT()),
                    Column.physical("name", DataTypes.STRING()),
                    Column.physical("ts", DataTypes.TIMESTAMP_LTZ(6)));

    static final ResolvedSchema SCHEMA_WITH_METADATA =
            ResolvedSchema.of(
                    Column.physical("id", DataTypes.BIGINT()),
                    Column.physical("name", DataTypes.STRING()),
                    Column.metadata("pk", DataTypes.STRING(), "partition-key", false),
                    Column.metadata(
                            "attrs",
                            DataTypes.MAP(DataTypes.STRING(), DataTypes.STRING()),
                            "attributes",
                            false),
                    Column.metadata("shard", DataTypes.BIGINT(), "shard-id", true));

    private FactoryTestSupport() {}

    /** The minimal valid options plus the given overrides (a null value removes a key). */
    static Map<String, String> options(String... keyValues) {
        Map<String, String> options = new HashMap<>();
        options.put("connector", "datahub");
        options.put("endpoint", "http://localhost:8080");
        options.put("project", "p1");
        options.put("topic", "t1");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                options.remove(keyValues[i]);
            } else {
                options.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return options;
    }

    static DataHubDynamicTableSource source(Map<String, String> options) {
        return source(SCHEMA, options);
    }

    static DataHubDynamicTableSource source(ResolvedSchema schema, Map<String, String> options) {
        DynamicTableSource source = FactoryMocks.createTableSource(schema, options);
        if (Proxy.isProxyClass(source.getClass())) {
            // A deferred factory error (DeferredFactoryError): raise it as the planner would.
            ((ScanTableSource) source).getChangelogMode();
        }
        assertThat(source).isInstanceOf(DataHubDynamicTableSource.class);
        return (DataHubDynamicTableSource) source;
    }

    static DataHubDynamicTableSink sink(Map<String, String> options) {
        return sink(SCHEMA, options);
    }

    static DataHubDynamicTableSink sink(ResolvedSchema schema, Map<String, String> options) {
        DynamicTableSink sink = FactoryMocks.createTableSink(schema, options);
        if (Proxy.isProxyClass(sink.getClass())) {
            sink.getChangelogMode(ChangelogMode.insertOnly());
        }
        assertThat(sink).isInstanceOf(DataHubDynamicTableSink.class);
        return (DataHubDynamicTableSink) sink;
    }

    /** Asserts that the call fails with a ValidationException whose cause chain has each text. */
    static void assertFails(ThrowingCallable call, String... texts) {
        assertThatThrownBy(call)
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e -> {
                            String all = String.join("\n", messages(e));
                            for (String text : texts) {
                                assertThat(all).contains(text);
                            }
                            assertThat(all).doesNotContain(SECRET);
                        });
    }

    static List<String> messages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
