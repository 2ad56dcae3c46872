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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.source.deserializer.PojoDeserializationSchema;
import io.github.flinkdatahub.connector.source.deserializer.RowDataDeserializationSchema;
import io.github.flinkdatahub.connector.source.deserializer.RowDeserializationSchema;
import io.github.flinkdatahub.connector.source.deserializer.ValueOnlyDeserializationSchema;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.io.Serializable;

/**
 * Turns a {@link DataHubRecord} into zero or more elements of type {@code T}.
 *
 * <pre>{@code
 * DataHubRecordDeserializationSchema.valueOnly(new SimpleStringSchema()); // BLOB bytes
 * DataHubRecordDeserializationSchema.rowData(rowType);                    // TUPLE -> RowData
 * DataHubRecordDeserializationSchema.pojo(Order.class);                   // TUPLE -> POJO
 * }</pre>
 */
@PublicEvolving
public interface DataHubRecordDeserializationSchema<T>
        extends Serializable, ResultTypeQueryable<T> {

    /** Called once per reader before the first record. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {}

    /** Emits the elements of one record into {@code out} (none to skip it). */
    void deserialize(DataHubRecord record, Collector<T> out) throws IOException;

    /** Wraps a Flink {@link DeserializationSchema} over the bytes of BLOB records. */
    static <T> DataHubRecordDeserializationSchema<T> valueOnly(DeserializationSchema<T> schema) {
        return new ValueOnlyDeserializationSchema<>(schema);
    }

    /** TUPLE records as {@link RowData} of this row type, columns matched by name. */
    static DataHubRecordDeserializationSchema<RowData> rowData(RowType rowType) {
        return new RowDataDeserializationSchema(rowType);
    }

    /** TUPLE records as {@link Row}s of this type, fields matched by name. */
    static DataHubRecordDeserializationSchema<Row> row(RowTypeInfo typeInfo) {
        return new RowDeserializationSchema(typeInfo);
    }

    /** TUPLE records as POJOs, public fields or setters matched by name. */
    static <T> DataHubRecordDeserializationSchema<T> pojo(Class<T> type) {
        return new PojoDeserializationSchema<>(type);
    }
}
