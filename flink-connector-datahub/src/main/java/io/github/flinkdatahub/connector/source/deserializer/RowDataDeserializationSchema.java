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

package io.github.flinkdatahub.connector.source.deserializer;

import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;

/** TUPLE records as {@link RowData}; see {@link TupleToRowDataConverter} for the mapping. */
@Internal
public final class RowDataDeserializationSchema
        implements DataHubRecordDeserializationSchema<RowData> {

    private static final long serialVersionUID = 1L;

    private final TupleToRowDataConverter converter;

    /** Rows of this type. */
    public RowDataDeserializationSchema(RowType rowType) {
        this.converter = new TupleToRowDataConverter(rowType);
    }

    @Override
    public void deserialize(DataHubRecord record, Collector<RowData> out) {
        out.collect(converter.convert(record.tuple()));
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(converter.rowType());
    }
}
