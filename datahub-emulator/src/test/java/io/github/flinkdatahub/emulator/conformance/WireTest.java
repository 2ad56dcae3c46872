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

package io.github.flinkdatahub.emulator.conformance;

import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.google.protobuf.ByteString;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw-request helpers reproduce the byte vectors of protocol spec section 12.A. */
class WireTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void crc32cCheckValue() {
        assertThat(Wire.crc32c("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0xe3069283);
    }

    @Test
    void frameOfAPutRecordsResponse() {
        assertThat(HEX.formatHex(Wire.frame(HEX.parseHex("0800"))))
                .isEqualTo("444855426c75b46a000000020800");
    }

    @Test
    void frameOfAPutRecordsRequestDecodes() throws Exception {
        DatahubProtos.FieldData blob =
                DatahubProtos.FieldData.newBuilder()
                        .setValue(ByteString.copyFromUtf8("blobdata"))
                        .build();
        DatahubProtos.PutRecordsRequest request =
                DatahubProtos.PutRecordsRequest.newBuilder()
                        .addRecords(
                                DatahubProtos.RecordEntry.newBuilder()
                                        .setShardId("1")
                                        .setData(
                                                DatahubProtos.RecordData.newBuilder()
                                                        .addData(blob)))
                        .build();

        byte[] frame = Wire.frame(request.toByteArray());

        assertThat(HEX.formatHex(frame))
                .isEqualTo("444855426504410c000000130a110a01314a0c0a0a0a08626c6f6264617461");
        assertThat(
                        DatahubProtos.PutRecordsRequest.parseFrom(
                                Arrays.copyOfRange(frame, 12, frame.length)))
                .isEqualTo(request);
    }

    @Test
    void lz4AndDeflateRoundTrip() throws Exception {
        byte[] raw = "DHUB frame bytes, DHUB frame bytes, DHUB".getBytes(StandardCharsets.UTF_8);

        byte[] lz4 = Wire.lz4(raw);
        byte[] zlib = Wire.deflate(raw);

        assertThat(LZ4Factory.fastestInstance().safeDecompressor().decompress(lz4, raw.length))
                .isEqualTo(raw);
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(zlib))) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
        assertThat(zlib[0]).as("zlib header").isEqualTo((byte) 0x78);
    }
}
