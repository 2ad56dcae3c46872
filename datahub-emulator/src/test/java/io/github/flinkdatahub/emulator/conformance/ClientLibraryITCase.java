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

import com.aliyun.datahub.client.DatahubClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newBlobTopic;
import static io.github.flinkdatahub.emulator.conformance.ConformanceFixture.newProject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check B18 of protocol section 12.B: the official producer/consumer library
 * (datahub-client-library 1.1.12-public, each role in a JVM of its own on the library's own SDK
 * 2.17.1, see {@link ClientLibraryProcess}) runs a producer and a two-member consumer group against
 * the emulator; every record is consumed exactly once, both members get shards, the second member's
 * first heartbeat is answered {@code ConsumerGroupInProcess} and retried by the library, and the
 * survivor takes over the shards of a member that leaves.
 *
 * <p>The library heartbeats every 0.66 x SessionTimeout (60 s minimum) in real time, and the
 * emulator hands a shard over only after its previous holder stopped listing it, so a rebalance
 * takes about two heartbeat intervals: this test runs for two to three minutes.
 */
class ClientLibraryITCase {

    private static final int SHARDS = 4;
    private static final Duration REBALANCE = Duration.ofMinutes(3);

    private DataHubEmulator emulator;
    private final List<ClientLibraryProcess> processes = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = DataHubEmulator.builder().host("127.0.0.1").port(0).build().start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ClientLibraryProcess p : processes) {
            p.close();
        }
        emulator.close();
    }

    @Test
    void producerAndTwoMemberGroupConsumeEveryRecordExactlyOnce() throws Exception {
        DatahubClient client = SdkMode.PROTOBUF.client(emulator.endpoint());
        String project = newProject(client);
        String topic = newBlobTopic(client, project, SHARDS);
        String subId = client.createSubscription(project, topic, "library group").getSubId();
        String endpoint = emulator.endpoint();

        ClientLibraryProcess producer = start("producer", "produce", endpoint, project, topic);
        Batches batches = new Batches(producer);
        batches.send(200);

        ClientLibraryProcess a = start("consumer-a", "consume", endpoint, project, topic, subId);
        a.awaitLine("READY"::equals, Duration.ofSeconds(60), "consumer A joined");
        ClientLibraryProcess b = start("consumer-b", "consume", endpoint, project, topic, subId);
        b.awaitLine("READY"::equals, Duration.ofSeconds(60), "consumer B joined");

        // Keep producing until B, which joined second, has been handed shards and reads from them.
        awaitWhileProducing(batches, () -> !records(b).isEmpty(), "B consumes records");
        awaitUntil(() -> consumed(a, b).size() == batches.sent, "every record consumed");
        assertExactlyOnce(batches.sent, a, b);
        Set<String> shardsOfA = shards(a);
        Set<String> shardsOfB = shards(b);
        assertThat(shardsOfB).as("B's shards").isNotEmpty();
        assertThat(shardsOfA).as("A's shards").isNotEmpty();
        // B joined while A held every shard: its first heartbeat came in the handover's first
        // second, was answered ConsumerGroupInProcess, and the library retried it.
        assertThat(b.logLines())
                .as("B's log (%s)", "target/client-library/consumer-b.log")
                .anyMatch(
                        line ->
                                line.contains("sleep and retry")
                                        && line.contains("errorCode:ConsumerGroupInProcess"));

        // B leaves the group: A takes over B's shards.
        int readByABefore = records(a).size();
        b.close();
        assertThat(b.lines()).contains("CLOSED");
        awaitWhileProducing(
                batches,
                () -> {
                    Set<String> now = shardsSince(a, readByABefore);
                    return now.containsAll(shardsOfB);
                },
                "A consumes from the shards B left");
        awaitUntil(() -> consumed(a, b).size() == batches.sent, "every record consumed");
        assertExactlyOnce(batches.sent, a, b);
        assertThat(shards(a)).containsExactlyInAnyOrderElementsOf(allShards());
    }

    private ClientLibraryProcess start(String name, String... args) {
        ClientLibraryProcess p = ClientLibraryProcess.start(name, args);
        processes.add(p);
        return p;
    }

    /** Sends 4 calls of 5 records (one shard each, round robin) until the condition holds. */
    private static void awaitWhileProducing(Batches batches, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + REBALANCE.toNanos();
        long nextSend = 0;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            if (System.nanoTime() >= nextSend) {
                batches.send(20);
                nextSend = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
            ClientLibraryProcess.pause();
        }
    }

    private static void awaitUntil(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            ClientLibraryProcess.pause();
        }
    }

    private static void assertExactlyOnce(int sent, ClientLibraryProcess... consumers) {
        Map<String, Integer> times = new HashMap<>();
        for (ClientLibraryProcess c : consumers) {
            for (String[] r : records(c)) {
                times.merge(r[3], 1, Integer::sum);
            }
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < sent; i++) {
            expected.add("rec-" + i);
        }
        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(times).allSatisfy((value, n) -> assertThat(n).as("reads of %s", value).isOne());
    }

    private static Set<String> consumed(ClientLibraryProcess... consumers) {
        Set<String> values = new HashSet<>();
        for (ClientLibraryProcess c : consumers) {
            records(c).forEach(r -> values.add(r[3]));
        }
        return values;
    }

    /** REC lines as {"REC", shardId, sequence, value}. */
    private static List<String[]> records(ClientLibraryProcess c) {
        List<String[]> out = new ArrayList<>();
        for (String line : c.lines()) {
            if (line.startsWith("REC ")) {
                out.add(line.split(" "));
            }
        }
        return out;
    }

    private static Set<String> shards(ClientLibraryProcess c) {
        return shardsSince(c, 0);
    }

    private static Set<String> shardsSince(ClientLibraryProcess c, int from) {
        Set<String> shards = new HashSet<>();
        List<String[]> all = records(c);
        for (int i = from; i < all.size(); i++) {
            shards.add(all.get(i)[1]);
        }
        return shards;
    }

    private static Set<String> allShards() {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < SHARDS; i++) {
            all.add(String.valueOf(i));
        }
        return all;
    }

    /** Numbers the records the producer process sends and waits for its confirmation. */
    private static final class Batches {
        private final ClientLibraryProcess producer;
        private int sent;

        Batches(ClientLibraryProcess producer) {
            this.producer = producer;
        }

        void send(int count) {
            int from = sent;
            producer.send("send " + from + " " + count + " 5");
            producer.awaitLine(
                    ("SENT " + from + " " + count)::equals,
                    Duration.ofSeconds(60),
                    "the producer sent records " + from + "..");
            sent += count;
        }
    }
}
