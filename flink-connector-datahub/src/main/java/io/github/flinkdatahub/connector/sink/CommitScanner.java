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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.SeekOutOfRangeException;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardSealedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Finds which records of a committable are already in the topic: reads the committable's shard from
 * its base sequence to the current end, and every shard split or merged from it (directly or not)
 * from {@link #DESCENDANT_SCAN_MARGIN} before the committable was staged, collecting the {@value
 * DataHubCommittable#TXN_ATTRIBUTE} values of the committable. Blocking; committer thread.
 */
final class CommitScanner {

    private static final Logger LOG = LoggerFactory.getLogger(CommitScanner.class);

    /**
     * How far before staging a child shard is read: covers clock skew between Flink and DataHub.
     */
    static final Duration DESCENDANT_SCAN_MARGIN = Duration.ofMinutes(5);

    private static final int READ_LIMIT = 1000;

    private final SinkSettings settings;
    private final DataHubClient client;
    private final Backoff backoff;

    CommitScanner(SinkSettings settings, DataHubClient client, Backoff backoff) {
        this.settings = settings;
        this.client = client;
        this.backoff = backoff;
    }

    List<ShardInfo> listShards() throws IOException, InterruptedException {
        return retrying("ListShard", () -> client.listShards(settings.project(), settings.topic()));
    }

    /** The record ids ({@code txnId/index}) of the committable that are already written. */
    Set<String> presentIds(DataHubCommittable c) throws IOException, InterruptedException {
        String prefix = c.txnId() + "/";
        Set<String> ids = new HashSet<>();
        List<ShardInfo> shards = listShards();
        scan(c, c.shardId(), true, prefix, ids);
        for (String child : descendants(shards, c.shardId())) {
            scan(c, child, false, prefix, ids);
        }
        return ids;
    }

    private void scan(
            DataHubCommittable c, String shard, boolean own, String prefix, Set<String> ids)
            throws IOException, InterruptedException {
        String cursor;
        long end;
        try {
            end =
                    retrying(
                                    "GetCursor",
                                    () ->
                                            client.getCursor(
                                                    settings.project(),
                                                    settings.topic(),
                                                    shard,
                                                    CursorType.LATEST))
                            .sequence();
            cursor = startCursor(c, shard, own);
        } catch (IOException e) {
            if (PutFailures.unwrap(e.getCause()) instanceof ResourceNotFoundException) {
                return; // the shard is gone (retention): nothing of it can be read
            }
            throw e;
        }
        if (cursor == null) {
            return;
        }
        while (true) {
            String from = cursor;
            GetRecordsResult result;
            try {
                result =
                        retrying(
                                "GetRecords",
                                () ->
                                        client.getRecords(
                                                settings.project(),
                                                settings.topic(),
                                                shard,
                                                from,
                                                READ_LIMIT,
                                                c.schema()));
            } catch (IOException e) {
                if (PutFailures.unwrap(e.getCause()) instanceof ShardSealedException) {
                    return; // read to the end of a closed shard
                }
                throw e;
            }
            for (ReadRecord r : result.records()) {
                String id = r.attributes().get(DataHubCommittable.TXN_ATTRIBUTE);
                if (id != null && id.startsWith(prefix)) {
                    ids.add(id);
                }
            }
            List<ReadRecord> records = result.records();
            if (records.isEmpty() || records.get(records.size() - 1).sequence() >= end) {
                return;
            }
            cursor = result.nextCursor();
        }
    }

    private String startCursor(DataHubCommittable c, String shard, boolean own)
            throws IOException, InterruptedException {
        CursorType type;
        long parameter;
        if (own && c.baseSequence() >= 0) {
            type = CursorType.SEQUENCE;
            parameter = c.baseSequence();
        } else if (own) {
            type = CursorType.OLDEST;
            parameter = 0;
        } else {
            type = CursorType.SYSTEM_TIME;
            parameter = Math.max(0, c.createdMillis() - DESCENDANT_SCAN_MARGIN.toMillis());
        }
        try {
            return retrying(
                            "GetCursor",
                            () ->
                                    client.getCursor(
                                            settings.project(),
                                            settings.topic(),
                                            shard,
                                            type,
                                            parameter))
                    .cursor();
        } catch (IOException e) {
            if (!(PutFailures.unwrap(e.getCause()) instanceof SeekOutOfRangeException)) {
                throw e;
            }
            if (type == CursorType.SYSTEM_TIME) {
                return null; // no record at or after that time: nothing to find
            }
            // Retention removed records after the base sequence: read what is left. A record of
            // ours that expired too cannot be told apart from one never written (docs/sink.md).
            LOG.warn(
                    "Sequence {} of shard {} of {} has expired; looking up {} from the oldest"
                            + " record",
                    parameter,
                    shard,
                    settings.topicPath(),
                    c.txnId());
            return retrying(
                            "GetCursor",
                            () ->
                                    client.getCursor(
                                            settings.project(),
                                            settings.topic(),
                                            shard,
                                            CursorType.OLDEST))
                    .cursor();
        }
    }

    /** Shards that have {@code shardId} as an ancestor, through any number of splits and merges. */
    static List<String> descendants(List<ShardInfo> shards, String shardId) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(shardId));
        while (!todo.isEmpty()) {
            String parent = todo.poll();
            for (ShardInfo s : shards) {
                if (s.parentShardIds().contains(parent) && seen.add(s.shardId())) {
                    out.add(s.shardId());
                    todo.add(s.shardId());
                }
            }
        }
        return out;
    }

    private <R> R retrying(String what, Callable<R> call) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                if (PutFailures.classify(e) != PutErrorClass.RETRY || !backoff.allows(attempt)) {
                    throw new IOException(
                            what + " for topic " + settings.topicPath() + " failed: " + e, e);
                }
                backoff.sleep(attempt);
            }
        }
    }
}
