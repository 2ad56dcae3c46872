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

package io.github.flinkdatahub.connector.sink;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;

import java.io.Serializable;

/**
 * Turns a stream element into a {@link DataHubSinkRecord}: tuple values for the topic's schema or
 * blob bytes, plus optional attributes and an optional routing key.
 *
 * <p>Ready-made ones: {@link #rowData(RowType)} for Flink {@code RowData}, {@link #pojo(Class)} and
 * {@link #row()} by field name, and {@link #blob(SerializationSchema)} around any Flink {@link
 * SerializationSchema}.
 *
 * <pre>{@code
 * DataHubRecordSerializationSchema<Order> s = (order) -> {
 *     // built against the schema the writer fetched in open(...)
 *     return DataHubSinkRecord.of(TupleRecord.of(schema, order.id(), order.amount()))
 *             .withPartitionKey(order.customer());
 * };
 * }</pre>
 *
 * @param <T> the element type
 */
@PublicEvolving
@FunctionalInterface
public interface DataHubRecordSerializationSchema<T> extends Serializable {

    /**
     * Called once per writer before the first {@link #serialize}, with the topic's record type and
     * schema; fail here (naming the field) when the element type does not fit the topic.
     */
    default void open(SerializationSchema.InitializationContext context, DataHubSinkContext sink)
            throws Exception {}

    /**
     * The record for one element. Throw an exception naming the field for a value that does not
     * fit; the sink fails the job with it rather than drop the element.
     */
    DataHubSinkRecord serialize(T element);

    /** Flink {@code RowData} of the row type onto a TUPLE topic, columns matched by name. */
    static RowDataSerializationSchema rowData(RowType rowType) {
        return RowDataSerializationSchema.builder(rowType).build();
    }

    /** A POJO onto a TUPLE topic: public fields or getters matched to topic fields by name. */
    static <T> DataHubRecordSerializationSchema<T> pojo(Class<T> type) {
        return FieldNameSerializationSchema.forPojo(type);
    }

    /** A {@link Row} with named fields onto a TUPLE topic, matched by name. */
    static DataHubRecordSerializationSchema<Row> row() {
        return FieldNameSerializationSchema.forRow();
    }

    /** Any Flink {@link SerializationSchema} as the bytes of a BLOB topic's records. */
    static <T> DataHubRecordSerializationSchema<T> blob(SerializationSchema<T> schema) {
        return new BlobSerializationSchema<>(schema);
    }
}
