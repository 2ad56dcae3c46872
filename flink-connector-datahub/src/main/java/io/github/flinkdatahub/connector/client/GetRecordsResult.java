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

import java.util.List;
import java.util.Objects;

/**
 * The answer to GetRecords.
 *
 * @param nextCursor where to read next; equal to the request cursor when nothing new was found
 * @param startSequence sequence of the first record (for an empty read: what the service sent)
 * @param latestSequence the shard's last sequence, or -1 when the service did not say
 * @param latestTime the shard's last system time in ms, or -1 when the service did not say
 * @param records the records, in sequence order
 */
public record GetRecordsResult(
        String nextCursor,
        long startSequence,
        long latestSequence,
        long latestTime,
        List<ReadRecord> records) {

    /** Validates the components (see the record Javadoc). */
    public GetRecordsResult {
        Objects.requireNonNull(nextCursor, "nextCursor");
        records = List.copyOf(records);
    }

    /** How many records were read. */
    public int recordCount() {
        return records.size();
    }
}
