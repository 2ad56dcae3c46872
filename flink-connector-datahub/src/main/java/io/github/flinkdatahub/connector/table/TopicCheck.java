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

package io.github.flinkdatahub.connector.table;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.TopicInfo;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.RowType;

/** Planning-time look-up of a table's topic and check of the table's columns against it. */
final class TopicCheck {

    private TopicCheck() {}

    /**
     * Describes the topic and validates the physical columns against it.
     *
     * @throws ValidationException when the topic is missing, unreachable or does not match
     */
    static TopicInfo describeAndValidate(
            String table,
            ConnectionOptions connection,
            RowType physical,
            boolean hasFormat,
            DataHubTypeMapping.Access access) {
        TopicInfo topic;
        try (DataHubClient client = connection.clientFactory().create()) {
            topic = client.getTopic(connection.project(), connection.topic());
        } catch (ResourceNotFoundException e) {
            throw new ValidationException(
                    String.format(
                            "Table %s: topic '%s.%s' does not exist at %s (%s).",
                            table,
                            connection.project(),
                            connection.topic(),
                            connection.endpoint(),
                            e.getMessage()),
                    e);
        } catch (DataHubException e) {
            // Client messages never carry credentials (DataHubException's contract).
            throw new ValidationException(
                    String.format(
                            "Table %s: could not describe topic '%s.%s' at %s: %s",
                            table,
                            connection.project(),
                            connection.topic(),
                            connection.endpoint(),
                            e.getMessage()),
                    e);
        }
        DataHubTypeMapping.validate(table, topic, physical, hasFormat, access);
        return topic;
    }
}
