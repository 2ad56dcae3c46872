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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.ShardInfo;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.client.TupleRecord;

import org.apache.flink.api.common.serialization.SerializationSchema;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Serializes and routes elements for a writer: fetches the topic (record type, schema) and the
 * shard map at open, checks each record against the topic and the size limit. Task thread only.
 */
final class RecordPreparer<T> {

    private final SinkSettings settings;
    private final DataHubRecordSerializationSchema<T> serializer;
    private final DataHubClient client;
    private final ShardRouter router;
    private TopicInfo topicInfo;

    RecordPreparer(
            SinkSettings settings,
            DataHubRecordSerializationSchema<T> serializer,
            DataHubClient client) {
        this.settings = settings;
        this.serializer = serializer;
        this.client = client;
        this.router = new ShardRouter(settings.routing(), settings.fixedShardId());
    }

    void open(SerializationSchema.InitializationContext context) throws IOException {
        topicInfo =
                retrying("GetTopic", () -> client.getTopic(settings.project(), settings.topic()));
        try {
            serializer.open(
                    context,
                    new DataHubSinkContext(
                            settings.project(),
                            settings.topic(),
                            topicInfo.recordType(),
                            topicInfo.schema()));
        } catch (Exception e) {
            throw new IOException(
                    "Opening the serializer for topic " + settings.topicPath() + " failed: " + e,
                    e);
        }
        refreshShards();
    }

    ShardRouter router() {
        return router;
    }

    TopicInfo topicInfo() {
        return topicInfo;
    }

    /** Re-lists the shards (after a split or merge sealed the shard a batch went to). */
    void refreshShards() throws IOException {
        List<ShardInfo> shards =
                retrying(
                        "ListShard", () -> client.listShards(settings.project(), settings.topic()));
        router.update(shards);
    }

    /** Serializes one element and checks it against the topic and the size limits. */
    PreparedRecord prepare(T element) {
        DataHubSinkRecord r;
        try {
            r = serializer.serialize(element);
        } catch (RuntimeException e) {
            throw new DataHubSinkException(
                    "Serializing an element for topic "
                            + settings.topicPath()
                            + " failed: "
                            + e.getMessage(),
                    e);
        }
        if (r == null) {
            throw new DataHubSinkException(
                    "The serializer returned null for an element of topic " + settings.topicPath(),
                    null);
        }
        checkType(r);
        PutRecord put = new PutRecord(r.payload(), r.attributes(), null, null, null);
        int size = put.estimatedEncodedSize(settings.protocol());
        if (size > settings.recordBytesPerRequest()) {
            throw new DataHubSinkException(
                    "A record for topic "
                            + settings.topicPath()
                            + " is about "
                            + size
                            + " bytes encoded, more than fits in setMaxBatchBytes ("
                            + settings.maxBatchBytes()
                            + " less "
                            + PutRecord.requestOverheadBytes(settings.protocol())
                            + " bytes of request framing; the service allows at most "
                            + PutRecord.MAX_REQUEST_BYTES
                            + " per request)",
                    null);
        }
        return new PreparedRecord(put, router.keyOf(r), size);
    }

    private void checkType(DataHubSinkRecord r) {
        if (topicInfo.recordType() == RecordType.TUPLE) {
            if (!(r.payload() instanceof TupleRecord tuple)) {
                throw new DataHubSinkException(
                        "Topic "
                                + settings.topicPath()
                                + " is TUPLE but the serializer made a blob",
                        null);
            }
            if (!tuple.schema().equals(topicInfo.schema())) {
                throw new DataHubSinkException(
                        "A tuple for topic "
                                + settings.topicPath()
                                + " has schema "
                                + tuple.schema()
                                + " but the topic's schema is "
                                + topicInfo.schema(),
                        null);
            }
        } else if (!(r.payload() instanceof BlobRecord)) {
            throw new DataHubSinkException(
                    "Topic " + settings.topicPath() + " is BLOB but the serializer made a tuple",
                    null);
        }
    }

    /**
     * Runs a blocking control-plane call with the sink's retry policy (the client retries none).
     */
    <R> R retrying(String what, Callable<R> call) throws IOException {
        Backoff backoff = settings.backoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                if (PutFailures.classify(e) != PutErrorClass.RETRY
                        || !backoff.allows(attempt + 1)) {
                    throw new IOException(
                            what + " for topic " + settings.topicPath() + " failed: " + e, e);
                }
                try {
                    backoff.sleep(attempt + 1);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException(what + " was interrupted", ie);
                }
            }
        }
    }
}
