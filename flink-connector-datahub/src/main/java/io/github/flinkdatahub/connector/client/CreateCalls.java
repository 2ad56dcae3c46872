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
import java.util.function.BooleanSupplier;

/**
 * Non-idempotent creates (issue 6 item 8). A create is sent as a write: the transport re-sends it
 * only when the failure proves the service did not apply it (throttled, or the connection failed
 * before the request was sent). An ambiguous failure (a timeout or a 5xx after the request was
 * sent: the service may have created the resource) is handled here:
 *
 * <ul>
 *   <li>projects and topics have caller-chosen names, so the ambiguity is <b>resolved</b>: the
 *       client looks the resource up; if it exists as requested the create succeeded, if it does
 *       not exist the create is sent again (within {@code maxRetries}); an {@code AlreadyExist}
 *       answer after an ambiguous attempt counts as success when the existing resource matches the
 *       request, and is raised otherwise;
 *   <li>subscriptions get a service-chosen id, so the ambiguity cannot be resolved and the create
 *       is <b>not retried</b>: the ambiguous error reaches the caller (it is marked retryable; the
 *       subscription may exist, see {@link AdminClient#listSubscriptions}).
 * </ul>
 */
final class CreateCalls {

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    CreateCalls(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * Runs a create whose target has a caller-chosen name.
     *
     * @param send sends the create once (as a write)
     * @param existsAsRequested looks the resource up: true when it exists with the requested
     *     properties, false when it is absent or different
     */
    void createNamed(String what, Runnable send, BooleanSupplier existsAsRequested) {
        boolean ambiguous = policy.retryWritesAllowingDuplicates();
        for (int retries = 0; ; retries++) {
            try {
                send.run();
                return;
            } catch (ResourceAlreadyExistsException e) {
                if (ambiguous && check(e, existsAsRequested)) {
                    return; // an earlier attempt created it
                }
                throw e;
            } catch (DataHubException e) {
                if (!e.isRetryable() || ServiceErrors.provesNotApplied(e)) {
                    throw e; // fatal, or already retried by the transport as far as allowed
                }
                ambiguous = true;
                if (check(e, existsAsRequested)) {
                    return;
                }
                if (retries >= policy.maxRetries()) {
                    throw e;
                }
                sleep(what, e, retries);
            }
        }
    }

    private static boolean check(DataHubException failure, BooleanSupplier existsAsRequested) {
        try {
            return existsAsRequested.getAsBoolean();
        } catch (ResourceNotFoundException absent) {
            return false;
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
