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

import io.github.flinkdatahub.connector.testutils.FakeDataHub;

import java.time.Duration;

/** Builders shared by the sink unit tests. */
final class SinkTestSupport {

    static final String PROJECT = "p";
    static final String TOPIC = "t";

    private SinkTestSupport() {}

    /** A builder on the fake with fast retries. */
    static DataHubSinkBuilder<Event> builder(FakeDataHub hub) {
        return DataHubSink.<Event>builder()
                .setClientFactory(hub.factory())
                .setProject(PROJECT)
                .setTopic(TOPIC)
                .setSerializer(new Event.Serializer())
                .setRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }
}
