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
import com.aliyun.datahub.client.exception.AuthorizationFailureException;
import com.aliyun.datahub.client.exception.DatahubClientException;
import com.aliyun.datahub.client.exception.LimitExceededException;
import com.aliyun.datahub.client.http.HttpConfig;
import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.CompressType;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.client.model.RecordType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signature checking, per-shard limits and injected faults, seen through the official SDK. Each
 * configuration is a nested class with its own {@link DataHubEmulatorExtension}.
 */
class SignatureAndLimitsITCase {

    @Nested
    class Signed {
        @RegisterExtension
        static final DataHubEmulatorExtension EMULATOR =
                new DataHubEmulatorExtension(b -> b.credentials("myId", "mySecret"));

        @Test
        void signaturesAreCheckedWhenCredentialsAreConfigured() {
            DataHubEmulator emulator = EMULATOR.emulator();
            DatahubClient good =
                    SdkClients.create(
                            emulator.endpoint(), "myId", "mySecret", true, CompressType.LZ4);
            good.createProject("signed", "c");
            assertThat(good.getProject("signed").getComment()).isEqualTo("c");

            DatahubClient wrongSecret =
                    SdkClients.create(emulator.endpoint(), "myId", "nope", true, CompressType.NONE);
            assertThatThrownBy(() -> wrongSecret.getProject("signed"))
                    .isInstanceOf(AuthorizationFailureException.class)
                    .satisfies(
                            e ->
                                    assertThat(((DatahubClientException) e).getErrorCode())
                                            .isEqualTo("Unauthorized"));
            DatahubClient unknownId =
                    SdkClients.create(
                            emulator.endpoint(), "other", "mySecret", false, CompressType.NONE);
            assertThatThrownBy(() -> unknownId.listProject())
                    .isInstanceOf(AuthorizationFailureException.class);

            DatahubClient sts =
                    DatahubClientBuilder.newBuilder()
                            .setDatahubConfig(
                                    new DatahubConfig(
                                            emulator.endpoint(),
                                            new AliyunAccount("myId", "mySecret", "sts-token"),
                                            true))
                            .setHttpConfig(new HttpConfig())
                            .build();
            assertThat(sts.listProject().getProjectNames()).contains("signed");
        }
    }

    @Nested
    class SignedOnAFarAwayClock {
        static final ManualClock FAR_AWAY = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

        @RegisterExtension
        static final DataHubEmulatorExtension EMULATOR =
                new DataHubEmulatorExtension(
                        b -> b.clock(FAR_AWAY).credentials("myId", "mySecret"));

        @Test
        void dateSkewIsJudgedAgainstTheEmulatorsClock() {
            DataHubEmulator emulator = EMULATOR.emulator();
            DatahubClient client =
                    SdkClients.create(
                            emulator.endpoint(), "myId", "mySecret", false, CompressType.NONE);
            // The client stamps its wall clock; the emulator's clock is years ahead.
            assertThatThrownBy(() -> client.createProject("skew", "c"))
                    .isInstanceOf(AuthorizationFailureException.class)
                    .satisfies(
                            e ->
                                    assertThat(((DatahubClientException) e).getErrorCode())
                                            .isEqualTo("Unauthorized"));
        }
    }

    @Nested
    class SignedOnAManualClockNearNow {
        static final ManualClock CLOCK = new ManualClock(Instant.now());

        @RegisterExtension
        static final DataHubEmulatorExtension EMULATOR =
                new DataHubEmulatorExtension(b -> b.clock(CLOCK).credentials("myId", "mySecret"));

        @Test
        void movingTheEmulatorsClockPastTheToleranceRejectsSignedRequests() {
            ManualClock clock = CLOCK;
            DatahubClient client =
                    SdkClients.create(
                            EMULATOR.emulator().endpoint(),
                            "myId",
                            "mySecret",
                            false,
                            CompressType.NONE);
            client.createProject("nearnow", "c");
            clock.advance(Duration.ofMinutes(14));
            assertThat(client.getProject("nearnow").getComment()).isEqualTo("c");
            clock.advance(Duration.ofMinutes(3)); // 17 minutes ahead of the client's Date
            assertThatThrownBy(() -> client.getProject("nearnow"))
                    .isInstanceOf(AuthorizationFailureException.class);
            clock.set(Instant.now().minus(Duration.ofMinutes(16))); // and behind it
            assertThatThrownBy(() -> client.getProject("nearnow"))
                    .isInstanceOf(AuthorizationFailureException.class);
            clock.set(Instant.now());
            assertThat(client.getProject("nearnow").getComment()).isEqualTo("c");
        }
    }

    @Nested
    class WriteQpsLimited {
        static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));

        @RegisterExtension
        static final DataHubEmulatorExtension EMULATOR =
                new DataHubEmulatorExtension(b -> b.clock(CLOCK).perShardWriteQps(2));

        @Test
        void perShardWriteQpsAnswersLimitExceededUntilTheNextSecond() {
            ManualClock clock = CLOCK;
            DataHubEmulator emulator = EMULATOR.emulator();
            DatahubClient client = SdkClients.pb(emulator.endpoint(), CompressType.NONE);
            client.createProject("limits", "c");
            client.createTopic("limits", "b", 2, 1, RecordType.BLOB, "c");
            List<RecordEntry> one = List.of(blob("x"));
            client.putRecordsByShard("limits", "b", "0", one);
            client.putRecordsByShard("limits", "b", "0", one);
            assertThatThrownBy(() -> client.putRecordsByShard("limits", "b", "0", one))
                    .isInstanceOf(LimitExceededException.class);
            // Another shard has its own budget.
            client.putRecordsByShard("limits", "b", "1", one);
            clock.advance(Duration.ofSeconds(1));
            client.putRecordsByShard("limits", "b", "0", one);
        }

        @Test
        void topicLevelPutsCountAgainstTheShardTheyLandIn() {
            ManualClock clock = CLOCK;
            clock.advance(Duration.ofSeconds(10)); // a fresh window
            DataHubEmulator emulator = EMULATOR.emulator();
            DatahubClient client = SdkClients.pb(emulator.endpoint(), CompressType.NONE);
            client.createProject("topiclimits", "c");
            client.createTopic("topiclimits", "b", 2, 1, RecordType.BLOB, "c");
            // Hash key 0 lands in shard 0: routed by key, not named by ShardId.
            RecordEntry keyed = blob("k");
            keyed.setHashKey("00000000000000000000000000000001");
            client.putRecords("topiclimits", "b", List.of(keyed));
            client.putRecordsByShard("topiclimits", "b", "0", List.of(blob("x")));
            assertThatThrownBy(() -> client.putRecords("topiclimits", "b", List.of(keyed)))
                    .isInstanceOf(LimitExceededException.class);
            // a partition key landing in shard 1 still has budget there
            RecordEntry toShard1 = blob("p");
            toShard1.setHashKey("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0");
            assertThat(
                            client.putRecords("topiclimits", "b", List.of(toShard1))
                                    .getFailedRecordCount())
                    .isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(client.putRecords("topiclimits", "b", List.of(keyed)).getFailedRecordCount())
                    .isZero();
            // round robin without keys: two puts over two shards, then both budgets are spent
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 4; i++) {
                client.putRecords("topiclimits", "b", List.of(blob("rr" + i)));
            }
            assertThatThrownBy(() -> client.putRecords("topiclimits", "b", List.of(blob("rr"))))
                    .isInstanceOf(LimitExceededException.class);
        }
    }

    @Nested
    class Defaults {
        @RegisterExtension
        static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

        @Test
        void injectedErrorsUseTheGivenCodeAndStatus() {
            DataHubEmulator emulator = EMULATOR.emulator();
            DatahubClient client = SdkClients.json(emulator.endpoint());
            client.createProject("faults", "c");
            emulator.faults().errorRate("GetProject", "LimitExceeded", 1.0);
            assertThatThrownBy(() -> client.getProject("faults"))
                    .isInstanceOf(LimitExceededException.class)
                    .satisfies(
                            e ->
                                    assertThat(((DatahubClientException) e).getHttpStatus())
                                            .isEqualTo(429));
            // Other operations are untouched; clearing restores the operation.
            assertThat(client.listProject().getProjectNames()).contains("faults");
            emulator.faults().clear();
            assertThat(client.getProject("faults").getComment()).isEqualTo("c");
        }
    }

    private static RecordEntry blob(String text) {
        RecordEntry e = new RecordEntry();
        e.setRecordData(new BlobRecordData(text.getBytes(StandardCharsets.UTF_8)));
        return e;
    }
}
