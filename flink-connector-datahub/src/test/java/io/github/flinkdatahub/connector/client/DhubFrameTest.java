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

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CRC-32C and frame vectors of protocol §12.A.1, and rejection of damaged frames. */
class DhubFrameTest {

    @Test
    void crc32cCheckValue() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(DhubFrame.crc32c(data, 0, data.length)).isEqualTo(0xe3069283L);
    }

    @Test
    void framesAPayloadExactly() {
        assertThat(Hex.hex(DhubFrame.frame(Hex.bytes("0800"))))
                .isEqualTo("444855426c75b46a000000020800");
    }

    @Test
    void unframeReturnsThePayload() {
        ByteBuffer payload = DhubFrame.unframe(Hex.bytes("444855426c75b46a000000020800"));
        byte[] out = new byte[payload.remaining()];
        payload.get(out);
        assertThat(Hex.hex(out)).isEqualTo("0800");
    }

    @Test
    void crcMismatchIsRejected() {
        assertThatThrownBy(() -> DhubFrame.unframe(Hex.bytes("444855426c75b46b000000020800")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRC-32C mismatch")
                .hasMessageContaining("6c75b46b")
                .hasMessageContaining("6c75b46a");
    }

    @Test
    void zeroCrcIsNotSilentlyAccepted() {
        assertThatThrownBy(() -> DhubFrame.unframe(Hex.bytes("4448554200000000000000020800")))
                .hasMessageContaining("CRC-32C mismatch");
    }

    @Test
    void badMagicShortBodyAndBadLengthAreRejected() {
        assertThatThrownBy(() -> DhubFrame.unframe(Hex.bytes("584855426c75b46a000000020800")))
                .hasMessageContaining("DHUB");
        assertThatThrownBy(() -> DhubFrame.unframe(Hex.bytes("4448")))
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> DhubFrame.unframe(Hex.bytes("444855426c75b46a000000090800")))
                .hasMessageContaining("announces 9");
    }
}
