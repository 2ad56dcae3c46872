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

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobInfo;
import org.apache.flink.api.common.JobInfoImpl;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.TaskInfoImpl;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkWriterMetricGroup;
import org.apache.flink.streaming.runtime.tasks.StreamTaskActionExecutor;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.apache.flink.streaming.runtime.tasks.mailbox.MailboxExecutorImpl;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailboxImpl;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

import java.util.OptionalLong;

/**
 * A writer init context for unit tests: a real mailbox bound to the creating thread, a manual
 * processing-time service and real (unregistered) metric groups.
 */
final class TestWriterContext implements WriterInitContext {

    final TaskMailboxImpl mailbox = new TaskMailboxImpl(Thread.currentThread());
    final MailboxExecutorImpl executor =
            new MailboxExecutorImpl(mailbox, 0, StreamTaskActionExecutor.IMMEDIATE);
    final TestProcessingTimeService time = new TestProcessingTimeService();
    final InternalSinkWriterMetricGroup writerMetrics =
            InternalSinkWriterMetricGroup.wrap(
                    UnregisteredMetricsGroup.createOperatorMetricGroup());
    private final JobID jobId;
    private final int subtask;
    private final int attempt;
    private final Long restoredCheckpoint;

    TestWriterContext() {
        this(new JobID(), 0, 0, null);
    }

    TestWriterContext(JobID jobId, int subtask, int attempt, Long restoredCheckpoint) {
        this.jobId = jobId;
        this.subtask = subtask;
        this.attempt = attempt;
        this.restoredCheckpoint = restoredCheckpoint;
    }

    /** Runs every mail that is queued now (put completions), without blocking. */
    void drainMailbox() {
        while (executor.tryYield()) {
            // run the next mail
        }
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }

    @Override
    public MailboxExecutor getMailboxExecutor() {
        return executor;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return time;
    }

    @Override
    public SinkWriterMetricGroup metricGroup() {
        return writerMetrics;
    }

    @Override
    public SerializationSchema.InitializationContext asSerializationSchemaInitializationContext() {
        return new SerializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return writerMetrics;
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return TestWriterContext.this.getUserCodeClassLoader();
            }
        };
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return false;
    }

    @Override
    public <IN> TypeSerializer<IN> createInputSerializer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return restoredCheckpoint == null
                ? OptionalLong.empty()
                : OptionalLong.of(restoredCheckpoint);
    }

    @Override
    public JobInfo getJobInfo() {
        return new JobInfoImpl(jobId, "test-job");
    }

    @Override
    public TaskInfo getTaskInfo() {
        return new TaskInfoImpl("sink", 128, subtask, subtask + 1, attempt);
    }
}
