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
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.ShardSealedException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Classifies a failed put once, where it happens: retry later (throttling, 5xx, network), re-route
 * (the shard was sealed by a split or merge, or is gone), or fatal (schema, auth, bad parameter).
 */
final class SendErrors {

    /** What to do about a failed put. */
    enum Kind {
        RETRY,
        RESHARD,
        FATAL
    }

    private SendErrors() {}

    static Kind classify(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof ShardSealedException) {
            return Kind.RESHARD;
        }
        if (t instanceof ResourceNotFoundException r && "NoSuchShard".equals(r.errorCode())) {
            return Kind.RESHARD;
        }
        if (t instanceof DataHubException d && d.isRetryable()) {
            return Kind.RETRY;
        }
        return Kind.FATAL;
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
        return classify(t) == Kind.RESHARD
                || t instanceof LimitExceededException
                || (t instanceof DataHubTransportException x && !x.requestSent());
    }
}
