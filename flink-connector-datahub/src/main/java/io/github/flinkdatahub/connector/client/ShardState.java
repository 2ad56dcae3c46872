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

import java.util.Locale;

/** Lifecycle state of a shard; only ACTIVE accepts writes, ACTIVE and CLOSED are readable. */
public enum ShardState {
    OPENING,
    ACTIVE,
    CLOSING,
    CLOSED,
    INACTIVE,
    /** A state this client does not know yet. */
    UNKNOWN;

    static ShardState parse(String text) {
        if (text != null) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (ShardState state : values()) {
                if (state.name().equals(upper)) {
                    return state;
                }
            }
        }
        return UNKNOWN;
    }

    /** Whether the shard can be read (its data is loaded). */
    public boolean isReady() {
        return this == ACTIVE || this == CLOSED;
    }
}
