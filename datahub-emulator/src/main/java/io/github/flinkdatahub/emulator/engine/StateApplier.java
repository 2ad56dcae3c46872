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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.EngineState.Project;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static io.github.flinkdatahub.emulator.engine.EventCodec.APPEND_FIELDS;
import static io.github.flinkdatahub.emulator.engine.EventCodec.COMMIT;
import static io.github.flinkdatahub.emulator.engine.EventCodec.CREATE_PROJECT;
import static io.github.flinkdatahub.emulator.engine.EventCodec.CREATE_SUB;
import static io.github.flinkdatahub.emulator.engine.EventCodec.CREATE_TOPIC;
import static io.github.flinkdatahub.emulator.engine.EventCodec.DELETE_PROJECT;
import static io.github.flinkdatahub.emulator.engine.EventCodec.DELETE_SUB;
import static io.github.flinkdatahub.emulator.engine.EventCodec.DELETE_TOPIC;
import static io.github.flinkdatahub.emulator.engine.EventCodec.MERGE;
import static io.github.flinkdatahub.emulator.engine.EventCodec.OPEN_SESSION;
import static io.github.flinkdatahub.emulator.engine.EventCodec.RECORDS;
import static io.github.flinkdatahub.emulator.engine.EventCodec.RESET;
import static io.github.flinkdatahub.emulator.engine.EventCodec.SPLIT;
import static io.github.flinkdatahub.emulator.engine.EventCodec.UPDATE_PROJECT;
import static io.github.flinkdatahub.emulator.engine.EventCodec.UPDATE_SUB_COMMENT;
import static io.github.flinkdatahub.emulator.engine.EventCodec.UPDATE_SUB_STATE;
import static io.github.flinkdatahub.emulator.engine.EventCodec.UPDATE_TOPIC;

/**
 * Applies journal events to the {@link EngineState}. The only code that mutates state, used both
 * live (after the event is journaled) and on recovery, so both produce identical state. Events were
 * validated before they were journaled; here they are applied without checks, except that records
 * of a topic deleted in the meantime are ignored.
 */
final class StateApplier {

    private final EngineState state;

    StateApplier(EngineState state) {
        this.state = state;
    }

    void apply(byte[] event) {
        EventCodec.In in = new EventCodec.In(event);
        byte type = in.type();
        switch (type) {
            case CREATE_PROJECT:
                {
                    String name = in.str();
                    String comment = in.str();
                    state.projects.put(name, new Project(name, comment, in.l()));
                    return;
                }
            case UPDATE_PROJECT:
                {
                    Project p = state.projects.get(in.str());
                    p.comment = in.str();
                    p.lastModifyMillis = in.l();
                    return;
                }
            case DELETE_PROJECT:
                state.projects.remove(in.str());
                return;
            case CREATE_TOPIC:
                createTopic(in);
                return;
            case UPDATE_TOPIC:
                {
                    Topic t = state.topicsByUid.get(in.l());
                    t.comment = in.str();
                    t.lifecycleDays = in.i();
                    t.lastModifyMillis = in.l();
                    return;
                }
            case DELETE_TOPIC:
                {
                    Topic t = state.topicsByUid.remove(in.l());
                    t.shards.values().forEach(Shard::markDeleted);
                    state.projects.get(t.project).topics.remove(t.name);
                    return;
                }
            case APPEND_FIELDS:
                {
                    Topic t = state.topicsByUid.get(in.l());
                    t.schemaJson = in.str();
                    List<FieldSpec> all = new ArrayList<>(t.fields);
                    all.addAll(readFields(in));
                    t.fields = List.copyOf(all);
                    t.lastModifyMillis = in.l();
                    return;
                }
            case SPLIT:
                split(in);
                return;
            case MERGE:
                merge(in);
                return;
            case RECORDS:
                records(in);
                return;
            case EventCodec.TOPIC_SNAPSHOT:
                Snapshot.applyTopic(in, state);
                return;
            case EventCodec.SUB_SNAPSHOT:
                Snapshot.applySubscription(in, state);
                return;
            case EventCodec.CONNECTOR_PUT:
            case EventCodec.CONNECTOR_DELETE:
                SyncConnectorOps.apply(type, in, state);
                return;
            case EventCodec.EXTEND:
                ShardExtension.apply(in, state);
                return;
            case EventCodec.COUNTERS:
                state.nextTopicUid = in.l();
                state.subscriptionCounter = in.l();
                return;
            case SchemaOps.REGISTER_SCHEMA:
            case SchemaOps.DELETE_SCHEMA:
                SchemaOps.apply(type, in, state);
                return;
            default:
                applySubscriptionEvent(type, in);
        }
    }

    private void applySubscriptionEvent(byte type, EventCodec.In in) {
        Topic t = state.topicsByUid.get(in.l());
        String subId = in.str();
        switch (type) {
            case CREATE_SUB:
                {
                    String comment = in.str();
                    long time = in.l();
                    state.subscriptionCounter++;
                    t.subscriptions.put(
                            subId,
                            new Subscription(subId, state.subscriptionCounter, comment, time));
                    return;
                }
            case UPDATE_SUB_COMMENT:
                {
                    Subscription s = t.subscriptions.get(subId);
                    s.comment = in.str();
                    s.lastModifyMillis = in.l();
                    return;
                }
            case UPDATE_SUB_STATE:
                {
                    Subscription s = t.subscriptions.get(subId);
                    s.online = in.bool();
                    s.lastModifyMillis = in.l();
                    return;
                }
            case DELETE_SUB:
                t.subscriptions.remove(subId);
                return;
            case OPEN_SESSION:
                {
                    Subscription s = t.subscriptions.get(subId);
                    int n = in.i();
                    for (int i = 0; i < n; i++) {
                        s.offset(in.str()).sessionId++;
                    }
                    return;
                }
            case COMMIT:
            case RESET:
                {
                    Subscription s = t.subscriptions.get(subId);
                    int n = in.i();
                    for (int i = 0; i < n; i++) {
                        Subscription.Offset o = s.offset(in.str());
                        o.sequence = in.l();
                        o.timestamp = in.l();
                        o.batchIndex = in.i();
                        if (type == RESET) {
                            o.version++;
                        }
                    }
                    return;
                }
            default:
                throw new IllegalStateException("Unknown journal event type " + type);
        }
    }

    private void createTopic(EventCodec.In in) {
        long uid = in.l();
        String project = in.str();
        String name = in.str();
        RecordType recordType = RecordType.valueOf(in.str());
        int shardCount = in.i();
        int lifecycle = in.i();
        String schema = in.str();
        List<FieldSpec> fields = readFields(in);
        String comment = in.str();
        String expandMode = in.str();
        long time = in.l();
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
                        time);
        for (int i = 0; i < shardCount; i++) {
            List<BigInteger> range = ShardExtension.initialBoundaries(expandMode, shardCount, i);
            t.shards.put(i, new Shard(i, range.get(0), range.get(1), List.of(), time));
        }
        state.topicsByUid.put(uid, t);
        state.projects.get(project).topics.put(name, t);
        state.nextTopicUid = Math.max(state.nextTopicUid, uid + 1);
    }

    private void split(EventCodec.In in) {
        Topic t = state.topicsByUid.get(in.l());
        Shard parent = t.shards.get(in.i());
        BigInteger key = new BigInteger(in.str(), 16);
        long time = in.l();
        int id = t.nextShardId();
        List<String> parents = List.of(parent.idText);
        // Children first: lock-free readers always find an ACTIVE shard for every key.
        t.shards.put(id, new Shard(id, parent.begin, key, parents, time));
        t.shards.put(id + 1, new Shard(id + 1, key, parent.end, parents, time));
        parent.close(time);
    }

    private void merge(EventCodec.In in) {
        Topic t = state.topicsByUid.get(in.l());
        Shard a = t.shards.get(in.i());
        Shard b = t.shards.get(in.i());
        long time = in.l();
        int id = t.nextShardId();
        BigInteger begin = a.begin.min(b.begin);
        BigInteger end = a.end.max(b.end);
        t.shards.put(id, new Shard(id, begin, end, List.of(a.idText, b.idText), time));
        a.close(time);
        b.close(time);
    }

    private void records(EventCodec.In in) {
        Topic t = state.topicsByUid.get(in.l());
        int shardId = in.i();
        long firstSeq = in.l();
        long time = in.l();
        int n = in.i();
        if (t == null) {
            return; // written concurrently with the topic's deletion; the topic is gone
        }
        List<byte[]> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(in.bytes());
        }
        t.shards.get(shardId).append(firstSeq, time, payloads);
    }

    /** Applies a RECORDS event given by its fields (the live path, see EngineCore). */
    void records(long topicUid, int shardId, long firstSeq, long time, List<byte[]> payloads) {
        Topic t = state.topicsByUid.get(topicUid);
        if (t != null) {
            t.shards.get(shardId).append(firstSeq, time, payloads);
        }
    }

    static void writeFields(EventCodec.Out out, List<FieldSpec> fields) {
        out.i(fields.size());
        for (FieldSpec f : fields) {
            out.str(f.name()).str(f.type()).bool(f.notNull()).str(f.comment());
        }
    }

    static List<FieldSpec> readFields(EventCodec.In in) {
        int n = in.i();
        List<FieldSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new FieldSpec(in.str(), in.str(), in.bool(), in.str()));
        }
        return List.copyOf(out);
    }
}
