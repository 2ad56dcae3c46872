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

package io.github.flinkdatahub.connector.source.enumerator;

import io.github.flinkdatahub.connector.client.CursorResult;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.SeekOutOfRangeException;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardSealedException;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.StartingPosition;
import io.github.flinkdatahub.connector.source.StoppingPosition;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.ShardPosition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns newly listed shards into splits with concrete start and stop positions. Makes network
 * calls, so it runs only inside {@code SplitEnumeratorContext#callAsync}, never on the coordinator
 * thread.
 *
 * <p>The starting position applies to the shards of the first discovery only; shards found later
 * (children of splits and merges) start at their oldest record, so nothing is skipped.
 */
final class SplitFactory {

    private final DataHubSourceConfig config;
    private final Map<String, RecordSchema> schemas = new HashMap<>();

    SplitFactory(DataHubSourceConfig config) {
        this.config = config;
    }

    /** Builds splits for the shards of a topic that are not known yet. */
    List<DataHubShardSplit> newSplits(
            DataHubClient client, String topic, List<ShardInfo> shards, boolean initial) {
        List<DataHubShardSplit> out = new ArrayList<>();
        Map<String, SubscriptionOffset> committed = Map.of();
        if (initial
                && config.startingPosition().kind() == StartingPosition.Kind.SUBSCRIPTION
                && !shards.isEmpty()) {
            committed =
                    client.getOffsets(
                            config.project(),
                            topic,
                            config.subscriptionId(),
                            shards.stream().map(ShardInfo::shardId).toList());
        }
        for (ShardInfo shard : shards) {
            ShardPosition start =
                    initial ? start(client, topic, shard, committed) : ShardPosition.earliest();
            Long stopSequence = null;
            Long stopTimestamp = null;
            StoppingPosition stop = config.stoppingPosition();
            if (stop != null) {
                switch (stop.kind()) {
                    case LATEST:
                        stopSequence = latestSequence(client, topic, shard.shardId());
                        break;
                    case SEQUENCES:
                        Long given = lookup(stop.sequences(), topic, shard.shardId());
                        stopSequence =
                                given != null
                                        ? given
                                        : latestSequence(client, topic, shard.shardId());
                        break;
                    case TIMESTAMP:
                        stopTimestamp = stop.timestamp();
                        if (stop.timestamp() < System.currentTimeMillis()) {
                            // Nothing later than now can carry an earlier system time.
                            stopSequence = latestSequence(client, topic, shard.shardId());
                        }
                        break;
                    default:
                        throw new IllegalStateException("Unknown stop " + stop);
                }
            }
            out.add(
                    new DataHubShardSplit(
                            topic,
                            shard.shardId(),
                            start,
                            stopSequence,
                            stopTimestamp,
                            shard.parentShardIds(),
                            shard.beginHashKey(),
                            shard.endHashKey(),
                            false));
        }
        return out;
    }

    private ShardPosition start(
            DataHubClient client,
            String topic,
            ShardInfo shard,
            Map<String, SubscriptionOffset> committed) {
        StartingPosition sp = config.startingPosition();
        String shardId = shard.shardId();
        switch (sp.kind()) {
            case EARLIEST:
                return ShardPosition.earliest();
            case LATEST:
                return ShardPosition.atSequence(latestSequence(client, topic, shardId) + 1);
            case TIMESTAMP:
                try {
                    CursorResult c =
                            client.getCursor(
                                    config.project(),
                                    topic,
                                    shardId,
                                    CursorType.SYSTEM_TIME,
                                    sp.timestamp());
                    return ShardPosition.atSequence(c.sequence());
                } catch (SeekOutOfRangeException afterLastRecord) {
                    return ShardPosition.atSequence(latestSequence(client, topic, shardId) + 1);
                }
            case SEQUENCES:
                Long next = lookup(sp.sequences(), topic, shardId);
                return next != null
                        ? ShardPosition.atSequence(next)
                        : fallback(client, topic, shardId, sp, "no sequence in the map");
            case SUBSCRIPTION:
                SubscriptionOffset o = committed.get(shardId);
                // The committed offset is the last processed record (sequence, index in its
                // batch): continue with the record after it, which is the next batch when that
                // record ended its batch (the split reader drops the batch's processed head).
                return o != null && o.sequence() >= 0
                        ? ShardPosition.atSequence(o.sequence(), o.batchIndex() + 1)
                        : fallback(client, topic, shardId, sp, "no committed offset");
            default:
                throw new IllegalStateException("Unknown start " + sp);
        }
    }

    private ShardPosition fallback(
            DataHubClient client, String topic, String shardId, StartingPosition sp, String why) {
        switch (sp.fallback()) {
            case EARLIEST:
                return ShardPosition.earliest();
            case LATEST:
                return ShardPosition.atSequence(latestSequence(client, topic, shardId) + 1);
            default:
                throw new IllegalStateException(
                        "Starting position "
                                + sp
                                + ": shard "
                                + topic
                                + "/"
                                + shardId
                                + " has "
                                + why
                                + " and the fallback is FAIL");
        }
    }

    private static Long lookup(Map<String, Long> map, String topic, String shardId) {
        Long v = map.get(DataHubShardSplit.splitId(topic, shardId));
        return v != null ? v : map.get(shardId);
    }

    /**
     * The sequence of the shard's newest retained record, or one less than the tail when nothing is
     * retained. Reads from the LATEST cursor rather than trusting its RecordTime, whose value on an
     * empty shard is unconfirmed (protocol notes 4.4).
     */
    long latestSequence(DataHubClient client, String topic, String shardId) {
        CursorResult c = client.getCursor(config.project(), topic, shardId, CursorType.LATEST);
        try {
            RecordSchema schema =
                    schemas.computeIfAbsent(
                            topic, t -> client.getTopic(config.project(), t).schema());
            GetRecordsResult r =
                    client.getRecords(config.project(), topic, shardId, c.cursor(), 1, schema);
            return r.records().isEmpty() ? c.sequence() - 1 : r.records().get(0).sequence();
        } catch (ShardSealedException closedAndEmptyAtCursor) {
            return c.sequence() - 1;
        }
    }
}
