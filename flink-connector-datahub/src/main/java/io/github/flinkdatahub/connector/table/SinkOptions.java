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

package io.github.flinkdatahub.connector.table;

import org.apache.flink.connector.base.DeliveryGuarantee;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Parsed and validated sink options of a DataHub table, to be mapped onto the sink builder.
 *
 * @param hashFields physical columns hashed by {@link SinkPartitioner#HASH}, else empty
 * @param parallelism the sink parallelism, or null for the input's
 * @param timeZone the zone TIMESTAMP (without time zone) columns are written in
 */
public record SinkOptions(
        DeliveryGuarantee deliveryGuarantee,
        SinkPartitioner partitioner,
        List<String> hashFields,
        int maxBufferedRows,
        long maxBufferedBytes,
        Duration flushInterval,
        Integer parallelism,
        ZoneId timeZone)
        implements Serializable {

    /** Checks that hash fields come exactly with the hash partitioner. */
    public SinkOptions {
        Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        Objects.requireNonNull(partitioner, "partitioner");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(timeZone, "timeZone");
        hashFields = hashFields == null ? List.of() : List.copyOf(hashFields);
        if ((partitioner == SinkPartitioner.HASH) == hashFields.isEmpty()) {
            throw new IllegalArgumentException(
                    "hash fields are given exactly for partitioner HASH");
        }
        if (maxBufferedRows < 1 || maxBufferedBytes < 1) {
            throw new IllegalArgumentException("buffer limits must be positive");
        }
    }
}
