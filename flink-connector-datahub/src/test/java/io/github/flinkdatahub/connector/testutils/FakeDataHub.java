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
import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CursorResult;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.GetRecordsResult;
import io.github.flinkdatahub.connector.client.HashKeyRange;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.PutRecordsResult;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.ShardRange;
import io.github.flinkdatahub.connector.client.ShardState;
import io.github.flinkdatahub.connector.client.SubscriptionOffset;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.client.TopicSchema;
import io.github.flinkdatahub.connector.client.TupleRecord;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-memory DataHub for unit tests of the source and the sink: topics with shards, hash-key
 * ranges, split and merge, records with sequences and system times, cursors, retention, and
 * subscription offsets behind sessions, following the same semantics as the emulator (protocol
 * notes 4.4, 4.5.6, 4.8 and 9). Failures can be scripted per call and shard, and every call is
 * counted.
 *
 * <pre>{@code
 * FakeDataHub hub = new FakeDataHub();
 * hub.createTupleTopic("p", "t", 2, schema);
 * hub.failNext(FakeCall.GET_RECORDS, "0", FakeFailures.throttled());
 * try (DataHubClient client = hub.client()) { ... }
 * DataHubClientFactory factory = hub.factory(); // serializable, resolves to this hub in the JVM
 * }</pre>
 *
 * <p>Thread-safe: every operation holds the hub's lock.
 */
public final class FakeDataHub implements AutoCloseable {

    private static final Map<String, FakeDataHub> REGISTRY = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Map<String, FakeTopic> topics = new LinkedHashMap<>();
    private final Map<FakeCall, Long> callCounts = new EnumMap<>(FakeCall.class);
    private final Deque<ScriptedFailure> failures = new ArrayDeque<>();
    private final Deque<ScriptedFailure> afterApplying = new ArrayDeque<>();
    private final Map<FakeCall, List<Runnable>> held = new EnumMap<>(FakeCall.class);
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong sessionIds = new AtomicLong(1);
    private int clientsCreated;
    private int clientsClosed;

    /** Creates an empty hub and registers it so that {@link #factory()} can find it. */
    private boolean closedEndReadsEmpty;

    public FakeDataHub() {
        REGISTRY.put(id, this);
    }

    // ---- setup

    /** Creates a TUPLE topic with {@code shardCount} evenly spread shards "0", "1", .... */
    public synchronized void createTupleTopic(
            String project, String topic, int shardCount, RecordSchema schema) {
        createTopic(project, topic, shardCount, RecordType.TUPLE, schema);
    }

    /** Creates a BLOB topic with {@code shardCount} evenly spread shards. */
    public synchronized void createBlobTopic(String project, String topic, int shardCount) {
        createTopic(project, topic, shardCount, RecordType.BLOB, null);
    }

    private void createTopic(
            String project, String topic, int shardCount, RecordType type, RecordSchema schema) {
        String key = key(project, topic);
        if (topics.containsKey(key)) {
            throw DataHubException.fromService(
                    400, "TopicAlreadyExist", "Topic " + key + " already exists", "fake-req");
        }
        FakeTopic t = new FakeTopic(project, topic, type, schema);
        BigInteger step = HashKeyRange.MAX_KEY.divide(BigInteger.valueOf(shardCount));
        for (int i = 0; i < shardCount; i++) {
            BigInteger begin = step.multiply(BigInteger.valueOf(i));
            BigInteger end =
                    i == shardCount - 1
                            ? HashKeyRange.MAX_KEY
                            : step.multiply(BigInteger.valueOf(i + 1));
            t.addShard(new HashKeyRange(begin, end), List.of());
        }
        topics.put(key, t);
    }

    /** Sets the time that the next writes get as system time (milliseconds). */
    public void setTimeMillis(long millis) {
        clock.set(millis);
    }

    /** The current fake time; every write advances it by one millisecond. */
    public long timeMillis() {
        return clock.get();
    }

    /** Replaces the schema of a TUPLE topic, as an AppendField would. */
    public synchronized void setSchema(String project, String topic, RecordSchema schema) {
        topic(project, topic).schema = schema;
    }

    /**
     * Drops the records of a shard below {@code sequence}, as retention would: cursors before it
     * become invalid and GetCursor OLDEST points at it.
     */
    public synchronized void expireBefore(
            String project, String topic, String shardId, long sequence) {
        FakeShard s = shard(topic(project, topic), shardId);
        s.oldest = Math.max(s.oldest, Math.min(sequence, s.batches.size()));
    }

    /** Splits an ACTIVE shard at the key; returns the two new shards. */
    public synchronized List<ShardRange> split(
            String project, String topic, String shardId, BigInteger splitKey) {
        FakeTopic t = topic(project, topic);
        FakeShard parent = shard(t, shardId);
        requireActive(parent);
        if (!parent.range.contains(splitKey) || splitKey.equals(parent.range.begin())) {
            throw DataHubException.fromService(
                    400, "InvalidParameter", "Split key outside the shard's range", "fake-req");
        }
        FakeShard left =
                t.addShard(new HashKeyRange(parent.range.begin(), splitKey), List.of(shardId));
        FakeShard right =
                t.addShard(new HashKeyRange(splitKey, parent.range.end()), List.of(shardId));
        parent.close(clock.get());
        return List.of(left.toRange(), right.toRange());
    }

    /** Splits an ACTIVE shard at the midpoint of its range. */
    public synchronized List<ShardRange> split(String project, String topic, String shardId) {
        HashKeyRange r = shard(topic(project, topic), shardId).range;
        return split(project, topic, shardId, r.begin().add(r.end()).shiftRight(1));
    }

    /** Merges two adjacent ACTIVE shards into one; returns the new shard. */
    public synchronized ShardRange merge(
            String project, String topic, String shardId, String adjacentShardId) {
        FakeTopic t = topic(project, topic);
        FakeShard a = shard(t, shardId);
        FakeShard b = shard(t, adjacentShardId);
        requireActive(a);
        requireActive(b);
        FakeShard low = a.range.compareTo(b.range) < 0 ? a : b;
        FakeShard high = low == a ? b : a;
        if (!low.range.end().equals(high.range.begin())) {
            throw DataHubException.fromService(
                    400, "InvalidParameter", "Shards are not adjacent", "fake-req");
        }
        FakeShard merged =
                t.addShard(
                        new HashKeyRange(low.range.begin(), high.range.end()),
                        List.of(shardId, adjacentShardId));
        a.close(clock.get());
        b.close(clock.get());
        return merged.toRange();
    }

    // ---- scripting and inspection

    /** Makes the next call of this kind (to any shard) fail with the error. */
    public synchronized void failNext(FakeCall call, DataHubException error) {
        failNext(call, null, error, 1);
    }

    /** Makes the next call of this kind to this shard fail with the error. */
    public synchronized void failNext(FakeCall call, String shardId, DataHubException error) {
        failNext(call, shardId, error, 1);
    }

    /** Makes the next {@code times} calls of this kind to the shard (any shard when null) fail. */
    public synchronized void failNext(
            FakeCall call, String shardId, DataHubException error, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(new ScriptedFailure(call, shardId, error));
        }
    }

    /**
     * Makes the next put-by-shard to the shard (any shard when null) write its records and then
     * fail with the error, as a request that reached the service but whose answer was lost (a
     * timeout, a 5xx from a proxy, a writer that died before reading the answer).
     */
    public synchronized void failNextAfterApplying(
            FakeCall call, String shardId, DataHubException error) {
        if (call != FakeCall.PUT_RECORDS_BY_SHARD) {
            throw new IllegalArgumentException("Only PUT_RECORDS_BY_SHARD can fail after applying");
        }
        afterApplying.add(new ScriptedFailure(call, shardId, error));
    }

    /**
     * Holds the asynchronous calls of this kind: their futures stay incomplete until {@link
     * #release} runs them. Lets tests observe a fetch or put in flight (wakeup, cancel, close).
     */
    public synchronized void hold(FakeCall call) {
        held.putIfAbsent(call, new ArrayList<>());
    }

    /** Stops holding calls of this kind and runs the held ones (in order) on this thread. */
    public void release(FakeCall call) {
        List<Runnable> pending;
        synchronized (this) {
            pending = held.remove(call);
        }
        if (pending != null) {
            pending.forEach(Runnable::run);
        }
    }

    /**
     * Runs the held call of this kind at {@code index} (in the order they were made) on this thread
     * and goes on holding the others and later ones.
     */
    public void releaseAt(FakeCall call, int index) {
        Runnable run;
        synchronized (this) {
            run = held.get(call).remove(index);
        }
        run.run();
    }

    /** How many asynchronous calls of this kind are held now. */
    public synchronized int heldCount(FakeCall call) {
        List<Runnable> pending = held.get(call);
        return pending == null ? 0 : pending.size();
    }

    <T> CompletableFuture<T> runMaybeHeld(FakeCall call, Supplier<T> op) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Runnable run =
                () -> {
                    if (future.isDone()) {
                        return; // cancelled while held: the call never reaches the hub
                    }
                    try {
                        future.complete(op.get());
                    } catch (RuntimeException e) {
                        future.completeExceptionally(e);
                    }
                };
        synchronized (this) {
            List<Runnable> pending = held.get(call);
            if (pending != null) {
                pending.add(run);
                return future;
            }
        }
        run.run();
        return future;
    }

    /** How many calls of this kind were made, including failed ones. */
    public synchronized long callCount(FakeCall call) {
        return callCounts.getOrDefault(call, 0L);
    }

    /** How many scripted failures have not fired yet. */
    public synchronized int pendingFailures() {
        return failures.size();
    }

    /** How many clients {@link #client()} and {@link #factory()} created, and how many closed. */
    public synchronized int openClients() {
        return clientsCreated - clientsClosed;
    }

    /** Every record of a shard that is still retained, in sequence order. */
    public synchronized List<ReadRecord> records(String project, String topic, String shardId) {
        FakeShard s = shard(topic(project, topic), shardId);
        return s.retained();
    }

    /** Every retained record of every shard of the topic, shard by shard. */
    public synchronized List<ReadRecord> allRecords(String project, String topic) {
        List<ReadRecord> out = new ArrayList<>();
        for (FakeShard s : topic(project, topic).shards.values()) {
            out.addAll(s.retained());
        }
        return out;
    }

    /** A new client on this hub; close it when done. */
    public synchronized FakeDataHubClient client() {
        return client(BodyProtocol.PROTOBUF);
    }

    /**
     * A new client on this hub speaking the protocol: with {@link BodyProtocol#BATCH} every
     * put-by-shard is stored as one batch (one sequence shared by its records) and topic-level puts
     * are refused, as the HTTP client does.
     */
    public synchronized FakeDataHubClient client(BodyProtocol protocol) {
        clientsCreated++;
        return new FakeDataHubClient(this, protocol);
    }

    /**
     * Writes the records as one batch, as a batch-mode producer (the Java SDK with {@code
     * setEnableBatch(true)}, the Go SDK) would: they all get the same, next sequence.
     */
    public void writeBatch(String project, String topic, String shardId, List<PutRecord> records) {
        putRecordsByShard(project, topic, shardId, records, true);
    }

    /** A serializable factory whose clients talk to this hub (within this JVM). */
    public DataHubClientFactory factory() {
        return new Factory(id, BodyProtocol.PROTOBUF);
    }

    /** A factory whose clients speak the protocol (see {@link #client(BodyProtocol)}). */
    public DataHubClientFactory factory(BodyProtocol protocol) {
        return new Factory(id, protocol);
    }

    /** Unregisters the hub from the factory registry. */
    @Override
    public void close() {
        REGISTRY.remove(id);
    }

    synchronized void clientClosed() {
        clientsClosed++;
    }

    // ---- the operations, called by FakeDataHubClient

    synchronized TopicInfo getTopic(String project, String topic) {
        enter(FakeCall.GET_TOPIC, null);
        FakeTopic t = topic(project, topic);
        long active = t.shards.values().stream().filter(s -> s.state == ShardState.ACTIVE).count();
        return new TopicInfo(
                project,
                topic,
                t.type,
                t.schema,
                (int) active,
                7,
                "",
                Instant.EPOCH,
                Instant.EPOCH,
                "");
    }

    synchronized List<ShardInfo> listShards(String project, String topic) {
        enter(FakeCall.LIST_SHARDS, null);
        FakeTopic t = topic(project, topic);
        List<ShardInfo> out = new ArrayList<>();
        for (FakeShard s : t.shards.values()) {
            out.add(s.toInfo(t));
        }
        return out;
    }

    synchronized CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter) {
        enter(FakeCall.GET_CURSOR, shardId);
        FakeShard s = shard(topic(project, topic), shardId);
        long next = s.batches.size();
        long seq;
        switch (type) {
            case OLDEST:
                seq = s.oldest;
                break;
            case LATEST:
                seq = next > s.oldest ? next - 1 : next;
                break;
            case SEQUENCE:
                if (parameter < s.oldest || parameter > next) {
                    throw seekOutOfRange("Sequence " + parameter + " is out of range");
                }
                seq = parameter;
                break;
            case SYSTEM_TIME:
                seq = next;
                for (long i = s.oldest; i < next; i++) {
                    if (s.time(i) >= parameter) {
                        seq = i;
                        break;
                    }
                }
                if (seq == next && parameter > clock.get()) {
                    throw seekOutOfRange("SystemTime " + parameter + " is after the last record");
                }
                break;
            default:
                throw new IllegalArgumentException("Unknown cursor type " + type);
        }
        long time = seq < next ? s.time(seq) : 0;
        return new CursorResult(cursor(s.id, seq), time, seq);
    }

    /**
     * Lets reads at the end of a CLOSED shard return no records instead of failing with {@code
     * InvalidShardOperation} (the other end-of-shard signal a reader must understand).
     */
    public synchronized void setClosedShardEndReadsEmpty(boolean empty) {
        this.closedEndReadsEmpty = empty;
    }

    synchronized GetRecordsResult getRecords(
            String project, String topic, String shardId, String cursor, int limit) {
        enter(FakeCall.GET_RECORDS, shardId);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000 but was " + limit);
        }
        FakeShard s = shard(topic(project, topic), shardId);
        long seq = decodeCursor(cursor, s.id);
        long next = s.batches.size();
        if (seq < s.oldest || seq > next) {
            throw FakeFailures.expiredCursor();
        }
        if (s.state == ShardState.CLOSED && seq >= next && !closedEndReadsEmpty) {
            throw FakeFailures.sealedShard(shardId);
        }
        // Like the emulator: whole batches (every record of a batch-mode put shares one sequence)
        // while the records fit the limit; the first batch always.
        List<ReadRecord> out = new ArrayList<>();
        long end = seq;
        while (end < next) {
            List<ReadRecord> batch = s.batches.get((int) end);
            if (!out.isEmpty() && out.size() + batch.size() > limit) {
                break;
            }
            out.addAll(batch);
            end++;
        }
        String nextCursor = out.isEmpty() ? cursor : cursor(s.id, end);
        long latestTime = next == 0 ? -1 : s.time(next - 1);
        return new GetRecordsResult(nextCursor, seq, next - 1, latestTime, out);
    }

    /**
     * Put-by-shard; {@code asBatch} stores the records as one batch (batch protocol): one sequence,
     * shared by all of them.
     */
    synchronized void putRecordsByShard(
            String project,
            String topic,
            String shardId,
            List<PutRecord> records,
            boolean asBatch) {
        enter(FakeCall.PUT_RECORDS_BY_SHARD, shardId);
        FakeTopic t = topic(project, topic);
        FakeShard s = shard(t, shardId);
        requireActive(s);
        for (PutRecord r : records) {
            checkPayload(t, r);
        }
        if (asBatch) {
            s.appendBatch(records, clock.getAndIncrement());
        } else {
            for (PutRecord r : records) {
                s.append(r, clock.getAndIncrement());
            }
        }
        for (var it = afterApplying.iterator(); it.hasNext(); ) {
            ScriptedFailure f = it.next();
            if (f.call == FakeCall.PUT_RECORDS_BY_SHARD
                    && (f.shardId == null || f.shardId.equals(shardId))) {
                it.remove();
                throw f.error;
            }
        }
    }

    synchronized PutRecordsResult putRecords(
            String project, String topic, List<PutRecord> records) {
        enter(FakeCall.PUT_RECORDS, null);
        FakeTopic t = topic(project, topic);
        List<PutRecordsResult.FailedRecord> failed = new ArrayList<>();
        // Per-record failures, as the emulator reports them (protocol notes 3.2): routing errors
        // and records that do not match the topic fail alone; the others are written.
        for (int i = 0; i < records.size(); i++) {
            PutRecord r = records.get(i);
            try {
                FakeShard target = route(t, r);
                checkPayload(t, r);
                target.append(r, clock.getAndIncrement());
            } catch (DataHubException e) {
                failed.add(new PutRecordsResult.FailedRecord(i, e.errorCode(), e.getMessage()));
            }
        }
        return new PutRecordsResult(failed);
    }

    synchronized Map<String, SubscriptionOffset> openOffsetSession(
            String project, String topic, String subId, Collection<String> shardIds) {
        enter(FakeCall.OPEN_OFFSET_SESSION, null);
        Map<String, FakeOffset> offsets = subscription(project, topic, subId);
        FakeTopic t = topic(project, topic);
        Map<String, SubscriptionOffset> out = new LinkedHashMap<>();
        for (String shardId : shardIds) {
            shard(t, shardId);
            FakeOffset o = offsets.computeIfAbsent(shardId, k -> new FakeOffset());
            o.sessionId = sessionIds.getAndIncrement();
            out.put(shardId, o.toOffset());
        }
        return out;
    }

    synchronized Map<String, SubscriptionOffset> getOffsets(
            String project, String topic, String subId, Collection<String> shardIds) {
        enter(FakeCall.GET_OFFSETS, null);
        Map<String, FakeOffset> offsets = subscription(project, topic, subId);
        FakeTopic t = topic(project, topic);
        Map<String, SubscriptionOffset> out = new LinkedHashMap<>();
        for (String shardId : shardIds) {
            shard(t, shardId);
            out.put(shardId, offsets.computeIfAbsent(shardId, k -> new FakeOffset()).toOffset());
        }
        return out;
    }

    synchronized void commitOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> commits) {
        enter(FakeCall.COMMIT_OFFSETS, null);
        Map<String, FakeOffset> offsets = subscription(project, topic, subId);
        FakeTopic t = topic(project, topic);
        for (Map.Entry<String, SubscriptionOffset> e : commits.entrySet()) {
            shard(t, e.getKey());
            FakeOffset o = offsets.get(e.getKey());
            SubscriptionOffset c = e.getValue();
            if (o == null || o.sessionId == null) {
                throw DataHubException.fromService(
                        400, "OffsetSessionClosed", "No offset session is open", "fake-req");
            }
            if (!o.sessionId.equals(c.sessionId())) {
                throw DataHubException.fromService(
                        400, "OffsetSessionChanged", "Offset session changed", "fake-req");
            }
            if (o.version != c.version()) {
                throw DataHubException.fromService(
                        400, "OffsetReseted", "Offset was reset", "fake-req");
            }
        }
        for (Map.Entry<String, SubscriptionOffset> e : commits.entrySet()) {
            FakeOffset o = offsets.get(e.getKey());
            o.sequence = e.getValue().sequence();
            o.timestamp = e.getValue().timestamp();
            o.batchIndex = e.getValue().batchIndex();
        }
    }

    synchronized void resetOffsets(
            String project, String topic, String subId, Map<String, SubscriptionOffset> resets) {
        enter(FakeCall.RESET_OFFSETS, null);
        Map<String, FakeOffset> offsets = subscription(project, topic, subId);
        FakeTopic t = topic(project, topic);
        for (Map.Entry<String, SubscriptionOffset> e : resets.entrySet()) {
            shard(t, e.getKey());
            FakeOffset o = offsets.computeIfAbsent(e.getKey(), k -> new FakeOffset());
            o.sequence = e.getValue().sequence();
            o.timestamp = e.getValue().timestamp();
            o.batchIndex = e.getValue().batchIndex();
            o.version++;
        }
    }

    synchronized List<TopicSchema> listSchemas(String project, String topic) {
        FakeTopic t = topic(project, topic);
        List<TopicSchema> out = new ArrayList<>();
        if (t.schema != null) {
            out.add(new TopicSchema(0, t.creationSchema, Instant.EPOCH, ""));
        }
        t.registered.forEach((v, schema) -> out.add(new TopicSchema(v, schema, Instant.EPOCH, "")));
        return out;
    }

    synchronized int registerSchema(String project, String topic, RecordSchema schema) {
        FakeTopic t = topic(project, topic);
        int version = t.registered.isEmpty() ? 1 : t.registered.lastKey() + 1;
        t.registered.put(version, schema);
        return version;
    }

    synchronized void deleteSchema(String project, String topic, int versionId) {
        FakeTopic t = topic(project, topic);
        if (t.registered.remove(versionId) == null) {
            throw DataHubException.fromService(
                    404,
                    "NoSuchSchema",
                    "Schema version " + versionId + " does not exist",
                    "fake-req");
        }
    }

    synchronized String createSubscription(String project, String topic) {
        FakeTopic t = topic(project, topic);
        String subId = Long.toString(1_000_000_000_000L + t.subscriptions.size());
        t.subscriptions.put(subId, new HashMap<>());
        return subId;
    }

    // ---- internals

    private void enter(FakeCall call, String shardId) {
        callCounts.merge(call, 1L, Long::sum);
        Predicate<ScriptedFailure> matches =
                f -> f.call == call && (f.shardId == null || f.shardId.equals(shardId));
        for (var it = failures.iterator(); it.hasNext(); ) {
            ScriptedFailure f = it.next();
            if (matches.test(f)) {
                it.remove();
                throw f.error;
            }
        }
    }

    private FakeTopic topic(String project, String topic) {
        FakeTopic t = topics.get(key(project, topic));
        if (t == null) {
            throw DataHubException.fromService(
                    404,
                    "NoSuchTopic",
                    "Topic " + key(project, topic) + " does not exist",
                    "fake-req");
        }
        return t;
    }

    private static FakeShard shard(FakeTopic t, String shardId) {
        // Like the emulator: any id that is not an existing shard's (numeric or not) is
        // NoSuchShard.
        FakeShard s =
                shardId != null && shardId.matches("\\d{1,18}") ? t.shards.get(shardId) : null;
        if (s == null) {
            throw FakeFailures.noSuchShard(shardId);
        }
        return s;
    }

    private Map<String, FakeOffset> subscription(String project, String topic, String subId) {
        Map<String, FakeOffset> offsets = topic(project, topic).subscriptions.get(subId);
        if (offsets == null) {
            throw DataHubException.fromService(
                    404,
                    "NoSuchSubscription",
                    "Subscription " + subId + " does not exist",
                    "fake-req");
        }
        return offsets;
    }

    private static void requireActive(FakeShard s) {
        if (s.state != ShardState.ACTIVE) {
            throw FakeFailures.sealedShard(s.id);
        }
    }

    private static void checkPayload(FakeTopic t, PutRecord r) {
        boolean tuple = r.payload() instanceof TupleRecord;
        if (tuple != (t.type == RecordType.TUPLE)) {
            throw DataHubException.fromService(
                    400, "MalformedRecord", "Record type does not match the topic", "fake-req");
        }
        if (tuple && !((TupleRecord) r.payload()).schema().equals(t.schema)) {
            throw DataHubException.fromService(
                    400, "MalformedRecord", "Record schema does not match the topic", "fake-req");
        }
    }

    /** Routes like the emulator: ShardId, then HashKey, then PartitionKey, else round robin. */
    private static FakeShard route(FakeTopic t, PutRecord r) {
        if (r.shardId() != null) {
            if (!r.shardId().matches("\\d{1,18}")) {
                throw DataHubException.fromService(
                        400, "InvalidShardId", "Invalid shard id " + r.shardId(), "fake-req");
            }
            FakeShard s = shard(t, r.shardId());
            requireActive(s);
            return s;
        }
        BigInteger key = null;
        if (r.hashKey() != null) {
            key = new BigInteger(r.hashKey(), 16);
        } else if (r.partitionKey() != null) {
            key = HashKeyRange.partitionKeyHash(r.partitionKey());
        }
        List<FakeShard> active =
                t.shards.values().stream().filter(s -> s.state == ShardState.ACTIVE).toList();
        if (active.isEmpty()) {
            throw FakeFailures.sealedShard("(none active)");
        }
        if (key == null) {
            return active.get((int) Math.floorMod(t.roundRobin++, active.size()));
        }
        for (FakeShard s : active) {
            if (s.range.contains(key)) {
                return s;
            }
        }
        throw DataHubException.fromService(
                400, "InvalidParameter", "No active shard owns hash key " + key, "fake-req");
    }

    private static DataHubException seekOutOfRange(String message) {
        return DataHubException.fromService(400, "SeekOutOfRange", message, "fake-req");
    }

    private static String key(String project, String topic) {
        return project + "/" + topic;
    }

    /**
     * Cursor text: 16 hex digits of the shard id and 16 of the sequence, as opaque as real ones.
     */
    private static String cursor(String shardId, long sequence) {
        return String.format("%016x%016x", Long.parseLong(shardId), sequence);
    }

    private static long decodeCursor(String cursor, String shardId) {
        Objects.requireNonNull(cursor, "cursor must not be null");
        if (cursor.length() != 32
                || Long.parseUnsignedLong(cursor.substring(0, 16), 16) != Long.parseLong(shardId)) {
            throw FakeFailures.expiredCursor();
        }
        try {
            return Long.parseUnsignedLong(cursor.substring(16), 16);
        } catch (NumberFormatException e) {
            throw FakeFailures.expiredCursor();
        }
    }

    private record ScriptedFailure(FakeCall call, String shardId, DataHubException error) {}

    private static final class FakeTopic {
        final String project;
        final String name;
        final RecordType type;
        RecordSchema schema;
        final RecordSchema creationSchema;
        final TreeMap<Integer, RecordSchema> registered = new TreeMap<>();
        final TreeMap<String, FakeShard> shards = new TreeMap<>(FakeDataHub::compareIds);
        final Map<String, Map<String, FakeOffset>> subscriptions = new LinkedHashMap<>();
        long roundRobin;

        FakeTopic(String project, String name, RecordType type, RecordSchema schema) {
            this.project = project;
            this.name = name;
            this.type = type;
            this.schema = schema;
            this.creationSchema = schema;
        }

        FakeShard addShard(HashKeyRange range, List<String> parents) {
            String id = Integer.toString(shards.size());
            FakeShard s = new FakeShard(id, range, parents);
            shards.put(id, s);
            return s;
        }
    }

    private static int compareIds(String a, String b) {
        return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }

    private static final class FakeShard {
        final String id;
        final HashKeyRange range;
        final List<String> parents;

        /** Index = sequence; a PB/JSON record is a batch of one. */
        final List<List<ReadRecord>> batches = new ArrayList<>();

        ShardState state = ShardState.ACTIVE;
        long oldest;
        long closedTime;

        FakeShard(String id, HashKeyRange range, List<String> parents) {
            this.id = id;
            this.range = range;
            this.parents = parents;
        }

        void append(PutRecord r, long time) {
            appendBatch(List.of(r), time);
        }

        void appendBatch(List<PutRecord> rs, long time) {
            long seq = batches.size();
            List<ReadRecord> batch = new ArrayList<>(rs.size());
            for (int i = 0; i < rs.size(); i++) {
                PutRecord r = rs.get(i);
                batch.add(
                        new ReadRecord(
                                id,
                                seq,
                                time,
                                cursor(id, seq),
                                cursor(id, seq + 1),
                                r.attributes(),
                                r.payload() instanceof BlobRecord b
                                        ? BlobRecord.of(b.data())
                                        : r.payload(),
                                i,
                                rs.size()));
            }
            batches.add(List.copyOf(batch));
        }

        long time(long seq) {
            return batches.get((int) seq).get(0).systemTime();
        }

        List<ReadRecord> retained() {
            List<ReadRecord> out = new ArrayList<>();
            for (int i = (int) oldest; i < batches.size(); i++) {
                out.addAll(batches.get(i));
            }
            return List.copyOf(out);
        }

        void close(long time) {
            state = ShardState.CLOSED;
            closedTime = time;
        }

        ShardRange toRange() {
            return new ShardRange(id, range.beginHashKey(), range.endHashKey());
        }

        /**
         * As the emulator lists it: the neighbours are the adjacent ACTIVE shards (also for a
         * CLOSED shard), and ClosedTime is in seconds like the other admin times.
         */
        ShardInfo toInfo(FakeTopic t) {
            String left = null;
            String right = null;
            for (FakeShard other : t.shards.values()) {
                if (other == this || other.state != ShardState.ACTIVE) {
                    continue;
                }
                if (other.range.end().equals(range.begin())) {
                    left = other.id;
                }
                if (other.range.begin().equals(range.end())) {
                    right = other.id;
                }
            }
            return new ShardInfo(
                    id,
                    state,
                    range.beginHashKey(),
                    range.endHashKey(),
                    parents,
                    left,
                    right,
                    closedTime / 1000);
        }
    }

    private static final class FakeOffset {
        long sequence = -1;
        long timestamp = -1;
        long version;
        Long sessionId;
        int batchIndex;

        SubscriptionOffset toOffset() {
            return new SubscriptionOffset(sequence, timestamp, version, sessionId, batchIndex);
        }
    }

    /** Resolves to the hub of its id in this JVM. */
    private record Factory(String hubId, BodyProtocol protocol) implements DataHubClientFactory {
        @Override
        public FakeDataHubClient create() {
            FakeDataHub hub = REGISTRY.get(hubId);
            if (hub == null) {
                throw new IllegalStateException("FakeDataHub " + hubId + " was closed");
            }
            return hub.client(protocol);
        }
    }
}
