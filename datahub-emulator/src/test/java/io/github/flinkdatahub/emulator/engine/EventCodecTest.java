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

package io.github.flinkdatahub.emulator.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact-size RECORDS event is the journal's format, byte for byte. */
class EventCodecTest {

    @Test
    void recordsEventIsWhatTheGenericWriterWrites() {
        List<byte[]> payloads = List.of(new byte[] {1, 2, 3}, new byte[0], new byte[300]);
        EventCodec.Out generic =
                new EventCodec.Out(EventCodec.RECORDS).l(42).i(3).l(1000).l(1_700_000_000_000L);
        generic.i(payloads.size());
        payloads.forEach(generic::bytes);
        assertThat(EventCodec.records(42, 3, 1000, 1_700_000_000_000L, payloads))
                .isEqualTo(generic.build());
    }
}
