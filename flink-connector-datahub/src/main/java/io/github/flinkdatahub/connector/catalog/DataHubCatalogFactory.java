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

package io.github.flinkdatahub.connector.catalog;

import io.github.flinkdatahub.connector.table.ConnectionOptions;
import io.github.flinkdatahub.connector.table.DataHubConnectorOptionsUtil;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CommonCatalogOptions;
import org.apache.flink.table.factories.CatalogFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.ACCESS_KEY_ID;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.ACCESS_KEY_SECRET;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.COMPRESSION;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.ENDPOINT;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.PROTOCOL;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.RETRY_INTERVAL;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.RETRY_TIMEOUT;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.SECURITY_TOKEN;

/** Creates a {@link DataHubCatalog} for {@code CREATE CATALOG c WITH ('type' = 'datahub', ...)}. */
public class DataHubCatalogFactory implements CatalogFactory {

    /** The catalog type. */
    public static final String IDENTIFIER = "datahub";

    /** The project used when a statement names no database. */
    public static final ConfigOption<String> DEFAULT_DATABASE =
            ConfigOptions.key(CommonCatalogOptions.DEFAULT_DATABASE_KEY)
                    .stringType()
                    .noDefaultValue()
                    .withDescription("DataHub project used when a statement names no database.");

    /** Connection options the catalog passes on to its tables' factory. */
    private static final ConfigOption<?>[] CONNECTION = {
        ENDPOINT,
        ACCESS_KEY_ID,
        ACCESS_KEY_SECRET,
        SECURITY_TOKEN,
        PROTOCOL,
        COMPRESSION,
        RETRY_TIMEOUT,
        RETRY_INTERVAL
    };

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(ENDPOINT, DEFAULT_DATABASE);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        for (ConfigOption<?> option : CONNECTION) {
            if (option != ENDPOINT) {
                options.add(option);
            }
        }
        return options;
    }

    @Override
    public Catalog createCatalog(Context context) {
        FactoryUtil.CatalogFactoryHelper helper =
                FactoryUtil.createCatalogFactoryHelper(this, context);
        helper.validate();
        ReadableConfig config = helper.getOptions();
        ConnectionOptions connection = DataHubConnectorOptionsUtil.connectionOptions(config, false);
        return new DataHubCatalog(
                context.getName(),
                config.get(DEFAULT_DATABASE),
                connection.endpoint(),
                connectionDefaults(config),
                connection.clientFactory());
    }

    /** The connection options as set, by their primary keys (fallback keys resolved). */
    static Map<String, String> connectionDefaults(ReadableConfig config) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (ConfigOption<?> option : CONNECTION) {
            config.getOptional(option)
                    .ifPresent(value -> defaults.put(option.key(), stringify(value)));
        }
        return defaults;
    }

    private static String stringify(Object value) {
        if (value instanceof java.time.Duration d) {
            return d.toMillis() + " ms";
        }
        return value.toString();
    }
}
