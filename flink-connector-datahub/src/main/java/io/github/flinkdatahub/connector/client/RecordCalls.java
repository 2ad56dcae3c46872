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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Record put/get over the configured {@link BodyProtocol}, prepared once and sent either
 * asynchronously or on the caller's thread. Puts are marked as writes so that the transport only
 * retries them when nothing can have been written. Invalid arguments throw at once, on the caller's
 * thread; everything else completes the future. Blocking calls encode their request bodies on the
 * caller's thread, asynchronous puts on the shared HTTP threads ({@link #asyncOffCaller});
 * responses are decoded on the OkHttp thread.
 */
final class RecordCalls {

    static final String PB_TYPE = "application/x-protobuf";
    static final int MAX_LIMIT = 1000;

    private final HttpTransport transport;
    private final BodyProtocol protocol;
    private final CompressionType compression;
    private final BatchSchemaVersions schemaVersions;

    RecordCalls(
            HttpTransport transport,
            BodyProtocol protocol,
            CompressionType compression,
            BatchSchemaVersions schemaVersions) {
        this.transport = transport;
        this.protocol = protocol;
        this.compression = compression;
        this.schemaVersions = schemaVersions;
    }

    /** A call ready to send, with the decoder of its response. */
    record Prepared<T>(HttpTransport.HttpCall call, HttpTransport.ResponseDecoder<T> decoder) {}

    /** Sends the call without blocking. */
    <T> CompletableFuture<T> async(Prepared<T> prepared) {
        return transport.executeAsync(prepared.call(), prepared.decoder());
    }

    /**
     * Prepares and sends the call without blocking, off the caller's thread: encoding a put's
     * records and compressing its body are the heaviest part of a put for the caller, so they run
     * on the shared HTTP threads, and one caller thread keeps several puts in flight as fast as as
     * many blocking threads. Cancelling the result before the call started means it never starts;
     * after, it cancels the call. {@code prepare} must not depend on state the caller may change
     * after this returns.
     */
    <T> CompletableFuture<T> asyncOffCaller(Supplier<Prepared<T>> prepare) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task =
                () -> {
                    if (result.isDone()) {
                        return; // cancelled before it started
                    }
                    CompletableFuture<T> call;
                    try {
                        call = async(prepare.get());
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    call.whenComplete(
                            (value, failure) -> {
                                if (failure != null) {
                                    result.completeExceptionally(failure);
                                } else {
                                    result.complete(value);
                                }
                            });
                    result.whenComplete(
                            (value, failure) -> {
                                if (result.isCancelled()) {
                                    call.cancel(true);
                                }
                            });
                };
        try {
            SharedHttp.base().dispatcher().executorService().execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends the call on the caller's thread. */
    <T> T blocking(Prepared<T> prepared) {
        return transport.executeBlocking(prepared.call(), prepared.decoder());
    }

    Prepared<GetRecordsResult> getRecords(
            String project,
            String topic,
            String shardPath,
            String shardId,
            String cursor,
            int limit,
            RecordSchema schema) {
        Objects.requireNonNull(cursor, "cursor must not be null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        if (protocol == BodyProtocol.JSON) {
            return new Prepared<>(
                    new HttpTransport.HttpCall(
                            "POST",
                            shardPath,
                            JsonCalls.JSON_TYPE,
                            JsonRecordCodec.encodeGetRecords(cursor, limit),
                            null,
                            false),
                    // Stream-parsed straight off the connection when it is not compressed.
                    result ->
                            decode(
                                    result,
                                    () ->
                                            JsonGetRecordsParser.parse(
                                                    result.stream(), shardId, schema)));
        }
        if (protocol == BodyProtocol.BATCH) {
            // A record naming a schema version not fetched yet fails with
            // UnknownSchemaVersionException; the client fetches the version and reads again.
            return new Prepared<>(
                    new HttpTransport.HttpCall(
                            "POST",
                            shardPath,
                            BatchCodec.BATCH_TYPE,
                            PbRecordCodec.encodeGetRecords(cursor, limit),
                            "sub",
                            false),
                    result ->
                            decode(
                                    result,
                                    () ->
                                            BatchCodec.decodeGetResponse(
                                                    DhubFrame.unframe(result.body()),
                                                    shardId,
                                                    schema,
                                                    version ->
                                                            schemaVersions.forRead(
                                                                    project, topic, version))));
        }
        return new Prepared<>(
                new HttpTransport.HttpCall(
                        "POST",
                        shardPath,
                        PB_TYPE,
                        PbRecordCodec.encodeGetRecords(cursor, limit),
                        "sub",
                        false),
                result ->
                        decode(
                                result,
                                () ->
                                        PbRecordCodec.decodeGetRecordsResponse(
                                                DhubFrame.unframe(result.body()),
                                                shardId,
                                                schema)));
    }

    /** The argument checks of a topic-level put, made at once on the caller's thread. */
    void checkPutRecords(List<PutRecord> records) {
        requireRecords(records);
        if (protocol == BodyProtocol.BATCH) {
            // As the SDK's batch client: the service's topic-level put has no batch form.
            throw new UnsupportedOperationException(
                    "PutRecords to a topic is not supported with protocol BATCH (the service has"
                            + " no batch form of it, and the SDK's batch client refuses it too):"
                            + " use putRecordsByShard, or protocol PROTOBUF for topic-level puts");
        }
    }

    Prepared<PutRecordsResult> putRecords(String shardsPath, List<PutRecord> records) {
        checkPutRecords(records);
        if (protocol == BodyProtocol.JSON) {
            return new Prepared<>(
                    new HttpTransport.HttpCall(
                            "POST",
                            shardsPath,
                            JsonCalls.JSON_TYPE,
                            JsonRecordCodec.encodePutRecords(records),
                            null,
                            true),
                    result ->
                            decode(
                                    result,
                                    () ->
                                            JsonRecordCodec.decodePutRecordsResponse(
                                                    JsonCalls.parseJson(result))));
        }
        return new Prepared<>(
                new HttpTransport.HttpCall(
                        "POST",
                        shardsPath,
                        PB_TYPE,
                        PbRecordCodec.encodePutRecords(records),
                        "pub",
                        true),
                result ->
                        decode(
                                result,
                                () ->
                                        PbRecordCodec.decodePutRecordsResponse(
                                                DhubFrame.unframe(result.body()))));
    }

    /**
     * Protobuf, or one batch with protocol BATCH; JSON clients send protobuf too (the service has
     * no JSON put-by-shard, the SDK's JSON client refuses it).
     */
    /** The argument checks of a put by shard, made at once on the caller's thread. */
    void checkPutRecordsByShard(List<PutRecord> records) {
        requireRecords(records);
        if (protocol == BodyProtocol.BATCH && records.size() > PutRecord.MAX_RECORDS_PER_REQUEST) {
            throw new IllegalArgumentException(
                    "A batch holds at most "
                            + PutRecord.MAX_RECORDS_PER_REQUEST
                            + " records but got "
                            + records.size());
        }
    }

    Prepared<Void> putRecordsByShard(
            String project, String topic, String shardPath, List<PutRecord> records) {
        checkPutRecordsByShard(records);
        boolean batch = protocol == BodyProtocol.BATCH;
        byte[] request =
                batch
                        ? BatchCodec.encodePutRequest(
                                records,
                                compression,
                                schemaVersions.forWrite(project, topic, records))
                        : PbRecordCodec.encodePutRecords(records);
        return putByShard(shardPath, batch, request, null, -1);
    }

    /**
     * Records encoded before: their bytes framed as they are, or decoded and written as one batch
     * with protocol BATCH.
     */
    /** The argument checks of a put of encoded records, made at once on the caller's thread. */
    static void checkEncoded(EncodedRecords records) {
        Objects.requireNonNull(records, "records must not be null");
        if (records.count() == 0) {
            throw new IllegalArgumentException("records must not be empty");
        }
    }

    Prepared<Void> putRecordsByShard(
            String project, String topic, String shardPath, EncodedRecords records) {
        checkEncoded(records);
        if (protocol == BodyProtocol.BATCH) {
            return putRecordsByShard(project, topic, shardPath, records.decode());
        }
        if (records.compression() != CompressionType.NONE && records.compression() == compression) {
            return putByShard(
                    shardPath,
                    false,
                    records.unsafeBytes(),
                    records.compression(),
                    records.rawSize());
        }
        return putByShard(shardPath, false, PbRecordCodec.encodePutRecords(records), null, -1);
    }

    /** Records as this client will put them: compressed as it sends its bodies. */
    EncodedRecords preparePut(EncodedRecords records) {
        return protocol == BodyProtocol.BATCH ? records : records.compress(compression);
    }

    private Prepared<Void> putByShard(
            String shardPath,
            boolean batch,
            byte[] request,
            CompressionType precompressed,
            int rawSize) {
        if (batch && request.length > PutRecord.MAX_REQUEST_BYTES) {
            // Fails before sending, naming the limit; the service would refuse it anyway.
            throw new IllegalArgumentException(
                    "The batch request is "
                            + request.length
                            + " bytes, over the service's limit of "
                            + PutRecord.MAX_REQUEST_BYTES
                            + " bytes: put fewer records per call");
        }
        return new Prepared<>(
                new HttpTransport.HttpCall(
                        "POST",
                        shardPath,
                        batch ? BatchCodec.BATCH_TYPE : PB_TYPE,
                        request,
                        "pub",
                        true,
                        precompressed,
                        rawSize),
                result -> {
                    // Every SDK ignores this body and what the real service sends is UNCONFIRMED
                    // (empty or a framed PutRecordsResponse): verify a DHUB frame's CRC, accept
                    // anything else unread.
                    byte[] body = result.body();
                    if (DhubFrame.hasMagic(body)) {
                        decode(result, () -> DhubFrame.unframe(body));
                    }
                    return null;
                });
    }

    private static void requireRecords(List<PutRecord> records) {
        Objects.requireNonNull(records, "records must not be null");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records must not be empty");
        }
    }

    /** A decoder step that may fail on malformed input. */
    @FunctionalInterface
    private interface Decoder<T> {
        T decode() throws Exception;
    }

    /**
     * Runs a decoder, turning any failure into a {@link DataHubDecodeException}; a {@link
     * DataHubException} (such as a failed read of the connection) passes unchanged.
     */
    private static <T> T decode(HttpResult result, Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (DataHubException e) {
            throw e;
        } catch (Exception e) {
            throw new DataHubDecodeException(
                    "Cannot decode record response: " + e.getMessage(),
                    result.status(),
                    result.requestId(),
                    e);
        }
    }
}
