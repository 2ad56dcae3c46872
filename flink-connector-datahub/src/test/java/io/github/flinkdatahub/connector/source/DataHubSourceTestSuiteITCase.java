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

package io.github.flinkdatahub.connector.source;

import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.apache.flink.connector.testframe.TestResource;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestExternalSystem;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * Flink's source test suite (single and multiple splits, bounded and unbounded, savepoint restore
 * with scale up and down, TaskManager failover, metrics, idle readers) against the emulator, for
 * EXACTLY_ONCE and AT_LEAST_ONCE.
 */
class DataHubSourceTestSuiteITCase extends SourceTestSuiteBase<String> {

    /** Runs one emulator for the suite. */
    static final class EmulatorResource implements TestResource {
        DataHubEmulator emulator;

        @Override
        public void startUp() {
            emulator = DataHubEmulator.builder().build().start();
        }

        @Override
        public void tearDown() {
            emulator.close();
        }
    }

    @TestEnv MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestExternalSystem EmulatorResource emulator = new EmulatorResource();

    @TestSemantics
    CheckpointingMode[] semantics =
            new CheckpointingMode[] {
                CheckpointingMode.EXACTLY_ONCE, CheckpointingMode.AT_LEAST_ONCE
            };

    @TestContext
    ExternalContextFactory<DataHubSourceExternalContext> context =
            testName -> new DataHubSourceExternalContext(emulator.emulator.endpoint());
}
