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

import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.DataHubTransportException;
import io.github.flinkdatahub.connector.client.LimitExceededException;
import io.github.flinkdatahub.connector.client.PutErrorClass;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Unwraps a failed call's cause and classifies it with the client's {@link PutErrorClass} (retry
 * later, re-route after a split or merge, or fatal). Anything that is not a {@link
 * DataHubException} is fatal.
 */
final class PutFailures {

    private PutFailures() {}

    /** The client's class of the failure; anything that is not a DataHubException is fatal. */
    static PutErrorClass classify(Throwable error) {
        return unwrap(error) instanceof DataHubException d
                ? PutErrorClass.of(d)
                : PutErrorClass.FATAL;
    }

    /** The cause inside completion wrappers. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Whether the failure proves the put was not applied (safe to re-send without a check). */
    static boolean provesNotApplied(Throwable error) {
        Throwable t = unwrap(error);
        return classify(t) == PutErrorClass.REROUTE
                || t instanceof LimitExceededException
                || (t instanceof DataHubTransportException x && !x.requestSent());
    }
}
