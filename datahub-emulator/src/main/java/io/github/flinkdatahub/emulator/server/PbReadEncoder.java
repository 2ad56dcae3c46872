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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.RawReadResult;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;
import io.github.flinkdatahub.emulator.engine.RawRecord;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a PB GetRecords response (a DHUB frame of {@code GetRecordsResponse}) straight from the
 * stored records: value and attribute bytes are copied from the store into the frame, with no
 * protobuf message objects, strings or intermediate arrays. The bytes are exactly those {@link
 * RecordCodec#readPb} (the message-based reference) produces: fields in number order, shard id left
 * out, latest sequence/time when known, attributes only when there are some.
 */
final class PbReadEncoder {

    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private PbReadEncoder() {}

    /** The framed response. */
    static byte[] frame(RawReadResult result, RecordType type) {
        List<RawRecord> records = result.records();
        RawRecord.Slices s = new RawRecord.Slices();
        int[] entrySizes = new int[records.size()];
        int[] attrSizes = new int[records.size()];
        int[] dataSizes = new int[records.size()];
        int size =
                CodedOutputStream.computeStringSize(1, result.nextCursor())
                        + CodedOutputStream.computeInt32Size(2, records.size())
                        + CodedOutputStream.computeInt64Size(3, result.startSequence());
        for (int i = 0; i < records.size(); i++) {
            RawRecord r = records.get(i);
            r.slice(s);
            attrSizes[i] = attributesSize(s);
            dataSizes[i] = dataSize(s, type);
            int entry =
                    CodedOutputStream.computeStringSize(4, r.cursor())
                            + CodedOutputStream.computeStringSize(5, r.nextCursor())
                            + CodedOutputStream.computeInt64Size(6, r.sequence())
                            + CodedOutputStream.computeInt64Size(7, r.systemTimeMillis())
                            + (attrSizes[i] == 0 ? 0 : delimited(8, attrSizes[i]))
                            + delimited(9, dataSizes[i]);
            entrySizes[i] = entry;
            size += delimited(4, entry);
        }
        if (result.latestSequence() >= 0) {
            size += CodedOutputStream.computeInt64Size(5, result.latestSequence());
        }
        if (result.latestTimeMillis() >= 0) {
            size += CodedOutputStream.computeInt64Size(6, result.latestTimeMillis());
        }
        byte[] frame = new byte[PbFrame.HEADER + size];
        CodedOutputStream out = CodedOutputStream.newInstance(frame, PbFrame.HEADER, size);
        try {
            out.writeString(1, result.nextCursor());
            out.writeInt32(2, records.size());
            out.writeInt64(3, result.startSequence());
            for (int i = 0; i < records.size(); i++) {
                RawRecord r = records.get(i);
                r.slice(s);
                out.writeTag(4, LEN);
                out.writeUInt32NoTag(entrySizes[i]);
                out.writeString(4, r.cursor());
                out.writeString(5, r.nextCursor());
                out.writeInt64(6, r.sequence());
                out.writeInt64(7, r.systemTimeMillis());
                if (attrSizes[i] != 0) {
                    out.writeTag(8, LEN);
                    out.writeUInt32NoTag(attrSizes[i]);
                    writeAttributes(out, s);
                }
                out.writeTag(9, LEN);
                out.writeUInt32NoTag(dataSizes[i]);
                writeData(out, s, type);
            }
            if (result.latestSequence() >= 0) {
                out.writeInt64(5, result.latestSequence());
            }
            if (result.latestTimeMillis() >= 0) {
                out.writeInt64(6, result.latestTimeMillis());
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("the response was sized wrongly", e);
        }
        return PbFrame.seal(frame);
    }

    /** Size of a RecordAttributes body; 0 when there are no attributes (then it is left out). */
    private static int attributesSize(RawRecord.Slices s) {
        int size = 0;
        for (int a = 0; a < s.attributeCount(); a++) {
            size += delimited(1, pairSize(s, a));
        }
        return size;
    }

    private static int pairSize(RawRecord.Slices s, int a) {
        return delimited(1, s.keyLength(a)) + delimited(2, s.attributeValueLength(a));
    }

    /** Size of a RecordData body: one FieldData per value, as {@code readPb} writes them. */
    private static int dataSize(RawRecord.Slices s, RecordType type) {
        if (type == RecordType.BLOB) {
            return delimited(1, delimited(1, s.isBlob() ? s.blobLength() : 0));
        }
        int size = 0;
        for (int v = 0; v < s.valueCount(); v++) {
            size += delimited(1, fieldSize(s.valueLength(v)));
        }
        return size;
    }

    /** Size of a FieldData body: empty for null, else its value field. */
    private static int fieldSize(int valueLength) {
        return valueLength < 0 ? 0 : delimited(1, valueLength);
    }

    private static void writeAttributes(CodedOutputStream out, RawRecord.Slices s)
            throws IOException {
        for (int a = 0; a < s.attributeCount(); a++) {
            out.writeTag(1, LEN);
            out.writeUInt32NoTag(pairSize(s, a));
            bytes(out, 1, s.data(), s.keyOffset(a), s.keyLength(a));
            bytes(out, 2, s.data(), s.attributeValueOffset(a), s.attributeValueLength(a));
        }
    }

    private static void writeData(CodedOutputStream out, RawRecord.Slices s, RecordType type)
            throws IOException {
        if (type == RecordType.BLOB) {
            int len = s.isBlob() ? s.blobLength() : 0;
            out.writeTag(1, LEN);
            out.writeUInt32NoTag(delimited(1, len));
            bytes(out, 1, s.data(), s.blobOffset(), len);
            return;
        }
        for (int v = 0; v < s.valueCount(); v++) {
            int len = s.valueLength(v);
            out.writeTag(1, LEN);
            out.writeUInt32NoTag(fieldSize(len));
            if (len >= 0) {
                bytes(out, 1, s.data(), s.valueOffset(v), len);
            }
        }
    }

    private static void bytes(CodedOutputStream out, int field, byte[] data, int off, int len)
            throws IOException {
        out.writeTag(field, LEN);
        out.writeUInt32NoTag(len);
        out.writeRawBytes(data, off, len);
    }

    /** Size of a length-delimited field of {@code length} bytes. */
    private static int delimited(int field, int length) {
        return CodedOutputStream.computeTagSize(field)
                + CodedOutputStream.computeUInt32SizeNoTag(length)
                + length;
    }
}
