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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.OffsetInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.DataInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType.OLDEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A durable engine recovers everything after an abrupt stop (simulated by opening a second engine
 * on the directory without closing the first) and drops a torn journal tail.
 */
class DurabilityTest extends EngineFixture {

    @TempDir Path dir;

    private final List<DataHubEngine> abandoned = new ArrayList<>();

    private DataHubEngine durable(FsyncPolicy policy) {
        DataHubEngine e = DataHubEngine.open(options().dataDir(dir).fsyncPolicy(policy).build());
        abandoned.add(e);
        return e;
    }

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void everythingSurvivesAnAbruptStop(FsyncPolicy policy) {
        survivesAbruptStop(policy, false);
    }

    @Test
    void everythingSurvivesCompactionAndAnAbruptStop() {
        survivesAbruptStop(FsyncPolicy.ALWAYS, true);
    }

    private void survivesAbruptStop(FsyncPolicy policy, boolean compact) {
        engine.close();
        engine = durable(policy);
        tupleTopic(2);
        engine.createTopic(P, "blobs", blobSpec(1));
        engine.deleteTopic(P, "blobs");
        engine.createTopic(P, "blobs", blobSpec(1)); // a new incarnation, new cursors
        put("0", 3, 0);
        clock.advance(Duration.ofSeconds(6));
        put("0", 2, 3);
        engine.putRecords(P, T, tuples(4, 100));
        engine.splitShard(P, T, "1", "F" + "0".repeat(31));
        engine.appendFields(P, T, List.of(new DataHubEngine.FieldSpec("x", "STRING", false, "")));
        engine.updateTopic(P, T, "updated", 5);
        String sub = engine.createSubscription(P, T, "s");
        engine.openOffsetSession(P, T, sub, List.of("0"));
        engine.openOffsetSession(P, T, sub, List.of("0"));
        engine.commitOffsets(P, T, sub, Map.of("0", new OffsetInfo(4, 77, 0, 2L, 1)));
        engine.resetOffsets(P, T, sub, Map.of("2", new OffsetInfo(1, 2, 0, null, 0)));
        if (compact) {
            for (int i = 0; i < 30; i++) {
                engine.updateTopic(P, T, "churn " + i, 5); // history compaction drops
            }
            long size = journalSize();
            ((EngineImpl) engine).coreForTests().compact();
            assertThat(journalSize()).isLessThan(size);
            engine.putRecordsByShard(P, T, "0", List.of(tuple("8", "v8", "x")));
        }
        engine.updateSubscriptionState(P, T, sub, false);

        ReadResult before = engine.getRecords(P, T, "0", oldest("0"), 100);
        var shardsBefore = engine.listShards(P, T);
        var topicBefore = engine.getTopic(P, T);
        var offsetsBefore = engine.getOffsets(P, T, sub, List.of());

        // no close(): the old engine is simply abandoned, as after kill -9
        DataHubEngine recovered = durable(policy);
        engine = recovered;
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 100)).isEqualTo(before);
        assertThat(engine.listShards(P, T)).isEqualTo(shardsBefore);
        assertThat(engine.getTopic(P, T)).isEqualTo(topicBefore);
        assertThat(engine.getOffsets(P, T, sub, List.of())).isEqualTo(offsetsBefore);
        assertThat(engine.getSubscription(P, T, sub).state()).isZero();
        assertThat(engine.listTopics(P, null)).containsExactly("blobs", "topic");

        // new writes continue the sequences, new subscriptions get fresh ids, sessions go on
        engine.putRecordsByShard(P, T, "0", List.of(tuple("9", "v9", "x")));
        long expected = compact ? 8 : 7; // 0-4 by shard, 5-6 routed, 7 after compaction
        assertThat(engine.getRecords(P, T, "0", before.nextCursor(), 10).records())
                .singleElement()
                .satisfies(r -> assertThat(r.sequence()).isEqualTo(expected));
        assertThat(engine.createSubscription(P, T, "s2")).isNotEqualTo(sub);
        assertThat(engine.openOffsetSession(P, T, sub, List.of("0")).get("0").sessionId())
                .isEqualTo(3L);
    }

    @Test
    void cleanCloseAndReopen() {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1);
        put("0", 2, 0);
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records()).hasSize(2);
    }

    @Test
    void tornTailIsTruncated() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1);
        put("0", 2, 0);
        Path journal = dir.resolve(Journal.FILE_NAME);
        long goodSize = Files.size(journal);
        put("0", 3, 2);
        long fullSize = Files.size(journal);
        assertThat(fullSize).isGreaterThan(goodSize);
        engine.close();
        // cut the last entry in the middle
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(goodSize + (fullSize - goodSize) / 2);
        }
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(Files.size(journal)).isEqualTo(goodSize);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records()).hasSize(2);
        put("0", 1, 9);
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        var read = engine.getRecords(P, T, "0", oldest("0"), 10).records();
        assertThat(read).extracting(r -> r.sequence()).containsExactly(0L, 1L, 2L);
        assertThat(read.get(2).tupleValues().get(0)).isEqualTo("9");
    }

    @Test
    void journalStartsWithAVersionedFileHeader() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1);
        engine.close();
        try (DataInputStream in =
                new DataInputStream(Files.newInputStream(dir.resolve(Journal.FILE_NAME)))) {
            assertThat(in.readInt()).isEqualTo(0x4448454A); // "DHEJ"
            assertThat(in.readInt()).isEqualTo(Journal.FORMAT_VERSION);
        }
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.getTopic(P, T).shardCount()).isEqualTo(1);
    }

    @Test
    void aFormatOneJournalIsReadAndItsHeaderRaisedBeforeNewEntries() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1);
        engine.close();
        Path journal = dir.resolve(Journal.FILE_NAME);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.seek(4);
            f.writeInt(1); // what an emulator of format 1 wrote (its events are a subset)
        }
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.getTopic(P, T).shardCount()).isEqualTo(1);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(journal))) {
            in.readInt();
            assertThat(in.readInt()).isEqualTo(Journal.FORMAT_VERSION);
        }
    }

    @Test
    void unknownJournalFormatIsRefusedNotMisread() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1);
        engine.close();
        Path journal = dir.resolve(Journal.FILE_NAME);
        byte[] before = Files.readAllBytes(journal);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.seek(4);
            f.writeInt(Journal.FORMAT_VERSION + 1);
        }
        assertThatThrownBy(() -> durable(FsyncPolicy.ALWAYS))
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("journal format " + (Journal.FORMAT_VERSION + 1))
                .hasMessageContaining("reads formats 1 to " + Journal.FORMAT_VERSION);
        // Nothing was truncated or rewritten.
        assertThat(Files.size(journal)).isEqualTo(before.length);

        Files.write(journal, "not a journal at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> durable(FsyncPolicy.ALWAYS))
                .hasMessageContaining("does not hold a DataHub emulator journal");
    }

    @Test
    void tornFileHeaderStartsAnEmptyJournal() throws Exception {
        engine.close();
        Files.createDirectories(dir);
        Files.write(dir.resolve(Journal.FILE_NAME), new byte[] {0x44, 0x48, 0x45});
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.listProjects(null)).isEmpty();
        tupleTopic(1);
        put("0", 2, 0);
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records()).hasSize(2);
    }

    @Test
    void tornHeaderIsTruncated() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1);
        put("0", 2, 0);
        engine.close();
        Path journal = dir.resolve(Journal.FILE_NAME);
        long goodSize = Files.size(journal);
        Files.write(journal, new byte[] {0, 0, 1}, java.nio.file.StandardOpenOption.APPEND);
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(Files.size(journal)).isEqualTo(goodSize);
        assertThat(engine.getRecords(P, T, "0", oldest("0"), 10).records()).hasSize(2);
    }

    @Test
    void backgroundSweepCompacts() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.NONE);
        tupleTopic(1);
        for (int i = 0; i < 50; i++) {
            engine.updateTopic(P, T, "comment " + i, null);
        }
        engine.close();
        long size = journalSize();
        engine =
                DataHubEngine.open(
                        options()
                                .dataDir(dir)
                                .compactionThresholdBytes(size + 1) // not at open
                                .retentionCheckInterval(Duration.ofMillis(10))
                                .build());
        abandoned.add(engine);
        assertThat(journalSize()).isEqualTo(size);
        engine.updateTopic(P, T, "last", null); // now past the threshold
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (journalSize() > size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(journalSize()).isLessThan(size / 2);
        engine.updateTopic(P, T, "after", null);
        engine = durable(FsyncPolicy.NONE);
        assertThat(engine.getTopic(P, T).comment()).isEqualTo("after");
    }

    @Test
    void corruptEntryEndsReplay() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.NONE);
        tupleTopic(1);
        put("0", 1, 0);
        Path journal = dir.resolve(Journal.FILE_NAME);
        long goodSize = Files.size(journal);
        put("0", 1, 1);
        engine.close();
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.seek(Files.size(journal) - 1);
            int b = f.read();
            f.seek(Files.size(journal) - 1);
            f.write(b ^ 0xFF);
        }
        engine = durable(FsyncPolicy.NONE);
        assertThat(Files.size(journal)).isEqualTo(goodSize);
        assertThat(engine.getCursor(P, T, "0", DataHubEngine.CursorType.LATEST, 0).sequence())
                .isZero();
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isZero();
    }

    @Test
    void recoveredRecordsExpireByTheirOriginalTime() {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1); // 3 days
        put("0", 1, 0);
        clock.advance(Duration.ofDays(3).plusMillis(1));
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isEqualTo(1);
    }

    @Test
    void concurrentWritersShareFsyncsAndAllSurvive() throws Exception {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int b = 0; b < 25; b++) {
                                        put(Integer.toString(writer % 2), 5, (writer * 25 + b) * 5);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        engine = durable(FsyncPolicy.ALWAYS);
        Set<String> ids = new HashSet<>();
        for (String shard : List.of("0", "1")) {
            var records = engine.getRecords(P, T, shard, oldest(shard), 1000).records();
            assertThat(records).hasSize(250);
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).sequence()).isEqualTo(i);
                ids.add(records.get(i).tupleValues().get(0));
            }
        }
        assertThat(ids).hasSize(500);
    }

    @Test
    void compactionDropsExpiredRecordsAndKeepsPositions() {
        engine.close();
        engine = durable(FsyncPolicy.ALWAYS);
        tupleTopic(1); // 3 days
        for (int i = 0; i < 100; i++) {
            engine.putRecordsByShard(
                    P, T, "0", List.of(tuple(Integer.toString(i), "x".repeat(100))));
        }
        clock.advance(Duration.ofDays(2));
        put("0", 2, 100);
        clock.advance(Duration.ofDays(1).plusMillis(1)); // the first 100 have expired
        long size = journalSize();
        ((EngineImpl) engine).coreForTests().compact();
        assertThat(journalSize()).isLessThan(size / 4);
        engine = durable(FsyncPolicy.ALWAYS);
        assertThat(engine.getCursor(P, T, "0", OLDEST, 0).sequence()).isEqualTo(100);
        var read = engine.getRecords(P, T, "0", oldest("0"), 10);
        assertThat(read.records()).extracting(r -> r.sequence()).containsExactly(100L, 101L);
        assertThat(read.records().get(0).systemTimeMillis())
                .isEqualTo(START.plus(Duration.ofDays(2)).toEpochMilli());
        clock.advance(Duration.ofDays(3));
        // nothing retained: positions and LatestTime survive another compaction
        ((EngineImpl) engine).coreForTests().compact();
        engine = durable(FsyncPolicy.ALWAYS);
        ReadResult empty = engine.getRecords(P, T, "0", oldest("0"), 10);
        assertThat(empty.records()).isEmpty();
        assertThat(empty.latestSequence()).isEqualTo(101);
        assertThat(empty.latestTimeMillis())
                .isEqualTo(START.plus(Duration.ofDays(2)).toEpochMilli());
        put("0", 1, 102);
        assertThat(engine.getCursor(P, T, "0", DataHubEngine.CursorType.LATEST, 0).sequence())
                .isEqualTo(102);
    }

    @Test
    void compactsOnOpenPastTheThreshold() {
        engine.close();
        engine = durable(FsyncPolicy.NONE);
        tupleTopic(1);
        for (int i = 0; i < 50; i++) {
            engine.updateTopic(P, T, "comment " + i, null);
        }
        long size = journalSize();
        engine =
                DataHubEngine.open(
                        options().dataDir(dir).compactionThresholdBytes(size / 2).build());
        abandoned.add(engine);
        assertThat(journalSize()).isLessThan(size / 2);
        assertThat(engine.getTopic(P, T).comment()).isEqualTo("comment 49");
    }

    private long journalSize() {
        try {
            return Files.size(dir.resolve(Journal.FILE_NAME));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    void closeEngine() {
        abandoned.forEach(DataHubEngine::close);
        engine.close();
    }
}
