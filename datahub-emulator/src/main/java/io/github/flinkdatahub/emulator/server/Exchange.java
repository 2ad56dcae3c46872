package io.github.flinkdatahub.emulator.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A decoded, routed request: the route, the query parameters, and either the JSON body (empty
 * object when there is none) or the payload of a PB frame ({@code pbPayload}, else null).
 */
public record Exchange(Route route, Map<String, String> query, ObjectNode json, byte[] pbPayload) {}
