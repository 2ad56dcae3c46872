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

package io.github.flinkdatahub.emulator.conformance;

import com.aliyun.datahub.client.exception.DatahubClientException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Assertions on the errors the SDK raises. Every check also proves B19: the SDK only fills in the
 * error code when the error came back with {@code Content-Type: application/json} exactly, and the
 * request id comes from the {@code x-datahub-request-id} response header.
 */
public final class DataHubErrors {

    private DataHubErrors() {}

    /** Runs {@code call} and asserts it fails with {@code type} carrying one of the codes. */
    public static <T extends DatahubClientException> T assertDataHubError(
            ThrowingCallable call, Class<T> type, String... errorCodes) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown)
                .as("expected %s %s", type.getSimpleName(), String.join("|", errorCodes))
                .isNotNull();
        assertThat(thrown).isInstanceOf(type);
        DatahubClientException e = (DatahubClientException) thrown;
        assertThat(e.getErrorCode()).as("error code of %s", e).isIn((Object[]) errorCodes);
        assertThat(e.getRequestId()).as("request id of %s", e).isNotBlank();
        return type.cast(e);
    }
}
