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

import io.github.flinkdatahub.emulator.engine.SyncConnectors.ConnectorInfo;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.ConnectorSpec;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.ShardStatus;
import io.github.flinkdatahub.emulator.engine.SyncConnectors.Type;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connectors in the engine: durable across an abrupt stop and a compaction, gone with their topic,
 * secrets never kept, and every shard status saying the emulator delivers nothing.
 */
class SyncConnectorsTest extends EngineFixture {

    @TempDir Path dir;

    private final List<DataHubEngine> abandoned = new ArrayList<>();

    private DataHubEngine durable() {
        DataHubEngine e = DataHubEngine.open(options().dataDir(dir).build());
        abandoned.add(e);
        return e;
    }

    @AfterEach
    void closeAbandoned() {
        abandoned.forEach(DataHubEngine::close);
    }

    static Map<String, String> odps() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("Project", "op");
        c.put("Table", "ot");
        c.put("OdpsEndpoint", "http://odps");
        c.put("AccessId", "id");
        c.put("AccessKey", "secret");
        return c;
    }

    @Test
    void connectorsSurviveCompactionAndAnAbruptStop() {
        engine.close();
        engine = durable();
        tupleTopic(2);
        SyncConnectors c = engine.connectors();
        String kept =
                c.create(
                        P,
                        T,
                        new ConnectorSpec(Type.SINK_ODPS, 5_000, List.of("id"), Map.of(), odps()));
        String dropped =
                c.create(
                        P,
                        T,
                        new ConnectorSpec(
                                Type.SINK_DATAHUB,
                                -1,
                                null,
                                Map.of("id", "x"),
                                Map.of("Endpoint", "e", "Project", "p", "Topic", "t")));
        c.updateState(P, T, kept, false);
        clock.advance(Duration.ofSeconds(3));
        c.updateOffset(P, T, kept, "1", 42, 7_000);
        c.appendField(P, T, kept, "NAME");
        c.delete(P, T, dropped);
        ConnectorInfo before = c.get(P, T, kept);
        ((EngineImpl) engine).coreForTests().compact();
        c.reload(P, T, kept, null); // journaled after the compaction

        DataHubEngine reopened = durable(); // the first one is never closed: an abrupt stop
        ConnectorInfo after = reopened.connectors().get(P, T, kept);

        assertThat(reopened.connectors().list(P, T)).containsExactly(kept);
        assertThat(after.columnFields()).containsExactly("id", "name");
        assertThat(after.running()).isFalse();
        assertThat(after.config()).isEqualTo(before.config()).doesNotContainKey("AccessKey");
        assertThat(after.config())
                .containsEntry("PartitionMode", "USER_DEFINE")
                .containsEntry("PartitionConfig", "[]");
        assertThat(after.subscriptionId()).isEqualTo(before.subscriptionId());
        Map<String, ShardStatus> shards = reopened.connectors().shardStatus(P, T, kept, null);
        assertThat(shards.get("1").currentSequence()).isEqualTo(42);
        assertThat(shards.get("1").currentTimestamp()).isEqualTo(7_000);
        assertThat(shards.get("0").currentTimestamp()).isEqualTo(5_000);
        assertThat(shards.get("0").state()).isEqualTo("CONTEXT_STOPPED");
        assertThat(shards.get("0").updateTime()).isEqualTo(clock.millis() / 1000);
        assertThat(shards.values())
                .extracting(ShardStatus::lastErrorMessage)
                .containsOnly(SyncConnectors.NOT_DELIVERED);
        assertThat(reopened.connectors().doneTime(P, T, kept).doneTime()).isEqualTo(5);
    }

    @Test
    void deletingTheTopicDeletesItsConnectorsAlsoOnReplay() {
        engine.close();
        engine = durable();
        tupleTopic(1);
        engine.connectors()
                .create(P, T, new ConnectorSpec(Type.SINK_ODPS, -1, null, Map.of(), odps()));
        engine.deleteTopic(P, T);
        engine.createTopic(P, T, tupleSpec(1));

        assertThat(engine.connectors().list(P, T)).isEmpty();
        assertThat(durable().connectors().list(P, T)).isEmpty();
    }

    @Test
    void newShardsGetStatusesAndMissingKeysAreNamed() {
        tupleTopic(1);
        String id =
                engine.connectors()
                        .create(
                                P,
                                T,
                                new ConnectorSpec(Type.SINK_ODPS, -1, null, Map.of(), odps()));
        clock.advance(Duration.ofSeconds(10));
        engine.splitShard(P, T, "0", "80000000000000000000000000000000");

        assertThat(engine.connectors().shardStatus(P, T, id, null)).containsOnlyKeys("0", "1", "2");
        assertThat(engine.connectors().get(P, T, id).columnFields()).containsExactly("id", "name");
        Map<String, String> noHost = new LinkedHashMap<>(Map.of("Port", "3306"));
        assertError(
                () ->
                        engine.connectors()
                                .create(
                                        P,
                                        T,
                                        new ConnectorSpec(
                                                Type.SINK_MYSQL, -1, null, Map.of(), noHost)),
                "InvalidParameter",
                400);
        Map<String, String> badPort =
                new LinkedHashMap<>(
                        Map.of(
                                "Host",
                                "h",
                                "Port",
                                "x",
                                "Database",
                                "d",
                                "Table",
                                "t",
                                "User",
                                "u"));
        assertError(
                () ->
                        engine.connectors()
                                .create(
                                        P,
                                        T,
                                        new ConnectorSpec(
                                                Type.SINK_MYSQL, -1, null, Map.of(), badPort)),
                "InvalidParameter",
                400);
    }
}
