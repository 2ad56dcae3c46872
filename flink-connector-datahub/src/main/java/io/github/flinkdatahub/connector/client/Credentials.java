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
import java.util.Objects;

/**
 * An AccessKey pair plus an optional STS security token. {@link #toString()} shows the key id only;
 * the secret and the token are never printed.
 */
public final class Credentials implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    /**
     * An AccessKey pair; the id and the secret must not be null or blank (a blank pair used to mean
     * silently unsigned requests).
     *
     * @param securityToken STS token sent as {@code x-datahub-security-token}, or null
     * @throws IllegalArgumentException naming the blank field
     */
    public Credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        this.accessKeyId = nonBlank(accessKeyId, "accessKeyId");
        this.accessKeySecret = nonBlank(accessKeySecret, "accessKeySecret");
        this.securityToken =
                securityToken == null || securityToken.isEmpty() ? null : securityToken;
    }

    private static String nonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    name
                            + " must not be null or blank; to send unsigned requests (e.g. to a"
                            + " local emulator) configure no credentials");
        }
        return value;
    }

    /** The AccessKey id (shown in toString). */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The AccessKey secret (never printed). */
    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The STS token, or null. */
    public String securityToken() {
        return securityToken;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials other
                && accessKeyId.equals(other.accessKeyId)
                && accessKeySecret.equals(other.accessKeySecret)
                && Objects.equals(securityToken, other.securityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, accessKeySecret, securityToken);
    }

    @Override
    public String toString() {
        return "Credentials{accessKeyId="
                + accessKeyId
                + ", accessKeySecret=******"
                + (securityToken == null ? "" : ", securityToken=******")
                + "}";
    }
}
