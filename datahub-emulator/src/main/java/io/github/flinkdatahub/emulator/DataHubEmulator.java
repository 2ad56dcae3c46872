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

import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.EngineOptions;
import io.github.flinkdatahub.emulator.engine.FsyncPolicy;
import io.github.flinkdatahub.emulator.server.EmulatorServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A DataHub-compatible server on the local machine, for tests, examples and CI. The official SDKs
 * and this project's client talk to it unchanged.
 *
 * <pre>{@code
 * try (DataHubEmulator emulator = DataHubEmulator.builder().build().start()) {
 *     String endpoint = emulator.endpoint(); // "http://127.0.0.1:PORT"
 *     emulator.faults().errorRate("GetRecords", "InternalServerError", 0.5);
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the server and closes the engine (flushing a durable data directory).
 */
public final class DataHubEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataHubEmulator.class);

    /** The ListShard {@code Interval} reported by default: the real service's 300 s. */
    public static final Duration DEFAULT_SHARD_LIST_INTERVAL = Duration.ofMinutes(5);

    private final Builder config;
    private final FaultInjector faults = new FaultInjector();
    private DataHubEngine engine;
    private EmulatorServer server;

    private DataHubEmulator(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens the engine and starts serving; returns this emulator. */
    public synchronized DataHubEmulator start() {
        if (server != null) {
            throw new IllegalStateException("The emulator is already started");
        }
        EngineOptions.Builder options = EngineOptions.builder().clock(config.clock);
        if (config.dataDir != null) {
            options.dataDir(config.dataDir);
        }
        if (config.fsyncPolicy != null) {
            options.fsyncPolicy(config.fsyncPolicy);
        }
        DataHubEngine opened = DataHubEngine.open(options.build());
        EmulatorServer started =
                EmulatorServer.create(
                        config.host,
                        config.port,
                        opened,
                        config.clock,
                        config.shardListInterval.toMillis(),
                        config.writeQps,
                        config.writeBytesPerSecond,
                        config.readQps,
                        faults,
                        config.accessId,
                        config.accessKey);
        try {
            started.start();
        } catch (Exception e) {
            closeQuietly(started);
            opened.close();
            throw new IllegalStateException(
                    "Cannot start the DataHub emulator on " + config.host + ":" + config.port, e);
        }
        this.engine = opened;
        this.server = started;
        LOG.info("DataHub emulator started at {} ({})", endpoint(), config);
        return this;
    }

    /** The endpoint for clients, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        String host = config.host;
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** The bound port. */
    public int port() {
        return running().port();
    }

    /** The fault injector; rules take effect on the next request. */
    public FaultInjector faults() {
        return faults;
    }

    /** The engine behind the server, for tests that want to look at or seed state directly. */
    public DataHubEngine engine() {
        running();
        return engine;
    }

    /** The clock the emulator runs on. */
    public Clock clock() {
        return config.clock;
    }

    /** True when signature checking is on. */
    public boolean checksSignatures() {
        return config.accessId != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private synchronized EmulatorServer running() {
        if (server == null) {
            throw new IllegalStateException("The emulator is not started: call start() first");
        }
        return server;
    }

    private static void closeQuietly(EmulatorServer s) {
        try {
            s.close();
        } catch (Exception e) {
            // Stopping a half-started Jetty can fail; there is nothing left to release.
        }
    }

    @Override
    public String toString() {
        return "DataHubEmulator[" + config + "]";
    }

    /** Builder of {@link DataHubEmulator}; {@link #build()} validates every setting. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path dataDir;
        private FsyncPolicy fsyncPolicy;
        private String accessId;
        private String accessKey;
        private Clock clock = Clock.systemUTC();
        private Duration shardListInterval = DEFAULT_SHARD_LIST_INTERVAL;
        private long writeQps;
        private long writeBytesPerSecond;
        private long readQps;

        private Builder() {}

        /** The address to bind; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Keeps the data durably in this directory; default: in memory only. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** When the durable engine fsyncs its journal; default {@link FsyncPolicy#ALWAYS}. */
        public Builder fsyncPolicy(FsyncPolicy fsyncPolicy) {
            this.fsyncPolicy = fsyncPolicy;
            return this;
        }

        /** Turns signature checking on for this one AccessKey pair. */
        public Builder credentials(String accessId, String accessKeySecret) {
            this.accessId = accessId;
            this.accessKey = accessKeySecret;
            return this;
        }

        /** The clock for record times, admin times, cursors and limits; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The ListShard {@code Interval} (how often clients re-list shards); default 300 s. */
        public Builder shardListInterval(Duration interval) {
            this.shardListInterval = interval;
            return this;
        }

        /** Write requests per second per shard (0 = unlimited, the default). */
        public Builder perShardWriteQps(long qps) {
            this.writeQps = qps;
            return this;
        }

        /** Written payload bytes per second per shard (0 = unlimited, the default). */
        public Builder perShardWriteBytesPerSecond(long bytesPerSecond) {
            this.writeBytesPerSecond = bytesPerSecond;
            return this;
        }

        /** GetRecords requests per second per shard (0 = unlimited, the default). */
        public Builder perShardReadQps(long qps) {
            this.readQps = qps;
            return this;
        }

        public DataHubEmulator build() {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must be a host name or IP address");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "port must be 0..65535 (0 = free port), got " + port);
            }
            Objects.requireNonNull(clock, "clock must not be null");
            if (shardListInterval == null
                    || shardListInterval.isNegative()
                    || shardListInterval.isZero()) {
                throw new IllegalArgumentException(
                        "shardListInterval must be positive, got " + shardListInterval);
            }
            if ((accessId == null) != (accessKey == null)
                    || (accessId != null && (accessId.isEmpty() || accessKey.isEmpty()))) {
                throw new IllegalArgumentException(
                        "credentials need both a non-empty access id and access key secret");
            }
            if (writeQps < 0 || writeBytesPerSecond < 0 || readQps < 0) {
                throw new IllegalArgumentException(
                        "perShardWriteQps, perShardWriteBytesPerSecond and perShardReadQps must"
                                + " be >= 0 (0 = unlimited)");
            }
            return new DataHubEmulator(copy());
        }

        /** A snapshot, so changing this builder later does not change a built emulator. */
        private Builder copy() {
            Builder b = new Builder();
            b.host = host;
            b.port = port;
            b.dataDir = dataDir;
            b.fsyncPolicy = fsyncPolicy;
            b.accessId = accessId;
            b.accessKey = accessKey;
            b.clock = clock;
            b.shardListInterval = shardListInterval;
            b.writeQps = writeQps;
            b.writeBytesPerSecond = writeBytesPerSecond;
            b.readQps = readQps;
            return b;
        }

        @Override
        public String toString() {
            return "host="
                    + host
                    + ", port="
                    + port
                    + ", dataDir="
                    + dataDir
                    + ", signatures="
                    + (accessId == null ? "off" : "on (accessId=" + accessId + ")")
                    + ", shardListInterval="
                    + shardListInterval;
        }
    }
}
