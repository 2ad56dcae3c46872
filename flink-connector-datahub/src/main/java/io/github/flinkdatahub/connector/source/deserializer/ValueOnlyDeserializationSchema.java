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
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.io.IOException;

/** Applies a Flink {@link DeserializationSchema} to the bytes of BLOB records. */
@Internal
public final class ValueOnlyDeserializationSchema<T>
        implements DataHubRecordDeserializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<T> inner;

    /** Wraps the schema. */
    public ValueOnlyDeserializationSchema(DeserializationSchema<T> inner) {
        this.inner = inner;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        inner.open(context);
    }

    @Override
    public void deserialize(DataHubRecord record, Collector<T> out) throws IOException {
        inner.deserialize(record.blob(), out);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return inner.getProducedType();
    }
}
