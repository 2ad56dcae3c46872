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

package io.github.flinkdatahub.connector.testutils;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

import java.util.Map;

/** Reads a job's counters from an {@link InMemoryReporter} that retains closed groups' metrics. */
public final class JobCounters {

    private JobCounters() {}

    /** The sum of a counter over every (also closed) metric group of the job. */
    public static long sum(InMemoryReporter reporter, JobID job, String counter) {
        long total = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> e :
                reporter.getMetricsByGroup().entrySet()) {
            if (job.toString().equals(e.getKey().getAllVariables().get("<job_id>"))
                    && e.getValue().get(counter) instanceof Counter c) {
                total += c.getCount();
            }
        }
        return total;
    }
}
