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

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.connector.sink.DataHubRecordSerializationSchema;
import io.github.flinkdatahub.connector.sink.DataHubSinkContext;
import io.github.flinkdatahub.connector.sink.DataHubSinkRecord;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.utils.ProjectedRowData;
import org.apache.flink.table.types.logical.RowType;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The SQL sink's rows to records: the physical columns (onto a TUPLE topic through {@link
 * TupleRowConverter}, onto a BLOB topic through the table's format or from one BYTES column), the
 * {@code attributes} metadata column, and the routing key the partitioner asks for.
 */
final class DataHubRowDataSerializationSchema implements DataHubRecordSerializationSchema<RowData> {

    private static final long serialVersionUID = 1L;

    /** Spreads the writers of one JVM over the shards for partitioner 'fixed'. */
    private static final AtomicInteger FIXED_WRITERS = new AtomicInteger();

    /** Separates the hash fields' values in the partition key of partitioner 'hash'. */
    private static final String HASH_FIELD_SEPARATOR = "\u0001";

    private final RowType physicalRowType;
    private final SerializationSchema<RowData> blobFormat;
    private final java.time.ZoneId zone;
    private final SinkPartitioner partitioner;
    private final int[] hashFields;
    private final RowData.FieldGetter[] hashFieldGetters;
    private final int attributesPos;
    private final int partitionKeyPos;
    private final int hashKeyPos;
    private final DataHubClientFactory shardLister;

    private transient TupleRowConverter converter;
    private transient ProjectedRowData physicalView;
    private transient boolean blob;
    private transient String fixedHashKey;

    /**
     * @param metadataKeys the metadata columns after the physical ones, in consumed order
     * @param hashFields indices of the physical hash columns (partitioner 'hash')
     * @param shardLister lists the shards for partitioner 'fixed'
     */
    DataHubRowDataSerializationSchema(
            RowType physicalRowType,
            List<String> metadataKeys,
            SerializationSchema<RowData> blobFormat,
            java.time.ZoneId zone,
            SinkPartitioner partitioner,
            int[] hashFields,
            DataHubClientFactory shardLister) {
        this.physicalRowType = Objects.requireNonNull(physicalRowType, "physicalRowType");
        this.blobFormat = blobFormat;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
        this.hashFields = hashFields.clone();
        this.hashFieldGetters = new RowData.FieldGetter[hashFields.length];
        for (int i = 0; i < hashFields.length; i++) {
            hashFieldGetters[i] =
                    RowData.createFieldGetter(
                            physicalRowType.getTypeAt(hashFields[i]), hashFields[i]);
        }
        int physical = physicalRowType.getFieldCount();
        this.attributesPos = position(metadataKeys, DataHubMetadata.ATTRIBUTES, physical);
        this.partitionKeyPos = position(metadataKeys, DataHubMetadata.PARTITION_KEY, physical);
        this.hashKeyPos = position(metadataKeys, DataHubMetadata.HASH_KEY, physical);
        this.shardLister = shardLister;
    }

    private static int position(List<String> keys, DataHubMetadata key, int physical) {
        int i = keys.indexOf(key.key());
        return i < 0 ? -1 : physical + i;
    }

    /** Whether records carry a hash key (a 'hash-key' column with the default partitioner). */
    boolean routesByHashKey() {
        return partitioner == SinkPartitioner.FIXED
                || (partitioner == SinkPartitioner.ROUND_ROBIN && hashKeyPos >= 0);
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, DataHubSinkContext sink)
            throws Exception {
        blob = sink.recordType() == io.github.flinkdatahub.connector.client.RecordType.BLOB;
        if (!blob) {
            converter =
                    new TupleRowConverter(
                            sink.requireTupleSchema("The SQL sink"), physicalRowType, zone);
        } else if (blobFormat != null) {
            blobFormat.open(context);
        }
        physicalView =
                ProjectedRowData.from(
                        IntStream.range(0, physicalRowType.getFieldCount()).toArray());
        if (partitioner == SinkPartitioner.FIXED) {
            fixedHashKey = fixedShardHashKey(sink);
        }
    }

    /** The first hash key of one ACTIVE shard; the writers of this JVM take the shards in turn. */
    private String fixedShardHashKey(DataHubSinkContext sink) {
        List<ShardInfo> active;
        try (DataHubClient client = shardLister.create()) {
            active =
                    client.listShards(sink.project(), sink.topic()).stream()
                            .filter(s -> s.state() == ShardState.ACTIVE)
                            .sorted(Comparator.comparing(ShardInfo::hashKeyRange))
                            .toList();
        }
        if (active.isEmpty()) {
            throw new IllegalStateException(
                    "sink.partitioner = 'fixed': topic "
                            + sink.topicPath()
                            + " has no ACTIVE shard");
        }
        int index = Math.floorMod(FIXED_WRITERS.getAndIncrement(), active.size());
        return active.get(index).beginHashKey();
    }

    @Override
    public DataHubSinkRecord serialize(RowData row) {
        DataHubSinkRecord record;
        if (!blob) {
            // Physical columns come first in the consumed row; the converter reads only those.
            record = DataHubSinkRecord.of(converter.toTuple(row));
        } else if (blobFormat == null) {
            record = DataHubSinkRecord.of(BlobRecord.of(row.getBinary(0)));
        } else {
            record =
                    DataHubSinkRecord.of(
                            BlobRecord.of(blobFormat.serialize(physicalView.replaceRow(row))));
        }
        if (attributesPos >= 0 && !row.isNullAt(attributesPos)) {
            record = record.withAttributes(attributes(row.getMap(attributesPos)));
        }
        switch (partitioner) {
            case PARTITION_KEY:
                return record.withPartitionKey(
                        requireKey(row, partitionKeyPos, DataHubMetadata.PARTITION_KEY));
            case HASH:
                return record.withPartitionKey(hashFieldsKey(row));
            case FIXED:
                return record.withHashKey(fixedHashKey);
            default:
                if (hashKeyPos >= 0) {
                    return record.withHashKey(
                            requireKey(row, hashKeyPos, DataHubMetadata.HASH_KEY));
                }
                if (partitionKeyPos >= 0 && !row.isNullAt(partitionKeyPos)) {
                    // Carried along; round-robin routing does not use it.
                    return record.withPartitionKey(row.getString(partitionKeyPos).toString());
                }
                return record;
        }
    }

    private static String requireKey(RowData row, int pos, DataHubMetadata key) {
        if (row.isNullAt(pos)) {
            throw new IllegalArgumentException(
                    "The '"
                            + key.key()
                            + "' metadata column is NULL; the sink routes every row by it, so it"
                            + " must have a value");
        }
        return row.getString(pos).toString();
    }

    private String hashFieldsKey(RowData row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < hashFields.length; i++) {
            if (i > 0) {
                key.append(HASH_FIELD_SEPARATOR);
            }
            Object value = hashFieldGetters[i].getFieldOrNull(row);
            if (value instanceof byte[] bytes) {
                key.append(java.util.Base64.getEncoder().encodeToString(bytes));
            } else {
                key.append(value == null ? "\u0000" : value.toString());
            }
        }
        return key.toString();
    }

    private static Map<String, String> attributes(MapData map) {
        ArrayData keys = map.keyArray();
        ArrayData values = map.valueArray();
        Map<String, String> result = new HashMap<>();
        for (int i = 0; i < map.size(); i++) {
            StringData value = values.isNullAt(i) ? null : values.getString(i);
            if (value == null) {
                // DataHub attributes have string values; a NULL one is left out.
                continue;
            }
            result.put(keys.getString(i).toString(), value.toString());
        }
        return result;
    }
}
