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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A batch record's {@link BatchValues} (numbers, byte ranges) are validated and stored exactly as
 * the same values given as text: same stored values, same errors.
 */
class BatchValuesTest extends EngineFixture {

    private static final List<FieldSpec> FIELDS =
            List.of(
                    new FieldSpec("t", "TINYINT", false, null),
                    new FieldSpec("b", "BIGINT", true, null),
                    new FieldSpec("s", "STRING", false, null),
                    new FieldSpec("d", "DECIMAL", false, null),
                    new FieldSpec("x", "DOUBLE", false, null),
                    new FieldSpec("ts", "TIMESTAMP", false, null));

    private void topics() {
        engine.createProject(P, "c");
        for (String name : List.of("as_text", "as_values")) {
            engine.createTopic(
                    P, name, new TopicSpec(RecordType.TUPLE, 1, 1, "{}", FIELDS, "c", ""));
        }
    }

    /** Puts the record both ways; returns the stored values, or the error of both. */
    private Object putBoth(Consumer<BatchValues> fill) {
        BatchValues values = new BatchValues(AREA, FIELDS.size());
        fill.accept(values);
        List<String> text = new ArrayList<>(values);
        Object[] outcome = new Object[2];
        String[] topics = {"as_text", "as_values"};
        List<?>[] records = {text, values};
        for (int i = 0; i < 2; i++) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) records[i];
            String topic = topics[i];
            EngineException e =
                    catchThrowableOfType(
                            EngineException.class,
                            () ->
                                    engine.putBatchesByShard(
                                            P,
                                            topic,
                                            "0",
                                            List.of(
                                                    List.of(
                                                            new BatchRecord(
                                                                    0, Map.of("k", "v"), v, null))),
                                            null));
            if (e != null) {
                outcome[i] = e.errorCode() + ": " + e.getMessage();
            } else {
                List<StoredRecord> read =
                        engine.getRecords(P, topics[i], "0", oldestOf(topics[i]), 1000).records();
                outcome[i] = read.get(read.size() - 1).tupleValues();
            }
        }
        assertThat(outcome[1]).isEqualTo(outcome[0]);
        return outcome[1];
    }

    private String oldestOf(String topic) {
        return engine.getCursor(P, topic, "0", DataHubEngine.CursorType.OLDEST, 0).cursor();
    }

    private static final byte[] AREA =
            "ascii text|€uro|12.50|\u00ff".getBytes(StandardCharsets.UTF_8);

    @Test
    void valuesAreStoredAndRejectedAsTheirText() {
        topics();
        assertThat(
                        putBoth(
                                v -> {
                                    v.setLong(0, -128);
                                    v.setLong(1, 7);
                                    v.setBytes(2, 0, 10);
                                    v.setBytes(3, 18, 5);
                                    v.setText(4, "1.0E10");
                                    v.setLong(5, 1_700_000_000_000_000L);
                                }))
                .asList()
                .containsExactly("-128", "7", "ascii text", "12.50", "1.0E10", "1700000000000000");
        assertThat(
                        putBoth(
                                v -> {
                                    v.setLong(1, 1);
                                    v.setBytes(2, 11, 6); // non-ASCII
                                }))
                .asList()
                .contains("€uro");
        byte[] invalid = {(byte) 0xC3};
        System.arraycopy(invalid, 0, AREA, AREA.length - 1, 1); // a lone lead byte
        assertThat(
                        putBoth(
                                v -> {
                                    v.setLong(1, 1);
                                    v.setBytes(2, AREA.length - 1, 1);
                                }))
                .asList()
                .contains("\uFFFD");
        assertThat(putBoth(v -> v.setLong(1, 1)).toString()).contains("null");
        assertThat(putBoth(v -> v.setLong(0, 1)).toString())
                .contains("MalformedRecord")
                .contains("'b'");
        assertThat(
                        putBoth(
                                        v -> {
                                            v.setLong(0, 128);
                                            v.setLong(1, 1);
                                        })
                                .toString())
                .contains("MalformedRecord")
                .contains("TINYINT range");
        assertThat(putBoth(v -> v.setLong(1, Long.MIN_VALUE)).toString()).contains("BIGINT range");
        assertThat(
                        putBoth(
                                        v -> {
                                            v.setLong(1, 1);
                                            v.setBytes(3, 0, 5); // "ascii" is no DECIMAL
                                        })
                                .toString())
                .contains("DECIMAL");
        assertThat(
                        putBoth(
                                v -> {
                                    v.setLong(1, 1);
                                    v.setLong(2, 42); // a number for a STRING field: its text
                                }))
                .asList()
                .contains("42");
    }

    @Test
    void textLengthCountsCharacters() {
        BatchValues v = new BatchValues(AREA, 4);
        v.setLong(0, -12345);
        v.setBytes(1, 11, 6);
        v.setText(2, "abc");
        for (int i = 0; i < 4; i++) {
            assertThat(v.textLength(i)).isEqualTo(v.get(i) == null ? 0 : v.get(i).length());
        }
        BatchValues min = new BatchValues(AREA, 1);
        min.setLong(0, Long.MIN_VALUE);
        assertThat(min.textLength(0)).isEqualTo(Long.toString(Long.MIN_VALUE).length());
    }
}
