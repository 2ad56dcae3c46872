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

import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorState;
import io.github.flinkdatahub.connector.source.enumerator.DataHubEnumeratorStateSerializer;
import io.github.flinkdatahub.connector.source.enumerator.DataHubSourceEnumerator;
import io.github.flinkdatahub.connector.source.reader.DataHubSourceReader;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplitSerializer;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source over the shards of one or more DataHub topics of a project. Splits are shards;
 * children of a split or merge are read only after all their parents; positions are checkpointed so
 * that a restored job continues exactly where it stopped.
 *
 * <pre>{@code
 * DataHubSource<String> source =
 *         DataHubSource.<String>builder()
 *                 .setClientConfig(DataHubClientConfig.builder()
 *                         .endpoint("https://dh-cn-hangzhou.aliyuncs.com")
 *                         .credentials(accessId, accessKey)
 *                         .build())
 *                 .setProject("my_project")
 *                 .setTopics("my_topic")
 *                 .setDeserializer(DataHubRecordDeserializationSchema.valueOnly(new SimpleStringSchema()))
 *                 .build();
 * env.fromSource(source, WatermarkStrategy.forMonotonousTimestamps(), "datahub");
 * }</pre>
 *
 * <p>The source itself builds no HTTP client: the enumerator and each reader get one from the
 * configured serializable {@link io.github.flinkdatahub.connector.client.DataHubClientFactory}.
 */
@PublicEvolving
public final class DataHubSource<T>
        implements Source<T, DataHubShardSplit, DataHubEnumeratorState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final DataHubSourceConfig config;
    private final DataHubRecordDeserializationSchema<T> deserializer;

    DataHubSource(DataHubSourceConfig config, DataHubRecordDeserializationSchema<T> deserializer) {
        this.config = config;
        this.deserializer = deserializer;
    }

    /** A builder; see the class example. */
    public static <T> DataHubSourceBuilder<T> builder() {
        return new DataHubSourceBuilder<>();
    }

    /** The validated settings (for tests and the table source). */
    public DataHubSourceConfig config() {
        return config;
    }

    @Override
    public Boundedness getBoundedness() {
        return config.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, DataHubShardSplit> createReader(SourceReaderContext readerContext)
            throws Exception {
        return DataHubSourceReader.create(config, deserializer, readerContext);
    }

    @Override
    public SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> createEnumerator(
            SplitEnumeratorContext<DataHubShardSplit> enumContext) {
        return new DataHubSourceEnumerator(enumContext, config, null);
    }

    @Override
    public SplitEnumerator<DataHubShardSplit, DataHubEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<DataHubShardSplit> enumContext,
            DataHubEnumeratorState checkpoint) {
        return new DataHubSourceEnumerator(enumContext, config, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<DataHubShardSplit> getSplitSerializer() {
        return DataHubShardSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<DataHubEnumeratorState> getEnumeratorCheckpointSerializer() {
        return DataHubEnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }
}
