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

import java.util.Objects;

/** A {@link CredentialsProvider} holding one fixed set of credentials. */
public final class StaticCredentialsProvider implements CredentialsProvider {

    private static final long serialVersionUID = 1L;

    private final Credentials credentials;

    /** A provider that always returns these credentials. */
    public StaticCredentialsProvider(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Credentials getCredentials() {
        return credentials;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaticCredentialsProvider other
                && credentials.equals(other.credentials);
    }

    @Override
    public int hashCode() {
        return credentials.hashCode();
    }

    @Override
    public String toString() {
        return "StaticCredentialsProvider{" + credentials + "}";
    }
}
