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

package io.github.flinkdatahub.connector.testutils;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.CursorResult;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.InvalidCursorException;
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.SeekOutOfRangeException;
import io.github.flinkdatahub.connector.client.ShardSealedException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of cursors and reads (see {@link ContractTestBase}). */
public abstract class ReadContractTest extends ContractTestBase {

    // ---- cursors

    @Test
    void cursorsOnAnEmptyShard() {
        tupleTopic(1);
        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        assertThat(oldest.sequence()).isZero();
        assertThat(oldest.recordTime()).isZero();
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.LATEST).sequence()).isZero();
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 0).sequence())
                .as("the tail position latest+1 = 0")
                .isZero();
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 1))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThat(
                        client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        nowMillis() - 1000)
                                .sequence())
                .as("a past time with no record after it: the tail")
                .isZero();
        assertThatThrownBy(
                        () ->
                                client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        nowMillis() + 3_600_000))
                .isInstanceOf(SeekOutOfRangeException.class);

        GetRecordsResult empty =
                client.getRecords(project, TOPIC, "0", oldest.cursor(), 10, SCHEMA);
        assertThat(empty.records()).isEmpty();
        assertThat(empty.nextCursor()).isEqualTo(oldest.cursor());
        assertThat(empty.latestSequence()).isEqualTo(-1);
        assertThat(empty.startSequence()).isZero();
    }

    @Test
    void cursorsOverData() {
        tupleTopic(1);
        List<Long> times = writeSpaced("0", 5);
        assertThat(times).isSorted().doesNotHaveDuplicates();

        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        assertThat(oldest.sequence()).isZero();
        assertThat(oldest.recordTime()).isEqualTo(times.get(0));
        CursorResult latest = client.getCursor(project, TOPIC, "0", CursorType.LATEST);
        assertThat(latest.sequence()).isEqualTo(4);
        assertThat(latest.recordTime()).isEqualTo(times.get(4));
        assertThat(client.getRecords(project, TOPIC, "0", latest.cursor(), 10, SCHEMA).records())
                .as("LATEST reads the newest record")
                .extracting(ReadRecord::sequence)
                .containsExactly(4L);

        CursorResult two = client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 2);
        assertThat(two.sequence()).isEqualTo(2);
        assertThat(two.recordTime()).isEqualTo(times.get(2));
        CursorResult tail = client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 5);
        assertThat(tail.sequence()).isEqualTo(5);
        assertThat(tail.recordTime()).isZero();
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 6))
                .isInstanceOf(SeekOutOfRangeException.class);

        assertThat(
                        client.getCursor(project, TOPIC, "0", CursorType.SYSTEM_TIME, times.get(3))
                                .sequence())
                .isEqualTo(3);
        assertThat(
                        client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        times.get(3) - 1)
                                .sequence())
                .as("the first record at or after the time")
                .isEqualTo(3);
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.SYSTEM_TIME, 0).sequence())
                .isZero();
        assertThat(
                        client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        times.get(4) + 1)
                                .sequence())
                .as("after the last record but not in the future: the tail")
                .isEqualTo(5);
        assertThatThrownBy(
                        () ->
                                client.getCursor(
                                        project,
                                        TOPIC,
                                        "0",
                                        CursorType.SYSTEM_TIME,
                                        nowMillis() + 3_600_000))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "7", CursorType.OLDEST))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ---- reads

    @Test
    void getRecordsHonoursTheLimitAndReportsTheLatestSequence() {
        tupleTopic(1);
        List<Long> times = writeSpaced("0", 5);
        String cursor = client.getCursor(project, TOPIC, "0", CursorType.OLDEST).cursor();
        GetRecordsResult first = client.getRecords(project, TOPIC, "0", cursor, 2, SCHEMA);
        assertThat(first.records()).extracting(ReadRecord::sequence).containsExactly(0L, 1L);
        assertThat(first.records().get(1).payload()).isEqualTo(row(1, "r1"));
        assertThat(first.records()).extracting(ReadRecord::shardId).containsOnly("0");
        assertThat(first.startSequence()).isZero();
        assertThat(first.latestSequence()).isEqualTo(4);
        assertThat(first.latestTime()).isEqualTo(times.get(4));
        assertThat(first.nextCursor()).isEqualTo(first.records().get(1).nextCursor());

        GetRecordsResult rest =
                client.getRecords(project, TOPIC, "0", first.nextCursor(), 1000, SCHEMA);
        assertThat(rest.records()).extracting(ReadRecord::sequence).containsExactly(2L, 3L, 4L);
        assertThat(rest.startSequence()).isEqualTo(2);

        GetRecordsResult atTail =
                client.getRecords(project, TOPIC, "0", rest.nextCursor(), 10, SCHEMA);
        assertThat(atTail.records()).isEmpty();
        assertThat(atTail.nextCursor())
                .as("an empty read returns the request cursor")
                .isEqualTo(rest.nextCursor());
        assertThat(atTail.latestSequence()).isEqualTo(4);

        client.putRecordsByShard(project, TOPIC, "0", List.of(PutRecord.of(row(9, "late"))));
        assertThat(
                        client.getRecords(project, TOPIC, "0", atTail.nextCursor(), 10, SCHEMA)
                                .records())
                .extracting(ReadRecord::payload)
                .containsExactly(row(9, "late"));
    }

    @Test
    void attributesAndBlobsRoundTrip() {
        client.createBlobTopic(project, "b", 1, 1, "contract");
        byte[] data = "blob\u0000data".getBytes(StandardCharsets.UTF_8);
        client.putRecordsByShard(
                project,
                "b",
                "0",
                List.of(PutRecord.of(BlobRecord.of(data)).withAttributes(Map.of("k", "v"))));
        String cursor = client.getCursor(project, "b", "0", CursorType.OLDEST).cursor();
        ReadRecord r = client.getRecords(project, "b", "0", cursor, 10, null).records().get(0);
        assertThat(((BlobRecord) r.payload()).data()).isEqualTo(data);
        assertThat(r.attributes()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void theEndOfAClosedShardIsShardSealed() {
        tupleTopic(1);
        writeSpaced("0", 2);
        advanceMillis(6_000); // a shard younger than 5 s cannot be split
        client.splitShard(project, TOPIC, "0");
        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        GetRecordsResult drained =
                client.getRecords(project, TOPIC, "0", oldest.cursor(), 10, SCHEMA);
        assertThat(drained.records()).hasSize(2);
        assertThatThrownBy(
                        () ->
                                client.getRecords(
                                        project, TOPIC, "0", drained.nextCursor(), 10, SCHEMA))
                .isInstanceOf(ShardSealedException.class)
                .satisfies(
                        e ->
                                assertThat(PutErrorClass.of((DataHubException) e))
                                        .isEqualTo(PutErrorClass.REROUTE));
        assertThat(client.getCursor(project, TOPIC, "0", CursorType.LATEST).sequence())
                .as("cursors still work on a CLOSED shard")
                .isEqualTo(1);
        assertThatThrownBy(
                        () ->
                                client.putRecordsByShard(
                                        project, TOPIC, "0", List.of(PutRecord.of(row(1, "x")))))
                .isInstanceOf(ShardSealedException.class);
    }

    @Test
    void anExpiredOrForeignCursorIsInvalid() {
        tupleTopic(2);
        writeSpaced("0", 3);
        String old = client.getCursor(project, TOPIC, "0", CursorType.OLDEST).cursor();
        assertThatThrownBy(() -> client.getRecords(project, TOPIC, "1", old, 10, SCHEMA))
                .as("a cursor of another shard")
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(
                        () ->
                                client.getRecords(
                                        project,
                                        TOPIC,
                                        "0",
                                        "30000000000000000000000000000001",
                                        10,
                                        SCHEMA))
                .isInstanceOf(InvalidCursorException.class);
        expireAllRecords(project, TOPIC, "0");
        assertThatThrownBy(() -> client.getRecords(project, TOPIC, "0", old, 10, SCHEMA))
                .isInstanceOf(InvalidCursorException.class);
        CursorResult oldest = client.getCursor(project, TOPIC, "0", CursorType.OLDEST);
        assertThat(oldest.sequence()).as("OLDEST moves past the expired records").isEqualTo(3);
        assertThatThrownBy(() -> client.getCursor(project, TOPIC, "0", CursorType.SEQUENCE, 0))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThat(client.getRecords(project, TOPIC, "0", oldest.cursor(), 10, SCHEMA).records())
                .isEmpty();
    }
}
