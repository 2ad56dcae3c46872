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

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.abilities.SupportsWritingMetadata;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsReadingMetadata;
import org.apache.flink.table.connector.source.abilities.SupportsWatermarkPushDown;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/**
 * Keeps secrets out of factory errors. When a table factory throws, Flink's {@code FactoryUtil}
 * wraps the error in one that lists every table option, masking only the keys Flink deems
 * sensitive; the commercial connector's {@code accessKey} is not one of them. So when such a key
 * holds a value, the factory returns a stand-in table whose every planner call throws the original
 * error (which names the option, never a value) instead: planning still fails, at the next step,
 * and no option value is printed.
 */
final class DeferredFactoryError {

    /** The options that hold secrets, checked under their own and their fallback keys. */
    private static final List<ConfigOption<String>> SECRETS =
            List.of(
                    DataHubConnectorOptions.ACCESS_KEY_SECRET,
                    DataHubConnectorOptions.SECURITY_TOKEN);

    private DeferredFactoryError() {}

    /** Whether some secret is set under a key whose value Flink would print in clear. */
    static boolean wouldLeak(Map<String, String> tableOptions) {
        for (ConfigOption<String> option : SECRETS) {
            if (leaks(tableOptions, option.key())) {
                return true;
            }
            for (FallbackKey fallback : option.fallbackKeys()) {
                if (leaks(tableOptions, fallback.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean leaks(Map<String, String> options, String key) {
        String value = options.get(key);
        return value != null && !value.isEmpty() && !GlobalConfiguration.isSensitive(key);
    }

    /** A scan source whose planner calls all throw {@code error}. */
    static DynamicTableSource source(RuntimeException error, String table) {
        return (DynamicTableSource)
                proxy(
                        error,
                        table,
                        ScanTableSource.class,
                        SupportsReadingMetadata.class,
                        SupportsProjectionPushDown.class,
                        SupportsWatermarkPushDown.class);
    }

    /** A sink whose planner calls all throw {@code error}. */
    static DynamicTableSink sink(RuntimeException error, String table) {
        return (DynamicTableSink)
                proxy(error, table, DynamicTableSink.class, SupportsWritingMetadata.class);
    }

    private static Object proxy(RuntimeException error, String table, Class<?>... interfaces) {
        String summary = "DataHub table " + table + " (invalid options)";
        InvocationHandler handler =
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "toString":
                        case "asSummaryString":
                            return summary;
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "equals":
                            return self == args[0];
                        default:
                            throw error;
                    }
                };
        return Proxy.newProxyInstance(
                DeferredFactoryError.class.getClassLoader(), interfaces, handler);
    }
}
