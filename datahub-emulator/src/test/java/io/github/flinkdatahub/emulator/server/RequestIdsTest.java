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

import io.github.flinkdatahub.emulator.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Request ids look like the service's: timestamp, instance hex, counter hex. */
class RequestIdsTest {

    @Test
    void formatAndUniqueness() {
        RequestIds ids = new RequestIds(new ManualClock(Instant.parse("2026-11-22T04:39:21Z")));
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 100; i++) {
            String id = ids.next();
            assertThat(id).hasSize(30).matches("20261122043921[0-9a-f]{8}[0-9a-f]{8}");
            assertThat(id).endsWith(String.format("%08x", i));
            assertThat(seen.add(id)).isTrue();
        }
    }
}
