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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.ReadRecord;
import io.github.flinkdatahub.connector.client.RecordPayload;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Map;

/**
 * What a {@link DataHubRecordDeserializationSchema} sees of one DataHub record: its topic, shard,
 * sequence, system time, attributes and either typed tuple values or blob bytes.
 */
@PublicEvolving
public final class DataHubRecord {

    private final String topic;
    private final ReadRecord record;

    /** Wraps a record read from a topic. */
    public DataHubRecord(String topic, ReadRecord record) {
        this.topic = topic;
        this.record = record;
    }

    /** The topic the record was read from. */
    public String topic() {
        return topic;
    }

    /** The shard the record was read from. */
    public String shardId() {
        return record.shardId();
    }

    /** The record's sequence within its shard. */
    public long sequence() {
        return record.sequence();
    }

    /** The time DataHub received the record (epoch milliseconds); the default event time. */
    public long systemTime() {
        return record.systemTime();
    }

    /** The record's attributes (never null). */
    public Map<String, String> attributes() {
        return record.attributes();
    }

    /** True for a record of a TUPLE topic. */
    public boolean isTuple() {
        return record.payload() instanceof TupleRecord;
    }

    /** The typed values of a TUPLE record; fails for a BLOB record. */
    public TupleRecord tuple() {
        if (record.payload() instanceof TupleRecord t) {
            return t;
        }
        throw new IllegalStateException(
                "Record " + shardId() + "/" + sequence() + " of topic " + topic + " is a BLOB");
    }

    /** The bytes of a BLOB record (a copy); fails for a TUPLE record. */
    public byte[] blob() {
        if (record.payload() instanceof BlobRecord b) {
            return b.data();
        }
        throw new IllegalStateException(
                "Record " + shardId() + "/" + sequence() + " of topic " + topic + " is a TUPLE");
    }

    /** The raw payload. */
    public RecordPayload payload() {
        return record.payload();
    }

    @Override
    public String toString() {
        return "DataHubRecord{" + topic + "/" + shardId() + "@" + sequence() + "}";
    }
}
