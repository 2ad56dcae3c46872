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

import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/** TUPLE records as named {@link Row}s; fields matched by name, TIMESTAMP as Instant etc. */
@Internal
public final class RowDeserializationSchema implements DataHubRecordDeserializationSchema<Row> {

    private static final long serialVersionUID = 1L;

    private final RowTypeInfo typeInfo;

    /** Rows of this type. */
    public RowDeserializationSchema(RowTypeInfo typeInfo) {
        this.typeInfo = typeInfo;
    }

    @Override
    public void deserialize(DataHubRecord record, Collector<Row> out) {
        TupleRecord tuple = record.tuple();
        String[] names = typeInfo.getFieldNames();
        Row row = Row.withNames();
        for (int i = 0; i < names.length; i++) {
            row.setField(
                    names[i],
                    JavaValues.get(tuple, names[i], typeInfo.getTypeAt(i).getTypeClass()));
        }
        out.collect(row);
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return typeInfo;
    }
}
