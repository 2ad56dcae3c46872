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

package io.github.flinkdatahub.connector.table;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;

/** A small TableEnvironment wrapper for the SQL ITCases: parallelism 1, collect helpers. */
final class SqlTestEnv {

    final TableEnvironment env;

    private SqlTestEnv(TableEnvironment env) {
        this.env = env;
        env.getConfig().set("parallelism.default", "1");
        env.getConfig().set("table.exec.resource.default-parallelism", "1");
    }

    /** A streaming environment. */
    static SqlTestEnv streaming() {
        return new SqlTestEnv(TableEnvironment.create(EnvironmentSettings.inStreamingMode()));
    }

    /** A batch environment. */
    static SqlTestEnv batch() {
        return new SqlTestEnv(TableEnvironment.create(EnvironmentSettings.inBatchMode()));
    }

    /** Runs a statement (DDL). */
    void sql(String statement) {
        env.executeSql(statement);
    }

    /** Runs an INSERT and waits for the job to finish. */
    void insert(String statement) throws Exception {
        env.executeSql(statement).await();
    }

    /** All rows of a query that finishes (a bounded scan). */
    List<Row> rows(String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(query).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** The rows of a query as strings. */
    List<String> strings(String query) throws Exception {
        List<String> strings = new ArrayList<>();
        for (Row row : rows(query)) {
            strings.add(row.toString());
        }
        return strings;
    }
}
