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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kills a process writing to a durable engine with SIGKILL mid-stream and checks that every
 * acknowledged batch survives, whole and in order, and that the directory lock is released.
 */
class EngineKillITCase {

    @TempDir Path dir;

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                KillTarget.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        long lastAck = -1;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    // while the child runs, a second engine process is refused
                    assertThatThrownBy(
                                    () ->
                                            DataHubEngine.open(
                                                    EngineOptions.builder().dataDir(dir).build()))
                            .isInstanceOf(UncheckedIOException.class)
                            .hasStackTraceContaining("in use by another emulator process");
                } else if (line.startsWith("ACK ")) {
                    lastAck = Long.parseLong(line.substring(4));
                    if (lastAck >= 200) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
                        break;
                    }
                } else {
                    throw new AssertionError("unexpected child output: " + line);
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAck).isGreaterThanOrEqualTo(200);

        try (DataHubEngine engine =
                DataHubEngine.open(EngineOptions.builder().dataDir(dir).build())) {
            String cursor =
                    engine.getCursor("kill", "t", "0", DataHubEngine.CursorType.OLDEST, 0).cursor();
            List<StoredRecord> all = new ArrayList<>();
            while (true) {
                var read = engine.getRecords("kill", "t", "0", cursor, 1000);
                if (read.records().isEmpty()) {
                    break;
                }
                all.addAll(read.records());
                cursor = read.nextCursor();
            }
            // at least every acknowledged batch, whole batches only, contiguous and in order
            assertThat(all.size()).isGreaterThanOrEqualTo((int) (lastAck + 1) * KillTarget.BATCH);
            assertThat(all.size() % KillTarget.BATCH).isZero();
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).sequence()).isEqualTo(i);
                String expected = (i / KillTarget.BATCH) + ":" + (i % KillTarget.BATCH);
                assertThat(new String(all.get(i).blob(), StandardCharsets.UTF_8))
                        .isEqualTo(expected);
            }
            // and the recovered engine keeps writing after them
            engine.putRecordsByShard(
                    "kill",
                    "t",
                    "0",
                    List.of(
                            new DataHubEngine.PutRecord(
                                    null, null, null, null, null, new byte[1])));
            assertThat(
                            engine.getCursor("kill", "t", "0", DataHubEngine.CursorType.LATEST, 0)
                                    .sequence())
                    .isEqualTo(all.size());
        }
    }
}
