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

package io.github.flinkdatahub.connector.source.reader;

import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplitState;

import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.util.Collector;

/**
 * Deserializes a record into the split's own {@link SourceOutput} (so per-split watermarks work)
 * with the record's DataHub system time as timestamp, then advances the split state.
 */
public final class DataHubRecordEmitter<T>
        implements RecordEmitter<ReadRecord, T, DataHubShardSplitState> {

    private final DataHubRecordDeserializationSchema<T> deserializer;
    private final OutputCollector<T> collector = new OutputCollector<>();

    /** An emitter using this deserializer. */
    public DataHubRecordEmitter(DataHubRecordDeserializationSchema<T> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void emitRecord(ReadRecord record, SourceOutput<T> output, DataHubShardSplitState state)
            throws Exception {
        collector.output = output;
        collector.timestamp = record.systemTime();
        deserializer.deserialize(new DataHubRecord(state.split().topic(), record), collector);
        state.emitted(
                record.sequence(), record.batchIndex(), record.lastInBatch(), record.systemTime());
    }

    private static final class OutputCollector<T> implements Collector<T> {
        SourceOutput<T> output;
        long timestamp;

        @Override
        public void collect(T element) {
            output.collect(element, timestamp);
        }

        @Override
        public void close() {}
    }
}
