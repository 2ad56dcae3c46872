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

import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.source.DataHubSource;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.Projection;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsReadingMetadata;
import org.apache.flink.table.connector.source.abilities.SupportsWatermarkPushDown;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The scan side of a DataHub table: holds the parsed options, the physical row type, the pushed
 * projection, metadata keys and watermark strategy, and the decoding format of a BLOB topic.
 */
public class DataHubDynamicTableSource
        implements ScanTableSource,
                SupportsReadingMetadata,
                SupportsProjectionPushDown,
                SupportsWatermarkPushDown {

    private final String tableName;
    private final ConnectionOptions connection;
    private final SourceOptions options;
    private final DataType physicalDataType;
    private final DecodingFormat<DeserializationSchema<RowData>> format;

    /** Indices of the physical columns produced, in produced order. */
    private int[] projectedFields;

    /** Metadata keys appended after the physical columns, in produced order. */
    private List<String> metadataKeys = List.of();

    /** Physical columns (projected) followed by metadata columns. */
    private DataType producedDataType;

    private WatermarkStrategy<RowData> watermarkStrategy;

    /**
     * @param format the payload format of a BLOB topic, or null for a TUPLE topic (or a BLOB topic
     *     read into one BYTES column)
     */
    public DataHubDynamicTableSource(
            String tableName,
            ConnectionOptions connection,
            SourceOptions options,
            DataType physicalDataType,
            DecodingFormat<DeserializationSchema<RowData>> format) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.options = Objects.requireNonNull(options, "options");
        this.physicalDataType = Objects.requireNonNull(physicalDataType, "physicalDataType");
        this.format = format;
        this.projectedFields =
                IntStream.range(0, DataType.getFieldCount(physicalDataType)).toArray();
        this.producedDataType = physicalDataType;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    /**
     * Checks the table against its topic and builds the DataHub source: a {@link
     * DataStreamScanProvider} so that a pushed-down watermark strategy reaches {@code fromSource}
     * (the planner's {@code SourceProvider} path would drop it).
     *
     * @throws org.apache.flink.table.api.ValidationException when the columns do not match
     */
    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        RowType physical = (RowType) physicalDataType.getLogicalType();
        TopicInfo topic =
                TopicCheck.describeAndValidate(
                        tableName,
                        connection,
                        physical,
                        format != null,
                        DataHubTypeMapping.Access.SOURCE);
        RowType projected = (RowType) Projection.of(projectedFields).project(physical);
        DeserializationSchema<RowData> decoder =
                format == null ? null : format.createRuntimeDecoder(context, physicalDataType);
        List<DataHubMetadata> metadata = new ArrayList<>();
        for (String key : metadataKeys) {
            metadata.add(DataHubMetadata.ofKey(key).orElseThrow());
        }
        DataHubRowDataDeserializationSchema deserializer =
                new DataHubRowDataDeserializationSchema(
                        projected,
                        metadata,
                        decoder,
                        topic.recordType() == RecordType.BLOB,
                        projectedFields,
                        options.timeZone(),
                        options.lengthCheck(),
                        context.createTypeInformation(producedDataType));
        DataHubSource<RowData> source = RuntimeWiring.source(connection, options, deserializer);
        WatermarkStrategy<RowData> watermarks =
                watermarkStrategy == null ? WatermarkStrategy.noWatermarks() : watermarkStrategy;
        String name = "DataHubSource-" + connection.project() + "." + connection.topic();
        Integer parallelism = options.parallelism();
        boolean bounded = options.isBounded();
        return new DataStreamScanProvider() {
            @Override
            public DataStream<RowData> produceDataStream(
                    ProviderContext providerContext, StreamExecutionEnvironment env) {
                DataStreamSource<RowData> stream = env.fromSource(source, watermarks, name);
                providerContext.generateUid("datahub-source").ifPresent(stream::uid);
                return stream;
            }

            @Override
            public boolean isBounded() {
                return bounded;
            }

            @Override
            public Optional<Integer> getParallelism() {
                return Optional.ofNullable(parallelism);
            }
        };
    }

    @Override
    public Map<String, DataType> listReadableMetadata() {
        return DataHubMetadata.readableMetadata();
    }

    @Override
    public void applyReadableMetadata(List<String> keys, DataType producedDataType) {
        for (String key : keys) {
            if (DataHubMetadata.ofKey(key).filter(DataHubMetadata::readable).isEmpty()) {
                // The planner checks this already; the message helps direct API users.
                throw new IllegalArgumentException(
                        "Unknown readable metadata key '"
                                + key
                                + "'; allowed: "
                                + DataHubMetadata.readableMetadata().keySet());
            }
        }
        this.metadataKeys = List.copyOf(keys);
        this.producedDataType = producedDataType;
    }

    @Override
    public boolean supportsNestedProjection() {
        return false;
    }

    @Override
    public void applyProjection(int[][] projected, DataType producedDataType) {
        int[] fields = new int[projected.length];
        for (int i = 0; i < projected.length; i++) {
            if (projected[i].length != 1) {
                throw new IllegalArgumentException("Nested projection is not supported");
            }
            fields[i] = projected[i][0];
        }
        this.projectedFields = fields;
        this.producedDataType = producedDataType;
    }

    @Override
    public void applyWatermark(WatermarkStrategy<RowData> watermarkStrategy) {
        this.watermarkStrategy = watermarkStrategy;
    }

    @Override
    public DynamicTableSource copy() {
        DataHubDynamicTableSource copy =
                new DataHubDynamicTableSource(
                        tableName, connection, options, physicalDataType, format);
        copy.projectedFields = projectedFields.clone();
        copy.metadataKeys = metadataKeys;
        copy.producedDataType = producedDataType;
        copy.watermarkStrategy = watermarkStrategy;
        return copy;
    }

    @Override
    public String asSummaryString() {
        // Shown in plans and the web UI: never the options, which hold credentials.
        return "DataHub(" + connection.project() + "." + connection.topic() + ")";
    }

    /** The connection (its toString() redacts the secret). */
    public ConnectionOptions connection() {
        return connection;
    }

    /** The parsed scan options. */
    public SourceOptions options() {
        return options;
    }

    /** The declared physical row type. */
    public DataType physicalDataType() {
        return physicalDataType;
    }

    /** The BLOB payload format, or null. */
    public DecodingFormat<DeserializationSchema<RowData>> format() {
        return format;
    }

    /** Indices of the produced physical columns. */
    public int[] projectedFields() {
        return projectedFields.clone();
    }

    /** The produced metadata keys, after the physical columns. */
    public List<String> metadataKeys() {
        return metadataKeys;
    }

    /** The produced row type. */
    public DataType producedDataType() {
        return producedDataType;
    }

    /** The pushed-down watermark strategy, or null. */
    public WatermarkStrategy<RowData> watermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataHubDynamicTableSource that
                && tableName.equals(that.tableName)
                && connection.equals(that.connection)
                && options.equals(that.options)
                && physicalDataType.equals(that.physicalDataType)
                && Objects.equals(format, that.format)
                && Arrays.equals(projectedFields, that.projectedFields)
                && metadataKeys.equals(that.metadataKeys)
                && producedDataType.equals(that.producedDataType)
                && Objects.equals(watermarkStrategy, that.watermarkStrategy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableName, connection, options, physicalDataType, metadataKeys);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("table=" + tableName);
        parts.add("connection=" + connection);
        parts.add("options=" + options);
        parts.add("produced=" + producedDataType);
        return "DataHubDynamicTableSource" + parts;
    }
}
