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

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waits for a client future on behalf of the blocking methods. */
final class Futures {

    private Futures() {}

    /**
     * Waits for the future and returns its value, rethrowing a {@link DataHubException} as it is.
     * An interrupted wait cancels the future (and so its HTTP call), restores the interrupt flag
     * and throws a non-retryable {@link DataHubException}.
     */
    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            if (Thread.interrupted()) {
                // Already interrupted: the same outcome whether or not the call finished first
                // (get() would return a completed future's result without looking at the flag).
                throw new InterruptedException();
            }
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DataHubException(what + " was interrupted", false, e);
        } catch (CancellationException e) {
            throw new DataHubException(what + " was cancelled", false, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), what);
        }
    }

    /** The exception to throw for a future's failure cause. */
    static RuntimeException unwrap(Throwable cause, String what) {
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new DataHubException(what + " failed: " + cause, false, cause);
    }
}
