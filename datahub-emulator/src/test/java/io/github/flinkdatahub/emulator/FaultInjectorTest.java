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

package io.github.flinkdatahub.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault rules: precedence, rates, determinism and validation. */
class FaultInjectorTest {

    @Test
    void noRulesMeansNoFault() {
        FaultInjector.Fault f = new FaultInjector().decide("GetRecords");
        assertThat(f.isError()).isFalse();
        assertThat(f.dropConnection()).isFalse();
        assertThat(f.latency()).isZero();
    }

    @Test
    void statusIsDerivedFromTheCodeOrGiven() {
        FaultInjector faults = new FaultInjector();
        faults.errorRate("GetRecords", "InternalServerError", 1.0);
        faults.errorRate("PutRecords", "LimitExceeded", 1.0);
        faults.errorRate("ListShard", "NoSuchTopic", 1.0);
        faults.errorRate("GetCursor", "ShardNotReady", 502, 1.0);
        assertThat(faults.decide("GetRecords").status()).isEqualTo(500);
        assertThat(faults.decide("PutRecords").status()).isEqualTo(429);
        assertThat(faults.decide("ListShard").status()).isEqualTo(404);
        assertThat(faults.decide("GetCursor"))
                .extracting(FaultInjector.Fault::errorCode, FaultInjector.Fault::status)
                .containsExactly("ShardNotReady", 502);
        assertThat(faults.decide("GetProject").isError()).isFalse();
    }

    @Test
    void namedOperationBeatsWildcardAndNamesIgnoreCase() {
        FaultInjector faults = new FaultInjector();
        faults.latency("*", Duration.ofMillis(5)).latency("getrecords", Duration.ofMillis(7));
        assertThat(faults.decide("GetRecords").latency()).isEqualTo(Duration.ofMillis(7));
        assertThat(faults.decide("ListShard").latency()).isEqualTo(Duration.ofMillis(5));
        faults.dropConnections("PutRecordsByShard", 1.0);
        assertThat(faults.decide("PutRecordsByShard").dropConnection()).isTrue();
        faults.clear();
        assertThat(faults.decide("PutRecordsByShard").dropConnection()).isFalse();
        assertThat(faults.decide("GetRecords").latency()).isZero();
    }

    @Test
    void sameSeedSameDecisions() {
        assertThat(decisions(42)).isEqualTo(decisions(42));
        assertThat(decisions(42)).isNotEqualTo(decisions(43));
        List<Boolean> d = decisions(7);
        long errors = d.stream().filter(b -> b).count();
        assertThat(errors).isBetween(300L, 700L);
    }

    @Test
    void validatesArguments() {
        FaultInjector faults = new FaultInjector();
        assertThatThrownBy(() -> faults.errorRate("Nope", "InternalServerError", 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nope")
                .hasMessageContaining("GetRecords");
        assertThatThrownBy(() -> faults.errorRate("*", "X", 1.5)).hasMessageContaining("rate");
        assertThatThrownBy(() -> faults.errorRate("*", "X", 200, 0.5))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> faults.latency("*", Duration.ofMillis(-1)))
                .hasMessageContaining("latency");
    }

    private static List<Boolean> decisions(long seed) {
        FaultInjector faults = new FaultInjector().seed(seed);
        faults.errorRate("GetRecords", "InternalServerError", 0.5);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add(faults.decide("GetRecords").isError());
        }
        return out;
    }
}
