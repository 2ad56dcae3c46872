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

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JUnit extension shares one emulator per class, applies the customiser, clears faults. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataHubEmulatorExtensionITCase {

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.shardListInterval(Duration.ofSeconds(1)));

    private static String firstEndpoint;

    @Test
    @Order(1)
    void startsBeforeTheTestsAndSetsFaults() {
        firstEndpoint = EMULATOR.endpoint();
        assertThat(firstEndpoint).matches("http://127\\.0\\.0\\.1:\\d+");
        EMULATOR.emulator().faults().errorRate("ListProject", "InternalServerError", 1.0);
        RawHttp http = new RawHttp(EMULATOR.endpoint());
        assertThat(http.json("GET", "/projects", null).statusCode()).isEqualTo(500);
        assertThat(http.json("POST", "/projects/ext_p", "{\"Comment\":\"c\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    @Order(2)
    void sameEmulatorFaultsClearedCustomiserApplied() {
        assertThat(EMULATOR.endpoint()).isEqualTo(firstEndpoint);
        RawHttp http = new RawHttp(EMULATOR.endpoint());
        assertThat(http.json("GET", "/projects", null).body()).contains("ext_p");
        http.json(
                "POST",
                "/projects/ext_p/topics/t",
                "{\"Action\":\"create\",\"ShardCount\":1,\"Lifecycle\":1,\"RecordType\":\"BLOB\"}");
        assertThat(http.json("GET", "/projects/ext_p/topics/t/shards", null).body())
                .contains("\"Interval\":1000");
    }

    @Test
    @Order(3)
    void builderValidatesAndCloseStops() {
        assertThatThrownBy(() -> DataHubEmulator.builder().port(-1).build())
                .hasMessageContaining("port");
        assertThatThrownBy(() -> DataHubEmulator.builder().credentials("id", "").build())
                .hasMessageContaining("credentials");
        DataHubEmulator e = DataHubEmulator.builder().build().start();
        String endpoint = e.endpoint();
        e.close();
        assertThatThrownBy(e::endpoint).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RawHttp(endpoint).json("GET", "/projects", null))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
