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

package io.github.flinkdatahub.emulator.conformance;

import io.github.flinkdatahub.emulator.DataHubEmulator;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.exception.ResourceNotFoundException;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.assertSameValues;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.tupleRecord;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's optional HTTP/2 cleartext transport ({@code HttpConfig.setEnableH2C(true)}, prior
 * knowledge): records, errors and signatures work as over HTTP/1.1.
 */
class Http2ConformanceITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension OPEN = ConformanceFixture.extension(false, null);

    @RegisterExtension
    static final DataHubEmulatorExtension SIGNED = ConformanceFixture.extension(true, null);

    @ParameterizedTest(name = "signed={0}")
    @ValueSource(booleans = {false, true})
    void recordsAndErrorsOverH2c(boolean withSignatures) throws Exception {
        {
            DataHubEmulator emulator = (withSignatures ? SIGNED : OPEN).emulator();
            DatahubClient client =
                    DatahubClientBuilder.newBuilder()
                            .setDatahubConfig(
                                    new DatahubConfig(
                                            emulator.endpoint(),
                                            new AliyunAccount(
                                                    SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY),
                                            true))
                            .setHttpConfig(
                                    new HttpConfig()
                                            .setEnableH2C(true)
                                            .setCompressType(CompressType.LZ4)
                                            .setReadTimeout(20_000))
                            .build();
            String project = newProject(client);
            String topic = newTupleTopic(client, project, 1);
            List<RecordEntry> written = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                written.add(tupleRecord(allTypesSchema(), i));
            }

            client.putRecordsByShard(project, topic, "0", written);
            String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
            GetRecordsResult read =
                    client.getRecords(project, topic, "0", allTypesSchema(), cursor, 10);

            assertThat(read.getRecordCount()).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                assertSameValues(
                        (TupleRecordData) read.getRecords().get(i).getRecordData(),
                        (TupleRecordData) written.get(i).getRecordData());
            }
            assertDataHubError(
                    () -> client.getTopic(project, "missing"),
                    ResourceNotFoundException.class,
                    "NoSuchTopic");
        }
    }
}
