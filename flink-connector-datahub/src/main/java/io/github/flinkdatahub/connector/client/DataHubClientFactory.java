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

import java.io.Serializable;

/**
 * Creates clients where they are used: the source, its enumerator and readers, the sink's writers
 * and committers and the catalog hold a factory (it is serialized into the job graph) and never an
 * HTTP client. Tests hand them a factory of an in-memory fake instead.
 *
 * <p>Every client created is owned by the caller, who closes it.
 */
@FunctionalInterface
public interface DataHubClientFactory extends Serializable {

    /** Creates a new client; the caller closes it. */
    DataHubClient create();

    /**
     * A factory of HTTP clients for the configuration. Clients from such factories in one JVM share
     * one connection pool and one dispatcher, so that many readers and writers in a TaskManager do
     * not each hold their own threads and sockets.
     */
    static DataHubClientFactory of(DataHubClientConfig config) {
        return new HttpClientFactory(config);
    }
}
