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

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.PutRecord;

import org.apache.flink.connector.base.DeliveryGuarantee;

import java.io.Serializable;
import java.time.Duration;

/** The validated settings of one sink, shared by its writers and committers. */
record SinkSettings(
        String project,
        String topic,
        DataHubClientFactory clientFactory,
        BodyProtocol protocol,
        DeliveryGuarantee deliveryGuarantee,
        ShardRouting routing,
        String fixedShardId,
        int maxBatchRecords,
        long maxBatchBytes,
        Duration maxLinger,
        int maxInFlightRequests,
        long maxStagedBytes,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff)
        implements Serializable {

    /**
     * The bytes a request's records may take by {@link
     * PutRecord#estimatedEncodedSize(BodyProtocol)}: {@code maxBatchBytes} less the request's own
     * framing (with BATCH also the batch header), so a request body never exceeds it.
     */
    long recordBytesPerRequest() {
        return maxBatchBytes - PutRecord.requestOverheadBytes(protocol);
    }

    String topicPath() {
        return project + "/" + topic;
    }

    Backoff backoff() {
        return new Backoff(maxRetries, initialBackoff, maxBackoff);
    }
}
