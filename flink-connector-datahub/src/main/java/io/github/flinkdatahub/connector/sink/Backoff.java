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

package io.github.flinkdatahub.connector.sink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter and a bound on the number of retries. */
final class Backoff {

    private final int maxRetries;
    private final long initialMillis;
    private final long maxMillis;

    Backoff(int maxRetries, Duration initial, Duration max) {
        this.maxRetries = maxRetries;
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    int maxRetries() {
        return maxRetries;
    }

    /** Whether retry number {@code attempt} (1-based) is still allowed. */
    boolean allows(int attempt) {
        return attempt <= maxRetries;
    }

    /** A random delay in {@code [cap/2, cap)} for the given retry number (1-based). */
    long delayMillis(int attempt) {
        long cap = initialMillis;
        for (int i = 1; i < attempt && cap < maxMillis; i++) {
            cap *= 2;
        }
        cap = Math.min(cap, maxMillis);
        // Half fixed, half random: spreads retries without ever retrying immediately.
        return cap / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, cap - cap / 2));
    }

    /** Sleeps for the delay of a retry; an interrupt propagates as {@link InterruptedException}. */
    void sleep(int attempt) throws InterruptedException {
        Thread.sleep(delayMillis(attempt));
    }
}
