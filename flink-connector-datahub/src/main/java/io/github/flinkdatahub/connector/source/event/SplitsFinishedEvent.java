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

package io.github.flinkdatahub.connector.source.event;

import org.apache.flink.api.connector.source.SourceEvent;

import java.util.Set;

/**
 * Sent by a reader to the enumerator when splits were read to their end (a CLOSED shard drained, or
 * the stopping position reached), so that the enumerator may assign their children. Receiving it
 * twice for the same split is harmless.
 */
public record SplitsFinishedEvent(Set<String> finishedSplitIds) implements SourceEvent {

    private static final long serialVersionUID = 1L;

    /** Copies the ids. */
    public SplitsFinishedEvent {
        finishedSplitIds = Set.copyOf(finishedSplitIds);
    }
}
