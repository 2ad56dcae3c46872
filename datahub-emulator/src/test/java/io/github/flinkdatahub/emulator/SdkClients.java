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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.DatahubClientBuilder;
import com.aliyun.datahub.client.auth.AliyunAccount;
import com.aliyun.datahub.client.common.DatahubConfig;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.CompressType;

/** Builds official Aliyun SDK clients against an emulator endpoint, for integration tests. */
final class SdkClients {

    private SdkClients() {}

    static DatahubClient pb(String endpoint, CompressType compression) {
        return create(endpoint, "id", "key", true, compression);
    }

    static DatahubClient json(String endpoint) {
        return create(endpoint, "id", "key", false, CompressType.NONE);
    }

    static DatahubClient create(
            String endpoint,
            String accessId,
            String accessKey,
            boolean binary,
            CompressType compression) {
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(
                        new DatahubConfig(endpoint, new AliyunAccount(accessId, accessKey), binary))
                .setHttpConfig(
                        new HttpConfig()
                                .setCompressType(compression)
                                .setConnTimeout(10_000)
                                .setReadTimeout(10_000))
                .build();
    }
}
