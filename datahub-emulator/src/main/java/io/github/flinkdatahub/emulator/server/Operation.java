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

/**
 * Every DataHub operation the emulator routes. The enum constant names are the operation names used
 * by fault injection, limits and logs (e.g. {@code PutRecords}, {@code GetRecords}).
 */
public enum Operation {
    ListProject,
    CreateProject,
    GetProject,
    UpdateProject,
    UpdateProjectVpcWhitelist,
    DeleteProject,
    ListTopic,
    CreateTopic,
    GetTopic,
    UpdateTopic,
    DeleteTopic,
    AppendField,
    ListShard,
    SplitShard,
    MergeShard,
    ExtendShard,
    PutRecords,
    PutRecordsByShard,
    GetCursor,
    GetRecords,
    GetMeterInfo,
    CreateSubscription,
    ListSubscription,
    GetSubscription,
    UpdateSubscription,
    UpdateSubscriptionState,
    DeleteSubscription,
    OpenSubscriptionSession,
    GetSubscriptionOffset,
    CommitSubscriptionOffset,
    ResetSubscriptionOffset,
    PutBatchRecordsByShard,
    GetBatchRecords,
    ListSchema,
    GetSchema,
    RegisterSchema,
    DeleteSchema,
    /** Consumer groups, connectors, alarms, Kafka groups, meta log: answered as not implemented. */
    Unsupported;

    /** The operation with this name, ignoring case, or null. */
    public static Operation byName(String name) {
        for (Operation op : values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return op;
            }
        }
        return null;
    }
}
