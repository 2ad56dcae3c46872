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

import io.github.flinkdatahub.protocol.DatahubProtos;

import com.google.protobuf.ByteString;

import java.nio.charset.StandardCharsets;

/** Recorded-style GetRecords responses (notes §4.5.4/§4.5.5) fed to both clients. */
final class SdkResponses {

    private SdkResponses() {}

    /** Tuple values as text, null for a null value; schema of {@link SdkModels#schema()}. */
    static final String[][] VALUES = {
        {
            "-1",
            "300",
            "7",
            "5",
            "1.5",
            "0.1",
            "10000.000001",
            "true",
            "hello \u4e16\u754c",
            "1700000000123456"
        },
        {null, null, null, "-9", null, null, null, null, null, null},
        {
            "127",
            "-32768",
            "-2147483648",
            "9223372036854775807",
            "-3.25E-5",
            "1.0E20",
            "1.50E+3",
            "FALSE",
            "",
            "0"
        }
    };

    static String cursor(int n) {
        return String.format("3%031x", n);
    }

    static final String GET_RECORDS_JSON = getRecordsJson();

    private static String getRecordsJson() {
        StringBuilder sb =
                new StringBuilder("{\"NextCursor\":\"" + cursor(3) + "\",\"RecordCount\":3,")
                        .append("\"StartSeq\":0,\"LatestSeq\":9,\"LatestTime\":1700000000999,")
                        .append("\"Records\":[");
        for (int i = 0; i < VALUES.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"SystemTime\":")
                    .append(1700000000123L + i)
                    .append(",\"Sequence\":")
                    .append(i)
                    .append(",\"Cursor\":\"")
                    .append(cursor(i))
                    .append("\",\"NextCursor\":\"")
                    .append(cursor(i + 1))
                    .append("\",\"Data\":[");
            for (int f = 0; f < VALUES[i].length; f++) {
                String v = VALUES[i][f];
                sb.append(f == 0 ? "" : ",").append(v == null ? "null" : "\"" + v + "\"");
            }
            sb.append("]");
            if (i == 0) {
                sb.append(",\"Attributes\":{\"attr0\":\"value\"}");
            }
            sb.append("}");
        }
        return sb.append("]}").toString();
    }

    static DatahubProtos.GetRecordsResponse getRecordsPb() {
        DatahubProtos.GetRecordsResponse.Builder response =
                DatahubProtos.GetRecordsResponse.newBuilder()
                        .setNextCursor(cursor(3))
                        .setRecordCount(VALUES.length)
                        .setStartSequence(0)
                        .setLatestSequence(9)
                        .setLatestTime(1700000000999L);
        for (int i = 0; i < VALUES.length; i++) {
            DatahubProtos.RecordData.Builder data = DatahubProtos.RecordData.newBuilder();
            for (String v : VALUES[i]) {
                DatahubProtos.FieldData.Builder field = DatahubProtos.FieldData.newBuilder();
                if (v != null) {
                    field.setValue(ByteString.copyFrom(v, StandardCharsets.UTF_8));
                }
                data.addData(field);
            }
            DatahubProtos.RecordEntry.Builder entry =
                    DatahubProtos.RecordEntry.newBuilder()
                            .setCursor(cursor(i))
                            .setNextCursor(cursor(i + 1))
                            .setSequence(i)
                            .setSystemTime(1700000000123L + i)
                            .setData(data);
            if (i == 0) {
                entry.setAttributes(
                        DatahubProtos.RecordAttributes.newBuilder()
                                .addAttributes(
                                        DatahubProtos.StringPair.newBuilder()
                                                .setKey("attr0")
                                                .setValue("value")));
            }
            response.addRecords(entry);
        }
        return response.build();
    }
}
