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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import org.apache.flink.api.common.serialization.SimpleStringSchema;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Shared helpers of the source tests: a blob topic in a {@link FakeDataHub}, writes, waiting. */
public final class SourceTestUtils {

    public static final String PROJECT = "p";
    public static final String TOPIC = "t";

    private SourceTestUtils() {}

    /** Writes {@code count} blob records "prefix-i" to one shard. */
    public static List<String> write(
            FakeDataHub hub, String topic, String shard, String prefix, int count) {
        List<PutRecord> records = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String v = prefix + "-" + i;
            values.add(v);
            records.add(
                    PutRecord.toShard(shard, BlobRecord.of(v.getBytes(StandardCharsets.UTF_8))));
        }
        try (DataHubClient c = hub.client()) {
            c.putRecordsByShard(PROJECT, topic, shard, records);
        }
        return values;
    }

    /** A builder reading blob strings from the hub's topic {@link #TOPIC}. */
    public static DataHubSourceBuilder<String> builder(FakeDataHub hub) {
        return DataHubSource.<String>builder()
                .setClientFactory(hub.factory())
                .setProject(PROJECT)
                .setTopics(TOPIC)
                .setIdleShardPollInterval(Duration.ofMillis(5))
                .setDeserializer(
                        DataHubRecordDeserializationSchema.valueOnly(new SimpleStringSchema()));
    }

    /** Polls until the condition holds, failing with the message after the deadline. */
    public static void awaitUntil(BooleanSupplier condition, Duration timeout, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + ": " + message);
            }
            Thread.sleep(5);
        }
    }
}
