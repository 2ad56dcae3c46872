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

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.DataType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.*;

/**
 * The {@code 'connector' = 'datahub'} table factory: validates the WITH clause and creates {@link
 * DataHubDynamicTableSource} and {@link DataHubDynamicTableSink}.
 *
 * <p>Found through {@code META-INF/services/org.apache.flink.table.factories.Factory}. The DataHub
 * catalog hands the planner an instance bound to its connection ({@link #withDefaults}), so that
 * its tables carry no credentials in their options.
 */
public class DataHubDynamicTableFactory
        implements DynamicTableSourceFactory, DynamicTableSinkFactory {

    /** The connector identifier. */
    public static final String IDENTIFIER = "datahub";

    private static final Logger LOG = LoggerFactory.getLogger(DataHubDynamicTableFactory.class);

    /** Options a bound catalog supplies when a table does not set them. */
    static final List<ConfigOption<?>> CONNECTION_OPTIONS =
            List.of(
                    ENDPOINT,
                    ACCESS_KEY_ID,
                    ACCESS_KEY_SECRET,
                    SECURITY_TOKEN,
                    PROTOCOL,
                    COMPRESSION,
                    RETRY_TIMEOUT,
                    RETRY_INTERVAL);

    private final Map<String, String> defaults;

    /** The factory that service discovery instantiates. */
    public DataHubDynamicTableFactory() {
        this(Map.of());
    }

    private DataHubDynamicTableFactory(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    /**
     * A factory that fills in connection options (endpoint, credentials, protocol, compression,
     * retries) a table does not set itself; used by the DataHub catalog.
     *
     * @param defaults option key to value; only keys of the connection options are allowed
     */
    @Internal
    public static DataHubDynamicTableFactory withDefaults(Map<String, String> defaults) {
        Set<String> allowed = new LinkedHashSet<>();
        CONNECTION_OPTIONS.forEach(o -> allowed.add(o.key()));
        for (String key : defaults.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(
                        "Default '" + key + "' is not a connection option; allowed: " + allowed);
            }
        }
        return new DataHubDynamicTableFactory(defaults);
    }

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(ENDPOINT, PROJECT, TOPIC);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        options.add(ACCESS_KEY_ID);
        options.add(ACCESS_KEY_SECRET);
        options.add(SECURITY_TOKEN);
        options.add(PROTOCOL);
        options.add(COMPRESSION);
        options.add(RETRY_TIMEOUT);
        options.add(RETRY_INTERVAL);
        options.add(TIME_ZONE);
        options.add(SCAN_STARTUP_MODE);
        options.add(SCAN_STARTUP_TIMESTAMP_MILLIS);
        options.add(SCAN_STARTUP_TIMESTAMP);
        options.add(SCAN_STARTUP_SPECIFIC_SEQUENCES);
        options.add(SCAN_SUBSCRIPTION_ID);
        options.add(SCAN_STARTUP_SUBSCRIPTION_FALLBACK);
        options.add(SCAN_BOUNDED_MODE);
        options.add(SCAN_BOUNDED_TIMESTAMP_MILLIS);
        options.add(SCAN_BOUNDED_TIMESTAMP);
        options.add(SCAN_BOUNDED_SPECIFIC_SEQUENCES);
        options.add(SCAN_SHARD_DISCOVERY_INTERVAL);
        options.add(SCAN_RECORDS_PER_FETCH);
        options.add(SCAN_IDLE_FETCH_DELAY);
        options.add(SCAN_EXPIRED_POSITION);
        options.add(SCAN_LENGTH_CHECK);
        options.add(FactoryUtil.SOURCE_PARALLELISM);
        options.add(SINK_DELIVERY_GUARANTEE);
        options.add(SINK_PARTITIONER);
        options.add(SINK_HASH_FIELDS);
        options.add(SINK_BUFFER_FLUSH_MAX_ROWS);
        options.add(SINK_BUFFER_FLUSH_MAX_BYTES);
        options.add(SINK_BUFFER_FLUSH_INTERVAL);
        options.add(FactoryUtil.SINK_PARALLELISM);
        options.add(FactoryUtil.FORMAT);
        options.add(SHARD_COUNT);
        options.add(LIFECYCLE);
        options.addAll(IGNORED_COMMERCIAL_OPTIONS);
        return options;
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        try {
            return createSource(context);
        } catch (RuntimeException e) {
            if (!DeferredFactoryError.wouldLeak(context.getCatalogTable().getOptions())) {
                throw e;
            }
            return DeferredFactoryError.source(e, context.getObjectIdentifier().asSummaryString());
        }
    }

    private DynamicTableSource createSource(Context context) {
        Context ctx = withDefaults(context);
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, ctx);
        DecodingFormat<DeserializationSchema<RowData>> format =
                helper.discoverOptionalDecodingFormat(
                                DeserializationFormatFactory.class, FactoryUtil.FORMAT)
                        .orElse(null);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        warnIgnored(options);
        return new DataHubDynamicTableSource(
                ctx.getObjectIdentifier().asSummaryString(),
                DataHubConnectorOptionsUtil.connectionOptions(options),
                DataHubConnectorOptionsUtil.sourceOptions(options),
                ctx.getPhysicalRowDataType(),
                format);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        try {
            return createSink(context);
        } catch (RuntimeException e) {
            if (!DeferredFactoryError.wouldLeak(context.getCatalogTable().getOptions())) {
                throw e;
            }
            return DeferredFactoryError.sink(e, context.getObjectIdentifier().asSummaryString());
        }
    }

    private DynamicTableSink createSink(Context context) {
        Context ctx = withDefaults(context);
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, ctx);
        EncodingFormat<SerializationSchema<RowData>> format =
                helper.discoverOptionalEncodingFormat(
                                SerializationFormatFactory.class, FactoryUtil.FORMAT)
                        .orElse(null);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        warnIgnored(options);
        DataType physical = ctx.getPhysicalRowDataType();
        List<String> writableMetadata = new ArrayList<>();
        for (Column column : ctx.getCatalogTable().getResolvedSchema().getColumns()) {
            if (column instanceof Column.MetadataColumn m && !m.isVirtual()) {
                writableMetadata.add(m.getMetadataKey().orElse(m.getName()));
            }
        }
        return new DataHubDynamicTableSink(
                ctx.getObjectIdentifier().asSummaryString(),
                DataHubConnectorOptionsUtil.connectionOptions(options),
                DataHubConnectorOptionsUtil.sinkOptions(
                        options, DataType.getFieldNames(physical), writableMetadata),
                physical,
                format);
    }

    /** The context with the bound defaults under the table's own options. */
    private Context withDefaults(Context context) {
        if (defaults.isEmpty()) {
            return context;
        }
        ResolvedCatalogTable table = context.getCatalogTable();
        Map<String, String> own = table.getOptions();
        Map<String, String> merged = new HashMap<>();
        for (ConfigOption<?> option : CONNECTION_OPTIONS) {
            String value = defaults.get(option.key());
            if (value != null && !setsAnyKey(own, option)) {
                merged.put(option.key(), value);
            }
        }
        merged.putAll(own);
        return new FactoryUtil.DefaultDynamicTableContext(
                context.getObjectIdentifier(),
                table.copy(merged),
                context.getEnrichmentOptions(),
                context.getConfiguration(),
                context.getClassLoader(),
                context.isTemporary());
    }

    private static boolean setsAnyKey(Map<String, String> options, ConfigOption<?> option) {
        if (options.containsKey(option.key())) {
            return true;
        }
        for (FallbackKey key : option.fallbackKeys()) {
            if (options.containsKey(key.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static void warnIgnored(ReadableConfig options) {
        for (ConfigOption<String> option : IGNORED_COMMERCIAL_OPTIONS) {
            if (options.getOptional(option).isPresent()) {
                LOG.warn(
                        "Option '{}' of the commercial DataHub connector is accepted but has no"
                                + " effect here.",
                        option.key());
            }
        }
    }
}
