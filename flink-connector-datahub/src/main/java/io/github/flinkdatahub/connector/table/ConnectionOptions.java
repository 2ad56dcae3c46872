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

package io.github.flinkdatahub.connector.table;

import io.github.flinkdatahub.connector.client.BodyProtocol;
import io.github.flinkdatahub.connector.client.CompressionType;
import io.github.flinkdatahub.connector.client.CredentialsProvider;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.client.DataHubClientFactory;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one topic: endpoint, project, topic, credentials, body protocol,
 * compression and retry bounds, parsed from table options. {@link #toString()} never shows the
 * secret or the token.
 */
public record ConnectionOptions(
        String endpoint,
        String project,
        String topic,
        String accessKeyId,
        String accessKeySecret,
        String securityToken,
        WireProtocol protocol,
        CompressionType compression,
        Duration retryTimeout,
        Duration retryInterval)
        implements Serializable {

    /** The client's back-off cap when the retry interval is shorter. */
    static final Duration MIN_MAX_BACKOFF = Duration.ofSeconds(10);

    /** The most retries {@link #maxRetries()} derives from a long retry timeout. */
    static final int RETRY_CAP = 10_000;

    /**
     * Validates presence; the options util has checked formats already. Project and topic are null
     * in a catalog's connection, which serves many.
     */
    public ConnectionOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(retryTimeout, "retryTimeout");
        Objects.requireNonNull(retryInterval, "retryInterval");
        if ((accessKeyId == null) != (accessKeySecret == null)) {
            throw new IllegalArgumentException(
                    "access-key-id and access-key-secret must be given together");
        }
    }

    /** The same connection for another topic (the catalog uses one connection per project). */
    public ConnectionOptions withTopic(String project, String topic) {
        return new ConnectionOptions(
                endpoint,
                project,
                topic,
                accessKeyId,
                accessKeySecret,
                securityToken,
                protocol,
                compression,
                retryTimeout,
                retryInterval);
    }

    /** Whether requests are signed. */
    public boolean hasCredentials() {
        return accessKeyId != null;
    }

    /** The back-off cap handed to the client: max(10 s, retry interval). */
    public Duration maxBackoff() {
        return retryInterval.compareTo(MIN_MAX_BACKOFF) > 0 ? retryInterval : MIN_MAX_BACKOFF;
    }

    /**
     * Retries such that the sum of the capped exponential back-offs (interval, 2 x interval, ... up
     * to {@link #maxBackoff()}) first reaches the retry timeout; the client's full jitter makes the
     * real wait shorter, never longer.
     */
    public int maxRetries() {
        long budget = retryTimeout.toMillis();
        long cap = maxBackoff().toMillis();
        long step = Math.max(1, retryInterval.toMillis());
        long spent = 0;
        int retries = 0;
        while (spent < budget && retries < RETRY_CAP) {
            spent += Math.min(step, cap);
            step = Math.min(cap, step * 2);
            retries++;
        }
        return retries;
    }

    private static BodyProtocol bodyProtocol(WireProtocol protocol) {
        switch (protocol) {
            case JSON:
                return BodyProtocol.JSON;
            case BATCH:
                return BodyProtocol.BATCH;
            default:
                return BodyProtocol.PROTOBUF;
        }
    }

    /** The client configuration of this connection. */
    public DataHubClientConfig toClientConfig() {
        DataHubClientConfig.Builder builder =
                DataHubClientConfig.builder()
                        .endpoint(endpoint)
                        .protocol(bodyProtocol(protocol))
                        .compression(compression)
                        .maxRetries(maxRetries())
                        .initialBackoff(retryInterval)
                        .maxBackoff(maxBackoff());
        if (hasCredentials()) {
            builder.credentialsProvider(
                    CredentialsProvider.of(accessKeyId, accessKeySecret, securityToken));
        }
        return builder.build();
    }

    /** A serializable factory of clients for this connection. */
    public DataHubClientFactory clientFactory() {
        return DataHubClientFactory.of(toClientConfig());
    }

    @Override
    public String toString() {
        return "ConnectionOptions{endpoint="
                + endpoint
                + ", project="
                + project
                + ", topic="
                + topic
                + ", accessKeyId="
                + (accessKeyId == null ? "none" : accessKeyId)
                + ", accessKeySecret="
                + (accessKeySecret == null ? "none" : "******")
                + ", securityToken="
                + (securityToken == null ? "none" : "******")
                + ", protocol="
                + protocol
                + ", compression="
                + compression
                + ", retryTimeout="
                + retryTimeout
                + ", retryInterval="
                + retryInterval
                + "}";
    }
}
