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

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.testframe.external.ExternalSystemSplitDataWriter;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * External context for Flink's {@code SourceTestSuiteBase}: one topic with {@link #SHARDS} shards
 * per test, each split data writer writing to the next unused shard.
 */
final class DataHubSourceExternalContext implements DataStreamSourceExternalContext<String> {

    static final int SHARDS = 8;

    private final EmulatorSourceFixture fixture;
    private final String topic;
    private int nextShard;

    DataHubSourceExternalContext(String endpoint) {
        this.fixture = new EmulatorSourceFixture(endpoint);
        this.topic = fixture.createTopic(SHARDS);
    }

    @Override
    public Source<String, ?, ?> createSource(TestingSourceSettings settings) {
        DataHubSourceBuilder<String> b = fixture.source(topic).setRecordsPerFetch(200);
        if (settings.getBoundedness() == Boundedness.BOUNDED) {
            b.setStoppingPosition(StoppingPosition.latest());
        }
        return b.build();
    }

    @Override
    public ExternalSystemSplitDataWriter<String> createSourceSplitDataWriter(
            TestingSourceSettings settings) {
        if (nextShard >= SHARDS) {
            throw new IllegalStateException("The test topic has only " + SHARDS + " shards");
        }
        String shard = Integer.toString(nextShard++);
        return new ExternalSystemSplitDataWriter<>() {
            @Override
            public void writeRecords(List<String> records) {
                fixture.writeToShard(topic, shard, records);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public List<String> generateTestData(
            TestingSourceSettings settings, int splitIndex, long seed) {
        Random random = new Random(seed);
        int n = 100 + random.nextInt(200);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("split" + splitIndex + "-" + i + "-" + Long.toHexString(random.nextLong()));
        }
        return out;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public List<URL> getConnectorJarPaths() {
        return List.of();
    }

    @Override
    public void close() {
        fixture.close();
    }

    @Override
    public String toString() {
        return "DataHub topic with " + SHARDS + " shards, one per split";
    }
}
