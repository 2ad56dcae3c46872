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

import java.util.List;
import java.util.Map;

/** The engine implementation (work in progress). */
final class EngineImpl implements DataHubEngine {

    private final EngineOptions options;

    private EngineImpl(EngineOptions options) {
        this.options = options;
    }

    static EngineImpl open(EngineOptions options) {
        return new EngineImpl(options);
    }

    @Override
    public void close() {}

    @Override
    public void createProject(String project, String comment) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ProjectInfo getProject(String project) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<String> listProjects(String filter) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void updateProject(String project, String comment) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void deleteProject(String project) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void createTopic(String project, String topic, TopicSpec spec) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public TopicInfo getTopic(String project, String topic) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<String> listTopics(String project, String filter) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void updateTopic(String project, String topic, String comment, Integer lifecycleDays) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void deleteTopic(String project, String topic) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void appendFields(String project, String topic, List<FieldSpec> fields) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<ShardInfo> listShards(String project, String topic) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<ShardInfo> splitShard(
            String project, String topic, String shardId, String splitKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ShardInfo mergeShard(
            String project, String topic, String shardId, String adjacentShardId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<PutFailure> putRecords(String project, String topic, List<PutRecord> records) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void putRecordsByShard(
            String project, String topic, String shardId, List<PutRecord> records) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ReadResult getRecords(
            String project, String topic, String shardId, String cursor, int limit) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public MeterInfo getMeter(String project, String topic, String shardId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public String createSubscription(String project, String topic, String comment) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public SubscriptionInfo getSubscription(String project, String topic, String subId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public SubscriptionPage listSubscriptions(
            String project, String topic, int pageIndex, int pageSize, String search) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void updateSubscriptionComment(
            String project, String topic, String subId, String comment) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void updateSubscriptionState(
            String project, String topic, String subId, boolean online) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void deleteSubscription(String project, String topic, String subId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Map<String, OffsetInfo> openOffsetSession(
            String project, String topic, String subId, List<String> shardIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Map<String, OffsetInfo> getOffsets(
            String project, String topic, String subId, List<String> shardIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void commitOffsets(
            String project, String topic, String subId, Map<String, OffsetInfo> offsets) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void resetOffsets(
            String project, String topic, String subId, Map<String, OffsetInfo> offsets) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
