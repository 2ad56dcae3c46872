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

import java.time.Instant;

/**
 * A subscription (a consumer's offset store) of a topic.
 *
 * @param subId the opaque subscription id
 * @param online whether the subscription is ONLINE (the service sends State 1) or OFFLINE (0)
 * @param type 0 USER, 1 SYSTEM, 2 TT, as sent by the service
 */
public record SubscriptionInfo(
        String subId,
        String topicName,
        String comment,
        boolean online,
        int type,
        Instant createTime,
        Instant lastModifyTime) {}
