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

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The writer's metrics: FLIP-33 {@code numRecordsSend}, {@code numBytesSend}, {@code
 * numRecordsSendErrors}, {@code currentSendTime}, plus {@code retries}, {@code shardMapRefreshes}
 * and, for EXACTLY_ONCE, {@code stagedBytes}. Updated on the task thread only.
 */
final class WriterMetrics {

    private final Counter recordsSend;
    private final Counter bytesSend;
    private final Counter sendErrors;
    private final Counter retries;
    private final Counter refreshes;
    private volatile long currentSendTimeMillis;
    private volatile long stagedBytes;

    WriterMetrics(SinkWriterMetricGroup group) {
        this.recordsSend = group.getNumRecordsSendCounter();
        this.bytesSend = group.getNumBytesSendCounter();
        this.sendErrors = group.getNumRecordsSendErrorsCounter();
        this.retries = group.counter("retries");
        this.refreshes = group.counter("shardMapRefreshes");
        group.setCurrentSendTimeGauge(() -> currentSendTimeMillis);
        group.gauge("stagedBytes", () -> stagedBytes);
    }

    void sent(int records, long bytes, long sendTimeMillis) {
        recordsSend.inc(records);
        bytesSend.inc(bytes);
        currentSendTimeMillis = sendTimeMillis;
    }

    void failed(int records) {
        sendErrors.inc(records);
    }

    void retried() {
        retries.inc();
    }

    void refreshed() {
        refreshes.inc();
    }

    void stagedBytes(long bytes) {
        stagedBytes = bytes;
    }

    long recordsSend() {
        return recordsSend.getCount();
    }

    long sendErrors() {
        return sendErrors.getCount();
    }

    long retries() {
        return retries.getCount();
    }

    long refreshes() {
        return refreshes.getCount();
    }

    long stagedBytes() {
        return stagedBytes;
    }
}
