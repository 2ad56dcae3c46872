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
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkCommitterMetricGroup;

import java.util.OptionalLong;

/** A committer init context for unit tests: job, attempt and restored checkpoint as given. */
final class TestCommitterContext implements CommitterInitContext {

    private final SinkCommitterMetricGroup metrics =
            InternalSinkCommitterMetricGroup.wrap(
                    UnregisteredMetricsGroup.createOperatorMetricGroup());
    private final JobID jobId;
    private final int attempt;
    private final Long restoredCheckpoint;

    TestCommitterContext(JobID jobId, int attempt, Long restoredCheckpoint) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.restoredCheckpoint = restoredCheckpoint;
    }

    @Override
    public SinkCommitterMetricGroup metricGroup() {
        return metrics;
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
        return new TaskInfoImpl("sink", 128, 0, 1, attempt);
    }
}
