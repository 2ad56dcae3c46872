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

import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SQL scan's records to rows: the projected physical columns (a TUPLE record through {@link
 * TupleRowConverter}, a BLOB record through the table's format or as one BYTES column) followed by
 * the requested metadata columns.
 */
final class DataHubRowDataDeserializationSchema
        implements DataHubRecordDeserializationSchema<RowData> {

    private static final long serialVersionUID = 1L;

    private final RowType projectedRowType;
    private final List<DataHubMetadata> metadata;
    private final DeserializationSchema<RowData> blobFormat;
    private final boolean blob;
    private final int[] blobProjection;
    private final ZoneId zone;
    private final LengthCheck lengthCheck;
    private final TypeInformation<RowData> producedType;

    /** The converter of the last schema seen (records of one topic share one schema). */
    private transient RecordSchema convertedSchema;

    private transient TupleRowConverter converter;

    /** Getters of the projected columns in the decoded BLOB row. */
    private transient RowData.FieldGetter[] blobGetters;

    /**
     * @param projectedRowType the physical columns produced, in order
     * @param blobFormat the decoder of a BLOB topic's payload into all physical columns, or null (a
     *     TUPLE topic, or a BLOB topic read into one BYTES column)
     * @param blob whether the topic is a BLOB topic
     * @param blobProjection for a BLOB topic: the projected columns' indices in the row the format
     *     (or the one BYTES column) produces
     */
    DataHubRowDataDeserializationSchema(
            RowType projectedRowType,
            List<DataHubMetadata> metadata,
            DeserializationSchema<RowData> blobFormat,
            boolean blob,
            int[] blobProjection,
            ZoneId zone,
            LengthCheck lengthCheck,
            TypeInformation<RowData> producedType) {
        this.projectedRowType = Objects.requireNonNull(projectedRowType, "projectedRowType");
        this.metadata = List.copyOf(metadata);
        this.blobFormat = blobFormat;
        this.blob = blob;
        this.blobProjection = blobProjection.clone();
        this.zone = Objects.requireNonNull(zone, "zone");
        this.lengthCheck = Objects.requireNonNull(lengthCheck, "lengthCheck");
        this.producedType = Objects.requireNonNull(producedType, "producedType");
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        if (blobFormat != null) {
            blobFormat.open(context);
        }
        blobGetters = getters();
    }

    private RowData.FieldGetter[] getters() {
        RowData.FieldGetter[] getters = new RowData.FieldGetter[blobProjection.length];
        for (int i = 0; i < getters.length; i++) {
            getters[i] =
                    RowData.createFieldGetter(projectedRowType.getTypeAt(i), blobProjection[i]);
        }
        return getters;
    }

    @Override
    public void deserialize(DataHubRecord record, Collector<RowData> out) throws IOException {
        if (!blob) {
            RowData physical = tuple(record);
            if (physical != null) {
                out.collect(withMetadata(physical, record));
            }
        } else if (blobFormat == null) {
            GenericRowData bytes = new GenericRowData(1);
            bytes.setField(0, record.blob());
            out.collect(withMetadata(project(bytes), record));
        } else {
            // A format may emit no row (ignore-parse-errors) or several (none do today).
            blobFormat.deserialize(
                    record.blob(),
                    new Collector<>() {
                        @Override
                        public void collect(RowData physical) {
                            out.collect(withMetadata(project(physical), record));
                        }

                        @Override
                        public void close() {}
                    });
        }
    }

    /** The projected columns of a decoded BLOB row (a new row: emitted rows are not reused). */
    private RowData project(RowData decoded) {
        if (blobGetters == null) {
            blobGetters = getters();
        }
        GenericRowData row = new GenericRowData(decoded.getRowKind(), blobGetters.length);
        for (int i = 0; i < blobGetters.length; i++) {
            row.setField(i, blobGetters[i].getFieldOrNull(decoded));
        }
        return row;
    }

    private RowData tuple(DataHubRecord record) throws IOException {
        TupleRecord tuple = record.tuple();
        RecordSchema schema = tuple.schema();
        if (schema != convertedSchema && !schema.equals(convertedSchema)) {
            converter = new TupleRowConverter(schema, projectedRowType, zone);
            convertedSchema = schema;
        }
        int values = tuple.size();
        if (values != schema.size()) {
            switch (lengthCheck) {
                case SKIP:
                    return null;
                case EXCEPTION:
                    throw new IOException(
                            String.format(
                                    "Record %s/%s of topic %s has %d fields but the topic has %d"
                                            + " ('scan.length-check' = 'exception')",
                                    record.shardId(),
                                    record.sequence(),
                                    record.topic(),
                                    values,
                                    schema.size()));
                case NONE:
                    if (values < schema.size()) {
                        return null;
                    }
                    break;
                default:
                    break;
            }
        }
        return converter.toRowData(tuple);
    }

    private RowData withMetadata(RowData physical, DataHubRecord record) {
        if (metadata.isEmpty()) {
            return physical;
        }
        int physicalArity = physical.getArity();
        GenericRowData row =
                new GenericRowData(physical.getRowKind(), physicalArity + metadata.size());
        for (int i = 0; i < physicalArity; i++) {
            row.setField(i, field(physical, i));
        }
        for (int i = 0; i < metadata.size(); i++) {
            row.setField(physicalArity + i, metadataValue(metadata.get(i), record));
        }
        return row;
    }

    private Object field(RowData physical, int i) {
        if (physical instanceof GenericRowData generic) {
            return generic.getField(i);
        }
        return RowData.createFieldGetter(projectedRowType.getTypeAt(i), i).getFieldOrNull(physical);
    }

    static Object metadataValue(DataHubMetadata key, DataHubRecord record) {
        switch (key) {
            case SHARD_ID:
                return Long.parseLong(record.shardId());
            case SEQUENCE:
                return StringData.fromString(Long.toString(record.sequence()));
            case SYSTEM_TIME:
                return TimestampData.fromEpochMillis(record.systemTime());
            case ATTRIBUTES:
                Map<StringData, StringData> map = new HashMap<>();
                record.attributes()
                        .forEach(
                                (k, v) ->
                                        map.put(
                                                StringData.fromString(k),
                                                v == null ? null : StringData.fromString(v)));
                return new GenericMapData(map);
            default:
                throw new IllegalStateException("Metadata '" + key.key() + "' is not readable");
        }
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}
