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

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One record returned by GetRecords.
 *
 * @param shardId the shard the record was read from
 * @param sequence per-shard sequence, starting at 0
 * @param systemTime server receive time in milliseconds since the epoch
 * @param cursor the cursor pointing at this record
 * @param nextCursor the cursor pointing after this record
 * @param attributes record attributes (never null)
 * @param payload tuple values or blob bytes
 * @param batchIndex index of the record inside its batch (batch protocol: every record of a batch
 *     shares the batch's sequence), 0 otherwise
 * @param batchSize number of records in the record's batch, 1 outside the batch protocol
 */
public record ReadRecord(
        String shardId,
        long sequence,
        long systemTime,
        String cursor,
        String nextCursor,
        Map<String, String> attributes,
        RecordPayload payload,
        int batchIndex,
        int batchSize) {

    /** Validates the components (see the record Javadoc). */
    public ReadRecord {
        Objects.requireNonNull(payload, "payload");
        // No wrapper per record for the common case of no attributes.
        attributes =
                attributes == null || attributes.isEmpty()
                        ? Map.of()
                        : Collections.unmodifiableMap(attributes);
        if (batchSize < 1 || batchIndex < 0 || batchIndex >= batchSize) {
            throw new IllegalArgumentException(
                    "batchIndex must be in 0.." + (batchSize - 1) + " but was " + batchIndex);
        }
    }

    /** A record that is not part of a multi-record batch (PB and JSON reads). */
    public ReadRecord(
            String shardId,
            long sequence,
            long systemTime,
            String cursor,
            String nextCursor,
            Map<String, String> attributes,
            RecordPayload payload) {
        this(shardId, sequence, systemTime, cursor, nextCursor, attributes, payload, 0, 1);
    }

    /** Whether this is the last record of its batch (always true outside the batch protocol). */
    public boolean lastInBatch() {
        return batchIndex == batchSize - 1;
    }
}
