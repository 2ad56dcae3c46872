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

import io.github.flinkdatahub.connector.client.DataHubClient;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.io.IOException;
import java.util.Collection;

/**
 * A Flink sink that writes to a DataHub topic with NONE, AT_LEAST_ONCE (default) or EXACTLY_ONCE
 * delivery.
 *
 * <pre>{@code
 * DataHubSink<String> sink = DataHubSink.<String>builder()
 *         .setClientConfig(DataHubClientConfig.builder()
 *                 .endpoint("https://dh-cn-hangzhou.aliyuncs.com")
 *                 .credentials(accessId, accessKey)
 *                 .compression(CompressionType.LZ4)
 *                 .build())
 *         .setProject("my_project")
 *         .setTopic("my_blob_topic")
 *         .setSerializer(DataHubRecordSerializationSchema.blob(new SimpleStringSchema()))
 *         .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 *
 * <p>NONE and AT_LEAST_ONCE send from the writer; EXACTLY_ONCE stages each checkpoint's records in
 * the writer and publishes them from the committer, idempotently ({@code docs/sink.md}).
 *
 * @param <T> the element type
 */
@PublicEvolving
public final class DataHubSink<T>
        implements Sink<T>,
                SupportsCommitter<DataHubCommittable>,
                SupportsPreCommitTopology<DataHubCommittable, DataHubCommittable> {

    private static final long serialVersionUID = 1L;

    private final SinkSettings settings;
    private final DataHubRecordSerializationSchema<T> serializer;

    DataHubSink(SinkSettings settings, DataHubRecordSerializationSchema<T> serializer) {
        this.settings = settings;
        this.serializer = serializer;
    }

    /** Starts a builder. */
    public static <T> DataHubSinkBuilder<T> builder() {
        return new DataHubSinkBuilder<>();
    }

    /** The delivery guarantee the sink was built with. */
    public DeliveryGuarantee getDeliveryGuarantee() {
        return settings.deliveryGuarantee();
    }

    @Override
    public CommittingSinkWriter<T, DataHubCommittable> createWriter(WriterInitContext context)
            throws IOException {
        DataHubClient client = settings.clientFactory().create();
        try {
            RecordPreparer<T> preparer = new RecordPreparer<>(settings, serializer, client);
            preparer.open(context.asSerializationSchemaInitializationContext());
            WriterMetrics metrics = new WriterMetrics(context.metricGroup());
            if (settings.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
                return new DataHubStagingWriter<>(
                        settings,
                        client,
                        preparer,
                        metrics,
                        context.getJobInfo().getJobId().toHexString(),
                        context.getTaskInfo().getIndexOfThisSubtask(),
                        context.getTaskInfo().getAttemptNumber());
            }
            return new DataHubWriter<>(
                    settings,
                    client,
                    preparer,
                    context.getMailboxExecutor(),
                    context.getProcessingTimeService(),
                    metrics);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client, e);
            throw e;
        }
    }

    @Override
    public Committer<DataHubCommittable> createCommitter(CommitterInitContext context) {
        if (settings.deliveryGuarantee() != DeliveryGuarantee.EXACTLY_ONCE) {
            // NONE and AT_LEAST_ONCE writers emit no committables: no client needed.
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<DataHubCommittable>> requests) {}

                @Override
                public void close() {}
            };
        }
        return new DataHubCommitter(
                settings,
                settings.clientFactory().create(),
                context.metricGroup(),
                context.getRestoredCheckpointId().isPresent(),
                context.getJobInfo().getJobId().toHexString(),
                context.getTaskInfo().getAttemptNumber());
    }

    @Override
    public SimpleVersionedSerializer<DataHubCommittable> getCommittableSerializer() {
        return new DataHubCommittableSerializer();
    }

    /**
     * EXACTLY_ONCE in streaming mode: a pass-through operator that starts a new chain, so that the
     * committer runs in its own task and publishes a checkpoint's records while the writer's task
     * goes on reading and staging the next ones (chained, the task would stop for every commit).
     * Otherwise (and in BATCH or AUTOMATIC mode, where the writer and committer could become
     * separate failover regions) the committables go to the committer unchanged.
     */
    @Override
    public DataStream<CommittableMessage<DataHubCommittable>> addPreCommitTopology(
            DataStream<CommittableMessage<DataHubCommittable>> committables) {
        boolean streaming =
                committables
                                .getExecutionEnvironment()
                                .getConfiguration()
                                .get(ExecutionOptions.RUNTIME_MODE)
                        == RuntimeExecutionMode.STREAMING;
        if (settings.deliveryGuarantee() != DeliveryGuarantee.EXACTLY_ONCE || !streaming) {
            return committables;
        }
        return committables
                .map(
                        new HandOver(),
                        CommittableMessageTypeInfo.of(DataHubCommittableSerializer::new))
                .name("DataHub Committable Hand-over")
                .startNewChain();
    }

    @Override
    public SimpleVersionedSerializer<DataHubCommittable> getWriteResultSerializer() {
        return new DataHubCommittableSerializer();
    }

    /** Passes committables on unchanged; it only separates the committer's task. */
    private static final class HandOver
            implements MapFunction<
                    CommittableMessage<DataHubCommittable>,
                    CommittableMessage<DataHubCommittable>> {
        private static final long serialVersionUID = 1L;

        @Override
        public CommittableMessage<DataHubCommittable> map(
                CommittableMessage<DataHubCommittable> message) {
            return message;
        }
    }

    SinkSettings settings() {
        return settings;
    }

    private static void closeQuietly(DataHubClient client, Exception failure) {
        try {
            client.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
