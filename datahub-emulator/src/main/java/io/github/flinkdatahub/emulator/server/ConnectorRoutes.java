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

import java.util.Locale;

/**
 * The connector rows of the dispatch table (section 4.0): {@code GET .../connectors} lists, {@code
 * POST .../connectors/{type}} with Action {@code Create} creates, {@code GET}/{@code DELETE} {@code
 * .../connectors/{id}} get (or, with {@code ?donetime}, the done time) and delete, and {@code POST
 * .../connectors/{id}} dispatches on the Action (matched ignoring case: Java sends {@code
 * updatestate}, Python {@code UpdateState}).
 */
final class ConnectorRoutes {

    private ConnectorRoutes() {}

    /** {@code connector} is null for the collection path. */
    static Route route(
            String method, String project, String topic, String connector, Router.RequestShape s) {
        if (connector == null) {
            if (method.equals("GET")) {
                return Route.connector(Operation.ListConnector, project, topic, null);
            }
            throw Router.invalidUri(s);
        }
        switch (method) {
            case "GET":
                return Route.connector(Operation.GetConnector, project, topic, connector);
            case "DELETE":
                return Route.connector(Operation.DeleteConnector, project, topic, connector);
            case "POST":
                return Route.connector(byAction(s), project, topic, connector);
            default:
                throw Router.invalidUri(s);
        }
    }

    private static Operation byAction(Router.RequestShape s) {
        String action =
                s.jsonAction() == null ? "" : s.jsonAction().trim().toLowerCase(Locale.ROOT);
        switch (action) {
            case "create":
                return Operation.CreateConnector;
            case "updateconfig":
                return Operation.UpdateConnector;
            case "reload":
                return Operation.ReloadConnector;
            case "updatestate":
                return Operation.UpdateConnectorState;
            case "updateshardcontext":
                return Operation.UpdateConnectorOffset;
            case "status":
                return Operation.GetConnectorShardStatus;
            case "appendfield":
                return Operation.AppendConnectorField;
            default:
                throw Router.unknownAction(s);
        }
    }
}
