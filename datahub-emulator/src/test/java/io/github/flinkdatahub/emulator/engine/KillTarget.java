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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.TopicSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link EngineKillITCase}: writes batches to a durable engine forever and prints
 * {@code ACK n} after batch n is acknowledged, until it is killed.
 */
public final class KillTarget {

    static final int BATCH = 10;

    private KillTarget() {}

    public static void main(String[] args) {
        DataHubEngine engine =
                DataHubEngine.open(EngineOptions.builder().dataDir(Path.of(args[0])).build());
        engine.createProject("kill", "");
        engine.createTopic(
                "kill", "t", new TopicSpec(RecordType.BLOB, 1, 7, null, List.of(), "", ""));
        System.out.println("READY");
        System.out.flush();
        for (long n = 0; ; n++) {
            List<PutRecord> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String value = n + ":" + i;
                batch.add(new PutRecord(null, null, null, null, null, value.getBytes()));
            }
            engine.putRecordsByShard("kill", "t", "0", batch);
            System.out.println("ACK " + n);
            System.out.flush();
        }
    }
}
