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

package io.github.flinkdatahub.examples.windows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the SQL example's main path on its embedded emulator and checks the output topic. */
class WindowedOrdersSqlITCase {

    @Test
    void defaultRunOnTheEmbeddedEmulatorWritesTheExpectedWindows() throws Exception {
        String output =
                WindowedOrdersJobITCase.captureStdout(() -> WindowedOrdersSql.main(new String[0]));

        assertThat(output).contains("Produced 1000 orders");
        assertThat(output).contains("The output topic holds exactly the expected window results.");
        assertThat(output)
                .contains(
                        "Records in: 1000 orders. Records out: 24 window results covering 1000"
                                + " orders.");
    }
}
