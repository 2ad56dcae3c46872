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

package io.github.flinkdatahub.emulator.engine;

import io.github.flinkdatahub.emulator.engine.SyncConnectors.Type;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Config validation per connector type: the keys the SDKs send for each type (Java {@code
 * ConnectorConfigSerializer}, Python {@code *ConnectorConfig.to_json}), the ones that are required
 * and the enumerated values. Secrets ({@code AccessKey}, {@code Password}) are checked for presence
 * where required and then dropped: the emulator never delivers data, so it never needs them, and it
 * never returns or journals them.
 */
final class ConnectorConfigs {

    /** Keys whose values are secrets: accepted, never stored. */
    static final Set<String> SECRETS = Set.of("AccessKey", "Password");

    private static final Map<Type, List<String>> REQUIRED = new EnumMap<>(Type.class);

    static {
        REQUIRED.put(Type.SINK_ODPS, List.of("Project", "Table", "OdpsEndpoint"));
        REQUIRED.put(Type.SINK_ADS, List.of("Host", "Port", "Database", "Table", "User"));
        REQUIRED.put(Type.SINK_MYSQL, List.of("Host", "Port", "Database", "Table", "User"));
        REQUIRED.put(Type.SINK_ES, List.of("Index", "Endpoint"));
        REQUIRED.put(Type.SINK_FC, List.of("Endpoint", "Service", "Function"));
        REQUIRED.put(Type.SINK_OSS, List.of("Endpoint", "Bucket"));
        REQUIRED.put(Type.SINK_OTS, List.of("Endpoint", "InstanceName", "TableName"));
        REQUIRED.put(Type.SINK_HOLOGRES, List.of("Endpoint", "Project", "Topic", "InstanceId"));
        REQUIRED.put(Type.SINK_DATAHUB, List.of("Endpoint", "Project", "Topic"));
        REQUIRED.put(Type.SOURCE_DTS, List.of("Endpoint", "Topic"));
    }

    private ConnectorConfigs() {}

    /** Validates {@code config} for {@code type} and returns the map to store (no secrets). */
    static Map<String, String> validate(Type type, Map<String, String> config) {
        if (config == null || config.isEmpty()) {
            throw Errors.invalidParameter(
                    "Config is required for a "
                            + type
                            + " connector; required keys: "
                            + String.join(", ", REQUIRED.get(type))
                            + ".");
        }
        for (String key : REQUIRED.get(type)) {
            String v = config.get(key);
            if (v == null || v.isBlank()) {
                throw Errors.invalidParameter(
                        "Config of a "
                                + type
                                + " connector is missing the required key '"
                                + key
                                + "'; required keys: "
                                + String.join(", ", REQUIRED.get(type))
                                + ".");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        config.forEach(
                (k, v) -> {
                    if (!SECRETS.contains(k)) {
                        out.put(k, v);
                    }
                });
        checkAuth(type, config);
        switch (type) {
            case SINK_ODPS:
                String mode =
                        oneOf(
                                type,
                                config,
                                "PartitionMode",
                                Set.of("USER_DEFINE", "SYSTEM_TIME", "EVENT_TIME", "META_TIME"));
                // GetConnector always carries it (the Python SDK requires the key).
                out.put("PartitionMode", mode == null ? "USER_DEFINE" : mode);
                // The Python SDK parses PartitionConfig as a JSON list whether or not it was set.
                out.putIfAbsent("PartitionConfig", "[]");
                integer(type, config, "TimeRange", 0, Integer.MAX_VALUE);
                break;
            case SINK_ADS:
            case SINK_MYSQL:
                integer(type, config, "Port", 1, 65535);
                bool(type, config, "Ignore");
                break;
            case SINK_ES:
                bool(type, config, "ProxyMode");
                // The Python SDK parses both as JSON lists whether or not they were set.
                out.putIfAbsent("IDFields", "[]");
                out.putIfAbsent("TypeFields", "[]");
                break;
            case SINK_OSS:
                integer(type, config, "TimeRange", 0, Integer.MAX_VALUE);
                break;
            case SINK_OTS:
                oneOf(type, config, "WriteMode", Set.of("PUT", "UPDATE"));
                break;
            case SINK_FC:
                oneOf(type, config, "InvokeType", Set.of("SYNC", "ASYNC"));
                break;
            default:
                break;
        }
        return out;
    }

    /** {@code AuthMode} is {@code ak} or {@code sts}; {@code ak} needs the key pair. */
    private static void checkAuth(Type type, Map<String, String> config) {
        String auth = oneOf(type, config, "AuthMode", Set.of("AK", "STS"));
        if ("AK".equals(auth)) {
            for (String key : List.of("AccessId", "AccessKey")) {
                String v = config.get(key);
                if (v == null || v.isBlank()) {
                    throw Errors.invalidParameter(
                            "Config of a "
                                    + type
                                    + " connector with AuthMode 'ak' is missing '"
                                    + key
                                    + "'.");
                }
            }
        }
    }

    /** The upper-cased value if present; fails naming the key and the allowed values. */
    private static String oneOf(Type type, Map<String, String> config, String key, Set<String> ok) {
        String v = config.get(key);
        if (v == null) {
            return null;
        }
        String upper = v.trim().toUpperCase(Locale.ROOT);
        if (!ok.contains(upper)) {
            throw Errors.invalidParameter(
                    "Config key '"
                            + key
                            + "' of a "
                            + type
                            + " connector must be one of "
                            + String.join(", ", new java.util.TreeSet<>(ok))
                            + " (any case), was '"
                            + v
                            + "'.");
        }
        return upper;
    }

    private static void integer(
            Type type, Map<String, String> config, String key, long min, long max) {
        String v = config.get(key);
        if (v == null) {
            return;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw Errors.invalidParameter(
                    "Config key '"
                            + key
                            + "' of a "
                            + type
                            + " connector must be an integer "
                            + min
                            + ".."
                            + max
                            + ", was '"
                            + v
                            + "'.");
        }
    }

    private static void bool(Type type, Map<String, String> config, String key) {
        String v = config.get(key);
        if (v != null && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw Errors.invalidParameter(
                    "Config key '"
                            + key
                            + "' of a "
                            + type
                            + " connector must be 'true' or 'false', was '"
                            + v
                            + "'.");
        }
    }
}
