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

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.RecordType;

import org.apache.flink.api.common.serialization.SerializationSchema;

import java.util.Objects;

/** Wraps a Flink {@link SerializationSchema}: its bytes become one BLOB record each. */
final class BlobSerializationSchema<T> implements DataHubRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final SerializationSchema<T> inner;

    BlobSerializationSchema(SerializationSchema<T> inner) {
        this.inner = Objects.requireNonNull(inner, "serialization schema must not be null");
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, DataHubSinkContext sink)
            throws Exception {
        if (sink.recordType() != RecordType.BLOB) {
            throw new IllegalStateException(
                    "DataHubRecordSerializationSchema.blob(...) writes BLOB records but topic "
                            + sink.topicPath()
                            + " is a TUPLE topic; use rowData(...), pojo(...) or row() for it");
        }
        inner.open(context);
    }

    @Override
    public DataHubSinkRecord serialize(T element) {
        byte[] bytes = inner.serialize(element);
        if (bytes == null) {
            throw new IllegalArgumentException(
                    inner.getClass().getName() + " returned null for an element");
        }
        return DataHubSinkRecord.of(BlobRecord.of(bytes));
    }
}
