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

package io.github.flinkdatahub.examples.windows;

import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.sink.DataHubRecordSerializationSchema;
import io.github.flinkdatahub.connector.sink.DataHubSinkContext;
import io.github.flinkdatahub.connector.sink.DataHubSinkRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/** How the DataStream example turns DataHub records into orders and results into records. */
final class OrderCodecs {

    private OrderCodecs() {}

    /** A TUPLE record of {@link OrderTopics#ORDERS} as an {@link Order}. */
    static final class OrderDeserializer implements DataHubRecordDeserializationSchema<Order> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(DataHubRecord record, Collector<Order> out) {
            TupleRecord t = record.tuple();
            Long micros = (Long) t.get("event_time");
            out.collect(
                    new Order(
                            (Long) t.get("order_id"),
                            (String) t.get("customer"),
                            (Long) t.get("amount_cents"),
                            micros == null ? record.systemTime() : micros / 1000));
        }

        @Override
        public TypeInformation<Order> getProducedType() {
            return TypeInformation.of(Order.class);
        }
    }

    /**
     * A {@link WindowResult} as a TUPLE record of {@link OrderTopics#WINDOWS}, keyed by customer.
     */
    static final class WindowResultSerializer
            implements DataHubRecordSerializationSchema<WindowResult> {
        private static final long serialVersionUID = 1L;

        private transient RecordSchema schema;

        @Override
        public void open(
                SerializationSchema.InitializationContext context, DataHubSinkContext sink) {
            schema = sink.requireTupleSchema("WindowResultSerializer");
        }

        @Override
        public DataHubSinkRecord serialize(WindowResult r) {
            TupleRecord row =
                    TupleRecord.builder(schema)
                            .set("customer", r.customer)
                            .set("window_start", r.windowStartMillis * 1000)
                            .set("window_end", r.windowEndMillis * 1000)
                            .set("order_count", r.orderCount)
                            .set("total_cents", r.totalCents)
                            .build();
            return DataHubSinkRecord.of(row).withPartitionKey(r.customer);
        }
    }
}
