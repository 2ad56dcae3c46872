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

/**
 * What the source does when committing subscription offsets fails because another consumer took the
 * offset session or the offsets were reset in DataHub. Recovery never depends on these offsets
 * (Flink state does), so continuing is safe for the job itself.
 */
@PublicEvolving
public enum SubscriptionConflictPolicy {
    /** Fail the job. */
    FAIL,
    /** Log a warning, count it, re-open the session and keep committing. */
    LOG_AND_CONTINUE
}
