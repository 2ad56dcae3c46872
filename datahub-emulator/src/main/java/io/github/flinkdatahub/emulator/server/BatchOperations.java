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

import io.github.flinkdatahub.emulator.engine.BatchValues;
import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredBatch;
import io.github.flinkdatahub.emulator.engine.EngineException;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Put-by-shard and get-records in the batch binary mode ({@code application/x-binary}, sections
 * 4.5.3 and 6): a DHUB frame of {@code PutBinaryRecordsRequest} / {@code GetBinaryRecordsResponse}
 * whose entries each carry one batch. Every batch of a put takes one sequence. Reads answer whole
 * batches: a batch-written one as the client sent it (its compression included) while the topic's
 * layout is unchanged, otherwise re-encoded (LZ4 when that is smaller); records written in JSON or
 * PB mode come back as one-record batches.
 */
final class BatchOperations {

    /** Content-Type of batch responses (the SDKs do not check it). */
    static final String BINARY = "application/x-binary";

    /** Whether read batches are LZ4-compressed (when that makes them smaller). */
    static final boolean COMPRESS = true;

    private final DataHubEngine engine;
    private final ShardLimiter writeLimiter;
    private final ShardLimiter readLimiter;

    BatchOperations(DataHubEngine engine, ShardLimiter writeLimiter, ShardLimiter readLimiter) {
        this.engine = engine;
        this.writeLimiter = writeLimiter;
        this.readLimiter = readLimiter;
    }

    /** Success is an empty body, as for PB put-by-shard: every SDK ignores it. */
    HttpReply put(Exchange ex) {
        Route r = ex.route();
        DatahubProtos.PutBinaryRecordsRequest req;
        try {
            req = DatahubProtos.PutBinaryRecordsRequest.parseFrom(ex.pbPayload());
        } catch (InvalidProtocolBufferException e) {
            throw EngineException.invalidParameter(
                    "The body is not a valid PutBinaryRecordsRequest: " + e.getMessage());
        }
        if (req.getRecordsCount() == 0) {
            throw EngineException.invalidParameter("The request holds no batch.");
        }
        IntFunction<List<FieldSpec>> schemaOf = schemas(r);
        List<List<BatchRecord>> batches = new ArrayList<>(req.getRecordsCount());
        List<byte[]> wire = new ArrayList<>(req.getRecordsCount());
        long bytes = 0;
        for (DatahubProtos.BinaryRecordEntry e : req.getRecordsList()) {
            byte[] batch = e.getData().toByteArray();
            List<BatchRecord> records = BatchDecoder.decode(batch, schemaOf);
            bytes += writeLimiter.unlimited() ? 0 : payloadBytes(records);
            batches.add(records);
            // Served back unchanged, as the service stores batches; one without a CRC is
            // re-encoded on reads instead, since Python readers always check it.
            wire.add(BatchDecoder.hasCrc(batch) ? batch : null);
        }
        writeLimiter.acquire(r.project(), r.topic(), r.shardId(), bytes);
        engine.putBatchesByShard(r.project(), r.topic(), r.shardId(), batches, wire);
        return HttpReply.empty(200);
    }

    HttpReply get(Exchange ex) {
        Route r = ex.route();
        DatahubProtos.GetRecordsRequest req = RecordCodec.parseGet(ex.pbPayload());
        readLimiter.acquire(r.project(), r.topic(), r.shardId(), 0);
        BatchReadResult result =
                engine.getBatches(
                        r.project(), r.topic(), r.shardId(), req.getCursor(), req.getLimit());
        DatahubProtos.GetBinaryRecordsResponse.Builder b =
                DatahubProtos.GetBinaryRecordsResponse.newBuilder()
                        .setNextCursor(result.nextCursor())
                        .setRecordCount(result.batches().size())
                        .setStartSequence(result.startSequence());
        if (result.latestSequence() >= 0) {
            b.setLatestSequence(result.latestSequence());
        }
        if (result.latestTimeMillis() >= 0) {
            b.setLatestTime(result.latestTimeMillis());
        }
        for (StoredBatch batch : result.batches()) {
            b.addRecords(
                    DatahubProtos.BinaryRecordEntry.newBuilder()
                            .setCursor(batch.cursor())
                            .setNextCursor(batch.nextCursor())
                            .setSequence(batch.sequence())
                            .setSystemTime(batch.systemTimeMillis())
                            .setData(UnsafeByteOperations.unsafeWrap(wire(batch, result))));
        }
        return new HttpReply(200, BINARY, PbFrame.encode(b.build().toByteArray()));
    }

    /** Value bytes of a batch, counted as PB puts count theirs (for the throughput limit). */
    private static long payloadBytes(List<BatchRecord> records) {
        long total = 0;
        for (BatchRecord r : records) {
            if (r.blob() != null) {
                total += r.blob().length;
            }
            if (r.tupleValues() instanceof BatchValues values) {
                for (int i = 0; i < values.size(); i++) {
                    total += values.textLength(i); // without making a string of each value
                }
            } else if (r.tupleValues() != null) {
                for (String v : r.tupleValues()) {
                    total += v == null ? 0 : v.length();
                }
            }
        }
        return total;
    }

    private static byte[] wire(StoredBatch batch, BatchReadResult result) {
        if (batch.wire() != null) {
            return batch.wire();
        }
        return BatchEncoder.encode(batch.records(), result.schemas(), COMPRESS);
    }

    /**
     * Schema lookup for decoding, cached per request. A TUPLE record in a BLOB topic and an unknown
     * version are malformed records.
     */
    private IntFunction<List<FieldSpec>> schemas(Route r) {
        RecordType type = engine.getTopic(r.project(), r.topic()).recordType();
        Map<Integer, List<FieldSpec>> cache = new HashMap<>();
        return version -> {
            if (type == RecordType.BLOB) {
                throw BatchDecoder.malformed(
                        "a TUPLE record (schema version "
                                + version
                                + ") cannot be written to a BLOB topic");
            }
            return cache.computeIfAbsent(
                    version,
                    v -> {
                        try {
                            return engine.getSchema(r.project(), r.topic(), v).fields();
                        } catch (EngineException e) {
                            if (!"InvalidParameter".equals(e.errorCode())) {
                                throw e;
                            }
                            throw BatchDecoder.malformed(
                                    "the record names schema version "
                                            + v
                                            + ", which topic "
                                            + r.topic()
                                            + " does not have (register it with RegisterSchema)");
                        }
                    });
        };
    }
}
