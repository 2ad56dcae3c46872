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

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Records encoded before, put by shard in every protocol, read back as they were written. */
class EncodedRecordsEmulatorITCase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (BodyProtocol protocol : BodyProtocol.values()) {
            for (CompressionType client : CompressionType.values()) {
                for (CompressionType prepared : CompressionType.values()) {
                    out.add(Arguments.of(protocol, client, prepared));
                }
            }
        }
        return out;
    }

    /**
     * Entries prepared by a client of {@code prepared} compression, put by a client of {@code
     * client} compression (the same: sent as they are; another: decompressed first).
     */
    @ParameterizedTest(name = "{0} client {1} prepared {2}")
    @MethodSource("cases")
    void encodedRecordsReadBackLikeTheRecords(
            BodyProtocol protocol, CompressionType compression, CompressionType prepared) {
        try (DataHubClient client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .protocol(protocol)
                                .compression(compression)
                                .build())) {
            String project = "encoded_" + COUNTER.incrementAndGet();
            client.createProject(project, "encoded records IT");
            client.createTupleTopic(project, "t", 1, 1, EncodedRecordsTest.SCHEMA, "IT");
            client.waitForShardsReady(project, "t", Duration.ofSeconds(30));
            List<PutRecord> records = new ArrayList<>();
            EncodedRecords.Builder builder = EncodedRecords.builder(EncodedRecordsTest.SCHEMA);
            for (int i = 0; i < 50; i++) {
                PutRecord r =
                        new PutRecord(
                                TupleRecord.of(
                                        EncodedRecordsTest.SCHEMA,
                                        (byte) i,
                                        null,
                                        i * 1000,
                                        (long) i,
                                        null,
                                        i / 4.0,
                                        null,
                                        i % 2 == 0,
                                        "record " + i + " \u6771\u4eac",
                                        1_700_000_000_000_000L + i),
                                Map.of("i", Integer.toString(i)),
                                null,
                                null,
                                null);
                records.add(r);
                builder.add(r);
            }
            EncodedRecords encoded = builder.build().compress(prepared);
            if (protocol != BodyProtocol.BATCH) {
                assertThat(client.preparePut(builder.build()).compression()).isEqualTo(compression);
            }
            client.putRecordsByShardAsync(project, "t", "0", encoded).join();
            String cursor = client.getCursor(project, "t", "0", CursorType.OLDEST).cursor();
            GetRecordsResult read =
                    client.getRecords(project, "t", "0", cursor, 100, EncodedRecordsTest.SCHEMA);
            assertThat(read.records()).hasSize(50);
            for (int i = 0; i < 50; i++) {
                ReadRecord got = read.records().get(i);
                assertThat(got.payload()).isEqualTo(records.get(i).payload());
                assertThat(got.attributes()).containsEntry("i", Integer.toString(i));
            }
        }
    }
}
