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

import io.github.flinkdatahub.emulator.engine.EngineException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DHUB frame against the golden vectors of section 12.A. */
class PbFrameTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void crc32cCheckValue() {
        assertThat(PbFrame.crc32c("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0xE3069283L);
    }

    @Test
    void encodesTheEmptyPutResponseVector() {
        assertThat(HEX.formatHex(PbFrame.encode(HEX.parseHex("0800"))))
                .isEqualTo("444855426c75b46a000000020800");
    }

    @Test
    void decodesTheGoldenPutRequest() {
        byte[] frame =
                HEX.parseHex("444855426504410c000000130a110a01314a0c0a0a0a08626c6f6264617461");
        assertThat(HEX.formatHex(PbFrame.decode(frame)))
                .isEqualTo("0a110a01314a0c0a0a0a08626c6f6264617461");
    }

    @Test
    void honoursTheLengthFieldAndSkipsAZeroCrc() {
        byte[] frame = HEX.parseHex("4448554200000000000000020800ffff");
        assertThat(PbFrame.decode(frame)).containsExactly(0x08, 0x00);
    }

    @Test
    void rejectsBadMagicCrcAndLength() {
        assertThatThrownBy(() -> PbFrame.decode(HEX.parseHex("4448554300000000000000020800")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> PbFrame.decode(HEX.parseHex("444855426c75b46b000000020800")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("CRC");
        assertThatThrownBy(() -> PbFrame.decode(HEX.parseHex("444855426c75b46a000000030800")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> PbFrame.decode(new byte[5]))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).httpStatus()).isEqualTo(400));
    }
}
