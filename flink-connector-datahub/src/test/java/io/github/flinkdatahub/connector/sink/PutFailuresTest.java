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

import io.github.flinkdatahub.connector.client.LimitExceededException;
import io.github.flinkdatahub.connector.client.PutErrorClass;
import io.github.flinkdatahub.connector.testutils.FakeFailures;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink's use of the client's {@link PutErrorClass} on failed, wrapped calls. */
class PutFailuresTest {

    @Test
    void classifiesWithTheClientsPutErrorClassThroughCompletionWrappers() {
        assertThat(PutFailures.classify(FakeFailures.sealedShard("0")))
                .isEqualTo(PutErrorClass.REROUTE);
        assertThat(PutFailures.classify(new CompletionException(FakeFailures.noSuchShard("0"))))
                .isEqualTo(PutErrorClass.REROUTE);
        assertThat(PutFailures.classify(new ExecutionException(FakeFailures.throttled())))
                .isEqualTo(PutErrorClass.RETRY);
        assertThat(PutFailures.classify(FakeFailures.serverError())).isEqualTo(PutErrorClass.RETRY);
        assertThat(PutFailures.classify(FakeFailures.unauthorized()))
                .isEqualTo(PutErrorClass.FATAL);
        assertThat(PutFailures.classify(new IllegalStateException("not a DataHubException")))
                .isEqualTo(PutErrorClass.FATAL);
    }

    @Test
    void onlyRerouteAndThrottlingProveAPutWasNotApplied() {
        assertThat(PutFailures.provesNotApplied(FakeFailures.sealedShard("0"))).isTrue();
        assertThat(PutFailures.provesNotApplied(new CompletionException(FakeFailures.throttled())))
                .isTrue();
        assertThat(PutFailures.provesNotApplied(FakeFailures.serverError())).isFalse();
        assertThat(PutFailures.unwrap(new CompletionException(FakeFailures.throttled())))
                .isInstanceOf(LimitExceededException.class);
    }
}
