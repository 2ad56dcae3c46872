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

package io.github.flinkdatahub.connector.testutils;

/** The calls of {@link FakeDataHub} that can be counted and scripted to fail. */
public enum FakeCall {
    GET_TOPIC,
    LIST_SHARDS,
    GET_CURSOR,
    GET_RECORDS,
    PUT_RECORDS,
    PUT_RECORDS_BY_SHARD,
    OPEN_OFFSET_SESSION,
    GET_OFFSETS,
    COMMIT_OFFSETS,
    RESET_OFFSETS
}
