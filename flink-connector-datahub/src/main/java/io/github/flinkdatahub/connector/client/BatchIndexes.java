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

import java.util.ArrayList;
import java.util.List;

/**
 * Gives records that share a sequence their index within the batch. PB and JSON reads of data a
 * batch-mode producer wrote return one entry per record, all with the batch's sequence and no index
 * of their own (protocol §6.4); the service returns whole batches, so consecutive records with one
 * sequence in one response are that batch, in order (UNCONFIRMED for the real service; the emulator
 * never splits a batch across reads).
 */
final class BatchIndexes {

    private BatchIndexes() {}

    /** The records with batch index and size set; the same list when no sequence repeats. */
    static List<ReadRecord> assign(List<ReadRecord> records) {
        boolean repeats = false;
        for (int i = 1; i < records.size() && !repeats; i++) {
            repeats = records.get(i).sequence() == records.get(i - 1).sequence();
        }
        if (!repeats) {
            return records;
        }
        List<ReadRecord> out = new ArrayList<>(records.size());
        int start = 0;
        while (start < records.size()) {
            long seq = records.get(start).sequence();
            int end = start;
            while (end < records.size() && records.get(end).sequence() == seq) {
                end++;
            }
            for (int i = start; i < end; i++) {
                ReadRecord r = records.get(i);
                out.add(
                        new ReadRecord(
                                r.shardId(),
                                r.sequence(),
                                r.systemTime(),
                                r.cursor(),
                                r.nextCursor(),
                                r.attributes(),
                                r.payload(),
                                i - start,
                                end - start));
            }
            start = end;
        }
        return out;
    }
}
