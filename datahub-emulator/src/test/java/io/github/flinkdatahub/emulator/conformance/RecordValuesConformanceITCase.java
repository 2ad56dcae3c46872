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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.InvalidParameterException;
import com.aliyun.datahub.client.model.CursorType;
import com.aliyun.datahub.client.model.GetRecordsResult;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordSchema;
import com.aliyun.datahub.client.model.TupleRecordData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.allTypesSchema;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.assertSameValues;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newTupleTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.putToShard;
import static io.github.flinkdatahub.emulator.conformance.DataHubErrors.assertDataHubError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value fidelity beyond check B5 in every SDK mode: type extremes, empty strings versus NULL,
 * non-BMP unicode in values and attributes, and garbled cursors.
 */
class RecordValuesConformanceITCase {

    @RegisterExtension static final EmulatorPair EMULATORS = new EmulatorPair();

    private static DatahubClient client(SdkMode mode, boolean withSignatures) {
        return EMULATORS.client(mode, withSignatures);
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void extremeValuesEmptyStringsAndUnicodeRoundTrip(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newTupleTopic(client, project, 1);
        RecordSchema schema = allTypesSchema();
        List<RecordEntry> written = new ArrayList<>();
        written.add(
                extremes(
                        schema,
                        "",
                        Long.MAX_VALUE,
                        Double.MAX_VALUE,
                        253402271999000000L,
                        new BigDecimal("123456789012345678901234567890.123456789000"),
                        Integer.MAX_VALUE,
                        Float.MAX_VALUE,
                        Byte.MAX_VALUE,
                        Short.MAX_VALUE));
        written.add(
                extremes(
                        schema,
                        "\u4e2d\u6587 \ud83d\ude00 \"quoted\" \\ back\nslash\t",
                        -Long.MAX_VALUE,
                        -Double.MIN_VALUE,
                        -62135798400000000L,
                        new BigDecimal("-0.000000000000000000001"),
                        Integer.MIN_VALUE,
                        -Float.MIN_VALUE,
                        Byte.MIN_VALUE,
                        Short.MIN_VALUE));
        written.get(1).addAttribute("\u5c5e\u6027", "\u503c \ud83d\ude00");

        putToShard(client, mode, project, topic, "0", written);
        String cursor = client.getCursor(project, topic, "0", CursorType.OLDEST).getCursor();
        GetRecordsResult read = client.getRecords(project, topic, "0", schema, cursor, 10);

        assertThat(read.getRecordCount()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertSameValues(
                    (TupleRecordData) read.getRecords().get(i).getRecordData(),
                    (TupleRecordData) written.get(i).getRecordData());
        }
        assertThat(read.getRecords().get(0).getAttributes()).isNullOrEmpty();
        assertThat(read.getRecords().get(1).getAttributes())
                .containsExactlyInAnyOrderEntriesOf(written.get(1).getAttributes());
        assertThat(((TupleRecordData) read.getRecords().get(0).getRecordData()).getField(0))
                .as("an empty STRING is not NULL")
                .isEqualTo("");
    }

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.flinkdatahub.emulator.conformance.ConformanceFixture#modes")
    void garbledCursorIsInvalidCursor(SdkMode mode, boolean withSignatures) {
        DatahubClient client = client(mode, withSignatures);
        String project = newProject(client);
        String topic = newBlobTopic(client, project, 1);

        assertDataHubError(
                () -> client.getRecords(project, topic, "0", "not-a-cursor", 10),
                InvalidParameterException.class,
                "InvalidCursor");
        assertDataHubError(
                () ->
                        client.getRecords(
                                project, topic, "0", "ffffffffffffffffffffffffffffffff", 10),
                InvalidParameterException.class,
                "InvalidCursor");
    }

    private static RecordEntry extremes(
            RecordSchema schema,
            String string,
            long bigint,
            double dbl,
            long timestamp,
            BigDecimal decimal,
            int integer,
            float flt,
            byte tinyint,
            short smallint) {
        TupleRecordData data = new TupleRecordData(schema);
        data.setField("f_string", string);
        data.setField("f_bigint", bigint);
        data.setField("f_double", dbl);
        data.setField("f_timestamp", timestamp);
        data.setField("f_boolean", false);
        data.setField("f_decimal", decimal);
        data.setField("f_integer", integer);
        data.setField("f_float", flt);
        data.setField("f_tinyint", tinyint);
        data.setField("f_smallint", smallint);
        RecordEntry entry = new RecordEntry();
        entry.setRecordData(data);
        return entry;
    }
}
