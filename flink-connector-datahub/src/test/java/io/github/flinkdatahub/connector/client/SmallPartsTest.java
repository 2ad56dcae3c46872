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

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hash-key midpoints, error classification and backoff arithmetic. */
class SmallPartsTest {

    @Test
    void midpointMatchesTheServiceExample() {
        assertThat(
                        HashKeys.midpoint(
                                "00000000000000000000000000000000",
                                "7FFFFFFFFFFFFFFF7FFFFFFFFFFFFFFF"))
                .isEqualTo("3FFFFFFFFFFFFFFFBFFFFFFFFFFFFFFF");
        assertThat(HashKeys.midpoint("0", "ffffffffffffffffffffffffffffffff"))
                .isEqualTo("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    }

    @Test
    void classifiesServiceErrors() {
        assertThat(ServiceErrors.create(404, "NoSuchTopic", "m", "r"))
                .isInstanceOf(ResourceNotFoundException.class)
                .matches(e -> !e.isRetryable());
        assertThat(ServiceErrors.create(400, "InvalidShardOperation", "m", "r"))
                .isInstanceOf(ShardSealedException.class);
        assertThat(ServiceErrors.create(400, "InvalidCursor", "m", "r"))
                .isInstanceOf(InvalidCursorException.class);
        assertThat(ServiceErrors.create(400, "SeekOutOfRange", "m", "r"))
                .isInstanceOf(SeekOutOfRangeException.class);
        assertThat(ServiceErrors.create(400, "OffsetSessionChanged", "m", "r"))
                .isInstanceOf(OffsetSessionException.class);
        assertThat(ServiceErrors.create(400, "OffsetSessionClosed", "m", "r"))
                .isInstanceOf(OffsetSessionException.class);
        assertThat(ServiceErrors.create(400, "OffsetReseted", "m", "r"))
                .isInstanceOf(OffsetResetException.class);
        assertThat(ServiceErrors.create(400, "SubscriptionOffline", "m", "r"))
                .isInstanceOf(SubscriptionOfflineException.class);
        assertThat(ServiceErrors.create(403, "Unauthorized", "m", "r"))
                .isInstanceOf(AuthorizationException.class)
                .matches(e -> !e.isRetryable());
        assertThat(ServiceErrors.create(409, "TopicAlreadyExist", "m", "r"))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(ServiceErrors.create(400, "MalformedRecord", "m", "r"))
                .isInstanceOf(MalformedRecordException.class);
        assertThat(ServiceErrors.create(429, "LimitExceeded", "m", "r"))
                .isInstanceOf(LimitExceededException.class)
                .matches(DataHubException::isRetryable);
        assertThat(ServiceErrors.create(429, null, "m", "r"))
                .isInstanceOf(LimitExceededException.class);
        assertThat(ServiceErrors.create(503, "InvalidParameter", "m", "r").isRetryable()).isTrue();
        assertThat(ServiceErrors.create(400, "InvalidParameter", "m", "r").isRetryable()).isFalse();
        assertThat(ServiceErrors.create(400, "ShardNotReady", "m", "r").isRetryable()).isTrue();
    }

    @Test
    void onlyProofOfNonApplicationAllowsWriteRetries() {
        RetryPolicy strict =
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), false, () -> 0.5);
        DataHubException serverError = ServiceErrors.create(500, "InternalServerError", "m", null);
        DataHubException throttled = ServiceErrors.create(429, "LimitExceeded", "m", null);
        DataHubException refused = new DataHubTransportException("refused", false, null);
        DataHubException timedOut = new DataHubTransportException("timeout", true, null);

        assertThat(strict.shouldRetry(serverError, false, 0)).isTrue();
        assertThat(strict.shouldRetry(serverError, true, 0)).isFalse();
        assertThat(strict.shouldRetry(timedOut, true, 0)).isFalse();
        assertThat(strict.shouldRetry(throttled, true, 0)).isTrue();
        assertThat(strict.shouldRetry(refused, true, 0)).isTrue();
        assertThat(strict.shouldRetry(throttled, true, 3)).isFalse();

        RetryPolicy lenient =
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), true, () -> 0.5);
        assertThat(lenient.shouldRetry(serverError, true, 0)).isTrue();
        assertThat(lenient.shouldRetry(timedOut, true, 2)).isTrue();
        assertThat(
                        lenient.shouldRetry(
                                ServiceErrors.create(400, "InvalidParameter", "m", null), true, 0))
                .isFalse();
    }

    @Test
    void backoffIsExponentialCappedAndFullyJittered() {
        RetryPolicy policy =
                new RetryPolicy(
                        10, Duration.ofMillis(100), Duration.ofMillis(1000), false, () -> 0.5);
        assertThat(policy.cap(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.cap(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.cap(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.cap(4)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.cap(500)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(
                        new RetryPolicy(
                                        1,
                                        Duration.ofMillis(100),
                                        Duration.ofMillis(1000),
                                        false,
                                        () -> 0.0)
                                .backoff(3))
                .isEqualTo(Duration.ZERO);
    }
}
