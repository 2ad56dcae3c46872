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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Every setting of a {@link DataHubClient}: immutable, {@link Serializable} (it travels to Flink
 * tasks) and validated by {@link Builder#build()}. {@link #toString()} never shows secrets.
 *
 * <p>Write retries: a put is re-sent only when the failure proves nothing was written (throttled
 * with LimitExceeded/429, or the connection failed before the request was sent), unless {@link
 * Builder#retryWritesAllowingDuplicates(boolean)} says the caller accepts duplicates, in which case
 * writes retry like reads.
 */
public final class DataHubClientConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final CredentialsProvider credentialsProvider;
    private final BodyProtocol protocol;
    private final CompressionType compression;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean retryWritesAllowingDuplicates;
    private final String userAgent;
    private final boolean schemaRegistry;

    private DataHubClientConfig(Builder b) {
        this.endpoint = b.endpoint;
        this.credentialsProvider = b.credentialsProvider;
        this.protocol = b.protocol;
        this.compression = b.compression;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.retryWritesAllowingDuplicates = b.retryWritesAllowingDuplicates;
        this.userAgent = b.userAgent;
        this.schemaRegistry = b.schemaRegistry;
    }

    /** A builder with the defaults of the options table in docs/client.md. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint;
        b.credentialsProvider = credentialsProvider;
        b.protocol = protocol;
        b.compression = compression;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.retryWritesAllowingDuplicates = retryWritesAllowingDuplicates;
        b.userAgent = userAgent;
        b.schemaRegistry = schemaRegistry;
        return b;
    }

    /** Normalised endpoint URL, without trailing slash, e.g. {@code http://localhost:8080}. */
    public String endpoint() {
        return endpoint;
    }

    /** The credentials provider, or null for unsigned requests. */
    public CredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    /** The body format of record put/get. */
    public BodyProtocol protocol() {
        return protocol;
    }

    /**
     * Whether batch writes name the registry version of their records' schema (looked up with
     * ListSchema) instead of version 0, the topic's creation schema. Only used by {@link
     * BodyProtocol#BATCH}.
     */
    public boolean schemaRegistry() {
        return schemaRegistry;
    }

    /**
     * The compression: of the HTTP request bodies, or, with {@link BodyProtocol#BATCH}, inside each
     * batch (HTTP compression is then off).
     */
    public CompressionType compression() {
        return compression;
    }

    /** The TCP connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The socket read timeout. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The socket write timeout. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Retries after the first attempt (0 = try once). */
    public int maxRetries() {
        return maxRetries;
    }

    /** The base of the exponential backoff. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The cap of one backoff. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Whether puts are also retried on ambiguous failures (may write twice). */
    public boolean retryWritesAllowingDuplicates() {
        return retryWritesAllowingDuplicates;
    }

    /**
     * The {@code User-Agent} header: the configured prefix (if any), a space, then {@link
     * #CLIENT_AGENT}.
     */
    public String userAgent() {
        return userAgent == null ? CLIENT_AGENT : userAgent + " " + CLIENT_AGENT;
    }

    /** The configured User-Agent prefix, or null when none was set. */
    public String userAgentPrefix() {
        return userAgent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataHubClientConfig c
                && endpoint.equals(c.endpoint)
                && Objects.equals(credentialsProvider, c.credentialsProvider)
                && protocol == c.protocol
                && compression == c.compression
                && connectTimeout.equals(c.connectTimeout)
                && readTimeout.equals(c.readTimeout)
                && writeTimeout.equals(c.writeTimeout)
                && maxRetries == c.maxRetries
                && initialBackoff.equals(c.initialBackoff)
                && maxBackoff.equals(c.maxBackoff)
                && retryWritesAllowingDuplicates == c.retryWritesAllowingDuplicates
                && Objects.equals(userAgent, c.userAgent)
                && schemaRegistry == c.schemaRegistry;
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, protocol, compression, maxRetries, userAgent);
    }

    @Override
    public String toString() {
        // The provider's own toString() redacts secrets; never print credentials here.
        return "DataHubClientConfig{endpoint="
                + endpoint
                + ", credentials="
                + (credentialsProvider == null
                        ? "none"
                        : credentialsProvider.getClass().getSimpleName())
                + ", protocol="
                + protocol
                + ", compression="
                + compression
                + ", connectTimeout="
                + connectTimeout
                + ", readTimeout="
                + readTimeout
                + ", writeTimeout="
                + writeTimeout
                + ", maxRetries="
                + maxRetries
                + ", initialBackoff="
                + initialBackoff
                + ", maxBackoff="
                + maxBackoff
                + ", retryWritesAllowingDuplicates="
                + retryWritesAllowingDuplicates
                + ", userAgent="
                + userAgent
                + ", schemaRegistry="
                + schemaRegistry
                + "}";
    }

    /** This client's own part of the User-Agent header, after any configured prefix. */
    public static final String CLIENT_AGENT = "flink-connector-datahub/" + clientVersion();

    private static String clientVersion() {
        String v = DataHubClientConfig.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Collects settings; {@link #build()} validates them all. */
    public static final class Builder {
        private String endpoint;
        private CredentialsProvider credentialsProvider;
        private BodyProtocol protocol = BodyProtocol.PROTOBUF;
        private CompressionType compression = CompressionType.NONE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private boolean retryWritesAllowingDuplicates;
        private String userAgent;
        private boolean schemaRegistry;
        private boolean staticCredentials;
        private String accessKeyId;
        private String accessKeySecret;

        private Builder() {}

        /** Required. {@code http://} is prepended when no scheme is given (like the Java SDK). */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Optional; without one (and without {@link #credentials}), requests are sent unsigned
         * (e.g. to a local emulator). Replaces earlier {@link #credentials}.
         */
        public Builder credentialsProvider(CredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            this.staticCredentials = false;
            return this;
        }

        /**
         * A static AccessKey pair; {@link #build()} rejects a null or blank id or secret (leave the
         * credentials unset for unsigned requests instead). Replaces an earlier provider.
         */
        public Builder credentials(String accessKeyId, String accessKeySecret) {
            this.credentialsProvider = null;
            this.staticCredentials = true;
            this.accessKeyId = accessKeyId;
            this.accessKeySecret = accessKeySecret;
            return this;
        }

        /**
         * With {@link BodyProtocol#BATCH}: when true, each batch of TUPLE records names the
         * registered version of the records' schema (the schema must be registered, see {@link
         * AdminClient#registerSchema}); when false, version 0. Default false.
         */
        public Builder schemaRegistry(boolean schemaRegistry) {
            this.schemaRegistry = schemaRegistry;
            return this;
        }

        /** Body format of record put/get. Default PROTOBUF. */
        public Builder protocol(BodyProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /**
         * Request compression; with protocol BATCH the compression inside each batch (NONE writes
         * uncompressed batches; the SDK would switch to LZ4). Default NONE.
         */
        public Builder compression(CompressionType compression) {
            this.compression = compression;
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Default 30 s. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Default 30 s. */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /** Retries after the first attempt for retryable failures, >= 0. Default 3. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Base of the exponential backoff (full jitter). Default 200 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Cap of one backoff. Default 10 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * When true, put calls are retried on ambiguous failures (timeouts, 5xx) too, which can
         * write a record twice. Default false.
         */
        public Builder retryWritesAllowingDuplicates(boolean allow) {
            this.retryWritesAllowingDuplicates = allow;
            return this;
        }

        /**
         * Prefix of the User-Agent header, e.g. {@code "my-app/1.2"}: the header is the prefix, a
         * space and {@link DataHubClientConfig#CLIENT_AGENT}. Default none (the header is just
         * {@code CLIENT_AGENT}); null resets it.
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first invalid option and what is allowed
         */
        public DataHubClientConfig build() {
            endpoint = normalizeEndpoint(endpoint);
            require(protocol != null, "protocol must be JSON, PROTOBUF or BATCH");
            require(compression != null, "compression must be NONE, LZ4 or DEFLATE");
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("readTimeout", readTimeout);
            requirePositive("writeTimeout", writeTimeout);
            require(maxRetries >= 0, "maxRetries must be >= 0 but was " + maxRetries);
            requirePositive("initialBackoff", initialBackoff);
            requirePositive("maxBackoff", maxBackoff);
            require(
                    maxBackoff.compareTo(initialBackoff) >= 0,
                    "maxBackoff ("
                            + maxBackoff
                            + ") must be >= initialBackoff ("
                            + initialBackoff
                            + ")");
            require(
                    userAgent == null
                            || (!userAgent.isBlank()
                                    && userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)),
                    "userAgent (a prefix of the User-Agent header) must be null or non-blank"
                            + " printable ASCII");
            if (staticCredentials) {
                require(
                        accessKeyId != null && !accessKeyId.isBlank(),
                        "credentials: accessKeyId must not be null or blank (to send unsigned"
                                + " requests, e.g. to a local emulator, set no credentials)");
                require(
                        accessKeySecret != null && !accessKeySecret.isBlank(),
                        "credentials: accessKeySecret must not be null or blank (to send unsigned"
                                + " requests, e.g. to a local emulator, set no credentials)");
                credentialsProvider = CredentialsProvider.of(accessKeyId, accessKeySecret);
            }
            return new DataHubClientConfig(this);
        }

        private static String normalizeEndpoint(String endpoint) {
            require(
                    endpoint != null && !endpoint.isBlank(),
                    "endpoint is required, e.g. https://dh-cn-hangzhou.aliyuncs.com");
            String url = endpoint.trim();
            if (!url.contains("://")) {
                url = "http://" + url;
            }
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme();
                require(
                        "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme),
                        "endpoint must use http or https but was '" + endpoint + "'");
                require(uri.getHost() != null, "endpoint '" + endpoint + "' has no host");
                require(
                        uri.getRawQuery() == null && uri.getRawFragment() == null,
                        "endpoint '" + endpoint + "' must not have a query or fragment");
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(
                        "endpoint '" + endpoint + "' is not a valid URL: " + e.getMessage());
            }
            return url;
        }

        private static void requirePositive(String name, Duration value) {
            require(
                    value != null && !value.isNegative() && !value.isZero(),
                    name + " must be a positive duration but was " + value);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
