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

package io.github.flinkdatahub.emulator;

import io.github.flinkdatahub.emulator.server.ErrorCodes;
import io.github.flinkdatahub.emulator.server.Operation;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Injects faults into the emulator's responses, per operation name ({@code PutRecords}, {@code
 * GetRecords}, ... as in {@code Operation}, case-insensitive) or {@code "*"} for every operation:
 * an error rate with a DataHub error code, an added latency, and a rate of dropped connections (the
 * socket is closed without a response). A rule for a named operation takes precedence over {@code
 * "*"}.
 *
 * <p>Random decisions come from one seeded generator, so a given seed and request sequence give the
 * same faults. Thread-safe; rules can change while the emulator runs.
 *
 * <pre>{@code
 * emulator.faults()
 *         .errorRate("GetRecords", "InternalServerError", 0.5)
 *         .latency("*", Duration.ofMillis(5))
 *         .dropConnections("PutRecordsByShard", 0.1);
 * }</pre>
 */
public final class FaultInjector {

    /** What to do to one request: sleep, then drop the connection or answer an error (or not). */
    public record Fault(Duration latency, boolean dropConnection, String errorCode, int status) {

        /** True when the request must be answered with {@link #errorCode()}. */
        public boolean isError() {
            return errorCode != null;
        }
    }

    private record ErrorRule(String errorCode, int status, double rate) {}

    private static final Fault NONE = new Fault(Duration.ZERO, false, null, 0);

    private final Map<String, ErrorRule> errors = new HashMap<>();
    private final Map<String, Duration> latencies = new HashMap<>();
    private final Map<String, Double> drops = new HashMap<>();
    private Random random = new Random(0);

    /** Fails {@code rate} (0..1) of the requests of {@code operation} with {@code errorCode}. */
    public FaultInjector errorRate(String operation, String errorCode, double rate) {
        Objects.requireNonNull(errorCode, "errorCode");
        return errorRate(operation, errorCode, ErrorCodes.statusOf(errorCode), rate);
    }

    /** As {@link #errorRate(String, String, double)} with an explicit HTTP status (400-599). */
    public synchronized FaultInjector errorRate(
            String operation, String errorCode, int status, double rate) {
        String key = key(operation);
        if (errorCode == null || errorCode.isBlank()) {
            throw new IllegalArgumentException("errorCode must be a DataHub error code");
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "status must be an HTTP error status 400..599, got " + status);
        }
        errors.put(key, new ErrorRule(errorCode, status, checkRate(rate)));
        return this;
    }

    /** Delays every response of {@code operation} by {@code latency} (zero removes it). */
    public synchronized FaultInjector latency(String operation, Duration latency) {
        String key = key(operation);
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, got " + latency);
        }
        latencies.put(key, latency);
        return this;
    }

    /** Closes the connection without a response for {@code rate} (0..1) of the requests. */
    public synchronized FaultInjector dropConnections(String operation, double rate) {
        drops.put(key(operation), checkRate(rate));
        return this;
    }

    /** Reseeds the generator behind every random decision. */
    public synchronized FaultInjector seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Removes every rule (the seed is kept). */
    public synchronized void clear() {
        errors.clear();
        latencies.clear();
        drops.clear();
    }

    /** Decides the fault for one request of {@code operation}. */
    public synchronized Fault decide(String operation) {
        if (errors.isEmpty() && latencies.isEmpty() && drops.isEmpty()) {
            return NONE;
        }
        String key = operation.toLowerCase(Locale.ROOT);
        Duration latency = pick(latencies, key);
        Double drop = pick(drops, key);
        if (drop != null && drop > 0 && random.nextDouble() < drop) {
            return new Fault(latency == null ? Duration.ZERO : latency, true, null, 0);
        }
        ErrorRule error = pick(errors, key);
        if (error != null && error.rate() > 0 && random.nextDouble() < error.rate()) {
            return new Fault(
                    latency == null ? Duration.ZERO : latency,
                    false,
                    error.errorCode(),
                    error.status());
        }
        return latency == null ? NONE : new Fault(latency, false, null, 0);
    }

    private static <T> T pick(Map<String, T> rules, String key) {
        T specific = rules.get(key);
        return specific != null ? specific : rules.get("*");
    }

    private static String key(String operation) {
        if (operation == null) {
            throw new IllegalArgumentException("operation must be an operation name or *");
        }
        String op = operation.trim();
        if (op.equals("*")) {
            return op;
        }
        Operation known = Operation.byName(op);
        if (known == null || known == Operation.Unsupported) {
            throw new IllegalArgumentException(
                    "Unknown operation '"
                            + operation
                            + "'; use * or one of "
                            + Arrays.toString(
                                    Arrays.stream(Operation.values())
                                            .filter(o -> o != Operation.Unsupported)
                                            .toArray()));
        }
        return known.name().toLowerCase(Locale.ROOT);
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
        }
        return rate;
    }
}
