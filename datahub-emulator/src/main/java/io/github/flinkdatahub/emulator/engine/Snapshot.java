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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.EngineState.Project;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Journal compaction: the current state written as a short event stream (projects, one snapshot
 * event per topic with its shard topology, the retained records, one event per subscription with
 * its offsets, the id counters). Replaying it rebuilds the same state, so compaction keeps
 * sequences, times, cursors, session ids and versions.
 */
final class Snapshot {

    /** Records per RECORDS event in a snapshot, to keep entries small. */
    private static final int MAX_BATCH = 1000;

    private Snapshot() {}

    /** Writes the state to {@code sink}; the caller has stopped every writer. */
    static void write(EngineState state, Consumer<byte[]> sink) {
        for (Project p : state.projects.values()) {
            sink.accept(
                    new EventCodec.Out(EventCodec.CREATE_PROJECT)
                            .str(p.name)
                            .str(p.comment)
                            .l(p.createTimeMillis)
                            .build());
            sink.accept(
                    new EventCodec.Out(EventCodec.UPDATE_PROJECT)
                            .str(p.name)
                            .str(p.comment)
                            .l(p.lastModifyMillis)
                            .build());
        }
        List<Topic> topics = new ArrayList<>(state.topicsByUid.values());
        topics.sort(Comparator.comparingLong(t -> t.uid));
        for (Topic t : topics) {
            writeTopic(t, sink);
        }
        sink.accept(
                new EventCodec.Out(EventCodec.COUNTERS)
                        .l(state.nextTopicUid)
                        .l(state.subscriptionCounter)
                        .build());
    }

    private static void writeTopic(Topic t, Consumer<byte[]> sink) {
        EventCodec.Out e =
                new EventCodec.Out(EventCodec.TOPIC_SNAPSHOT)
                        .l(t.uid)
                        .str(t.project)
                        .str(t.name)
                        .str(t.recordType.name())
                        .i(t.lifecycleDays)
                        .str(t.schemaJson);
        StateApplier.writeFields(e, t.fields);
        e.str(t.comment)
                .str(t.expandMode)
                .l(t.createTimeMillis)
                .l(t.lastModifyMillis)
                .l(t.roundRobin.get())
                .i(t.shards.size());
        List<Shard.View> views = new ArrayList<>();
        for (Shard s : t.shards.values()) {
            Shard.View v = s.read(0, Integer.MAX_VALUE);
            views.add(v);
            e.i(s.id).str(s.begin.toString(16)).str(s.end.toString(16)).i(s.parents.size());
            s.parents.forEach(e::str);
            e.l(s.createTimeMillis)
                    .bool(!s.isActive())
                    .l(s.closedTimeMillis())
                    .l(v.oldestSeq())
                    .l(v.lastTimeMillis());
        }
        sink.accept(e.build());
        SchemaOps.writeSnapshot(t, sink);
        int i = 0;
        for (Shard s : t.shards.values()) {
            writeRecords(t, s, views.get(i++), sink);
        }
        List<Subscription> subs = new ArrayList<>(t.subscriptions.values());
        subs.sort(Comparator.comparingLong(sub -> sub.order));
        for (Subscription sub : subs) {
            EventCodec.Out se =
                    new EventCodec.Out(EventCodec.SUB_SNAPSHOT)
                            .l(t.uid)
                            .str(sub.subId)
                            .l(sub.order)
                            .str(sub.comment)
                            .bool(sub.online)
                            .l(sub.createTimeMillis)
                            .l(sub.lastModifyMillis)
                            .i(sub.offsets.size());
            sub.offsets.forEach(
                    (shardId, o) ->
                            se.str(shardId)
                                    .l(o.sequence)
                                    .l(o.timestamp)
                                    .l(o.version)
                                    .l(o.sessionId)
                                    .i(o.batchIndex));
            sink.accept(se.build());
        }
    }

    /** Retained records as RECORDS events, one per run of equal system times. */
    private static void writeRecords(Topic t, Shard s, Shard.View v, Consumer<byte[]> sink) {
        List<Shard.Rec> recs = v.records();
        int from = 0;
        while (from < recs.size()) {
            long time = recs.get(from).timeMillis();
            int to = from + 1;
            while (to < recs.size() && to - from < MAX_BATCH && recs.get(to).timeMillis() == time) {
                to++;
            }
            EventCodec.Out e =
                    new EventCodec.Out(EventCodec.RECORDS)
                            .l(t.uid)
                            .i(s.id)
                            .l(v.oldestSeq() + from)
                            .l(time)
                            .i(to - from);
            for (int i = from; i < to; i++) {
                e.bytes(recs.get(i).payload());
            }
            sink.accept(e.build());
            from = to;
        }
    }

    static void applyTopic(EventCodec.In in, EngineState state) {
        long uid = in.l();
        String project = in.str();
        String name = in.str();
        RecordType recordType = RecordType.valueOf(in.str());
        int lifecycle = in.i();
        String schema = in.str();
        var fields = StateApplier.readFields(in);
        String comment = in.str();
        String expandMode = in.str();
        long createTime = in.l();
        Topic t =
                new Topic(
                        uid,
                        project,
                        name,
                        recordType,
                        lifecycle,
                        schema,
                        fields,
                        comment,
                        expandMode,
                        createTime);
        t.lastModifyMillis = in.l();
        t.roundRobin.set(in.l());
        int shards = in.i();
        for (int i = 0; i < shards; i++) {
            int id = in.i();
            BigInteger begin = new BigInteger(in.str(), 16);
            BigInteger end = new BigInteger(in.str(), 16);
            int parentCount = in.i();
            List<String> parents = new ArrayList<>(parentCount);
            for (int p = 0; p < parentCount; p++) {
                parents.add(in.str());
            }
            Shard s = new Shard(id, begin, end, parents, in.l());
            boolean closed = in.bool();
            long closedTime = in.l();
            long oldest = in.l();
            s.restore(closed, closedTime, oldest, in.l());
            t.shards.put(id, s);
        }
        state.topicsByUid.put(uid, t);
        state.projects.get(project).topics.put(name, t);
        state.nextTopicUid = Math.max(state.nextTopicUid, uid + 1);
    }

    static void applySubscription(EventCodec.In in, EngineState state) {
        Topic t = state.topicsByUid.get(in.l());
        String subId = in.str();
        long order = in.l();
        String comment = in.str();
        boolean online = in.bool();
        Subscription restored = new Subscription(subId, order, comment, in.l());
        restored.online = online;
        restored.lastModifyMillis = in.l();
        int n = in.i();
        for (int i = 0; i < n; i++) {
            Subscription.Offset o = restored.offset(in.str());
            o.sequence = in.l();
            o.timestamp = in.l();
            o.version = in.l();
            o.sessionId = in.l();
            o.batchIndex = in.i();
        }
        t.subscriptions.put(subId, restored);
    }
}
