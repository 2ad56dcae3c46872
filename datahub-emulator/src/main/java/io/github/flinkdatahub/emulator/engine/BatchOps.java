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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.BatchRecord;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch binary mode on the engine side (section 6.4): a put batch is stored as one entry, so it
 * takes one sequence and all its records share it; reads hand out whole batches, and records
 * written singly (JSON, PB) as one-record batches (schema version 0, or -1 for BLOB).
 */
final class BatchOps {

    private final EngineCore core;
    private final WriteOps writes;
    private final ReadOps reads;

    BatchOps(EngineCore core, WriteOps writes, ReadOps reads) {
        this.core = core;
        this.writes = writes;
        this.reads = reads;
    }

    void putBatches(
            String project,
            String topic,
            String shardId,
            List<List<BatchRecord>> batches,
            List<byte[]> wireForms) {
        Topic t = core.topic(project, topic);
        if (batches == null || batches.isEmpty()) {
            throw Errors.invalidParameter("Records must hold at least one batch.");
        }
        List<BatchRecord> all = new ArrayList<>();
        batches.forEach(all::addAll);
        WriteOps.checkCount(all);
        Shard s = WriteOps.explicitShard(t, shardId);
        List<byte[]> payloads = new ArrayList<>(batches.size());
        for (int b = 0; b < batches.size(); b++) {
            List<BatchRecord> batch = batches.get(b);
            if (batch.isEmpty()) {
                throw Errors.malformedRecord("batch " + b + " holds no record");
            }
            List<Integer> versions = new ArrayList<>(batch.size());
            List<RecordCodec.Parts> bodies = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                BatchRecord r = batch.get(i);
                try {
                    bodies.add(encode(t, r));
                } catch (EngineException e) {
                    throw new EngineException(
                            e.httpStatus(),
                            e.errorCode(),
                            "Batch record " + i + ": " + e.getMessage());
                }
                versions.add(r.schemaVersion());
            }
            byte[] wire = wireForms == null ? null : wireForms.get(b);
            payloads.add(RecordCodec.encodeBatch(versions, bodies, t.fields.size(), wire));
        }
        writes.append(t, s, payloads);
    }

    private static RecordCodec.Parts encode(Topic t, BatchRecord r) {
        if (r.attributes() != null) {
            r.attributes()
                    .forEach(
                            (k, v) -> {
                                if (k == null || v == null) {
                                    throw Errors.malformedRecord(
                                            "attribute keys and values must not be null");
                                }
                            });
        }
        if (t.recordType == RecordType.BLOB) {
            if (r.blob() == null || r.schemaVersion() != -1) {
                throw Errors.malformedRecord("a TUPLE record cannot be written to a BLOB topic");
            }
            return RecordCodec.parts(r.attributes(), null, r.blob());
        }
        if (r.tupleValues() == null || r.schemaVersion() < 0) {
            throw Errors.malformedRecord("a BLOB record cannot be written to a TUPLE topic");
        }
        List<FieldSpec> fields = SchemaOps.fieldsForWrite(t, r.schemaVersion());
        if (r.tupleValues() instanceof BatchValues values) {
            return BatchValuesCodec.parts(r.attributes(), fields, values);
        }
        List<String> canonical = WriteOps.canonicalTuple(fields, r.tupleValues());
        return RecordCodec.parts(r.attributes(), canonical, null);
    }

    BatchReadResult getBatches(
            String project, String topic, String shardId, String cursor, int limit) {
        ReadOps.Window w = reads.window(project, topic, shardId, cursor, limit);
        Topic t = w.topic();
        Shard s = w.shard();
        boolean blob = t.recordType == RecordType.BLOB;
        Map<Integer, List<FieldSpec>> schemas = new HashMap<>();
        List<StoredBatch> out = new ArrayList<>(w.recs().size());
        for (int i = 0; i < w.recs().size(); i++) {
            Shard.Rec rec = w.recs().get(i);
            long sq = w.seq() + i;
            if (RecordCodec.isBatch(rec.payload())) {
                byte[] wire = RecordCodec.batchWire(rec.payload(), t.fields.size());
                if (wire != null) {
                    out.add(
                            batch(
                                    t,
                                    s,
                                    sq,
                                    rec,
                                    RecordCodec.recordCount(rec.payload()),
                                    null,
                                    wire));
                    continue;
                }
                List<RecordCodec.BatchBody> bodies = RecordCodec.decodeBatch(rec.payload());
                List<BatchRecord> records = new ArrayList<>(bodies.size());
                for (RecordCodec.BatchBody b : bodies) {
                    records.add(record(t, b.schemaVersion(), b.body(), schemas));
                }
                out.add(batch(t, s, sq, rec, records.size(), records, null));
            } else {
                BatchRecord r =
                        record(t, blob ? -1 : 0, RecordCodec.decode(rec.payload()), schemas);
                out.add(batch(t, s, sq, rec, 1, List.of(r), null));
            }
        }
        String next = out.isEmpty() ? cursor : Cursors.encode(t.uid, s.id, w.seq() + out.size());
        return new BatchReadResult(
                next,
                w.seq(),
                w.view().nextSeq() - 1,
                w.view().lastTimeMillis(),
                List.copyOf(out),
                Map.copyOf(schemas));
    }

    private static StoredBatch batch(
            Topic t,
            Shard s,
            long sq,
            Shard.Rec rec,
            int count,
            List<BatchRecord> records,
            byte[] wire) {
        return new StoredBatch(
                sq,
                rec.timeMillis(),
                Cursors.encode(t.uid, s.id, sq),
                Cursors.encode(t.uid, s.id, sq + 1),
                count,
                records,
                wire);
    }

    /** Version 0 records are padded to the topic's current fields (AppendField). */
    private static BatchRecord record(
            Topic t, int version, RecordCodec.Body body, Map<Integer, List<FieldSpec>> schemas) {
        if (body.values() == null) {
            return new BatchRecord(-1, body.attributes(), null, body.blob());
        }
        List<FieldSpec> fields = SchemaOps.fieldsForRead(t, version);
        schemas.putIfAbsent(version, fields);
        List<String> values =
                version == 0 ? ReadOps.topicLayout(t, 0, body.values()) : body.values();
        return new BatchRecord(version, body.attributes(), values, null);
    }
}
