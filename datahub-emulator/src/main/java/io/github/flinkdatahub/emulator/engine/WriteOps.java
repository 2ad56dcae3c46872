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
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutFailure;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutRecords (routed, per-record failures) and PutRecordsByShard (whole-request failure). A shard's
 * batch is journaled and published under the shard's append lock: sequences are contiguous and
 * readers see the batch all at once.
 */
final class WriteOps {

    /** Records per put (docs); more is a bad request, not throttling, so InvalidParameter. */
    static final int MAX_RECORDS_PER_PUT = 10_000;

    /**
     * Size of one record (values, blob and attributes); a record cannot exceed the 4 MB request
     * body limit, the only size limit documented besides 2 MB per STRING value.
     */
    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    private final EngineCore core;

    WriteOps(EngineCore core) {
        this.core = core;
    }

    List<PutFailure> putRecords(String project, String topic, List<PutRecord> records) {
        Topic t = core.topic(project, topic);
        checkCount(records);
        List<PutFailure> failures = new ArrayList<>();
        Map<Shard, List<Integer>> indexes = new LinkedHashMap<>();
        Map<Shard, List<byte[]>> payloads = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            PutRecord r = records.get(i);
            try {
                Shard s = route(t, r);
                byte[] payload = encode(t, r);
                indexes.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                payloads.computeIfAbsent(s, k -> new ArrayList<>()).add(payload);
            } catch (EngineException e) {
                failures.add(new PutFailure(i, e.errorCode(), e.getMessage()));
            }
        }
        for (Map.Entry<Shard, List<byte[]>> e : payloads.entrySet()) {
            try {
                append(t, e.getKey(), e.getValue());
            } catch (EngineException ex) {
                // The shard was closed (split/merge) or the topic deleted after routing.
                for (int i : indexes.get(e.getKey())) {
                    failures.add(new PutFailure(i, ex.errorCode(), ex.getMessage()));
                }
            }
        }
        failures.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return failures;
    }

    List<String> routeRecords(String project, String topic, List<PutRecord> records) {
        Topic t = core.topic(project, topic);
        checkCount(records);
        List<String> out = new ArrayList<>(records.size());
        for (PutRecord r : records) {
            try {
                out.add(route(t, r).idText);
            } catch (EngineException e) {
                out.add(null); // the put reports this record's own error
            }
        }
        return out;
    }

    void putRecordsByShard(String project, String topic, String shardId, List<PutRecord> records) {
        Topic t = core.topic(project, topic);
        checkCount(records);
        // By-shard calls name the shard in the path: any id that is not a shard's (even "-1" or
        // "abc") is NoSuchShard, as the service answers; InvalidShardId is per-record only.
        Shard s = EngineCore.shard(t, shardId);
        if (!s.isActive()) {
            throw Errors.invalidShardOperation(shardId);
        }
        List<byte[]> payloads = new ArrayList<>(records.size());
        for (PutRecord r : records) {
            payloads.add(encode(t, r));
        }
        if (!payloads.isEmpty()) {
            append(t, s, payloads);
        }
    }

    void append(Topic t, Shard s, List<byte[]> payloads) {
        s.appendLock.lock();
        try {
            if (s.isDeleted()) {
                throw EngineException.noSuchTopic();
            }
            if (!s.isActive()) {
                throw Errors.invalidShardOperation(s.idText);
            }
            core.commitRecords(t, s, s.nextSeq(), s.appendTime(core.now()), payloads);
        } finally {
            s.appendLock.unlock();
        }
    }

    static void checkCount(List<?> records) {
        if (records == null) {
            throw Errors.invalidParameter("Records must be given.");
        }
        if (records.size() > MAX_RECORDS_PER_PUT) {
            throw Errors.invalidParameter(
                    "At most "
                            + MAX_RECORDS_PER_PUT
                            + " records per put, got "
                            + records.size()
                            + ".");
        }
    }

    /**
     * Routing precedence: ShardId, HashKey, PartitionKey (MD5), round robin over ACTIVE shards. The
     * precedence, server-side MD5 and round robin without a key are UNCONFIRMED in the protocol
     * notes; this is what they recommend (and what the Go producer does client-side).
     */
    private static Shard route(Topic t, PutRecord r) {
        if (r == null) {
            throw Errors.malformedRecord("the record is null");
        }
        if (notEmpty(r.shardId())) {
            return explicitShard(t, r.shardId());
        }
        List<Shard> active = t.activeShardsInKeyOrder();
        if (active.isEmpty()) {
            throw Errors.invalidShardOperation("(none active)");
        }
        BigInteger key = null;
        if (ShardExtension.ONLY_EXTEND.equals(t.expandMode)
                && (notEmpty(r.hashKey()) || notEmpty(r.partitionKey()))) {
            throw Errors.invalidParameter(
                    "HashKey and PartitionKey routing is not supported on topic "
                            + t.name
                            + " (ExpandMode 'extend'): give a ShardId or neither.");
        }
        if (notEmpty(r.hashKey())) {
            key = HashKeys.parse(r.hashKey());
            if (key == null) {
                throw Errors.invalidParameter(
                        "HashKey must be 1-32 hex digits, was '" + r.hashKey() + "'.");
            }
        } else if (notEmpty(r.partitionKey())) {
            key = HashKeys.md5(r.partitionKey());
        }
        if (key == null) {
            return active.get((int) Math.floorMod(t.roundRobin.getAndIncrement(), active.size()));
        }
        // Newest owner first: a split or merge publishes the children before closing the
        // parents, so the newest owner is the ACTIVE one. This scan is weakly consistent and runs
        // without the metadata lock: if it started before the children were published it misses
        // them and meets the parent after it closed. That record then fails like any write racing
        // a reshaping, with InvalidShardOperation, on which writers re-list shards and retry.
        for (Shard s : t.shards.descendingMap().values()) {
            if (s.owns(key)) {
                if (s.isActive()) {
                    return s;
                }
                throw Errors.invalidShardOperation(s.idText);
            }
        }
        throw Errors.invalidParameter("No active shard owns hash key " + HashKeys.format(key));
    }

    static Shard explicitShard(Topic t, String shardId) {
        if (shardId == null || !Names.isDigits(shardId)) { // per record: no regex
            throw Errors.invalidShardId(shardId);
        }
        Shard s = shardId.length() > 9 ? null : t.shards.get(Integer.parseInt(shardId));
        if (s == null) {
            throw Errors.noSuchShard(t, shardId);
        }
        if (!s.isActive()) {
            throw Errors.invalidShardOperation(shardId);
        }
        return s;
    }

    /** Validates the record against the topic and returns its stored form. */
    private static byte[] encode(Topic t, PutRecord r) {
        if (r.attributes() != null) {
            for (Map.Entry<String, String> a : r.attributes().entrySet()) {
                if (a.getKey() == null || a.getValue() == null) {
                    throw Errors.malformedRecord("attribute keys and values must not be null");
                }
            }
        }
        List<String> canonical = null;
        if (t.recordType == RecordType.TUPLE) {
            if (r.tupleValues() == null) {
                throw Errors.malformedRecord("a BLOB record cannot be written to a TUPLE topic");
            }
            canonical = canonicalTuple(t.fields, r.tupleValues());
        } else if (r.blob() == null) {
            throw Errors.malformedRecord("a TUPLE record cannot be written to a BLOB topic");
        }
        // Encoded first: the size (UTF-8 bytes of values, blob and attributes) comes with it, so
        // no string is converted twice.
        RecordCodec.Encoded e = RecordCodec.encodeCounted(r.attributes(), canonical, r.blob());
        if (e.contentBytes() > MAX_RECORD_BYTES) {
            throw Errors.invalidParameter(
                    "The record is "
                            + e.contentBytes()
                            + " bytes; at most "
                            + MAX_RECORD_BYTES
                            + " allowed.");
        }
        return e.data();
    }

    /** Validates tuple values against {@code fields} and returns their canonical text. */
    static List<String> canonicalTuple(List<FieldSpec> fields, List<String> values) {
        if (values.size() != fields.size()) {
            throw Errors.malformedRecord(
                    "the schema has "
                            + fields.size()
                            + " fields but the record has "
                            + values.size()
                            + " values");
        }
        List<String> canonical = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec f = fields.get(i);
            String v = values.get(i);
            if (v == null) {
                if (f.notNull()) {
                    throw Errors.malformedRecord("field '" + f.name() + "' must not be null");
                }
                canonical.add(null);
                continue;
            }
            try {
                canonical.add(Values.canonical(f.type(), v));
            } catch (IllegalArgumentException e) {
                throw Errors.malformedRecord("field '" + f.name() + "': " + e.getMessage());
            }
        }
        return canonical;
    }

    static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
