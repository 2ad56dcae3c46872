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

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small things found on review (issue 6 item 9): credentials, User-Agent, indexes, Interval. */
class ReviewFixesTest extends MockServerTestBase {

    @Test
    void emptyOrBlankCredentialsAreAConfigErrorNotUnsignedRequests() {
        for (String[] pair :
                new String[][] {{"", "s"}, {"id", ""}, {" ", "s"}, {null, "s"}, {"id", null}}) {
            DataHubClientConfig.Builder b =
                    DataHubClientConfig.builder()
                            .endpoint("http://h")
                            .credentials(pair[0], pair[1]);
            assertThatThrownBy(b::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("credentials")
                    .hasMessageContaining(
                            pair[0] == null || pair[0].isBlank()
                                    ? "accessKeyId"
                                    : "accessKeySecret");
        }
        assertThatThrownBy(() -> new Credentials("", "secret", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeyId");
        assertThatThrownBy(() -> CredentialsProvider.of("id", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeySecret")
                .hasMessageNotContaining(" s ");
        // No credentials at all stays allowed: unsigned requests to a local emulator.
        assertThat(DataHubClientConfig.builder().endpoint("http://h").build().credentialsProvider())
                .isNull();
    }

    @Test
    void credentialsAreSignedWhenGiven() throws Exception {
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        client(b -> b.credentials(ACCESS_ID, SECRET)).listProjects();
        assertThat(take().getHeader("Authorization")).startsWith("DATAHUB " + ACCESS_ID + ":");
    }

    @Test
    void userAgentIsAPrefixOfOurAgent() throws Exception {
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        server.enqueue(json(200, "{\"ProjectNames\":[]}"));
        client().listProjects();
        client(b -> b.userAgent("my-app/1.2")).listProjects();
        assertThat(take().getHeader("User-Agent")).isEqualTo(DataHubClientConfig.CLIENT_AGENT);
        RecordedRequest prefixed = take();
        assertThat(prefixed.getHeader("User-Agent"))
                .isEqualTo("my-app/1.2 " + DataHubClientConfig.CLIENT_AGENT)
                .startsWith("my-app/1.2 flink-connector-datahub/");
        assertThatThrownBy(() -> DataHubClientConfig.builder().endpoint("h").userAgent(" ").build())
                .hasMessageContaining("userAgent");
        assertThat(
                        DataHubClientConfig.builder()
                                .endpoint("h")
                                .userAgent("x")
                                .build()
                                .userAgentPrefix())
                .isEqualTo("x");
    }

    @Test
    void tupleBuilderChecksTheIndex() {
        RecordSchema schema =
                RecordSchema.of(Field.of("a", FieldType.STRING), Field.of("b", FieldType.BIGINT));
        assertThat(TupleRecord.builder(schema).set(1, 5L).build().getLong(1)).isEqualTo(5L);
        for (int bad : new int[] {-1, 2, 100}) {
            assertThatThrownBy(() -> TupleRecord.builder(schema).set(bad, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("index " + bad)
                    .hasMessageContaining("2 fields");
        }
    }

    @Test
    void listShardsKeepsTheInterval() {
        String shards =
                "\"Shards\":[{\"ShardId\":\"0\",\"State\":\"ACTIVE\",\"BeginHashKey\":"
                        + "\"00000000000000000000000000000000\",\"EndHashKey\":"
                        + "\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\"}]";
        server.enqueue(json(200, "{\"Protocol\":\"http1.1\",\"Interval\":1500," + shards + "}"));
        server.enqueue(json(200, "{" + shards + "}"));
        server.enqueue(json(200, "{\"Interval\":1500," + shards + "}"));
        HttpDataHubClient client = client();
        ShardListing listing = client.shardListing("p", "t");
        assertThat(listing.refreshInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(listing.shards()).extracting(ShardInfo::shardId).containsExactly("0");
        assertThat(client.shardListing("p", "t").refreshInterval())
                .isEqualTo(ShardListing.DEFAULT_REFRESH_INTERVAL);
        assertThat(client.listShards("p", "t")).isEqualTo(listing.shards());
    }
}
