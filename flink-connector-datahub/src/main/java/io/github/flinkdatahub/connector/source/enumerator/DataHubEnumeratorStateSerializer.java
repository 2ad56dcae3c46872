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

package io.github.flinkdatahub.connector.source.enumerator;

import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;
import io.github.flinkdatahub.connector.source.split.DataHubShardSplitSerializer;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Versioned serializer of {@link DataHubEnumeratorState}. Version 1 (current): unassigned splits
 * (each in the split format of the split serializer's current version, prefixed by that version),
 * assigned ids, finished ids, initial-discovery flag.
 */
public final class DataHubEnumeratorStateSerializer
        implements SimpleVersionedSerializer<DataHubEnumeratorState> {

    /** The shared instance; the serializer is stateless. */
    public static final DataHubEnumeratorStateSerializer INSTANCE =
            new DataHubEnumeratorStateSerializer();

    private static final int VERSION_1 = 1;

    @Override
    public int getVersion() {
        return VERSION_1;
    }

    @Override
    public byte[] serialize(DataHubEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        DataHubShardSplitSerializer splits = DataHubShardSplitSerializer.INSTANCE;
        out.writeInt(state.unassigned().size());
        for (DataHubShardSplit split : state.unassigned()) {
            byte[] bytes = splits.serialize(split);
            out.writeInt(splits.getVersion());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        writeIds(out, state.assigned());
        writeIds(out, state.finished());
        out.writeBoolean(state.initialDiscoveryDone());
        return out.getCopyOfBuffer();
    }

    @Override
    public DataHubEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1) {
            throw new IOException(
                    "Unknown DataHub enumerator state version "
                            + version
                            + "; this connector reads version "
                            + VERSION_1);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int n = in.readInt();
        List<DataHubShardSplit> unassigned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int splitVersion = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            unassigned.add(DataHubShardSplitSerializer.INSTANCE.deserialize(splitVersion, bytes));
        }
        Set<String> assigned = readIds(in);
        Set<String> finished = readIds(in);
        boolean initial = in.readBoolean();
        return new DataHubEnumeratorState(unassigned, assigned, finished, initial);
    }

    private static void writeIds(DataOutputSerializer out, Set<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : new TreeSet<>(ids)) {
            out.writeUTF(id);
        }
    }

    private static Set<String> readIds(DataInputDeserializer in) throws IOException {
        int n = in.readInt();
        Set<String> ids = new HashSet<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }
}
