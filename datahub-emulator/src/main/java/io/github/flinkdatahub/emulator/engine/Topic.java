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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A topic's state. Metadata fields change only under the engine's metadata lock (volatile so the
 * record path reads them without it); shards are added under that lock too.
 */
final class Topic {

    final long uid;
    final String project;
    final String name;
    final RecordType recordType;
    final String expandMode;
    final long createTimeMillis;
    final AtomicLong roundRobin = new AtomicLong();

    /** Shards by numeric id. */
    final ConcurrentSkipListMap<Integer, Shard> shards = new ConcurrentSkipListMap<>();

    /** Subscriptions by id, in creation order of {@link Subscription#order}. */
    final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    /** Registered schema versions 1, 2, ... (version 0 is {@link #fields}). */
    final SchemaRegistry schemas = new SchemaRegistry();

    volatile int lifecycleDays;
    volatile String comment;
    volatile String schemaJson;
    volatile List<FieldSpec> fields;
    volatile long lastModifyMillis;

    Topic(
            long uid,
            String project,
            String name,
            RecordType recordType,
            int lifecycleDays,
            String schemaJson,
            List<FieldSpec> fields,
            String comment,
            String expandMode,
            long createTimeMillis) {
        this.uid = uid;
        this.project = project;
        this.name = name;
        this.recordType = recordType;
        this.lifecycleDays = lifecycleDays;
        this.schemaJson = schemaJson;
        this.fields = List.copyOf(fields);
        this.comment = comment;
        this.expandMode = expandMode;
        this.createTimeMillis = createTimeMillis;
        this.lastModifyMillis = createTimeMillis;
    }

    List<Shard> activeShardsInKeyOrder() {
        List<Shard> out = new ArrayList<>();
        for (Shard s : shards.values()) {
            if (s.isActive()) {
                out.add(s);
            }
        }
        out.sort((a, b) -> a.begin.compareTo(b.begin));
        return out;
    }

    int activeShardCount() {
        int n = 0;
        for (Shard s : shards.values()) {
            if (s.isActive()) {
                n++;
            }
        }
        return n;
    }

    int nextShardId() {
        return shards.isEmpty() ? 0 : shards.lastKey() + 1;
    }

    /** Cut-off for retention: records with an earlier system time have expired. */
    long retentionCutoff(long nowMillis) {
        return nowMillis - lifecycleDays * 86_400_000L;
    }
}
