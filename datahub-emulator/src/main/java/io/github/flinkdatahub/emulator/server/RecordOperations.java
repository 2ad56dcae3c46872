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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.MeterInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutFailure;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.PutRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RawReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.EngineException;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Cursors, record put/get (JSON and PB) and metering (sections 4.4-4.6). */
final class RecordOperations {

    private final DataHubEngine engine;
    private final ShardLimiter writeLimiter;
    private final ShardLimiter readLimiter;

    RecordOperations(DataHubEngine engine, ShardLimiter writeLimiter, ShardLimiter readLimiter) {
        this.engine = engine;
        this.writeLimiter = writeLimiter;
        this.readLimiter = readLimiter;
    }

    HttpReply getCursor(Exchange ex) {
        String typeText = Json.text(ex.json(), "Type", true);
        CursorType type;
        try {
            type = CursorType.valueOf(typeText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw EngineException.invalidParameter(
                    "Type must be OLDEST, LATEST, SYSTEM_TIME or SEQUENCE, got '" + typeText + "'");
        }
        long parameter = 0;
        if (type == CursorType.SYSTEM_TIME) {
            parameter = Json.longValue(ex.json(), "SystemTime", true);
        } else if (type == CursorType.SEQUENCE) {
            parameter = Json.longValue(ex.json(), "Sequence", true);
        }
        Route r = ex.route();
        CursorResult c = engine.getCursor(r.project(), r.topic(), r.shardId(), type, parameter);
        ObjectNode out = Json.object();
        out.put("Cursor", c.cursor());
        out.put("RecordTime", c.recordTimeMillis());
        out.put("Sequence", c.sequence());
        return HttpReply.ok(out);
    }

    HttpReply putRecords(Exchange ex) {
        Route r = ex.route();
        boolean pb = ex.pbPayload() != null;
        List<PutRecord> records = pb ? decodePb(ex) : RecordCodec.fromJson(ex.json());
        records = limitTopicPut(r, records);
        List<PutFailure> failures = engine.putRecords(r.project(), r.topic(), records);
        if (pb) {
            return HttpReply.pb(RecordCodec.failuresPb(failures));
        }
        return HttpReply.ok(RecordCodec.failuresJson(failures));
    }

    /**
     * A topic-level put counts against the per-shard limits of every shard its records land in,
     * however they are routed (ShardId, HashKey, PartitionKey or round robin): the engine resolves
     * each record's shard first and the records are then put with that shard id, so they land where
     * they were counted. Records that cannot be routed are not counted; the put reports their
     * error.
     */
    private List<PutRecord> limitTopicPut(Route r, List<PutRecord> records) {
        if (writeLimiter.unlimited() || records == null) {
            return records;
        }
        List<String> shards = engine.routeRecords(r.project(), r.topic(), records);
        Map<String, List<PutRecord>> byShard = new TreeMap<>();
        List<PutRecord> routed = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            PutRecord p = records.get(i);
            String shard = shards.get(i);
            if (shard == null) {
                routed.add(p);
                continue;
            }
            PutRecord pinned =
                    new PutRecord(shard, null, null, p.attributes(), p.tupleValues(), p.blob());
            routed.add(pinned);
            byShard.computeIfAbsent(shard, k -> new ArrayList<>()).add(pinned);
        }
        byShard.forEach(
                (shard, list) ->
                        writeLimiter.acquire(r.project(), r.topic(), shard, payloadBytes(list)));
        return routed;
    }

    /** Success is an empty body: every SDK ignores it. */
    HttpReply putRecordsByShard(Exchange ex) {
        Route r = ex.route();
        List<PutRecord> records = decodePb(ex);
        long bytes = writeLimiter.unlimited() ? 0 : payloadBytes(records);
        writeLimiter.acquire(r.project(), r.topic(), r.shardId(), bytes);
        engine.putRecordsByShard(r.project(), r.topic(), r.shardId(), records);
        return HttpReply.empty(200);
    }

    HttpReply getRecords(Exchange ex) {
        Route r = ex.route();
        String cursor;
        int limit;
        if (ex.pbPayload() != null) {
            DatahubProtos.GetRecordsRequest req = RecordCodec.parseGet(ex.pbPayload());
            cursor = req.getCursor();
            limit = req.getLimit();
        } else {
            cursor = Json.text(ex.json(), "Cursor", true);
            Integer l = Json.intValue(ex.json(), "Limit", false);
            limit = l == null ? 1 : l;
        }
        readLimiter.acquire(r.project(), r.topic(), r.shardId(), 0);
        RecordType type = engine.getTopic(r.project(), r.topic()).recordType();
        // Encoded straight from the stored bytes (PbReadEncoder, JsonReadEncoder): the same
        // bytes as RecordCodec.readPb / readJson of getRecords, without decoding every value.
        RawReadResult result =
                engine.getRecordsRaw(r.project(), r.topic(), r.shardId(), cursor, limit);
        if (ex.pbPayload() != null) {
            return new HttpReply(200, HttpReply.PROTOBUF, PbReadEncoder.frame(result, type));
        }
        return new HttpReply(200, HttpReply.JSON, JsonReadEncoder.body(result, type));
    }

    HttpReply getMeter(Exchange ex) {
        Route r = ex.route();
        MeterInfo m = engine.getMeter(r.project(), r.topic(), r.shardId());
        ObjectNode out = Json.object();
        out.put("ActiveTime", m.activeTimeSeconds());
        out.put("Storage", m.storageBytes());
        return HttpReply.ok(out);
    }

    /** Bytes a put request writes, for throughput limits. */
    static long payloadBytes(List<PutRecord> records) {
        long total = 0;
        for (PutRecord p : records) {
            if (p.blob() != null) {
                total += p.blob().length;
            }
            if (p.tupleValues() != null) {
                for (String v : p.tupleValues()) {
                    total += v == null ? 0 : v.length();
                }
            }
        }
        return total;
    }

    /**
     * Decodes with {@link PbPutDecoder}, falling back to the generated parser for what it declines
     * (errors included). A body that does not parse fails before an unknown topic does.
     */
    private List<PutRecord> decodePb(Exchange ex) {
        Route r = ex.route();
        RecordType type;
        try {
            type = engine.getTopic(r.project(), r.topic()).recordType();
        } catch (EngineException e) {
            RecordCodec.parsePut(ex.pbPayload());
            throw e;
        }
        List<PutRecord> records = PbPutDecoder.decode(ex.pbPayload(), type);
        if (records != null) {
            return records;
        }
        return RecordCodec.fromPb(RecordCodec.parsePut(ex.pbPayload()), type);
    }
}
