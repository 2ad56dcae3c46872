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

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LZ4 codec is chosen explicitly and falls back when an implementation cannot load. */
class Lz4CodecTest {

    @Test
    void theChosenCodecRoundTripsThroughTheBodyCodecs() throws Exception {
        assertThat(Lz4Codec.INSTANCE.name).isIn("native (JNI)", "fastest Java", "safe Java");
        byte[] raw = "abcabcabcabcabcabcabcabc payload payload".getBytes(StandardCharsets.UTF_8);
        byte[] compressed = BodyCodecs.compress(CompressionType.LZ4, raw);
        assertThat(BodyCodecs.decompress("lz4", compressed, raw.length)).isEqualTo(raw);
    }

    @Test
    void aCodecThatCannotLoadFallsBackToTheNext() {
        Lz4Codec chosen =
                Lz4Codec.first(
                        new String[] {"broken native", "safe Java"},
                        () -> {
                            throw new UnsatisfiedLinkError("no liblz4-java in this class loader");
                        },
                        LZ4Factory::safeInstance);
        assertThat(chosen.name).isEqualTo("safe Java");
    }

    @Test
    void noUsableCodecIsAClearError() {
        assertThatThrownBy(
                        () ->
                                Lz4Codec.first(
                                        new String[] {"broken"},
                                        () -> {
                                            throw new IllegalStateException("nope");
                                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No usable LZ4 codec");
    }
}
