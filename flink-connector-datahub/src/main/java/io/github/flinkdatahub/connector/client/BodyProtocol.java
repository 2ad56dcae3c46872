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

/** Body format of record put/get calls; control-plane calls are always JSON. */
public enum BodyProtocol {
    JSON,
    /** {@code DHUB}-framed protobuf ({@code application/x-protobuf}), the SDK default. */
    PROTOBUF,
    /**
     * The batch binary format ({@code application/x-binary}) for put-by-shard and get: records
     * travel in batches (compressed inside the batch; HTTP compression is off), every record of a
     * batch shares one sequence. Topic-level PutRecords does not exist in this mode (as in the
     * SDK). Other calls are JSON.
     */
    BATCH
}
