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

package io.github.flinkdatahub.connector.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.flinkdatahub.connector.client.JsonCalls.nonNull;
import static io.github.flinkdatahub.connector.client.JsonCalls.object;
import static io.github.flinkdatahub.connector.client.JsonCalls.topicPath;

/**
 * Split, merge and waiting for shards (protocol notes: split and merge), all JSON. Split and merge
 * are not idempotent: an ambiguous failure is resolved by listing the shards ({@link
 * NonIdempotentCalls}).
 */
final class ShardAdminCalls {

    private final ShardClient shards;
    private final JsonCalls json;
    private final NonIdempotentCalls nonIdempotent;
    private final Clock clock;
    private final Sleeper sleeper;

    ShardAdminCalls(
            ShardClient shards,
            JsonCalls json,
            NonIdempotentCalls nonIdempotent,
            Clock clock,
            Sleeper sleeper) {
        this.shards = shards;
        this.json = json;
        this.nonIdempotent = nonIdempotent;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    List<ShardRange> splitShard(String project, String topic, String shardId) {
        ShardInfo shard =
                shards.listShards(project, topic).stream()
                        .filter(s -> s.shardId().equals(shardId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ResourceNotFoundException(
                                                "Shard "
                                                        + shardId
                                                        + " of "
                                                        + project
                                                        + "/"
                                                        + topic
                                                        + " is not listed",
                                                0,
                                                "NoSuchShard",
                                                null,
                                                false));
        return splitShard(
                project,
                topic,
                shardId,
                HashKeys.midpoint(shard.beginHashKey(), shard.endHashKey()));
    }

    List<ShardRange> splitShard(String project, String topic, String shardId, String splitKey) {
        HashKeys.parse(splitKey);
        ObjectNode body =
                object().put("Action", "split")
                        .put("ShardId", nonNull(shardId, "shardId"))
                        .put("SplitKey", splitKey);
        return nonIdempotent.run(
                "SplitShard " + project + "/" + topic + "/" + shardId,
                () ->
                        ControlPlaneJson.newShards(
                                json.sendNonIdempotent(
                                        "POST", topicPath(project, topic) + "/shards", body)),
                () -> {
                    List<ShardRange> children = new ArrayList<>();
                    for (ShardInfo s : shards.listShards(project, topic)) {
                        if (s.parentShardIds().equals(List.of(shardId))) {
                            children.add(
                                    new ShardRange(s.shardId(), s.beginHashKey(), s.endHashKey()));
                        }
                    }
                    return children.size() == 2 ? Optional.of(children) : Optional.empty();
                });
    }

    ShardRange mergeShard(String project, String topic, String shardId, String adjacentShardId) {
        ObjectNode body =
                object().put("Action", "merge")
                        .put("ShardId", nonNull(shardId, "shardId"))
                        .put("AdjacentShardId", nonNull(adjacentShardId, "adjacentShardId"));
        return nonIdempotent.run(
                "MergeShard " + project + "/" + topic + "/" + shardId,
                () ->
                        ControlPlaneJson.mergedShard(
                                json.sendNonIdempotent(
                                        "POST", topicPath(project, topic) + "/shards", body)),
                () ->
                        shards.listShards(project, topic).stream()
                                .filter(
                                        s ->
                                                s.parentShardIds().size() == 2
                                                        && s.parentShardIds().contains(shardId)
                                                        && s.parentShardIds()
                                                                .contains(adjacentShardId))
                                .map(
                                        s ->
                                                new ShardRange(
                                                        s.shardId(),
                                                        s.beginHashKey(),
                                                        s.endHashKey()))
                                .findFirst());
    }

    boolean waitForShardsReady(String project, String topic, Duration timeout) {
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            if (shards.listShards(project, topic).stream().allMatch(s -> s.state().isReady())) {
                return true;
            }
            if (clock.millis() >= deadline) {
                return false;
            }
            try {
                sleeper.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataHubException(
                        "Interrupted while waiting for the shards of " + project + "/" + topic,
                        false,
                        e);
            }
        }
    }
}
