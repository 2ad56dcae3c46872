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

package io.github.flinkdatahub.emulator.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The DataHub error body and the status of each code (section 3). */
class ErrorRenderingTest {

    @Test
    void errorBodyAndContentType() {
        HttpReply r =
                HttpReply.error(
                        404, "NoSuchProject", "The specified project name does not exist.", "rid");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.bodyText())
                .isEqualTo(
                        "{\"ErrorCode\":\"NoSuchProject\",\"ErrorMessage\":\"The specified project"
                                + " name does not exist.\",\"RequestId\":\"rid\"}");
    }

    @Test
    void fatalCodesAre4xxAndRetryableOnes429Or5xx() {
        assertThat(ErrorCodes.statusOf("InvalidParameter")).isEqualTo(400);
        assertThat(ErrorCodes.statusOf("MalformedRecord")).isEqualTo(400);
        assertThat(ErrorCodes.statusOf("InvalidShardOperation")).isEqualTo(400);
        assertThat(ErrorCodes.statusOf("Unauthorized")).isEqualTo(403);
        assertThat(ErrorCodes.statusOf("NoSuchShard")).isEqualTo(404);
        assertThat(ErrorCodes.statusOf("NoSuchWhatever")).isEqualTo(404);
        assertThat(ErrorCodes.statusOf("TopicAlreadyExist")).isEqualTo(409);
        assertThat(ErrorCodes.statusOf("LimitExceeded")).isEqualTo(429);
        assertThat(ErrorCodes.statusOf("InternalServerError")).isEqualTo(500);
        assertThat(ErrorCodes.statusOf("ShardNotReady")).isEqualTo(503);
        assertThat(ErrorCodes.statusOf("SomethingNew")).isEqualTo(400);
    }
}
