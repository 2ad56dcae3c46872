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

package io.github.flinkdatahub.emulator.server;

/**
 * A routed request: the operation and the path parameters it addresses. Parameters a route does not
 * have are null; {@code unsupportedFeature} names what the emulator does not implement when {@code
 * operation} is {@link Operation#Unsupported}.
 */
record Route(
        Operation operation,
        String project,
        String topic,
        String shardId,
        String subId,
        String unsupportedFeature,
        String connectorId) {

    /** A route without a connector id (every route but the connector ones). */
    Route(
            Operation operation,
            String project,
            String topic,
            String shardId,
            String subId,
            String unsupportedFeature) {
        this(operation, project, topic, shardId, subId, unsupportedFeature, null);
    }

    static Route of(Operation operation, String project, String topic, String shard, String sub) {
        return new Route(operation, project, topic, shard, sub, null, null);
    }

    static Route unsupported(String feature) {
        return new Route(Operation.Unsupported, null, null, null, null, feature, null);
    }

    /** A connector route; {@code connector} is the id or type name of the path (null to list). */
    static Route connector(Operation operation, String project, String topic, String connector) {
        return new Route(operation, project, topic, null, null, null, connector);
    }
}
