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

import java.util.LinkedHashMap;
import java.util.Map;

/** The same schema, offsets and canned responses expressed for the SDK and for our client. */
final class SdkModels {

    private SdkModels() {}

    /** One field of every type, a NOT NULL field and fields with comments. */
    static RecordSchema schema() {
        return RecordSchema.of(
                new Field("f_tinyint", FieldType.TINYINT, true, null),
                new Field("f_smallint", FieldType.SMALLINT, true, "small"),
                new Field("f_integer", FieldType.INTEGER, true, null),
                new Field("f_bigint", FieldType.BIGINT, false, "the key"),
                new Field("f_float", FieldType.FLOAT, true, null),
                new Field("f_double", FieldType.DOUBLE, true, null),
                new Field("f_decimal", FieldType.DECIMAL, true, "money"),
                new Field("f_boolean", FieldType.BOOLEAN, true, null),
                new Field("f_string", FieldType.STRING, true, null),
                new Field("f_timestamp", FieldType.TIMESTAMP, true, "micros"));
    }

    static com.aliyun.datahub.client.model.RecordSchema sdkSchema() {
        com.aliyun.datahub.client.model.RecordSchema sdk =
                new com.aliyun.datahub.client.model.RecordSchema();
        for (Field field : schema().fields()) {
            sdk.addField(
                    new com.aliyun.datahub.client.model.Field(
                            field.name(),
                            com.aliyun.datahub.client.model.FieldType.valueOf(field.type().name()),
                            field.nullable(),
                            field.comment()));
        }
        return sdk;
    }

    static Map<String, com.aliyun.datahub.client.model.SubscriptionOffset> sdkOffsets(
            Map<String, SubscriptionOffset> offsets) {
        Map<String, com.aliyun.datahub.client.model.SubscriptionOffset> sdk = new LinkedHashMap<>();
        offsets.forEach(
                (shard, o) -> {
                    com.aliyun.datahub.client.model.SubscriptionOffset s =
                            new com.aliyun.datahub.client.model.SubscriptionOffset();
                    s.setSequence(o.sequence());
                    s.setTimestamp(o.timestamp());
                    s.setBatchIndex(o.batchIndex());
                    s.setVersionId(o.version());
                    if (o.sessionId() != null) {
                        s.setSessionId(Long.toString(o.sessionId()));
                    }
                    sdk.put(shard, s);
                });
        return sdk;
    }

    static final String GET_TOPIC =
            "{\"Comment\":\"tuple\",\"CreateTime\":1525312823,\"LastModifyTime\":1525312824,"
                    + "\"Lifecycle\":7,\"RecordType\":\"TUPLE\",\"ShardCount\":3,"
                    + "\"ExpandMode\":\"\",\"Status\":\"on\",\"Creator\":\"me\","
                    + "\"RecordSchema\":\"{\\\"fields\\\":[{\\\"name\\\":\\\"f_bigint\\\","
                    + "\\\"type\\\":\\\"BIGINT\\\",\\\"notnull\\\":true,"
                    + "\\\"comment\\\":\\\"the key\\\"},"
                    + "{\\\"name\\\":\\\"f_string\\\",\\\"type\\\":\\\"STRING\\\"}]}\"}";

    static final String LIST_SHARDS =
            "{\"Protocol\":\"http1.1\",\"Interval\":300000,\"Shards\":["
                    + shard(
                            "0",
                            "ACTIVE",
                            "00000000000000000000000000000000",
                            "55555555555555555555555555555555",
                            "[]",
                            "4294967295",
                            "1",
                            0)
                    + ","
                    + shard(
                            "1",
                            "ACTIVE",
                            "55555555555555555555555555555555",
                            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                            "[]",
                            "0",
                            "2",
                            0)
                    + ","
                    + shard(
                            "2",
                            "CLOSED",
                            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                            "[\"7\"]",
                            "1",
                            "4294967295",
                            1525344099)
                    + "]}";

    private static String shard(
            String id,
            String state,
            String begin,
            String end,
            String parents,
            String left,
            String right,
            long closedTime) {
        return "{\"ShardId\":\""
                + id
                + "\",\"State\":\""
                + state
                + "\",\"ClosedTime\":"
                + closedTime
                + ",\"BeginHashKey\":\""
                + begin
                + "\",\"EndHashKey\":\""
                + end
                + "\",\"ParentShardIds\":"
                + parents
                + ",\"LeftShardId\":\""
                + left
                + "\",\"RightShardId\":\""
                + right
                + "\",\"CreateTime\":1525344044}";
    }

    static final String SPLIT =
            "{\"NewShards\":[{\"ShardId\":\"3\",\"BeginHashKey\":\"00000000000000000000000000000000\","
                + "\"EndHashKey\":\"2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"},"
                + "{\"ShardId\":\"4\",\"BeginHashKey\":\"2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
                + "\"EndHashKey\":\"55555555555555555555555555555555\"}]}";

    static final String SUBSCRIPTION =
            "{\"SubId\":\"1661239310380007Nh\",\"TopicName\":\"topic_a\",\"Comment\":\"sub"
                + " comment\",\"Creator\":\"me\",\"Type\":0,\"State\":1,\"CreateTime\":1661239310,"
                + "\"LastModifyTime\":1661239311}";

    static final String OFFSETS =
            "{\"Offsets\":{\"0\":{\"Sequence\":-1,\"Timestamp\":-1,\"Version\":0,"
                    + "\"SessionId\":1,\"BatchIndex\":0},"
                    + "\"1\":{\"Sequence\":10,\"Timestamp\":1000,\"Version\":2,"
                    + "\"SessionId\":7,\"BatchIndex\":3}}}";
}
