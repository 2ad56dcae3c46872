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

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.connector.sink.abilities.SupportsWritingMetadata;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The write side of a DataHub table: holds the parsed options, the physical row type, the metadata
 * keys written and the encoding format of a BLOB topic. Insert-only: DataHub topics are append-only
 * logs.
 */
public class DataHubDynamicTableSink implements DynamicTableSink, SupportsWritingMetadata {

    private final String tableName;
    private final ConnectionOptions connection;
    private final SinkOptions options;
    private final DataType physicalDataType;
    private final EncodingFormat<SerializationSchema<RowData>> format;

    /** Metadata keys that follow the physical columns in consumed rows. */
    private List<String> metadataKeys = List.of();

    /** Physical columns followed by metadata columns. */
    private DataType consumedDataType;

    /**
     * @param format the payload format of a BLOB topic, or null for a TUPLE topic (or a BLOB topic
     *     written from one BYTES column)
     */
    public DataHubDynamicTableSink(
            String tableName,
            ConnectionOptions connection,
            SinkOptions options,
            DataType physicalDataType,
            EncodingFormat<SerializationSchema<RowData>> format) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.options = Objects.requireNonNull(options, "options");
        this.physicalDataType = Objects.requireNonNull(physicalDataType, "physicalDataType");
        this.format = format;
        this.consumedDataType = physicalDataType;
    }

    /**
     * Accepts insert-only input and refuses any other with a planning error.
     *
     * @throws ValidationException when the query produces updates or deletes
     */
    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        List<RowKind> refused = new ArrayList<>();
        for (RowKind kind : requestedMode.getContainedKinds()) {
            if (kind != RowKind.INSERT) {
                refused.add(kind);
            }
        }
        if (!refused.isEmpty()) {
            throw new ValidationException(
                    String.format(
                            "The DataHub sink is insert-only, but the query writing table %s"
                                    + " produces %s rows. DataHub topics are append-only logs;"
                                    + " write an insert-only query (for example a windowed"
                                    + " aggregation instead of a plain GROUP BY) or use a sink"
                                    + " that supports updates.",
                            tableName, refused));
        }
        return ChangelogMode.insertOnly();
    }

    /**
     * Checks the table against its topic and builds the DataHub sink.
     *
     * @throws ValidationException when the columns do not match
     */
    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        RowType physical = (RowType) physicalDataType.getLogicalType();
        TopicCheck.describeAndValidate(
                tableName, connection, physical, format != null, DataHubTypeMapping.Access.SINK);
        SerializationSchema<RowData> encoder =
                format == null ? null : format.createRuntimeEncoder(context, physicalDataType);
        int[] hashFields = new int[options.hashFields().size()];
        for (int i = 0; i < hashFields.length; i++) {
            hashFields[i] = columnIndex(physical, options.hashFields().get(i));
        }
        DataHubRowDataSerializationSchema serializer =
                new DataHubRowDataSerializationSchema(
                        physical,
                        metadataKeys,
                        encoder,
                        options.timeZone(),
                        options.partitioner(),
                        hashFields,
                        connection.clientFactory());
        return SinkV2Provider.of(
                RuntimeWiring.sink(connection, options, serializer), options.parallelism());
    }

    private int columnIndex(RowType physical, String name) {
        List<String> names = physical.getFieldNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        throw new ValidationException(
                String.format(
                        "Table %s: sink.hash-fields names '%s', which is not a physical column of"
                                + " %s",
                        tableName, name, names));
    }

    @Override
    public Map<String, DataType> listWritableMetadata() {
        return DataHubMetadata.writableMetadata();
    }

    @Override
    public void applyWritableMetadata(List<String> keys, DataType consumedDataType) {
        for (String key : keys) {
            if (DataHubMetadata.ofKey(key).filter(DataHubMetadata::writable).isEmpty()) {
                throw new IllegalArgumentException(
                        "Unknown writable metadata key '"
                                + key
                                + "'; allowed: "
                                + DataHubMetadata.writableMetadata().keySet());
            }
        }
        this.metadataKeys = List.copyOf(keys);
        this.consumedDataType = consumedDataType;
    }

    @Override
    public DynamicTableSink copy() {
        DataHubDynamicTableSink copy =
                new DataHubDynamicTableSink(
                        tableName, connection, options, physicalDataType, format);
        copy.metadataKeys = metadataKeys;
        copy.consumedDataType = consumedDataType;
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

    /** The parsed sink options. */
    public SinkOptions options() {
        return options;
    }

    /** The declared physical row type. */
    public DataType physicalDataType() {
        return physicalDataType;
    }

    /** The BLOB payload format, or null. */
    public EncodingFormat<SerializationSchema<RowData>> format() {
        return format;
    }

    /** The written metadata keys, after the physical columns. */
    public List<String> metadataKeys() {
        return metadataKeys;
    }

    /** The consumed row type. */
    public DataType consumedDataType() {
        return consumedDataType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataHubDynamicTableSink that
                && tableName.equals(that.tableName)
                && connection.equals(that.connection)
                && options.equals(that.options)
                && physicalDataType.equals(that.physicalDataType)
                && Objects.equals(format, that.format)
                && metadataKeys.equals(that.metadataKeys)
                && consumedDataType.equals(that.consumedDataType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableName, connection, options, physicalDataType, metadataKeys);
    }

    @Override
    public String toString() {
        return "DataHubDynamicTableSink[table="
                + tableName
                + ", connection="
                + connection
                + ", options="
                + options
                + ", consumed="
                + consumedDataType
                + "]";
    }
}
