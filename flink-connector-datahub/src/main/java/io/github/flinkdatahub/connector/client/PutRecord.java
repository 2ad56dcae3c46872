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

package io.github.flinkdatahub.connector.client;

import java.util.Map;
import java.util.Objects;

/**
 * One record to write, with its routing for topic-level puts.
 *
 * <p>Routing precedence on the service is ShardId, then HashKey, then PartitionKey (UNCONFIRMED,
 * protocol §4.5.1); a record without any of them is placed by the service. Put-by-shard ignores all
 * three.
 *
 * @param payload tuple values or blob bytes
 * @param attributes string attributes of the record (may be empty, never null)
 * @param shardId target shard id, or null
 * @param hashKey 32 hex digit 128-bit hash key, or null
 * @param partitionKey key the service hashes (MD5) into the hash-key space, or null
 */
public record PutRecord(
        RecordPayload payload,
        Map<String, String> attributes,
        String shardId,
        String hashKey,
        String partitionKey) {

    /** Records per put request the service accepts. */
    public static final int MAX_RECORDS_PER_REQUEST = 10_000;

    /** Request body bytes the service accepts (compressed or not). */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    /** Bytes of a protobuf request body besides its records: the 12-byte DHUB frame header. */
    public static final int REQUEST_OVERHEAD_BYTES = DhubFrame.HEADER_SIZE;

    /** Validates: payload non-null, hashKey hex; empty routing strings become null. */
    public PutRecord {
        Objects.requireNonNull(payload, "payload must not be null");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        shardId = emptyToNull(shardId);
        hashKey = emptyToNull(hashKey);
        partitionKey = emptyToNull(partitionKey);
        if (hashKey != null && !hashKey.matches("[0-9A-Fa-f]{1,32}")) {
            throw new IllegalArgumentException(
                    "hashKey '" + hashKey + "' must be up to 32 hexadecimal digits");
        }
    }

    /** A record without routing (for put-by-shard, or to let the service place it). */
    public static PutRecord of(RecordPayload payload) {
        return new PutRecord(payload, Map.of(), null, null, null);
    }

    /** A record routed to the given shard. */
    public static PutRecord toShard(String shardId, RecordPayload payload) {
        return new PutRecord(payload, Map.of(), shardId, null, null);
    }

    /** A record routed by the service's MD5 hash of the partition key. */
    public static PutRecord withPartitionKey(String partitionKey, RecordPayload payload) {
        return new PutRecord(payload, Map.of(), null, null, partitionKey);
    }

    /** A record routed to the shard whose key range contains the hash key. */
    public static PutRecord withHashKey(String hashKey, RecordPayload payload) {
        return new PutRecord(payload, Map.of(), null, hashKey, null);
    }

    /** The same record with these attributes. */
    public PutRecord withAttributes(Map<String, String> newAttributes) {
        return new PutRecord(payload, newAttributes, shardId, hashKey, partitionKey);
    }

    /**
     * This record's size in a protobuf put request body (PutRecords or PutRecordsByShard, which
     * share the record encoding), for packing requests under {@link #MAX_REQUEST_BYTES}: the sum
     * over a request's records plus {@link #REQUEST_OVERHEAD_BYTES} is never below the body the
     * client sends uncompressed (compression only makes it smaller). Computed without encoding;
     * costs about as much as converting the tuple values to text. The JSON protocol's bodies are
     * larger (Base64 blobs, quoting) and are not covered.
     */
    public int estimatedEncodedSize() {
        return PbRecordSizes.entrySize(this);
    }

    /**
     * This record's size in a put-by-shard body of the protocol: {@link #estimatedEncodedSize()}
     * for PROTOBUF and JSON, and for BATCH its size in the (uncompressed) batch. The sum over a
     * request's records plus {@link #requestOverheadBytes(BodyProtocol)} is never below the body.
     */
    public int estimatedEncodedSize(BodyProtocol protocol) {
        return protocol == BodyProtocol.BATCH
                ? BatchRecordWriter.estimatedSize(this)
                : PbRecordSizes.entrySize(this);
    }

    /**
     * Bytes of a put-by-shard body besides its records: the DHUB frame header, and with BATCH also
     * the {@code PutBinaryRecordsRequest} and {@code BinaryRecordEntry} prefixes (at most 6 bytes
     * each) and the 26-byte batch header.
     */
    public static int requestOverheadBytes(BodyProtocol protocol) {
        return protocol == BodyProtocol.BATCH
                ? BATCH_REQUEST_OVERHEAD_BYTES
                : REQUEST_OVERHEAD_BYTES;
    }

    /** See {@link #requestOverheadBytes(BodyProtocol)}. */
    public static final int BATCH_REQUEST_OVERHEAD_BYTES =
            DhubFrame.HEADER_SIZE + 6 + 6 + BatchCodec.HEADER_SIZE;

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
