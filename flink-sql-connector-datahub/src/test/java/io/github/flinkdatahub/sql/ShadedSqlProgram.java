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

package io.github.flinkdatahub.sql;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * The SQL that {@link ShadedJarSqlITCase} runs in a JVM whose classpath holds Flink's jars and the
 * shaded connector jar only. Prints where the connector came from and each row read back.
 */
public final class ShadedSqlProgram {

    private ShadedSqlProgram() {}

    /** Args: the emulator endpoint, the project and the topic (created by the test). */
    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String project = args[1];
        String topic = args[2];
        try {
            Class.forName("okhttp3.OkHttpClient");
            System.out.println("UNSHADED okhttp3 on the classpath");
        } catch (ClassNotFoundException expected) {
            System.out.println("NO unshaded okhttp3");
        }
        Class<?> factory =
                Class.forName("io.github.flinkdatahub.connector.table.DataHubDynamicTableFactory");
        System.out.println(
                "FACTORY FROM " + factory.getProtectionDomain().getCodeSource().getLocation());

        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("parallelism.default", "1");
        String with =
                String.format(
                        "'connector' = 'datahub', 'endpoint' = '%s', 'project' = '%s', 'topic' ="
                                + " '%s', 'compression' = 'lz4', 'sink.buffer-flush.interval' = '50"
                                + " ms', 'scan.idle-fetch-delay' = '20 ms', 'scan.bounded.mode' ="
                                + " 'latest'",
                        endpoint, project, topic);
        env.executeSql(
                "CREATE TABLE t (id BIGINT NOT NULL, name STRING, amount DECIMAL(10, 2),"
                        + " ts TIMESTAMP_LTZ(6),"
                        + " seq STRING METADATA FROM 'sequence' VIRTUAL) WITH ("
                        + with
                        + ")");
        env.executeSql(
                        "INSERT INTO t VALUES (CAST(1 AS BIGINT), 'one', 1.25,"
                                + " CAST(TIMESTAMP '2026-12-01 10:00:00.123456' AS"
                                + " TIMESTAMP_LTZ(6))),"
                                + " (2, '\u4e8c', CAST(NULL AS DECIMAL(10, 2)),"
                                + " CAST(NULL AS TIMESTAMP_LTZ(6)))")
                .await();
        try (CloseableIterator<Row> rows = env.executeSql("SELECT * FROM t").collect()) {
            while (rows.hasNext()) {
                System.out.println("ROW " + rows.next());
            }
        }
        System.out.println("DONE");
    }
}
