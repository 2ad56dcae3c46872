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

package io.github.flinkdatahub.emulator.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All projects, topics and counters of an engine; changed only by {@link StateApplier}. */
final class EngineState {

    /** A project; its fields change under the metadata lock. */
    static final class Project {
        final String name;
        final long createTimeMillis;
        volatile String comment;
        volatile long lastModifyMillis;
        final Map<String, Topic> topics = new ConcurrentHashMap<>();

        Project(String name, String comment, long createTimeMillis) {
            this.name = name;
            this.comment = comment;
            this.createTimeMillis = createTimeMillis;
            this.lastModifyMillis = createTimeMillis;
        }
    }

    final Map<String, Project> projects = new ConcurrentHashMap<>();
    final Map<Long, Topic> topicsByUid = new ConcurrentHashMap<>();

    /** Next topic uid; topic uids are never reused, so stale writes cannot hit a new topic. */
    long nextTopicUid = 1;

    /** Number of subscriptions ever created; part of new subscription ids. */
    long subscriptionCounter;
}
