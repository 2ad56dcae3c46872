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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.CursorType;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.MeterInfo;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RawReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.ReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.StoredRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * GetCursor, GetRecords and metering. Reads never take the append lock: they see a snapshot of the
 * shard's published records.
 *
 * <p>Cursor edge cases (section 4.4): OLDEST on an empty shard points at the next sequence (0 on a
 * new shard) with RecordTime 0; LATEST points at the last record, or at the next sequence when
 * nothing is retained; SEQUENCE n is valid in [oldest, latest+1]; SYSTEM_TIME t points at the first
 * record with SystemTime >= t. When no record is at or after t, a t that is not in the future
 * ({@code t <= now}, i.e. between the last record and now) gets the tail cursor (the next sequence;
 * reading it returns the records written from then on), while a t in the future is SeekOutOfRange —
 * as the real service answers for "10 s after the last write".
 *
 * <p>UNCONFIRMED in the protocol notes (section 13), implemented as they recommend: LATEST on an
 * empty shard, the {@code latest+1} tail position for SEQUENCE, {@code >=} for SYSTEM_TIME, a
 * SYSTEM_TIME between the last record and now, StartSeq of an empty read (the cursor's sequence),
 * and the metering units (ActiveTime in seconds, Storage in bytes).
 */
final class ReadOps {

    private final EngineCore core;

    ReadOps(EngineCore core) {
        this.core = core;
    }

    CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter) {
        Topic t = core.topic(project, topic);
        Shard s = EngineCore.shard(t, shardId);
        if (type == null) {
            throw Errors.invalidParameter(
                    "Cursor type must be OLDEST, LATEST, SYSTEM_TIME or SEQUENCE.");
        }
        core.expire(t, s);
        Shard.View head = s.read(0, 1);
        long seq;
        switch (type) {
            case OLDEST:
                seq = head.oldestSeq();
                break;
            case LATEST:
                seq = head.nextSeq() > head.oldestSeq() ? head.nextSeq() - 1 : head.nextSeq();
                break;
            case SEQUENCE:
                if (parameter < head.oldestSeq() || parameter > head.nextSeq()) {
                    throw Errors.seekOutOfRange(
                            "Sequence "
                                    + parameter
                                    + " is out of range ["
                                    + head.oldestSeq()
                                    + ", "
                                    + head.nextSeq()
                                    + "].");
                }
                seq = parameter;
                break;
            case SYSTEM_TIME:
                seq = s.firstAtOrAfter(parameter);
                if (seq < 0) {
                    if (parameter > core.now()) {
                        throw Errors.seekOutOfRange(
                                "SystemTime " + parameter + " is after the last record.");
                    }
                    seq = s.nextSeq();
                }
                break;
            default:
                throw new IllegalStateException("unreachable");
        }
        Shard.View at = s.read(seq, 1);
        long time = at.records().isEmpty() ? 0 : at.records().get(0).timeMillis();
        return new CursorResult(Cursors.encode(t.uid, s.id, seq), time, seq);
    }

    /** The entries a read returns: whole batches, counted by records (see getBatches). */
    record Window(Topic topic, Shard shard, long seq, Shard.View view, List<Shard.Rec> recs) {}

    Window window(String project, String topic, String shardId, String cursor, int limit) {
        Topic t = core.topic(project, topic);
        Shard s = EngineCore.shard(t, shardId);
        int n = Math.max(1, Math.min(1000, limit));
        long seq = Cursors.decode(cursor, t.uid, s.id);
        core.expire(t, s);
        // Read the state first: once CLOSED, the snapshot below is the shard's final content.
        boolean closed = !s.isActive();
        Shard.View view = s.read(seq, n);
        if (seq < view.oldestSeq() || seq > view.nextSeq()) {
            throw Errors.invalidCursor(); // expired, or not a position this shard ever had
        }
        if (closed && seq >= view.nextSeq()) {
            throw Errors.invalidShardOperation(s.idText);
        }
        List<Shard.Rec> recs = view.records();
        int total = 0;
        int k = 0;
        for (; k < recs.size(); k++) {
            int count = RecordCodec.recordCount(recs.get(k).payload());
            if (k > 0 && total + count > n) {
                break; // a batch is never split; the first one is always returned
            }
            total += count;
        }
        return new Window(t, s, seq, view, recs.subList(0, k));
    }

    ReadResult getRecords(String project, String topic, String shardId, String cursor, int limit) {
        Window w = window(project, topic, shardId, cursor, limit);
        Topic t = w.topic();
        Shard s = w.shard();
        long seq = w.seq();
        List<StoredRecord> out = new ArrayList<>(w.recs().size());
        for (int i = 0; i < w.recs().size(); i++) {
            Shard.Rec r = w.recs().get(i);
            long sq = seq + i;
            String at = Cursors.encode(t.uid, s.id, sq);
            String after = Cursors.encode(t.uid, s.id, sq + 1);
            if (RecordCodec.isBatch(r.payload())) {
                // Every record of a batch shares its sequence and cursors (section 6.4).
                for (RecordCodec.BatchBody b : RecordCodec.decodeBatch(r.payload())) {
                    RecordCodec.Body body = b.body();
                    out.add(
                            new StoredRecord(
                                    s.idText,
                                    sq,
                                    r.timeMillis(),
                                    at,
                                    after,
                                    body.attributes(),
                                    topicLayout(t, b.schemaVersion(), body.values()),
                                    body.blob()));
                }
                continue;
            }
            RecordCodec.Body body = RecordCodec.decode(r.payload());
            out.add(
                    new StoredRecord(
                            s.idText,
                            sq,
                            r.timeMillis(),
                            at,
                            after,
                            body.attributes(),
                            topicLayout(t, 0, body.values()),
                            body.blob()));
        }
        String next =
                w.recs().isEmpty() ? cursor : Cursors.encode(t.uid, s.id, seq + w.recs().size());
        return new ReadResult(
                next, seq, w.view().nextSeq() - 1, w.view().lastTimeMillis(), List.copyOf(out));
    }

    /**
     * {@link #getRecords} in stored form: no value is decoded. A batch record written with a schema
     * version other than the topic's current one is the exception: it is mapped by field name as in
     * {@link #topicLayout} and handed out re-encoded.
     */
    RawReadResult getRecordsRaw(
            String project, String topic, String shardId, String cursor, int limit) {
        Window w = window(project, topic, shardId, cursor, limit);
        Topic t = w.topic();
        Shard s = w.shard();
        long seq = w.seq();
        int padTo = t.fields.size();
        List<RawRecord> out = new ArrayList<>(w.recs().size());
        String after = w.recs().isEmpty() ? null : Cursors.encode(t.uid, s.id, seq);
        for (int i = 0; i < w.recs().size(); i++) {
            Shard.Rec r = w.recs().get(i);
            long sq = seq + i;
            String at = after;
            after = Cursors.encode(t.uid, s.id, sq + 1);
            byte[] p = r.payload();
            if (!RecordCodec.isBatch(p)) {
                out.add(new RawRecord(sq, r.timeMillis(), at, after, p, 0, p.length, padTo));
                continue;
            }
            int[] pos = {1};
            int count = RecordCodec.readVarint(p, pos);
            RecordCodec.readVarint(p, pos); // the field count at write time
            int wireLength = RecordCodec.readVarint(p, pos) - 1;
            pos[0] += Math.max(0, wireLength); // the client's wire form, kept for batch reads
            for (int k = 0; k < count; k++) {
                int version = RecordCodec.readVarint(p, pos) - 1;
                int len = RecordCodec.readVarint(p, pos);
                int start = pos[0];
                pos[0] += len;
                if (p[start] == RecordCodec.BLOB
                        || version == 0
                        || SchemaOps.fieldsForRead(t, version) == t.fields) {
                    out.add(
                            new RawRecord(
                                    sq, r.timeMillis(), at, after, p, start, start + len, padTo));
                    continue;
                }
                RecordCodec.Body body =
                        RecordCodec.decode(Arrays.copyOfRange(p, start, start + len));
                byte[] mapped =
                        RecordCodec.encode(
                                body.attributes(), topicLayout(t, version, body.values()), null);
                out.add(new RawRecord(sq, r.timeMillis(), at, after, mapped, 0, mapped.length, 0));
            }
        }
        String next = w.recs().isEmpty() ? cursor : after;
        return new RawReadResult(
                s.idText,
                next,
                seq,
                w.view().nextSeq() - 1,
                w.view().lastTimeMillis(),
                List.copyOf(out));
    }

    /**
     * A record's values in the topic's current field order: version 0 (the topic's schema when it
     * was written) padded with nulls for fields appended since; another registered version mapped
     * by field name (fields the version lacks are null).
     */
    static List<String> topicLayout(Topic t, int schemaVersion, List<String> values) {
        if (values == null) {
            return null;
        }
        List<FieldSpec> fields = t.fields;
        List<FieldSpec> written = SchemaOps.fieldsForRead(t, schemaVersion);
        if (schemaVersion != 0 && written != fields) {
            List<String> mapped = new ArrayList<>(fields.size());
            for (FieldSpec f : fields) {
                String v = null;
                for (int i = 0; i < written.size() && i < values.size(); i++) {
                    if (written.get(i).name().equalsIgnoreCase(f.name())) {
                        v = values.get(i);
                        break;
                    }
                }
                mapped.add(v);
            }
            return Collections.unmodifiableList(mapped);
        }
        if (values.size() < fields.size()) {
            List<String> padded = new ArrayList<>(values);
            padded.addAll(Collections.nCopies(fields.size() - values.size(), null));
            return Collections.unmodifiableList(padded);
        }
        return Collections.unmodifiableList(values);
    }

    MeterInfo getMeter(String project, String topic, String shardId) {
        Topic t = core.topic(project, topic);
        Shard s = EngineCore.shard(t, shardId);
        core.expire(t, s);
        if (s.nextSeq() == 0) {
            throw Errors.noSuchMeteringInfo(s.idText);
        }
        long end = s.isActive() ? core.now() : s.closedTimeMillis();
        return new MeterInfo(Math.max(0, (end - s.createTimeMillis) / 1000), s.storageBytes());
    }
}
