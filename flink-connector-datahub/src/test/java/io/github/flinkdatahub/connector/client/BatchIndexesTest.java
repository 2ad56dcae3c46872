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

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PB/JSON reads of batch-written data: records sharing a sequence get their batch index. */
class BatchIndexesTest {

    private static ReadRecord at(long sequence) {
        return new ReadRecord("0", sequence, 1, "c", "n", Map.of(), BlobRecord.of(new byte[] {1}));
    }

    @Test
    void consecutiveRecordsOfOneSequenceAreIndexedInOrder() {
        List<ReadRecord> in = new ArrayList<>(List.of(at(4), at(5), at(5), at(5), at(6)));
        List<ReadRecord> out = BatchIndexes.assign(in);
        assertThat(out).extracting(ReadRecord::batchIndex).containsExactly(0, 0, 1, 2, 0);
        assertThat(out).extracting(ReadRecord::batchSize).containsExactly(1, 3, 3, 3, 1);
        assertThat(out)
                .extracting(ReadRecord::lastInBatch)
                .containsExactly(true, false, false, true, true);
    }

    @Test
    void distinctSequencesAreLeftAlone() {
        List<ReadRecord> in = List.of(at(1), at(2));
        assertThat(BatchIndexes.assign(in)).isSameAs(in);
    }

    @Test
    void aPbResponseWithASharedSequenceIsIndexed() throws Exception {
        var entry =
                io.github.flinkdatahub.protocol.DatahubProtos.RecordEntry.newBuilder()
                        .setSequence(9)
                        .setSystemTime(5)
                        .setData(
                                io.github.flinkdatahub.protocol.DatahubProtos.RecordData
                                        .newBuilder()
                                        .addData(
                                                io.github.flinkdatahub.protocol.DatahubProtos
                                                        .FieldData.newBuilder()
                                                        .setValue(
                                                                com.google.protobuf.ByteString
                                                                        .copyFromUtf8("x"))))
                        .build();
        byte[] payload =
                io.github.flinkdatahub.protocol.DatahubProtos.GetRecordsResponse.newBuilder()
                        .setNextCursor("n")
                        .setRecordCount(2)
                        .addRecords(entry)
                        .addRecords(entry)
                        .build()
                        .toByteArray();
        GetRecordsResult result =
                PbRecordCodec.decodeGetRecordsResponse(
                        java.nio.ByteBuffer.wrap(payload), "0", null);
        assertThat(result.records()).extracting(ReadRecord::batchIndex).containsExactly(0, 1);
    }
}
