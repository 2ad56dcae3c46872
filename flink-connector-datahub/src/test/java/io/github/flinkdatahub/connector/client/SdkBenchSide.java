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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.TupleRecordData;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** The official SDK's side of {@link SdkComparisonBenchmark}: the same tuples as SDK records. */
final class SdkBenchSide {

    private SdkBenchSide() {}

    /** The SDK side: its records are built once from the same tuples. */
    static SdkComparisonBenchmark.Side create(
            DatahubClient sdk,
            SdkComparisonBenchmark.Mode mode,
            List<TupleRecord> tuples,
            int batchSize) {
        com.aliyun.datahub.client.model.RecordSchema sdkSchema = sdkSchema();
        int requests = tuples.size() / batchSize;
        List<List<List<RecordEntry>>> perShard = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            List<List<RecordEntry>> batches = new ArrayList<>();
            for (int b = 0; b < requests; b++) {
                List<RecordEntry> entries = new ArrayList<>(batchSize);
                for (TupleRecord tuple : tuples.subList(b * batchSize, (b + 1) * batchSize)) {
                    TupleRecordData data = new TupleRecordData(sdkSchema);
                    for (int f = 0; f < tuple.size(); f++) {
                        data.setField(f, tuple.get(f));
                    }
                    RecordEntry entry = new RecordEntry();
                    entry.setRecordData(data);
                    if (mode == SdkComparisonBenchmark.Mode.JSON) {
                        entry.setShardId(Integer.toString(s));
                    }
                    entries.add(entry);
                }
                batches.add(entries);
            }
            perShard.add(batches);
        }
        return new SdkComparisonBenchmark.Side() {
            @Override
            public void put(String topic, int shard, int batch) {
                List<RecordEntry> entries = perShard.get(shard).get(batch % requests);
                if (mode == SdkComparisonBenchmark.Mode.JSON) {
                    int failed =
                            sdk.putRecords(SdkComparisonBenchmark.PROJECT, topic, entries)
                                    .getFailedRecordCount();
                    if (failed != 0) {
                        throw new IllegalStateException(failed + " SDK records failed");
                    }
                } else {
                    sdk.putRecordsByShard(
                            SdkComparisonBenchmark.PROJECT,
                            topic,
                            Integer.toString(shard),
                            entries);
                }
            }

            @Override
            public long readShard(String topic, int shard, LongConsumer progress) {
                String shardId = Integer.toString(shard);
                String cursor =
                        sdk.getCursor(
                                        SdkComparisonBenchmark.PROJECT,
                                        topic,
                                        shardId,
                                        com.aliyun.datahub.client.model.CursorType.OLDEST)
                                .getCursor();
                long read = 0;
                while (true) {
                    com.aliyun.datahub.client.model.GetRecordsResult result =
                            sdk.getRecords(
                                    SdkComparisonBenchmark.PROJECT,
                                    topic,
                                    shardId,
                                    sdkSchema,
                                    cursor,
                                    SdkComparisonBenchmark.GET_LIMIT);
                    if (result.getRecordCount() == 0) {
                        return read;
                    }
                    read += result.getRecordCount();
                    progress.accept(result.getRecordCount());
                    cursor = result.getNextCursor();
                }
            }
        };
    }

    static com.aliyun.datahub.client.model.RecordSchema sdkSchema() {
        com.aliyun.datahub.client.model.RecordSchema sdk =
                new com.aliyun.datahub.client.model.RecordSchema();
        for (Field field : BenchData.SCHEMA.fields()) {
            sdk.addField(
                    new com.aliyun.datahub.client.model.Field(
                            field.name(),
                            com.aliyun.datahub.client.model.FieldType.valueOf(field.type().name()),
                            field.nullable(),
                            field.comment()));
        }
        return sdk;
    }
}
