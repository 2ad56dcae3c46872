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

package io.github.flinkdatahub.connector.client;

/**
 * A committed (or to-be-committed) position of a subscription in one shard.
 *
 * <p>{@code sequence} is the last record already processed; readers resume at {@code sequence + 1}.
 * A never-committed shard reads back as sequence -1, timestamp -1.
 *
 * @param sequence last processed sequence, -1 when nothing was committed
 * @param timestamp system time (ms) of that record, -1 when nothing was committed
 * @param version offset version; a reset increments it and invalidates commits with the old one
 * @param sessionId the offset session the commit belongs to, null when the service did not send one
 * @param batchIndex index inside a batch (batch protocol only), else 0
 */
public record SubscriptionOffset(
        long sequence, long timestamp, long version, Long sessionId, int batchIndex) {

    /** The position to store on reset (no session, version chosen by the service). */
    public static SubscriptionOffset forReset(long sequence, long timestamp) {
        return new SubscriptionOffset(sequence, timestamp, 0, null, 0);
    }

    /** The same session and version with a new position (batch index 0), as needed for commit. */
    public SubscriptionOffset withPosition(long newSequence, long newTimestamp) {
        return withPosition(newSequence, newTimestamp, 0);
    }

    /**
     * The same session and version with a new position: the last processed record is the one at
     * {@code newBatchIndex} of the batch with {@code newSequence}.
     */
    public SubscriptionOffset withPosition(long newSequence, long newTimestamp, int newBatchIndex) {
        return new SubscriptionOffset(newSequence, newTimestamp, version, sessionId, newBatchIndex);
    }
}
