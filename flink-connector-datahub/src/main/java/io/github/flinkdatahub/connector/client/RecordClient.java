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

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The data plane: cursors, reads and writes. This is all a split reader or a sink writer needs.
 *
 * <p>The {@code *Async} methods never block the caller: the request runs on the HTTP client's own
 * threads, retries are scheduled (never slept on a caller thread) and follow the same bounds and
 * classification as the blocking methods. Cancelling a returned future cancels its HTTP call. The
 * future may complete on the client's I/O thread, so dependent stages added with non-async methods
 * run there: keep them short and never block in them. The blocking methods wait for the future by
 * default (the HTTP client runs them on the caller's thread instead, with the same retries); an
 * interrupt cancels the call, restores the interrupt flag and throws a non-retryable {@link
 * DataHubException}.
 *
 * <p>Failures are {@link DataHubException}s (the future completes exceptionally with one), already
 * retried as far as the configuration allows. Implementations are thread-safe.
 */
public interface RecordClient {

    /**
     * Gets a cursor for one shard.
     *
     * @param parameter milliseconds for SYSTEM_TIME, the sequence for SEQUENCE, ignored otherwise
     */
    CursorResult getCursor(
            String project, String topic, String shardId, CursorType type, long parameter);

    /** Gets an OLDEST or LATEST cursor. */
    default CursorResult getCursor(String project, String topic, String shardId, CursorType type) {
        return getCursor(project, topic, shardId, type, 0L);
    }

    /**
     * Reads up to {@code limit} (1..1000) records from the cursor on, without blocking.
     *
     * @param schema the topic schema to decode TUPLE records, or null for a BLOB topic
     */
    CompletableFuture<GetRecordsResult> getRecordsAsync(
            String project,
            String topic,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema);

    /** Blocking form of {@link #getRecordsAsync}. */
    default GetRecordsResult getRecords(
            String project,
            String topic,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema) {
        return Futures.await(
                getRecordsAsync(project, topic, shardId, cursor, limit, schema),
                "GetRecords " + project + "/" + topic + "/" + shardId);
    }

    /**
     * Writes records to a topic, each routed by its ShardId, HashKey or PartitionKey, without
     * blocking. The call succeeds as a whole even when some records fail; check {@link
     * PutRecordsResult}.
     */
    CompletableFuture<PutRecordsResult> putRecordsAsync(
            String project, String topic, List<PutRecord> records);

    /** Blocking form of {@link #putRecordsAsync}. */
    default PutRecordsResult putRecords(String project, String topic, List<PutRecord> records) {
        return Futures.await(
                putRecordsAsync(project, topic, records), "PutRecords " + project + "/" + topic);
    }

    /**
     * Writes all records to one shard, failing as a whole (the records' own routing is ignored),
     * without blocking.
     *
     * <p>Only the protobuf protocol has this call (as in the SDK): with {@link BodyProtocol#JSON}
     * the request is still sent as protobuf, because the service has no JSON variant.
     */
    CompletableFuture<Void> putRecordsByShardAsync(
            String project, String topic, String shardId, List<PutRecord> records);

    /** Blocking form of {@link #putRecordsByShardAsync}. */
    default void putRecordsByShard(
            String project, String topic, String shardId, List<PutRecord> records) {
        Futures.await(
                putRecordsByShardAsync(project, topic, shardId, records),
                "PutRecordsByShard " + project + "/" + topic + "/" + shardId);
    }

    /**
     * Writes records encoded before to one shard, failing as a whole, without blocking: the same
     * request as {@link #putRecordsByShardAsync(String, String, String, List)} for the decoded
     * records. This default decodes them and sends them that way; the HTTP client sends the bytes
     * as they are (protocols PROTOBUF and JSON) or decodes them for BATCH.
     */
    default CompletableFuture<Void> putRecordsByShardAsync(
            String project, String topic, String shardId, EncodedRecords records) {
        return putRecordsByShardAsync(project, topic, shardId, records.decode());
    }

    /**
     * The records as this client will put them, to hold until a later put: the HTTP client
     * compresses the request body as it sends it (see {@link EncodedRecords#compress}), so the put
     * sends the bytes as they are; this default returns them unchanged.
     */
    default EncodedRecords preparePut(EncodedRecords records) {
        return records;
    }

    /** Blocking form of {@link #putRecordsByShardAsync(String, String, String, EncodedRecords)}. */
    default void putRecordsByShard(
            String project, String topic, String shardId, EncodedRecords records) {
        Futures.await(
                putRecordsByShardAsync(project, topic, shardId, records),
                "PutRecordsByShard " + project + "/" + topic + "/" + shardId);
    }
}
