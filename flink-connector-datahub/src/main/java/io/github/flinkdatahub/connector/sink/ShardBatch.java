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

import io.github.flinkdatahub.connector.client.PutRecord;

import java.util.ArrayList;
import java.util.List;

/** Records for one put-by-shard request, with its retry count. Task thread only. */
final class ShardBatch {

    final List<PreparedRecord> records = new ArrayList<>();
    final long createdMillis;
    long bytes;
    int attempt;
    long sentNanos;

    ShardBatch(long createdMillis) {
        this.createdMillis = createdMillis;
    }

    /** Whether the record still fits under both limits (an empty batch takes any record). */
    boolean fits(PreparedRecord r, int maxRecords, long maxBytes) {
        return records.isEmpty() || (records.size() < maxRecords && bytes + r.size() <= maxBytes);
    }

    void add(PreparedRecord r) {
        records.add(r);
        bytes += r.size();
    }

    int size() {
        return records.size();
    }

    List<PutRecord> putRecords() {
        List<PutRecord> out = new ArrayList<>(records.size());
        for (PreparedRecord r : records) {
            out.add(r.record());
        }
        return out;
    }
}
