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

import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.FieldType;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import java.util.List;

/**
 * The element of the sink unit tests: a unique id, a routing key and a payload, written to a TUPLE
 * topic of {@link #SCHEMA}.
 */
record Event(long id, String key, String payload) {

    static final RecordSchema SCHEMA =
            RecordSchema.of(
                    Field.notNull("id", FieldType.BIGINT),
                    Field.of("key", FieldType.STRING),
                    Field.of("payload", FieldType.STRING));

    static Event of(long id, String key) {
        return new Event(id, key, "p" + id);
    }

    static long idOf(ReadRecord r) {
        return ((TupleRecord) r.payload()).getLong(0);
    }

    static String keyOf(ReadRecord r) {
        return ((TupleRecord) r.payload()).getString(1);
    }

    static List<Long> ids(List<ReadRecord> records) {
        return records.stream().map(Event::idOf).toList();
    }

    /** Writes the key as partition key and (when it is hex) as hash key too. */
    static final class Serializer implements DataHubRecordSerializationSchema<Event> {
        private static final long serialVersionUID = 1L;
        private transient RecordSchema schema;

        @Override
        public void open(
                org.apache.flink.api.common.serialization.SerializationSchema.InitializationContext
                        context,
                DataHubSinkContext sink) {
            schema = sink.requireTupleSchema("Event.Serializer");
        }

        @Override
        public DataHubSinkRecord serialize(Event e) {
            DataHubSinkRecord r =
                    DataHubSinkRecord.of(TupleRecord.of(schema, e.id(), e.key(), e.payload()))
                            .withPartitionKey(e.key());
            return e.key() != null && e.key().matches("[0-9a-fA-F]{1,32}")
                    ? r.withHashKey(e.key())
                    : r;
        }
    }
}
