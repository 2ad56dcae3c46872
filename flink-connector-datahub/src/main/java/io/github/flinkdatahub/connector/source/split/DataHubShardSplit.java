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

package io.github.flinkdatahub.connector.source.split;

import org.apache.flink.api.connector.source.SourceSplit;

import javax.annotation.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One DataHub shard as a Flink split: immutable. The mutable progress (next sequence) lives in
 * {@link DataHubShardSplitState}; a checkpoint turns it back into a split with {@link
 * #withStart(ShardPosition)}.
 *
 * <p>A split is <i>finished</i> (only seen in a reader's own checkpointed state) when the reader
 * has read it to its end but the enumerator may not know yet; the reader re-reports it after a
 * restore, see {@code DataHubSourceReader}.
 */
public final class DataHubShardSplit implements SourceSplit {

    private final String topic;
    private final String shardId;
    private final ShardPosition start;
    @Nullable private final Long stopSequence;
    @Nullable private final Long stopTimestamp;
    private final List<String> parentShardIds;
    @Nullable private final String beginHashKey;
    @Nullable private final String endHashKey;
    private final boolean finished;

    /** Creates a split; the stop sequence is inclusive, the stop timestamp too. */
    public DataHubShardSplit(
            String topic,
            String shardId,
            ShardPosition start,
            @Nullable Long stopSequence,
            @Nullable Long stopTimestamp,
            List<String> parentShardIds,
            @Nullable String beginHashKey,
            @Nullable String endHashKey,
            boolean finished) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.start = Objects.requireNonNull(start, "start");
        this.stopSequence = stopSequence;
        this.stopTimestamp = stopTimestamp;
        this.parentShardIds = List.copyOf(parentShardIds);
        this.beginHashKey = beginHashKey;
        this.endHashKey = endHashKey;
        this.finished = finished;
    }

    /** A split of a shard without stop and hash range, for tests and simple uses. */
    public static DataHubShardSplit of(
            String topic, String shardId, ShardPosition start, List<String> parents) {
        return new DataHubShardSplit(topic, shardId, start, null, null, parents, null, null, false);
    }

    /** The split id for a topic's shard: {@code topic/shardId}. */
    public static String splitId(String topic, String shardId) {
        return topic + "/" + shardId;
    }

    @Override
    public String splitId() {
        return splitId(topic, shardId);
    }

    /** The DataHub topic. */
    public String topic() {
        return topic;
    }

    /** The shard id within the topic. */
    public String shardId() {
        return shardId;
    }

    /** Where reading starts (or continues after a restore). */
    public ShardPosition start() {
        return start;
    }

    /** The last sequence to read (inclusive), if the source is bounded by sequences. */
    public OptionalLong stopSequence() {
        return stopSequence == null ? OptionalLong.empty() : OptionalLong.of(stopSequence);
    }

    /** The last system time to read (inclusive, ms), if the source is bounded by time. */
    public OptionalLong stopTimestamp() {
        return stopTimestamp == null ? OptionalLong.empty() : OptionalLong.of(stopTimestamp);
    }

    /** The split ids of the parents (same topic) that must be read before this one. */
    public List<String> parentSplitIds() {
        return parentShardIds.stream().map(p -> splitId(topic, p)).toList();
    }

    /** The shard ids of the parents. */
    public List<String> parentShardIds() {
        return parentShardIds;
    }

    /** The first hash key of the shard's range, or null if unknown. */
    @Nullable
    public String beginHashKey() {
        return beginHashKey;
    }

    /** The end hash key (exclusive) of the shard's range, or null if unknown. */
    @Nullable
    public String endHashKey() {
        return endHashKey;
    }

    /** True when the reader has read this split to its end. */
    public boolean isFinished() {
        return finished;
    }

    /** The same split continuing at another position. */
    public DataHubShardSplit withStart(ShardPosition newStart) {
        return new DataHubShardSplit(
                topic,
                shardId,
                newStart,
                stopSequence,
                stopTimestamp,
                parentShardIds,
                beginHashKey,
                endHashKey,
                finished);
    }

    /** The same split marked as read to its end. */
    public DataHubShardSplit asFinished() {
        return new DataHubShardSplit(
                topic,
                shardId,
                start,
                stopSequence,
                stopTimestamp,
                parentShardIds,
                beginHashKey,
                endHashKey,
                true);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataHubShardSplit s)) {
            return false;
        }
        return topic.equals(s.topic)
                && shardId.equals(s.shardId)
                && start.equals(s.start)
                && Objects.equals(stopSequence, s.stopSequence)
                && Objects.equals(stopTimestamp, s.stopTimestamp)
                && parentShardIds.equals(s.parentShardIds)
                && Objects.equals(beginHashKey, s.beginHashKey)
                && Objects.equals(endHashKey, s.endHashKey)
                && finished == s.finished;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, shardId, start, stopSequence, stopTimestamp, finished);
    }

    @Override
    public String toString() {
        return "DataHubShardSplit{"
                + splitId()
                + ", start="
                + start
                + (stopSequence == null ? "" : ", stopSequence=" + stopSequence)
                + (stopTimestamp == null ? "" : ", stopTimestamp=" + stopTimestamp)
                + ", parents="
                + parentShardIds
                + (finished ? ", finished" : "")
                + "}";
    }
}
