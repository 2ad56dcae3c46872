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

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Bounded retries with exponential backoff and full jitter: before retry {@code n} (0-based) the
 * client sleeps a uniformly random time in {@code [0, min(maxBackoff, initialBackoff * 2^n))}.
 *
 * <p>Writes are only re-sent when the failure proves nothing was applied (LimitExceeded/429, or the
 * connection failed before the request was sent), unless duplicates are allowed.
 */
final class RetryPolicy {

    private final int maxRetries;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final boolean retryWritesAllowingDuplicates;
    private final DoubleSupplier random;

    RetryPolicy(
            int maxRetries,
            Duration initialBackoff,
            Duration maxBackoff,
            boolean retryWritesAllowingDuplicates,
            DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.initialBackoffNanos = initialBackoff.toNanos();
        this.maxBackoffNanos = maxBackoff.toNanos();
        this.retryWritesAllowingDuplicates = retryWritesAllowingDuplicates;
        this.random = random;
    }

    int maxRetries() {
        return maxRetries;
    }

    boolean retryWritesAllowingDuplicates() {
        return retryWritesAllowingDuplicates;
    }

    /**
     * @param retriesDone how many retries already happened for this call
     * @param write whether the call is a non-idempotent put
     */
    boolean shouldRetry(DataHubException failure, boolean write, int retriesDone) {
        if (retriesDone >= maxRetries || !failure.isRetryable()) {
            return false;
        }
        return !write || retryWritesAllowingDuplicates || ServiceErrors.provesNotApplied(failure);
    }

    /** The exponential cap for retry {@code n}, before jitter. */
    Duration cap(int retryNumber) {
        int shift = Math.min(retryNumber, 62);
        long cap = initialBackoffNanos;
        // Double until the cap is reached, without overflowing.
        for (int i = 0; i < shift && cap < maxBackoffNanos; i++) {
            cap = cap > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : cap * 2;
        }
        return Duration.ofNanos(Math.min(cap, maxBackoffNanos));
    }

    /** Full jitter: a random delay in {@code [0, cap(n))}. */
    Duration backoff(int retryNumber) {
        double r = random.getAsDouble();
        return Duration.ofNanos((long) (cap(retryNumber).toNanos() * r));
    }
}
