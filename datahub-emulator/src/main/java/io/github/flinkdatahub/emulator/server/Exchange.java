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

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A decoded, routed request: the route, the query parameters, and either the JSON body (empty
 * object when there is none) or the payload of a PB frame ({@code pbPayload}, else null).
 */
record Exchange(Route route, Map<String, String> query, ObjectNode json, byte[] pbPayload) {}
