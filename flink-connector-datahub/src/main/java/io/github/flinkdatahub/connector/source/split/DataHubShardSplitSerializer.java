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

package io.github.flinkdatahub.connector.source.split;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned serializer of {@link DataHubShardSplit}.
 *
 * <ul>
 *   <li>Version 0: topic, shard id, next sequence ({@code -1} = earliest), parent shard ids.
 *   <li>Version 1: adds the stop sequence and stop timestamp, the hash-key range and the finished
 *       flag, and stores the position kind explicitly.
 *   <li>Version 2 (current): adds the position's index within a batch (topics written in batch
 *       mode, where the records of a batch share one sequence), after the sequence. Versions 0 and
 *       1 read as batch index 0, which is exactly what they meant: they were written before a
 *       position could point into a batch.
 * </ul>
 */
public final class DataHubShardSplitSerializer
        implements SimpleVersionedSerializer<DataHubShardSplit> {

    /** The shared instance; the serializer is stateless. */
    public static final DataHubShardSplitSerializer INSTANCE = new DataHubShardSplitSerializer();

    static final int VERSION_0 = 0;
    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;
    private static final int CURRENT_VERSION = VERSION_2;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(DataHubShardSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public DataHubShardSplit deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        switch (version) {
            case VERSION_0:
                return readV0(in);
            case VERSION_1:
                return read(in, false);
            case VERSION_2:
                return read(in, true);
            default:
                throw new IOException(
                        "Unknown DataHubShardSplit serializer version "
                                + version
                                + "; this connector reads versions 0.."
                                + CURRENT_VERSION);
        }
    }

    /** Writes a split in the current version into a view (used by the enumerator state). */
    public static void write(DataHubShardSplit split, DataOutputView out) throws IOException {
        write(split, out, true);
    }

    private static void write(DataHubShardSplit split, DataOutputView out, boolean withBatchIndex)
            throws IOException {
        out.writeUTF(split.topic());
        out.writeUTF(split.shardId());
        out.writeBoolean(split.start().atEarliest());
        out.writeLong(split.start().sequence());
        if (withBatchIndex) {
            out.writeInt(split.start().batchIndex());
        }
        writeOptionalLong(out, split.stopSequence().isPresent(), split.stopSequence().orElse(0));
        writeOptionalLong(out, split.stopTimestamp().isPresent(), split.stopTimestamp().orElse(0));
        out.writeInt(split.parentShardIds().size());
        for (String parent : split.parentShardIds()) {
            out.writeUTF(parent);
        }
        writeNullableString(out, split.beginHashKey());
        writeNullableString(out, split.endHashKey());
        out.writeBoolean(split.isFinished());
    }

    /** Reads a split written by {@link #write} (current version). */
    public static DataHubShardSplit read(DataInputView in) throws IOException {
        return read(in, true);
    }

    private static DataHubShardSplit read(DataInputView in, boolean withBatchIndex)
            throws IOException {
        String topic = in.readUTF();
        String shardId = in.readUTF();
        boolean earliest = in.readBoolean();
        long sequence = in.readLong();
        int batchIndex = withBatchIndex ? in.readInt() : 0;
        ShardPosition start =
                earliest
                        ? ShardPosition.earliest()
                        : ShardPosition.atSequence(sequence, batchIndex);
        Long stopSequence = readOptionalLong(in);
        Long stopTimestamp = readOptionalLong(in);
        List<String> parents = readStrings(in);
        String begin = readNullableString(in);
        String end = readNullableString(in);
        boolean finished = in.readBoolean();
        return new DataHubShardSplit(
                topic, shardId, start, stopSequence, stopTimestamp, parents, begin, end, finished);
    }

    /** Writes the version-1 format; kept so that tests can prove old state still restores. */
    public static byte[] serializeV1(DataHubShardSplit split) throws IOException {
        if (split.start().batchIndex() != 0) {
            throw new IllegalArgumentException("Version 1 cannot hold a batch index");
        }
        DataOutputSerializer out = new DataOutputSerializer(64);
        write(split, out, false);
        return out.getCopyOfBuffer();
    }

    /** Writes the version-0 format; kept so that tests can prove old state still restores. */
    public static byte[] serializeV0(DataHubShardSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(split.topic());
        out.writeUTF(split.shardId());
        out.writeLong(split.start().atEarliest() ? -1L : split.start().sequence());
        out.writeInt(split.parentShardIds().size());
        for (String parent : split.parentShardIds()) {
            out.writeUTF(parent);
        }
        return out.getCopyOfBuffer();
    }

    private static DataHubShardSplit readV0(DataInputView in) throws IOException {
        String topic = in.readUTF();
        String shardId = in.readUTF();
        long next = in.readLong();
        List<String> parents = readStrings(in);
        ShardPosition start = next < 0 ? ShardPosition.earliest() : ShardPosition.atSequence(next);
        return DataHubShardSplit.of(topic, shardId, start, parents);
    }

    private static List<String> readStrings(DataInputView in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void writeOptionalLong(DataOutputView out, boolean present, long value)
            throws IOException {
        out.writeBoolean(present);
        if (present) {
            out.writeLong(value);
        }
    }

    private static Long readOptionalLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeNullableString(DataOutputView out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullableString(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
