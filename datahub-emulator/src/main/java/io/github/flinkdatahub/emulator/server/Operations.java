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

import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.EngineException;

/** Executes a routed {@link Exchange} against the engine and returns the reply to send. */
final class Operations {

    private final AdminOperations admin;
    private final SubscriptionOperations subscriptions;
    private final RecordOperations records;
    private final BatchOperations batches;
    private final SchemaOperations schemas;

    public Operations(
            DataHubEngine engine,
            long shardListIntervalMs,
            ShardLimiter writeLimiter,
            ShardLimiter readLimiter) {
        this.admin = new AdminOperations(engine, shardListIntervalMs);
        this.subscriptions = new SubscriptionOperations(engine);
        this.records = new RecordOperations(engine, writeLimiter, readLimiter);
        this.batches = new BatchOperations(engine, writeLimiter, readLimiter);
        this.schemas = new SchemaOperations(engine);
    }

    /** Runs the operation; DataHub errors are thrown as {@link EngineException}. */
    public HttpReply execute(Exchange ex) {
        switch (ex.route().operation()) {
            case ListProject:
                return admin.listProjects(ex);
            case CreateProject:
                return admin.createProject(ex);
            case GetProject:
                return admin.getProject(ex);
            case UpdateProject:
                return admin.updateProject(ex);
            case UpdateProjectVpcWhitelist:
                return admin.updateProjectVpcWhitelist(ex);
            case DeleteProject:
                return admin.deleteProject(ex);
            case ListTopic:
                return admin.listTopics(ex);
            case CreateTopic:
                return admin.createTopic(ex);
            case GetTopic:
                return admin.getTopic(ex);
            case UpdateTopic:
                return admin.updateTopic(ex);
            case DeleteTopic:
                return admin.deleteTopic(ex);
            case AppendField:
                return admin.appendField(ex);
            case ListShard:
                return admin.listShards(ex);
            case SplitShard:
                return admin.splitShard(ex);
            case MergeShard:
                return admin.mergeShard(ex);
            case ExtendShard:
                throw unsupported("ExtendShard (shard extension)");
            case PutRecords:
                return records.putRecords(ex);
            case PutRecordsByShard:
                return records.putRecordsByShard(ex);
            case GetCursor:
                return records.getCursor(ex);
            case GetRecords:
                return records.getRecords(ex);
            case GetMeterInfo:
                return records.getMeter(ex);
            case CreateSubscription:
                return subscriptions.create(ex);
            case ListSubscription:
                return subscriptions.list(ex);
            case GetSubscription:
                return subscriptions.get(ex);
            case UpdateSubscription:
                return subscriptions.updateComment(ex);
            case UpdateSubscriptionState:
                return subscriptions.updateState(ex);
            case DeleteSubscription:
                return subscriptions.delete(ex);
            case OpenSubscriptionSession:
                return subscriptions.openSession(ex);
            case GetSubscriptionOffset:
                return subscriptions.getOffsets(ex);
            case CommitSubscriptionOffset:
                return subscriptions.commit(ex);
            case ResetSubscriptionOffset:
                return subscriptions.reset(ex);
            case PutBatchRecordsByShard:
                return batches.put(ex);
            case GetBatchRecords:
                return batches.get(ex);
            case ListSchema:
                return schemas.list(ex);
            case GetSchema:
                return schemas.get(ex);
            case RegisterSchema:
                return schemas.register(ex);
            case DeleteSchema:
                return schemas.delete(ex);
            case Unsupported:
            default:
                throw unsupported(ex.route().unsupportedFeature());
        }
    }

    /**
     * Features the emulator leaves out answer a fatal 400 naming them, so a client fails fast with
     * a message a user can act on instead of retrying.
     */
    static EngineException unsupported(String feature) {
        return EngineException.invalidParameter(
                "The DataHub emulator does not implement " + feature + ".");
    }
}
