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

package io.github.flinkdatahub.emulator.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link DataHubEngine}: clock, optional data directory (null = in-memory),
 * fsync policy and the service limits.
 *
 * <p>Shard limits default to the service's (256 active, 512 in total per topic). The count limits
 * default to 1000 projects, 1000 topics per project and 1000 subscriptions per topic: the docs
 * quote 50 / 500 / 1000 per account, but those are raisable quotas and a shared emulator in a long
 * test suite would hit them; set them lower to test the limit handling. Exceeding any of them is
 * {@code LimitExceeded}.
 */
public final class EngineOptions {

    private final Clock clock;
    private final Path dataDir;
    private final FsyncPolicy fsyncPolicy;
    private final Duration fsyncInterval;
    private final int maxProjects;
    private final int maxTopicsPerProject;
    private final int maxSubscriptionsPerTopic;
    private final int maxActiveShards;
    private final int maxTotalShards;
    private final Duration retentionCheckInterval;
    private final long compactionThresholdBytes;

    private EngineOptions(Builder b) {
        this.clock = b.clock;
        this.dataDir = b.dataDir;
        this.fsyncPolicy = b.fsyncPolicy;
        this.fsyncInterval = b.fsyncInterval;
        this.maxProjects = b.maxProjects;
        this.maxTopicsPerProject = b.maxTopicsPerProject;
        this.maxSubscriptionsPerTopic = b.maxSubscriptionsPerTopic;
        this.maxActiveShards = b.maxActiveShards;
        this.maxTotalShards = b.maxTotalShards;
        this.retentionCheckInterval = b.retentionCheckInterval;
        this.compactionThresholdBytes = b.compactionThresholdBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** In-memory engine on the system UTC clock with default limits. */
    public static EngineOptions defaults() {
        return builder().build();
    }

    public Clock clock() {
        return clock;
    }

    /** The data directory, or null for an in-memory engine. */
    public Path dataDir() {
        return dataDir;
    }

    public FsyncPolicy fsyncPolicy() {
        return fsyncPolicy;
    }

    public Duration fsyncInterval() {
        return fsyncInterval;
    }

    public int maxProjects() {
        return maxProjects;
    }

    public int maxTopicsPerProject() {
        return maxTopicsPerProject;
    }

    public int maxSubscriptionsPerTopic() {
        return maxSubscriptionsPerTopic;
    }

    public int maxActiveShards() {
        return maxActiveShards;
    }

    public int maxTotalShards() {
        return maxTotalShards;
    }

    /** How often a background task expires records past retention (expiry is also lazy). */
    public Duration retentionCheckInterval() {
        return retentionCheckInterval;
    }

    /**
     * Journal size from which the engine compacts it (at open and during the retention sweep), and
     * only once it has doubled since the previous compaction.
     */
    public long compactionThresholdBytes() {
        return compactionThresholdBytes;
    }

    @Override
    public String toString() {
        return "EngineOptions{dataDir="
                + dataDir
                + ", fsyncPolicy="
                + fsyncPolicy
                + ", maxActiveShards="
                + maxActiveShards
                + ", maxTotalShards="
                + maxTotalShards
                + '}';
    }

    /** Builder of {@link EngineOptions}; {@link #build()} validates every setting. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Path dataDir;
        private FsyncPolicy fsyncPolicy = FsyncPolicy.ALWAYS;
        private Duration fsyncInterval = Duration.ofMillis(200);
        private int maxProjects = 1000;
        private int maxTopicsPerProject = 1000;
        private int maxSubscriptionsPerTopic = 1000;
        private int maxActiveShards = 256;
        private int maxTotalShards = 512;
        private Duration retentionCheckInterval = Duration.ofMinutes(1);
        private long compactionThresholdBytes = 64L * 1024 * 1024;

        private Builder() {}

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Directory for the journal; null (the default) keeps everything in memory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder fsyncPolicy(FsyncPolicy fsyncPolicy) {
            this.fsyncPolicy = fsyncPolicy;
            return this;
        }

        public Builder fsyncInterval(Duration fsyncInterval) {
            this.fsyncInterval = fsyncInterval;
            return this;
        }

        public Builder maxProjects(int maxProjects) {
            this.maxProjects = maxProjects;
            return this;
        }

        public Builder maxTopicsPerProject(int maxTopicsPerProject) {
            this.maxTopicsPerProject = maxTopicsPerProject;
            return this;
        }

        public Builder maxSubscriptionsPerTopic(int maxSubscriptionsPerTopic) {
            this.maxSubscriptionsPerTopic = maxSubscriptionsPerTopic;
            return this;
        }

        public Builder maxActiveShards(int maxActiveShards) {
            this.maxActiveShards = maxActiveShards;
            return this;
        }

        public Builder maxTotalShards(int maxTotalShards) {
            this.maxTotalShards = maxTotalShards;
            return this;
        }

        /** Period of the background retention sweep; {@link Duration#ZERO} disables it. */
        public Builder retentionCheckInterval(Duration retentionCheckInterval) {
            this.retentionCheckInterval = retentionCheckInterval;
            return this;
        }

        /** Journal size (bytes) from which it is compacted; default 64 MB. */
        public Builder compactionThresholdBytes(long compactionThresholdBytes) {
            this.compactionThresholdBytes = compactionThresholdBytes;
            return this;
        }

        public EngineOptions build() {
            Objects.requireNonNull(clock, "clock must not be null");
            Objects.requireNonNull(
                    fsyncPolicy, "fsyncPolicy must be one of ALWAYS, INTERVAL, NONE");
            if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()) {
                throw new IllegalArgumentException(
                        "fsyncInterval must be a positive duration, was " + fsyncInterval);
            }
            positive("maxProjects", maxProjects);
            positive("maxTopicsPerProject", maxTopicsPerProject);
            positive("maxSubscriptionsPerTopic", maxSubscriptionsPerTopic);
            positive("maxActiveShards", maxActiveShards);
            positive("maxTotalShards", maxTotalShards);
            if (maxTotalShards < maxActiveShards) {
                throw new IllegalArgumentException(
                        "maxTotalShards ("
                                + maxTotalShards
                                + ") must be >= maxActiveShards ("
                                + maxActiveShards
                                + ")");
            }
            if (retentionCheckInterval == null || retentionCheckInterval.isNegative()) {
                throw new IllegalArgumentException(
                        "retentionCheckInterval must be zero (disabled) or positive, was "
                                + retentionCheckInterval);
            }
            if (compactionThresholdBytes <= 0) {
                throw new IllegalArgumentException(
                        "compactionThresholdBytes must be > 0, was " + compactionThresholdBytes);
            }
            return new EngineOptions(this);
        }

        private static void positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
        }
    }
}
