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

/**
 * Starts each measured interval from a collected heap, so that the garbage of one measurement (and
 * of the emulator's deleted topic) is never collected inside the next one's timing.
 */
final class BenchHeap {

    private BenchHeap() {}

    /** Runs a full collection before a measurement; the same for every side measured. */
    static void settle() {
        System.gc();
    }
}
