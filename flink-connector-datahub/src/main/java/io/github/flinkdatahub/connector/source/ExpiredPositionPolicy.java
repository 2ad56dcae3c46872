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

package io.github.flinkdatahub.connector.source;

import org.apache.flink.annotation.PublicEvolving;

/** What a reader does when the position it must continue from has expired (topic lifecycle). */
@PublicEvolving
public enum ExpiredPositionPolicy {
    /** Fail the job, naming the shard, the position and the oldest available sequence. */
    FAIL,
    /** Continue at the oldest retained record, log a warning and count the skipped records. */
    EARLIEST
}
