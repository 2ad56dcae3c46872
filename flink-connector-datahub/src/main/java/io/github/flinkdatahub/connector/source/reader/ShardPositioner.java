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

package io.github.flinkdatahub.connector.source.reader;

import io.github.flinkdatahub.connector.client.CursorResult;
import io.github.flinkdatahub.connector.client.CursorType;
import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.SeekOutOfRangeException;
import io.github.flinkdatahub.connector.source.DataHubSourceConfig;
import io.github.flinkdatahub.connector.source.ExpiredPositionPolicy;
import io.github.flinkdatahub.connector.source.metrics.DataHubSourceMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Gets the cursor a shard continues from: OLDEST for a split at EARLIEST, else SEQUENCE at the next
 * sequence. A sequence below the oldest retained record has expired (topic lifecycle): by {@link
 * ExpiredPositionPolicy#FAIL} the job fails naming the shard, the position and the oldest sequence;
 * by {@link ExpiredPositionPolicy#EARLIEST} it continues at the oldest record, logs a warning and
 * counts the skipped records. Blocking; runs on the fetcher thread.
 */
final class ShardPositioner {

    private static final Logger LOG = LoggerFactory.getLogger(ShardPositioner.class);

    private final DataHubSourceConfig config;
    private final DataHubClient client;
    private final DataHubSourceMetrics metrics;

    ShardPositioner(
            DataHubSourceConfig config, DataHubClient client, DataHubSourceMetrics metrics) {
        this.config = config;
        this.client = client;
        this.metrics = metrics;
    }

    /** Sets the shard's cursor (and, from EARLIEST or after expiry, its next sequence). */
    void position(ShardCursor s) throws IOException {
        String project = config.project();
        String topic = s.split.topic();
        String shardId = s.split.shardId();
        if (s.nextSequence < 0) {
            CursorResult c = client.getCursor(project, topic, shardId, CursorType.OLDEST);
            s.cursor = c.cursor();
            s.nextSequence = c.sequence();
            return;
        }
        try {
            s.cursor =
                    client.getCursor(project, topic, shardId, CursorType.SEQUENCE, s.nextSequence)
                            .cursor();
        } catch (SeekOutOfRangeException expired) {
            CursorResult oldest = client.getCursor(project, topic, shardId, CursorType.OLDEST);
            if (oldest.sequence() <= s.nextSequence) {
                throw expired; // not expired: beyond the tail, a genuine error
            }
            long skipped = oldest.sequence() - s.nextSequence;
            if (config.expiredPositionPolicy() == ExpiredPositionPolicy.FAIL) {
                throw new IOException(
                        "The position of shard "
                                + s.split.splitId()
                                + " (next sequence "
                                + s.nextSequence
                                + ") has expired; the oldest available sequence is "
                                + oldest.sequence()
                                + ". Use setExpiredPositionPolicy(EARLIEST) to continue from"
                                + " there, skipping "
                                + skipped
                                + " records.");
            }
            LOG.warn(
                    "Position of shard {} (next sequence {}) has expired; continuing at the oldest"
                            + " sequence {}, skipping {} records",
                    s.split.splitId(),
                    s.nextSequence,
                    oldest.sequence(),
                    skipped);
            metrics.expiredSkipped(skipped);
            s.cursor = oldest.cursor();
            s.nextSequence = oldest.sequence();
            s.nextBatchIndex = 0;
        }
    }
}
