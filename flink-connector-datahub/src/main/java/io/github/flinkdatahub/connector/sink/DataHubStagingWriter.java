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

import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.EncodedRecords;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;

import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The EXACTLY_ONCE writer: nothing is sent before the checkpoint completes. Records are staged per
 * shard into requests that fit the limits, each record tagged with its deterministic id; {@link
 * #prepareCommit()} turns them into {@link DataHubCommittable}s, with each shard's latest sequence
 * observed now (before any commit attempt), for the committer to publish.
 *
 * <p>Memory: staged bytes (estimated encoded size) are bounded by {@code maxStagedBytes}; the
 * records can only leave at the next checkpoint, so reaching the bound fails the job with a message
 * that says to checkpoint more often or raise the bound. Task thread only.
 */
final class DataHubStagingWriter<T> implements CommittingSinkWriter<T, DataHubCommittable> {

    private final SinkSettings settings;
    private final DataHubClient client;
    private final RecordPreparer<T> preparer;
    private final WriterMetrics metrics;
    private final String txnPrefix;
    private final String jobId;
    private final int attempt;
    private final Map<String, List<StagedRequest>> staged = new LinkedHashMap<>();
    private long stagedBytes;
    private long epoch;
    private int requestIndex;

    DataHubStagingWriter(
            SinkSettings settings,
            DataHubClient client,
            RecordPreparer<T> preparer,
            WriterMetrics metrics,
            String jobId,
            int subtask,
            int attempt) {
        this.settings = settings;
        this.client = client;
        this.preparer = preparer;
        this.metrics = metrics;
        this.jobId = jobId;
        this.attempt = attempt;
        this.txnPrefix = jobId + "-" + subtask + "-" + attempt + "-";
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        PreparedRecord r = preparer.prepare(element);
        String shard = preparer.router().route(r.key());
        Backoff backoff = settings.backoff();
        for (int attempt = 1; shard == null; attempt++) {
            // Stale map, or the new shards of a split are not ACTIVE yet: re-list, with backoff.
            if (!backoff.allows(attempt)) {
                throw new DataHubSinkException(
                        "No ACTIVE shard of topic " + settings.topicPath() + " owns the key", null);
            }
            if (attempt > 1) {
                backoff.sleep(attempt);
            }
            metrics.refreshed();
            preparer.refreshShards();
            shard = preparer.router().route(r.key());
        }
        List<StagedRequest> requests = staged.computeIfAbsent(shard, k -> new ArrayList<>());
        int size = r.size() + idOverhead();
        RecordSchema schema = preparer.topicInfo().schema();
        StagedRequest request = requests.isEmpty() ? null : requests.get(requests.size() - 1);
        if (request != null
                && (request.count >= settings.maxBatchRecords()
                        || request.bytes + size > settings.recordBytesPerRequest()
                        || (request.schema != schema && !Objects.equals(request.schema, schema)))) {
            request.finish(client);
            request = null;
        }
        if (request == null) {
            // Room for a full request of records like this one, so the buffer rarely grows.
            int expected =
                    (int)
                            Math.min(
                                    settings.recordBytesPerRequest(),
                                    (long) settings.maxBatchRecords() * size + 1024);
            request = new StagedRequest(txnPrefix + epoch + "-" + requestIndex++, schema, expected);
            requests.add(request);
        }
        // Encoded right away as the entries of the put that will publish it: the writer and the
        // checkpoint then hold bytes, not an object per value, and the committer sends them as
        // they are.
        String id = request.txnId + "/" + request.count;
        Map<String, String> attributes = r.record().attributes();
        if (attributes.isEmpty()) {
            attributes = Map.of(DataHubCommittable.TXN_ATTRIBUTE, id);
        } else {
            attributes = new HashMap<>(attributes);
            attributes.put(DataHubCommittable.TXN_ATTRIBUTE, id);
        }
        request.entries.add(new PutRecord(r.record().payload(), attributes, null, null, null));
        request.hashKeys.add(r.key() == null ? null : r.key().toString(16));
        request.count++;
        request.bytes += size;
        stagedBytes += size;
        metrics.stagedBytes(stagedBytes);
        metrics.sent(1, size, 0);
        if (stagedBytes > settings.maxStagedBytes()) {
            throw new DataHubSinkException(
                    "EXACTLY_ONCE staged "
                            + stagedBytes
                            + " bytes for topic "
                            + settings.topicPath()
                            + " since the last checkpoint, more than setMaxStagedBytes ("
                            + settings.maxStagedBytes()
                            + "): records leave only when a checkpoint completes, so checkpoint"
                            + " more often or raise setMaxStagedBytes",
                    null);
        }
    }

    private int idOverhead() {
        // attribute key + "txnPrefix epoch-index/recordIndex" + framing
        return DataHubCommittable.TXN_ATTRIBUTE.length() + txnPrefix.length() + 40;
    }

    @Override
    public void flush(boolean endOfInput) {
        // Nothing to send: staged records are published by the committer.
    }

    @Override
    public Collection<DataHubCommittable> prepareCommit() throws IOException {
        List<DataHubCommittable> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Map.Entry<String, List<StagedRequest>> e : staged.entrySet()) {
            String shard = e.getKey();
            long base = latestSequence(shard);
            for (StagedRequest request : e.getValue()) {
                request.finish(client);
                boolean anyKey = request.hashKeys.stream().anyMatch(Objects::nonNull);
                out.add(
                        DataHubCommittable.ofEntries(
                                request.txnId,
                                jobId,
                                attempt,
                                shard,
                                base,
                                now,
                                request.finished,
                                anyKey ? request.hashKeys : null));
            }
        }
        staged.clear();
        stagedBytes = 0;
        metrics.stagedBytes(0);
        epoch++;
        requestIndex = 0;
        return out;
    }

    private long latestSequence(String shard) throws IOException {
        try {
            return preparer.retrying(
                    "GetCursor LATEST of shard " + shard,
                    () ->
                            client.getCursor(
                                            settings.project(),
                                            settings.topic(),
                                            shard,
                                            CursorType.LATEST)
                                    .sequence());
        } catch (IOException e) {
            if (PutFailures.unwrap(e.getCause()) instanceof ResourceNotFoundException) {
                return -1; // gone: the committer re-routes and scans from the oldest record
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** For tests: records staged and not yet handed over. */
    int stagedRecords() {
        return staged.values().stream().flatMap(List::stream).mapToInt(r -> r.count).sum();
    }

    /** One put-by-shard request being staged: its id, its encoded records and their keys. */
    private static final class StagedRequest {
        final String txnId;
        final RecordSchema schema;
        EncodedRecords.Builder entries;
        EncodedRecords finished;
        final List<String> hashKeys = new ArrayList<>();
        int count;
        long bytes;

        StagedRequest(String txnId, RecordSchema schema, int expectedBytes) {
            this.txnId = txnId;
            this.schema = schema;
            this.entries = EncodedRecords.builder(schema, expectedBytes);
        }

        /**
         * Ends the request: its records as the client will put them (the request body compressed as
         * it sends it), so that the writer, the hand-over and the checkpoint hold the compressed
         * bytes and the committer sends them without any work.
         */
        void finish(DataHubClient client) {
            if (finished == null) {
                finished = client.preparePut(entries.build());
                entries = null;
            }
        }
    }
}
