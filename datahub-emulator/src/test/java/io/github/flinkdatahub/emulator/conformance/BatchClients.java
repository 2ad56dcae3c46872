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
 * Official Java SDK clients in batch binary mode: {@code DatahubConfig(endpoint, account, true)}
 * with {@code setEnableBatch(true)}; the HTTP compress type becomes the compression inside each
 * batch (the SDK turns HTTP compression off in batch mode). With the schema registry on, the SDK
 * tags records with the registry version of their schema and decodes by version.
 */
public final class BatchClients {

    private BatchClients() {}

    /** A batch client compressing batches with {@code compression}. */
    public static DatahubClient batch(String endpoint, CompressType compression) {
        return build(
                new DatahubConfig(endpoint, account(), true).setEnableBatch(true), compression);
    }

    /** A batch client with the schema registry enabled (which implies batch mode). */
    public static DatahubClient registry(String endpoint, CompressType compression) {
        return build(
                new DatahubConfig(endpoint, account(), true).setEnableSchemaRegistry(true),
                compression);
    }

    private static DatahubClient build(DatahubConfig config, CompressType compression) {
        return DatahubClientBuilder.newBuilder()
                .setDatahubConfig(config)
                .setHttpConfig(
                        new HttpConfig()
                                .setCompressType(compression)
                                .setConnTimeout(10_000)
                                .setReadTimeout(20_000))
                .build();
    }

    private static AliyunAccount account() {
        return new AliyunAccount(SdkMode.ACCESS_ID, SdkMode.ACCESS_KEY);
    }
}
