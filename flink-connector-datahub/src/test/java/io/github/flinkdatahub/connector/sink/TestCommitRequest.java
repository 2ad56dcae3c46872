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

import org.apache.flink.api.connector.sink2.Committer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Records what a committer signalled for one committable. */
final class TestCommitRequest implements Committer.CommitRequest<DataHubCommittable> {

    /** The committer's verdict. */
    enum Outcome {
        COMMITTED,
        ALREADY_COMMITTED,
        RETRY_LATER,
        FAILED_KNOWN,
        FAILED_UNKNOWN
    }

    private final DataHubCommittable committable;
    private final int retries;
    Outcome outcome = Outcome.COMMITTED;
    Throwable failure;

    TestCommitRequest(DataHubCommittable committable, int retries) {
        this.committable = committable;
        this.retries = retries;
    }

    static List<TestCommitRequest> of(Collection<DataHubCommittable> committables) {
        List<TestCommitRequest> out = new ArrayList<>();
        for (DataHubCommittable c : committables) {
            out.add(new TestCommitRequest(c, 0));
        }
        return out;
    }

    @Override
    public DataHubCommittable getCommittable() {
        return committable;
    }

    @Override
    public int getNumberOfRetries() {
        return retries;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
        outcome = Outcome.FAILED_KNOWN;
        failure = t;
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
        outcome = Outcome.FAILED_UNKNOWN;
        failure = t;
    }

    @Override
    public void retryLater() {
        outcome = Outcome.RETRY_LATER;
    }

    @Override
    public void updateAndRetryLater(DataHubCommittable c) {
        outcome = Outcome.RETRY_LATER;
    }

    @Override
    public void signalAlreadyCommitted() {
        outcome = Outcome.ALREADY_COMMITTED;
    }
}
