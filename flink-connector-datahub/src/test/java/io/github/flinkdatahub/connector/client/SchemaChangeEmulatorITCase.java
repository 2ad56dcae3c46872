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
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * After an AppendField, a reader still holding the old schema gets a typed {@link
 * SchemaChangedException} (with both widths) instead of a generic decode error, and recovers by
 * fetching the topic again and re-reading from the same cursor.
 */
class SchemaChangeEmulatorITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    private static final RecordSchema OLD = RecordSchema.of(Field.notNull("id", FieldType.BIGINT));

    @ParameterizedTest
    @EnumSource(BodyProtocol.class)
    void readingWithTheOldSchemaAfterAppendFieldIsSchemaChanged(BodyProtocol protocol) {
        String project = "schema_change_" + protocol.name().toLowerCase(java.util.Locale.ROOT);
        try (DataHubClient client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .protocol(protocol)
                                .build())) {
            client.createProject(project, "c");
            client.createTupleTopic(project, "t", 1, 1, OLD, "c");
            client.putRecordsByShard(
                    project, "t", "0", List.of(PutRecord.of(TupleRecord.of(OLD, 1L))));
            client.appendField(project, "t", Field.of("extra", FieldType.STRING));
            RecordSchema current = client.getTopic(project, "t").schema();
            assertThat(current.size()).isEqualTo(2);
            client.putRecordsByShard(
                    project, "t", "0", List.of(PutRecord.of(TupleRecord.of(current, 2L, "new"))));

            String cursor = client.getCursor(project, "t", "0", CursorType.OLDEST).cursor();
            Throwable thrown =
                    catchThrowable(() -> client.getRecords(project, "t", "0", cursor, 10, OLD));
            assertThat(thrown).isInstanceOf(SchemaChangedException.class);
            SchemaChangedException e = (SchemaChangedException) thrown;
            assertThat(e.expectedFields()).isEqualTo(1);
            assertThat(e.actualFields()).isEqualTo(2);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e).hasMessageContaining("AppendField");

            // What a reader does: refresh the schema, read again from the same cursor.
            RecordSchema refreshed = client.getTopic(project, "t").schema();
            List<ReadRecord> records =
                    client.getRecords(project, "t", "0", cursor, 10, refreshed).records();
            assertThat(records)
                    .extracting(ReadRecord::payload)
                    .containsExactly(
                            TupleRecord.of(refreshed, 1L, null),
                            TupleRecord.of(refreshed, 2L, "new"));
        }
    }
}
