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

import java.util.List;
import java.util.Map;

/**
 * DataHub's sync connectors (section 4.11 of the protocol notes): per-topic connectors that would
 * copy a topic into MaxCompute, a database, Elasticsearch, Function Compute, OSS, Tablestore,
 * Hologres or another DataHub topic. The emulator keeps their full metadata (config, columns,
 * state, per-shard offsets) durably, validates configs per type as the service does, and reports
 * per-shard status; it never moves data anywhere, and every shard status says so in its {@code
 * lastErrorMessage}.
 *
 * <p>A connector is addressed by its id or, as the SDKs allow, by its type name in lower case
 * ({@code sink_odps}): a topic has at most one connector per type. Thread-safe; failures are {@link
 * EngineException}s.
 */
public interface SyncConnectors {

    /** What every shard status reports as its last error: the emulator does not deliver data. */
    String NOT_DELIVERED =
            "DataHub emulator: sync connectors are metadata only; no data is delivered to the"
                    + " target service.";

    /** Creates a connector (state RUNNING) and returns its id. */
    String create(String project, String topic, ConnectorSpec spec);

    /** The connector with this id or type name. */
    ConnectorInfo get(String project, String topic, String connector);

    /** Connector ids of the topic, in creation order. */
    List<String> list(String project, String topic);

    /** Replaces whichever of config, column fields and column name map is non-null. */
    void update(
            String project,
            String topic,
            String connector,
            Map<String, String> config,
            List<String> columnFields,
            Map<String, String> columnNameMap);

    void delete(String project, String topic, String connector);

    /** Restarts the shard tasks: every shard when {@code shardId} is null or empty. */
    void reload(String project, String topic, String connector, String shardId);

    /** {@code running} true = CONNECTOR_RUNNING, false = CONNECTOR_STOPPED. */
    void updateState(String project, String topic, String connector, boolean running);

    /**
     * Sets the sync position of one shard (every shard when {@code shardId} is null or empty); -1
     * keeps the current value. Only a STOPPED connector accepts it.
     */
    void updateOffset(
            String project,
            String topic,
            String connector,
            String shardId,
            long sequence,
            long timestampMillis);

    /** Status per shard id (one entry when {@code shardId} is given). */
    Map<String, ShardStatus> shardStatus(
            String project, String topic, String connector, String shardId);

    DoneTime doneTime(String project, String topic, String connector);

    /** Adds a topic field to the connector's column fields. */
    void appendField(String project, String topic, String connector, String fieldName);

    /** The connector types of the SDKs (Java 2.21.6 and the Python reference). */
    enum Type {
        SINK_ODPS,
        SINK_DATAHUB,
        SINK_OSS,
        SINK_ES,
        SINK_ADS,
        SINK_MYSQL,
        SINK_FC,
        SINK_OTS,
        SINK_HOLOGRES,
        SOURCE_DTS;

        /** The type with this name ignoring case ({@code sink_odps}), or null. */
        public static Type of(String name) {
            for (Type t : values()) {
                if (t.name().equalsIgnoreCase(name)) {
                    return t;
                }
            }
            return null;
        }

        /** Lower-case wire name, as in paths and GetConnector's {@code Type}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What CreateConnector asks for; {@code config} values are text (numbers, booleans and
     * structures already rendered as the service returns them).
     */
    record ConnectorSpec(
            Type type,
            long sinkStartTime,
            List<String> columnFields,
            Map<String, String> columnNameMap,
            Map<String, String> config) {}

    /** A connector as GetConnector returns it; times in seconds; secrets are never kept. */
    record ConnectorInfo(
            String connectorId,
            Type type,
            boolean running,
            List<String> columnFields,
            Map<String, String> columnNameMap,
            Map<String, String> config,
            String subscriptionId,
            long createTime,
            long lastModifyTime,
            List<ShardStatus> shards) {}

    /**
     * One shard task. {@code state} is a DataHub shard-context state ({@code CONTEXT_PLANNED},
     * {@code CONTEXT_STOPPED}); times: {@code currentTimestamp} ms, {@code updateTime} and {@code
     * doneTime} seconds.
     */
    record ShardStatus(
            String shardId,
            String state,
            long currentSequence,
            long currentTimestamp,
            long updateTime,
            long doneTime,
            String lastErrorMessage) {}

    /** GetConnectorDoneTime: seconds, the time zone and the partition window in minutes. */
    record DoneTime(long doneTime, String timeZone, int timeWindow) {}
}
