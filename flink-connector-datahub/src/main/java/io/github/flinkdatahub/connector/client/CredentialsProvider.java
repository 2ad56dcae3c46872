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

import java.io.Serializable;

/**
 * Supplies credentials for each request; asked again on every attempt so that rotating STS
 * credentials are picked up. Serializable because the configuration travels to Flink tasks.
 */
@FunctionalInterface
public interface CredentialsProvider extends Serializable {

    /** The credentials to sign the next request with, or null to send it unsigned. */
    Credentials getCredentials();

    /** A provider that always returns the same credentials. */
    static CredentialsProvider of(String accessKeyId, String accessKeySecret) {
        return new StaticCredentialsProvider(new Credentials(accessKeyId, accessKeySecret, null));
    }

    /** A provider that always returns the same STS credentials. */
    static CredentialsProvider of(
            String accessKeyId, String accessKeySecret, String securityToken) {
        return new StaticCredentialsProvider(
                new Credentials(accessKeyId, accessKeySecret, securityToken));
    }
}
