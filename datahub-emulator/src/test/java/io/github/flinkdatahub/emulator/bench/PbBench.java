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

package io.github.flinkdatahub.emulator.bench;

import io.github.flinkdatahub.emulator.conformance.Wire;
import io.github.flinkdatahub.emulator.protocol.DatahubProtos;

import com.google.protobuf.ByteString;
import net.jpountz.lz4.LZ4Factory;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;

/** The protobuf side of {@link EmulatorBenchmark}: put bodies and response decoding. */
public final class PbBench {

    private PbBench() {}

    /** A DHUB frame of a PutRecordsRequest of {@code batch} six-field records. */
    public static byte[] encodePut(int seed, int batch, int recordBytes) {
        DatahubProtos.PutRecordsRequest.Builder request =
                DatahubProtos.PutRecordsRequest.newBuilder();
        Random random = new Random(seed);
        String filler = "x".repeat(Math.max(0, recordBytes - 96));
        for (int i = 0; i < batch; i++) {
            long id = (long) seed * batch + i;
            DatahubProtos.RecordData.Builder data = DatahubProtos.RecordData.newBuilder();
            for (String value :
                    List.of(
                            Long.toString(id),
                            Long.toString(1_700_000_000_000_000L + id),
                            "user-" + random.nextInt(100_000),
                            Double.toString(random.nextDouble()),
                            Boolean.toString(random.nextBoolean()),
                            Long.toHexString(random.nextLong()) + filler)) {
                data.addData(
                        DatahubProtos.FieldData.newBuilder()
                                .setValue(ByteString.copyFromUtf8(value)));
            }
            request.addRecords(DatahubProtos.RecordEntry.newBuilder().setData(data));
        }
        return Wire.frame(request.build().toByteArray());
    }

    /** Responses may be LZ4-compressed when the request accepted it. */
    static byte[] decodeResponse(HttpResponse<byte[]> response) {
        if (!"lz4".equalsIgnoreCase(response.headers().firstValue("Content-Encoding").orElse(""))) {
            return response.body();
        }
        int rawSize =
                Integer.parseInt(
                        response.headers().firstValue("x-datahub-content-raw-size").orElseThrow());
        return LZ4Factory.fastestInstance().safeDecompressor().decompress(response.body(), rawSize);
    }
}
