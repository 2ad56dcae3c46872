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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification of failed puts: retry, re-route after a shard change, or fail. */
class PutErrorClassTest {

    @Test
    void perRecordErrorCodes() {
        assertThat(failed("InvalidShardOperation")).isEqualTo(PutErrorClass.REROUTE);
        assertThat(failed("NoSuchShard")).isEqualTo(PutErrorClass.REROUTE);
        assertThat(failed("LimitExceeded")).isEqualTo(PutErrorClass.RETRY);
        assertThat(failed("ShardNotReady")).isEqualTo(PutErrorClass.RETRY);
        assertThat(failed("InternalServerError")).isEqualTo(PutErrorClass.RETRY);
        assertThat(failed("MalformedRecord")).isEqualTo(PutErrorClass.FATAL);
        assertThat(failed("InvalidShardId")).isEqualTo(PutErrorClass.FATAL);
        assertThat(failed("SomethingNew")).isEqualTo(PutErrorClass.RETRY);
        assertThat(failed(null)).isEqualTo(PutErrorClass.RETRY);
    }

    @Test
    void wholeRequestErrorsAsTheClientRaisesThem() {
        assertThat(of(400, "InvalidShardOperation")).isEqualTo(PutErrorClass.REROUTE);
        assertThat(of(404, "NoSuchShard")).isEqualTo(PutErrorClass.REROUTE);
        assertThat(of(429, "LimitExceeded")).isEqualTo(PutErrorClass.RETRY);
        assertThat(of(500, "InternalServerError")).isEqualTo(PutErrorClass.RETRY);
        assertThat(of(503, null)).isEqualTo(PutErrorClass.RETRY);
        assertThat(of(400, "MalformedRecord")).isEqualTo(PutErrorClass.FATAL);
        assertThat(of(403, "Unauthorized")).isEqualTo(PutErrorClass.FATAL);
        assertThat(of(404, "NoSuchTopic")).isEqualTo(PutErrorClass.FATAL);
        assertThat(of(400, "InvalidParameter")).isEqualTo(PutErrorClass.FATAL);
        assertThat(PutErrorClass.of(new DataHubTransportException("timeout", true, null)))
                .isEqualTo(PutErrorClass.RETRY);
        assertThat(PutErrorClass.of(new DataHubDecodeException("PutRecords", "", "is bad")))
                .isEqualTo(PutErrorClass.FATAL);
        assertThat(PutErrorClass.of(new SchemaChangedException(2, 3)))
                .isEqualTo(PutErrorClass.FATAL);
    }

    private static PutErrorClass failed(String code) {
        return new PutRecordsResult.FailedRecord(0, code, "m").errorClass();
    }

    private static PutErrorClass of(int status, String code) {
        return PutErrorClass.of(DataHubException.fromService(status, code, "m", "req"));
    }
}
