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
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Non-idempotent control-plane calls (issue 6 item 8): creates, split, merge and AppendField. Each
 * is sent as a write: the transport re-sends it only when the failure proves the service did not
 * apply it (throttled, or the connection failed before the request was sent). An ambiguous failure
 * (a timeout or a 5xx after the request was sent: the service may have applied it) is handled here:
 *
 * <ul>
 *   <li>when the result can be recognised afterwards (a project or topic by its name, the children
 *       of a split shard, the shard merged from two parents, an appended field), the ambiguity is
 *       <b>resolved</b>: the client looks the result up; if it is there the call succeeded (and
 *       returns it), otherwise the call is sent again (within {@code maxRetries}); a non-retryable
 *       error after an ambiguous attempt (e.g. {@code AlreadyExist}, or {@code
 *       InvalidShardOperation} because the first attempt already closed the shard) is checked the
 *       same way and raised only when the result is not there;
 *   <li>subscriptions get a service-chosen id, so the ambiguity cannot be resolved and the create
 *       is <b>not retried</b> (see {@link SubscriptionCalls}).
 * </ul>
 */
final class NonIdempotentCalls {

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    NonIdempotentCalls(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * Runs a call whose result can be recognised afterwards.
     *
     * @param send sends the call once (as a write)
     * @param applied looks for the call's effect: the result when it is visible, empty when the
     *     resource is absent or different
     */
    <T> T run(String what, Supplier<T> send, Supplier<Optional<T>> applied) {
        // With duplicates allowed the transport itself may re-send after an ambiguous failure.
        boolean ambiguous = policy.retryWritesAllowingDuplicates();
        for (int retries = 0; ; retries++) {
            try {
                return send.get();
            } catch (DataHubException e) {
                if (!e.isRetryable()) {
                    if (ambiguous) {
                        Optional<T> done = lookUp(e, applied);
                        if (done.isPresent()) {
                            return done.get(); // an earlier attempt applied it
                        }
                    }
                    throw e;
                }
                if (ServiceErrors.provesNotApplied(e)) {
                    throw e; // already retried by the transport as far as allowed
                }
                ambiguous = true;
                Optional<T> done = lookUp(e, applied);
                if (done.isPresent()) {
                    return done.get();
                }
                if (retries >= policy.maxRetries()) {
                    throw e;
                }
                sleep(what, e, retries);
            }
        }
    }

    /** {@link #run} for a call without a result; {@code applied} tells whether it took effect. */
    void run(String what, Runnable send, BooleanSupplier applied) {
        run(
                what,
                () -> {
                    send.run();
                    return Boolean.TRUE;
                },
                () -> applied.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static <T> Optional<T> lookUp(DataHubException failure, Supplier<Optional<T>> applied) {
        try {
            return applied.get();
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        } catch (DataHubException lookupFailed) {
            failure.addSuppressed(lookupFailed);
            throw failure;
        }
    }

    private void sleep(String what, DataHubException failure, int retries) {
        Duration delay = policy.backoff(retries);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            DataHubException interrupted =
                    new DataHubException("Interrupted while waiting to retry " + what, false, ie);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }
}
