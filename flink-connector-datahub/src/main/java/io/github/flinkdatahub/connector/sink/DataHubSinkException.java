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

import org.apache.flink.annotation.PublicEvolving;

/** A write the sink cannot complete; it fails the job rather than drop the records. */
@PublicEvolving
public class DataHubSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a message that names the topic and, where known, the shard and field. */
    public DataHubSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
