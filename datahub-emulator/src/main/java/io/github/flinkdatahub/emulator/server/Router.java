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

import io.github.flinkdatahub.emulator.engine.EngineException;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Maps a request to an {@link Operation}: the dispatch table of section 4.0 of the protocol notes.
 * Pure: it sees only the method, the path, the JSON {@code Action}, the {@code
 * x-datahub-request-action} header and the body kind.
 */
final class Router {

    /** What routing needs to know about a request. {@code hasJsonField} tests body keys. */
    public record RequestShape(
            String method,
            String path,
            String jsonAction,
            String headerAction,
            ContentKind contentKind,
            Predicate<String> hasJsonField) {}

    private Router() {}

    /** Routes the request or throws a DataHub error ({@code InvalidUriSpec} for unknown routes). */
    public static Route route(RequestShape shape) {
        String method = shape.method().toUpperCase(Locale.ROOT);
        String[] s = segments(shape.path());
        if (s.length == 0 || !s[0].equals("projects")) {
            throw invalidUri(shape);
        }
        switch (s.length) {
            case 1:
                return only(
                        method,
                        "GET",
                        Route.of(Operation.ListProject, null, null, null, null),
                        shape);
            case 2:
                return project(method, s[1], shape);
            case 3:
                return projectChildren(method, s, shape);
            case 4:
                return projectChild(method, s, shape);
            case 5:
                return topicChildren(method, s, shape);
            case 6:
                return topicChild(method, s, shape);
            case 7:
                if (s[2].equals("topics")
                        && s[4].equals("subscriptions")
                        && s[6].equals("offsets")) {
                    return offsets(method, s[1], s[3], s[5], shape);
                }
                throw invalidUri(shape);
            default:
                throw invalidUri(shape);
        }
    }

    private static Route project(String method, String project, RequestShape shape) {
        switch (method) {
            case "POST":
                return Route.of(Operation.CreateProject, project, null, null, null);
            case "GET":
                return Route.of(Operation.GetProject, project, null, null, null);
            case "PUT":
                Operation op =
                        shape.hasJsonField().test("VpcIds") && !shape.hasJsonField().test("Comment")
                                ? Operation.UpdateProjectVpcWhitelist
                                : Operation.UpdateProject;
                return Route.of(op, project, null, null, null);
            case "DELETE":
                return Route.of(Operation.DeleteProject, project, null, null, null);
            default:
                throw invalidUri(shape);
        }
    }

    private static Route projectChildren(String method, String[] s, RequestShape shape) {
        if (s[2].equals("topics")) {
            return only(
                    method, "GET", Route.of(Operation.ListTopic, s[1], null, null, null), shape);
        }
        if (s[2].equals("groups")) {
            return Route.unsupported("Kafka consumer groups");
        }
        throw invalidUri(shape);
    }

    private static Route projectChild(String method, String[] s, RequestShape shape) {
        if (s[2].equals("groups")) {
            return Route.unsupported("Kafka consumer groups");
        }
        if (!s[2].equals("topics")) {
            throw invalidUri(shape);
        }
        String p = s[1];
        String t = s[3];
        switch (method) {
            case "GET":
                return Route.of(Operation.GetTopic, p, t, null, null);
            case "PUT":
                return Route.of(Operation.UpdateTopic, p, t, null, null);
            case "DELETE":
                return Route.of(Operation.DeleteTopic, p, t, null, null);
            case "POST":
                String action = lower(shape.jsonAction());
                if (action == null || action.equals("create")) {
                    // Python sends no Action when creating a topic.
                    return Route.of(Operation.CreateTopic, p, t, null, null);
                }
                switch (action) {
                    case "appendfield":
                        return Route.of(Operation.AppendField, p, t, null, null);
                    case "listschema":
                        return Route.of(Operation.ListSchema, p, t, null, null);
                    case "getschema":
                        return Route.of(Operation.GetSchema, p, t, null, null);
                    case "registerschema":
                        return Route.of(Operation.RegisterSchema, p, t, null, null);
                    case "deleteschema":
                        return Route.of(Operation.DeleteSchema, p, t, null, null);
                    case "listmetalog":
                        return Route.unsupported("the topic meta log (ListMetaLog)");
                    default:
                        throw unknownAction(shape);
                }
            default:
                throw invalidUri(shape);
        }
    }

    private static Route topicChildren(String method, String[] s, RequestShape shape) {
        if (!s[2].equals("topics")) {
            throw invalidUri(shape);
        }
        String p = s[1];
        String t = s[3];
        switch (s[4]) {
            case "shards":
                if (method.equals("GET")) {
                    return Route.of(Operation.ListShard, p, t, null, null);
                }
                if (!method.equals("POST")) {
                    throw invalidUri(shape);
                }
                if (isBinaryRecordRequest(shape)) {
                    return recordHeaderRoute(shape, Operation.PutRecords, null, p, t, null);
                }
                return byAction(
                        shape,
                        p,
                        t,
                        "split",
                        Operation.SplitShard,
                        "merge",
                        Operation.MergeShard,
                        "extend",
                        Operation.ExtendShard,
                        "pub",
                        Operation.PutRecords);
            case "subscriptions":
                if (!method.equals("POST")) {
                    throw invalidUri(shape);
                }
                return byAction(
                        shape,
                        p,
                        t,
                        "create",
                        Operation.CreateSubscription,
                        "list",
                        Operation.ListSubscription);
            case "connectors":
                return Route.unsupported("connectors");
            case "alarms":
                return Route.unsupported("alarm rules");
            default:
                throw invalidUri(shape);
        }
    }

    private static Route topicChild(String method, String[] s, RequestShape shape) {
        if (!s[2].equals("topics")) {
            throw invalidUri(shape);
        }
        String p = s[1];
        String t = s[3];
        String id = s[5];
        switch (s[4]) {
            case "shards":
                if (!method.equals("POST")) {
                    throw invalidUri(shape);
                }
                if (isBinaryRecordRequest(shape)) {
                    return recordHeaderRoute(
                            shape, Operation.PutRecordsByShard, Operation.GetRecords, p, t, id);
                }
                String action = lower(shape.jsonAction());
                if ("pub".equals(action)) {
                    throw EngineException.invalidParameter(
                            "PutRecordsByShard has no JSON variant: send it as"
                                    + " application/x-protobuf with x-datahub-request-action: pub");
                }
                Route r =
                        byAction(
                                shape,
                                p,
                                t,
                                "cursor",
                                Operation.GetCursor,
                                "sub",
                                Operation.GetRecords,
                                "meter",
                                Operation.GetMeterInfo);
                return Route.of(r.operation(), p, t, id, null);
            case "subscriptions":
                switch (method) {
                    case "GET":
                        return Route.of(Operation.GetSubscription, p, t, null, id);
                    case "DELETE":
                        return Route.of(Operation.DeleteSubscription, p, t, null, id);
                    case "PUT":
                        Operation op =
                                shape.hasJsonField().test("State")
                                        ? Operation.UpdateSubscriptionState
                                        : Operation.UpdateSubscription;
                        return Route.of(op, p, t, null, id);
                    case "POST":
                        String a = lower(shape.jsonAction());
                        if (a != null
                                && (a.equals("joingroup")
                                        || a.equals("heartbeat")
                                        || a.equals("syncgroup")
                                        || a.equals("leavegroup"))) {
                            return Route.unsupported(
                                    "collaborative consumption (" + shape.jsonAction() + ")");
                        }
                        throw unknownAction(shape);
                    default:
                        throw invalidUri(shape);
                }
            case "connectors":
                return Route.unsupported("connectors");
            case "alarms":
                return Route.unsupported("alarm rules");
            default:
                throw invalidUri(shape);
        }
    }

    private static Route offsets(
            String method, String p, String t, String sub, RequestShape shape) {
        String a = lower(shape.jsonAction());
        if (method.equals("POST") && "open".equals(a)) {
            return Route.of(Operation.OpenSubscriptionSession, p, t, null, sub);
        }
        if (method.equals("POST") && "get".equals(a)) {
            return Route.of(Operation.GetSubscriptionOffset, p, t, null, sub);
        }
        if (method.equals("PUT") && "commit".equals(a)) {
            return Route.of(Operation.CommitSubscriptionOffset, p, t, null, sub);
        }
        if (method.equals("PUT") && "reset".equals(a)) {
            return Route.of(Operation.ResetSubscriptionOffset, p, t, null, sub);
        }
        if (!method.equals("POST") && !method.equals("PUT")) {
            throw invalidUri(shape);
        }
        throw unknownAction(shape);
    }

    /** PB and batch requests carry the action in a header instead of the JSON body. */
    private static boolean isBinaryRecordRequest(RequestShape shape) {
        return shape.headerAction() != null
                && (shape.contentKind() == ContentKind.PROTOBUF
                        || shape.contentKind() == ContentKind.BINARY);
    }

    private static Route recordHeaderRoute(
            RequestShape shape, Operation pub, Operation sub, String p, String t, String shard) {
        String action = shape.headerAction().trim().toLowerCase(Locale.ROOT);
        Operation op = action.equals("pub") ? pub : action.equals("sub") ? sub : null;
        if (op == null) {
            throw EngineException.invalidParameter(
                    "Unsupported x-datahub-request-action '"
                            + shape.headerAction()
                            + "' on this path; allowed: "
                            + (sub == null ? "pub" : "pub, sub"));
        }
        if (shape.contentKind() == ContentKind.BINARY) {
            if (shard == null) {
                throw EngineException.invalidParameter(
                        "Batch mode (application/x-binary) writes one shard at a time: POST"
                                + " /projects/{p}/topics/{t}/shards/{shardId}; topic-level"
                                + " PutRecords takes JSON or application/x-protobuf");
            }
            op =
                    op == Operation.PutRecordsByShard
                            ? Operation.PutBatchRecordsByShard
                            : Operation.GetBatchRecords;
        }
        return Route.of(op, p, t, shard, null);
    }

    private static Route byAction(RequestShape shape, String p, String t, Object... pairs) {
        String action = lower(shape.jsonAction());
        if (action == null) {
            throw EngineException.invalidParameter("Action is required on this path");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(action)) {
                return Route.of((Operation) pairs[i + 1], p, t, null, null);
            }
        }
        throw unknownAction(shape);
    }

    private static Route only(String method, String expected, Route route, RequestShape shape) {
        if (!method.equals(expected)) {
            throw invalidUri(shape);
        }
        return route;
    }

    private static String[] segments(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] parts = trimmed.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return new String[0];
            }
        }
        return parts;
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static EngineException invalidUri(RequestShape shape) {
        return new EngineException(
                400,
                "InvalidUriSpec",
                "The request URI is not supported: " + shape.method() + " " + shape.path());
    }

    private static EngineException unknownAction(RequestShape shape) {
        return EngineException.invalidParameter(
                "Unsupported Action '"
                        + shape.jsonAction()
                        + "' for "
                        + shape.method()
                        + " "
                        + shape.path());
    }
}
