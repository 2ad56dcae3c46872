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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;

/**
 * How an official SDK client talks to the emulator: the record body protocol (JSON or protobuf) and
 * the HTTP compression, which the SDK applies to every request body once it is set.
 */
public enum SdkMode {
    JSON(false, CompressType.NONE),
    PROTOBUF(true, CompressType.NONE),
    PROTOBUF_LZ4(true, CompressType.LZ4),
    PROTOBUF_DEFLATE(true, CompressType.DEFLATE);

    /** Access key id the signing emulators are started with. */
    public static final String ACCESS_ID = "conformanceId";

    /** Access key secret the signing emulators are started with. */
    public static final String ACCESS_KEY = "conformanceSecret";

    private final boolean binary;
    private final CompressType compressType;

    SdkMode(boolean binary, CompressType compressType) {
        this.binary = binary;
        this.compressType = compressType;
    }

    /** True when records travel as protobuf, which also enables put-by-shard in the SDK. */
    public boolean binary() {
        return binary;
    }

    /** A client signing with the conformance credentials (accepted with and without checking). */
    public DatahubClient client(String endpoint) {
        return client(endpoint, new AliyunAccount(ACCESS_ID, ACCESS_KEY));
    }

    /** A client for {@code account}, with the SDK defaults apart from mode and short timeouts. */
    public DatahubClient client(String endpoint, AliyunAccount account) {
        HttpConfig http =
                new HttpConfig()
                        .setCompressType(compressType)
                        .setConnTimeout(10_000)
                        .setReadTimeout(20_000);
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(new DatahubConfig(endpoint, account, binary))
                .setHttpConfig(http)
                .build();
    }
}
