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

import com.aliyun.datahub.client.DatahubClient;
import com.aliyun.datahub.client.exception.DatahubClientException;
import com.aliyun.datahub.client.model.CompressType;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Both clients receive the same recorded error responses and must report the same error code,
 * request id and HTTP status, with matching exception kinds.
 */
class ClientSdkErrorParityTest {

    static final String REQUEST_ID = "2018050817492199d6650a00000039";

    SdkParityHarness harness;
    DatahubClient sdk;
    DataHubClient ours;

    @BeforeEach
    void start() throws Exception {
        harness = new SdkParityHarness();
        sdk = harness.sdk();
        ours = harness.ours();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static MockResponse error(int status, String code, String contentType) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", contentType)
                .setHeader("x-datahub-request-id", REQUEST_ID)
                .setBody(
                        "{\"ErrorCode\":\""
                                + code
                                + "\",\"ErrorMessage\":\"message of "
                                + code
                                + "\",\"RequestId\":\""
                                + REQUEST_ID
                                + "\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "404, NoSuchProject, ResourceNotFoundException, ResourceNotFoundException",
        "404, NoSuchShard, ShardNotFoundException, ResourceNotFoundException",
        "409, ProjectAlreadyExist, ResourceAlreadyExistException, ResourceAlreadyExistsException",
        "400, InvalidParameter, InvalidParameterException, DataHubException",
        "400, InvalidCursor, InvalidParameterException, InvalidCursorException",
        "400, InvalidShardOperation, ShardSealedException, ShardSealedException",
        "400, SeekOutOfRange, SeekOutOfRangeException, SeekOutOfRangeException",
        "400, MalformedRecord, MalformedRecordException, MalformedRecordException",
        "400, OffsetSessionChanged, SubscriptionSessionInvalidException, OffsetSessionException",
        "400, OffsetSessionClosed, SubscriptionSessionInvalidException, OffsetSessionException",
        "400, OffsetReseted, SubscriptionOffsetResetException, OffsetResetException",
        "400, SubscriptionOffline, SubscriptionOfflineException, SubscriptionOfflineException",
        "403, Unauthorized, AuthorizationFailureException, AuthorizationException",
        "403, NoPermission, NoPermissionException, AuthorizationException",
        "401, ExpiredAccessToken, ExpiredAccessTokenException, AuthorizationException",
        "429, LimitExceeded, LimitExceededException, LimitExceededException",
        "500, InternalServerError, DatahubClientException, DataHubException"
    })
    void serviceErrorsMapLikeTheSdk(int status, String code, String sdkType, String ourType) {
        harness.respond(error(status, code, "application/json"));
        DatahubClientException sdkError =
                catchThrowableOfType(DatahubClientException.class, () -> sdk.getProject("proj_a"));
        DataHubException ourError =
                catchThrowableOfType(DataHubException.class, () -> ours.getProject("proj_a"));

        assertThat(sdkError.getClass().getSimpleName()).isEqualTo(sdkType);
        assertThat(ourError.getClass().getSimpleName()).isEqualTo(ourType);
        assertThat(ourError.errorCode()).isEqualTo(sdkError.getErrorCode()).isEqualTo(code);
        assertThat(ourError.requestId()).isEqualTo(sdkError.getRequestId()).isEqualTo(REQUEST_ID);
        assertThat(ourError.httpStatus()).isEqualTo(sdkError.getHttpStatus()).isEqualTo(status);
        assertThat(ourError.getMessage()).contains(sdkError.getErrorMessage());
    }

    @Test
    void errorWithCharsetInContentType() {
        // The SDK only parses an error whose Content-Type is exactly application/json (notes
        // §3.1) and otherwise reports errorCode null. Deliberate: we parse the DataHub error
        // JSON whatever the parameters, so the code (and hence retry/fatal classification) is
        // kept. Our emulator always sends plain application/json, so the SDK is unaffected.
        harness.respond(error(404, "NoSuchTopic", "application/json;charset=UTF-8"));
        DatahubClientException sdkError =
                catchThrowableOfType(DatahubClientException.class, () -> sdk.getProject("proj_a"));
        DataHubException ourError =
                catchThrowableOfType(DataHubException.class, () -> ours.getProject("proj_a"));
        assertThat(sdkError.getErrorCode()).isNull();
        assertThat(ourError).isInstanceOf(ResourceNotFoundException.class);
        assertThat(ourError.errorCode()).isEqualTo("NoSuchTopic");
        assertThat(ourError.requestId()).isEqualTo(sdkError.getRequestId()).isEqualTo(REQUEST_ID);
        assertThat(ourError.httpStatus()).isEqualTo(sdkError.getHttpStatus());
    }

    @Test
    void nonDataHubErrorBodyKeepsStatusAndRequestId() {
        harness.respond(
                new MockResponse()
                        .setResponseCode(502)
                        .setHeader("Content-Type", "text/html")
                        .setHeader("x-datahub-request-id", REQUEST_ID)
                        .setBody("<html>Bad Gateway</html>"));
        DatahubClientException sdkError =
                catchThrowableOfType(DatahubClientException.class, () -> sdk.getProject("proj_a"));
        DataHubException ourError =
                catchThrowableOfType(DataHubException.class, () -> ours.getProject("proj_a"));
        assertThat(ourError.errorCode()).isEqualTo(sdkError.getErrorCode()).isNull();
        assertThat(ourError.requestId()).isEqualTo(sdkError.getRequestId()).isEqualTo(REQUEST_ID);
        assertThat(ourError.httpStatus()).isEqualTo(sdkError.getHttpStatus()).isEqualTo(502);
        assertThat(ourError.isRetryable()).isTrue();
    }

    @Test
    void protobufFrameCrcChecks() {
        DatahubClient pbSdk = harness.sdk(true, CompressType.NONE, null);
        DataHubClient pbOurs = harness.ours(BodyProtocol.PROTOBUF, CompressionType.NONE, null);
        byte[] frame = SdkParityHarness.frame(SdkResponses.getRecordsPb().toByteArray());

        // A wrong CRC-32C is rejected by both.
        frame[4] ^= 1;
        harness.respond(frameResponse(frame));
        DatahubClientException sdkError =
                catchThrowableOfType(DatahubClientException.class, () -> read(pbSdk));
        assertThat(sdkError.getErrorMessage()).contains("Crc");
        assertThat(catchThrowableOfType(DataHubDecodeException.class, () -> read(pbOurs)))
                .hasMessageContaining("CRC-32C mismatch");

        // Deliberate difference: the Java SDK skips the check when the CRC field is 0; we verify
        // every frame like the Python and Go SDKs, which is why the service must always send a
        // correct CRC (protocol notes §5.1). A zeroed CRC is treated as damage, not as "absent".
        frame[4] = frame[5] = frame[6] = frame[7] = 0;
        harness.respond(frameResponse(frame));
        assertThat(
                        pbSdk.getRecords(
                                        "proj_a",
                                        "topic_a",
                                        "0",
                                        SdkModels.sdkSchema(),
                                        ClientSdkResponseParityTest.CURSOR,
                                        10)
                                .getRecordCount())
                .isEqualTo(3);
        assertThat(catchThrowableOfType(DataHubDecodeException.class, () -> read(pbOurs)))
                .hasMessageContaining("CRC-32C mismatch");
    }

    private static Object read(DatahubClient client) {
        return client.getRecords(
                "proj_a",
                "topic_a",
                "0",
                SdkModels.sdkSchema(),
                ClientSdkResponseParityTest.CURSOR,
                10);
    }

    private static Object read(DataHubClient client) {
        return client.getRecords(
                "proj_a",
                "topic_a",
                "0",
                ClientSdkResponseParityTest.CURSOR,
                10,
                SdkModels.schema());
    }

    private static MockResponse frameResponse(byte[] frame) {
        return new MockResponse()
                .setHeader("Content-Type", "application/x-protobuf")
                .setHeader("x-datahub-request-id", REQUEST_ID)
                .setBody(new okio.Buffer().write(frame));
    }

    @Test
    void putRecordsByShardErrorIsWholeRequest() {
        DatahubClient pbSdk = harness.sdk(true, CompressType.NONE, null);
        DataHubClient pbOurs = harness.ours(BodyProtocol.PROTOBUF, CompressionType.NONE, null);
        harness.respond(error(400, "MalformedRecord", "application/json"));
        DatahubClientException sdkError =
                catchThrowableOfType(
                        DatahubClientException.class,
                        () -> pbSdk.putRecordsByShard("proj_a", "topic_a", "0", SdkRecords.sdk(1)));
        DataHubException ourError =
                catchThrowableOfType(
                        DataHubException.class,
                        () ->
                                pbOurs.putRecordsByShard(
                                        "proj_a", "topic_a", "0", SdkRecords.ours(1)));
        assertThat(ourError).isInstanceOf(MalformedRecordException.class);
        assertThat(ourError.errorCode()).isEqualTo(sdkError.getErrorCode());
        assertThat(ourError.requestId()).isEqualTo(sdkError.getRequestId());
    }
}
