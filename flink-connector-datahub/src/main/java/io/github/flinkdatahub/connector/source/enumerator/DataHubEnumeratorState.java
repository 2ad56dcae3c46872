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

package io.github.flinkdatahub.connector.source.enumerator;

import io.github.flinkdatahub.connector.source.split.DataHubShardSplit;

import java.util.List;
import java.util.Set;

/**
 * The enumerator's checkpoint: splits not yet handed to a reader (with their start positions), ids
 * of splits held by readers, ids of splits read to their end, and whether the first discovery (the
 * one that applies the starting position) has happened.
 */
public record DataHubEnumeratorState(
        List<DataHubShardSplit> unassigned,
        Set<String> assigned,
        Set<String> finished,
        boolean initialDiscoveryDone) {

    /** Copies the collections. */
    public DataHubEnumeratorState {
        unassigned = List.copyOf(unassigned);
        assigned = Set.copyOf(assigned);
        finished = Set.copyOf(finished);
    }
}
