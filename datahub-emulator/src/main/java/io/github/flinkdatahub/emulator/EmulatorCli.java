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

import io.github.flinkdatahub.emulator.engine.FsyncPolicy;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line parsing of {@link EmulatorMain}: turns the flags into a configured {@link
 * DataHubEmulator.Builder} plus fault rules. Every error names the flag and what it accepts.
 */
final class EmulatorCli {

    /** The default port of the standalone emulator. */
    static final int DEFAULT_PORT = 9080;

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: java -jar datahub-emulator.jar [options]",
                    "",
                    "A DataHub-compatible local server. Options:",
                    "  --host HOST                     address to bind (default 127.0.0.1)",
                    "  --port PORT                     port to bind, 0 = a free port (default "
                            + DEFAULT_PORT
                            + ")",
                    "  --data-dir DIR                  keep data durably in DIR (default: in"
                            + " memory)",
                    "  --fsync always|interval|none    journal fsync policy with --data-dir"
                            + " (default always)",
                    "  --access-id ID                  turn signature checking on (needs"
                            + " --access-key)",
                    "  --access-key SECRET             the AccessKey secret for --access-id",
                    "  --shard-list-interval-ms MS     ListShard Interval reported to clients"
                            + " (default 300000)",
                    "  --write-qps N                   write requests/s per shard, 0 = unlimited"
                            + " (default 0)",
                    "  --write-bytes-per-second N      written bytes/s per shard, 0 = unlimited"
                            + " (default 0)",
                    "  --read-qps N                    GetRecords requests/s per shard, 0 ="
                            + " unlimited (default 0)",
                    "  --fault OP:ERRORCODE:RATE       fail RATE (0..1) of OP's requests with"
                            + " ERRORCODE;",
                    "                                  OP:ERRORCODE:STATUS:RATE sets the HTTP"
                            + " status too; repeatable",
                    "  --latency OP:MILLIS             delay OP's responses; repeatable",
                    "  --drop-connections OP:RATE      close RATE of OP's connections without a"
                            + " response; repeatable",
                    "  --fault-seed N                  seed of the fault decisions (default 0)",
                    "  --help                          print this help",
                    "",
                    "OP is an operation name such as PutRecords, PutRecordsByShard, GetRecords,",
                    "GetCursor, ListShard, or * for all. When ready the emulator prints",
                    "'DataHub emulator listening on http://HOST:PORT'.");

    /** Every flag that takes a value (all but --help). */
    private static final Set<String> VALUE_FLAGS =
            Set.of(
                    "--host",
                    "--port",
                    "--data-dir",
                    "--fsync",
                    "--access-id",
                    "--access-key",
                    "--shard-list-interval-ms",
                    "--write-qps",
                    "--write-bytes-per-second",
                    "--read-qps",
                    "--fault",
                    "--latency",
                    "--drop-connections",
                    "--fault-seed");

    /** The line printed to stderr when the emulator has stopped. */
    static final String STOPPED = "DataHub emulator stopped";

    /** A command-line error; {@link EmulatorMain} prints it and exits with status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    record Parsed(
            boolean help, DataHubEmulator.Builder builder, List<FaultRule> faults, long seed) {

        /** Applies the fault flags to a started emulator. */
        void applyFaults(FaultInjector injector) {
            injector.seed(seed);
            faults.forEach(f -> f.apply(injector));
        }
    }

    /** One fault flag. */
    interface FaultRule {
        void apply(FaultInjector injector);
    }

    private EmulatorCli() {}

    static Parsed parse(String[] args) throws UsageException {
        DataHubEmulator.Builder b = DataHubEmulator.builder().port(DEFAULT_PORT);
        List<FaultRule> faults = new ArrayList<>();
        FaultInjector validator = new FaultInjector();
        String accessId = null;
        String accessKey = null;
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                return new Parsed(true, b, faults, seed);
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "'; see --help");
            }
            if (!VALUE_FLAGS.contains(flag)) {
                throw new UsageException(
                        "Unknown option " + flag + "; run with --help to list the options");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(flag + " needs a value; see --help");
                }
                value = args[++i];
            }
            switch (flag) {
                case "--host":
                    b.host(value);
                    break;
                case "--port":
                    b.port(intIn(flag, value, 0, 65535));
                    break;
                case "--data-dir":
                    b.dataDir(Path.of(value));
                    break;
                case "--fsync":
                    b.fsyncPolicy(fsync(flag, value));
                    break;
                case "--access-id":
                    accessId = value;
                    break;
                case "--access-key":
                    accessKey = value;
                    break;
                case "--shard-list-interval-ms":
                    b.shardListInterval(Duration.ofMillis(longIn(flag, value, 1, Long.MAX_VALUE)));
                    break;
                case "--write-qps":
                    b.perShardWriteQps(longIn(flag, value, 0, Long.MAX_VALUE));
                    break;
                case "--write-bytes-per-second":
                    b.perShardWriteBytesPerSecond(longIn(flag, value, 0, Long.MAX_VALUE));
                    break;
                case "--read-qps":
                    b.perShardReadQps(longIn(flag, value, 0, Long.MAX_VALUE));
                    break;
                case "--fault":
                    faults.add(checked(flag, value, fault(flag, value), validator));
                    break;
                case "--latency":
                    faults.add(checked(flag, value, latency(flag, value), validator));
                    break;
                case "--drop-connections":
                    faults.add(checked(flag, value, drop(flag, value), validator));
                    break;
                case "--fault-seed":
                    seed = longIn(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    break;
                default:
                    throw new IllegalStateException(
                            "VALUE_FLAGS lists " + flag + " but parse misses it");
            }
        }
        if ((accessId == null) != (accessKey == null)) {
            throw new UsageException(
                    "--access-id and --access-key must be given together (or neither)");
        }
        if (accessId != null) {
            if (accessId.isEmpty() || accessKey.isEmpty()) {
                throw new UsageException("--access-id and --access-key must not be empty");
            }
            b.credentials(accessId, accessKey);
        }
        try {
            b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Parsed(false, b, faults, seed);
    }

    /**
     * The lines to print when the emulator cannot start: the failure and its distinct causes (a
     * cause whose message an earlier line already shows is not repeated), and for a port in use a
     * hint to choose another {@code --port} or {@code --port 0}.
     */
    static List<String> startFailure(Throwable failure) {
        List<String> lines = new ArrayList<>();
        boolean portInUse = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            portInUse |= t instanceof BindException;
            String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
            if (lines.stream().noneMatch(l -> l.contains(message))) {
                lines.add(lines.isEmpty() ? message : "  caused by: " + message);
            }
        }
        if (portInUse) {
            lines.add(
                    "  the address is already in use (another process listens on that port):"
                            + " choose another --port, or --port 0 for a free one");
        }
        return lines;
    }

    private static FaultRule fault(String flag, String value) throws UsageException {
        String[] p = value.split(":", -1);
        if (p.length == 3) {
            double rate = rate(flag, p[2]);
            return f -> f.errorRate(p[0], p[1], rate);
        }
        if (p.length == 4) {
            int status = intIn(flag + " status", p[2], 400, 599);
            double rate = rate(flag, p[3]);
            return f -> f.errorRate(p[0], p[1], status, rate);
        }
        throw new UsageException(
                flag + " takes OP:ERRORCODE:RATE or OP:ERRORCODE:STATUS:RATE, got '" + value + "'");
    }

    private static FaultRule latency(String flag, String value) throws UsageException {
        String[] p = value.split(":", -1);
        if (p.length != 2) {
            throw new UsageException(flag + " takes OP:MILLIS, got '" + value + "'");
        }
        long ms = longIn(flag, p[1], 0, Long.MAX_VALUE);
        return f -> f.latency(p[0], Duration.ofMillis(ms));
    }

    private static FaultRule drop(String flag, String value) throws UsageException {
        String[] p = value.split(":", -1);
        if (p.length != 2) {
            throw new UsageException(flag + " takes OP:RATE, got '" + value + "'");
        }
        double rate = rate(flag, p[1]);
        return f -> f.dropConnections(p[0], rate);
    }

    /** Applies the rule to a scratch injector so bad operation names fail at parse time. */
    private static FaultRule checked(
            String flag, String value, FaultRule rule, FaultInjector validator)
            throws UsageException {
        try {
            rule.apply(validator);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " " + value + ": " + e.getMessage());
        }
        return rule;
    }

    private static FsyncPolicy fsync(String flag, String value) throws UsageException {
        try {
            return FsyncPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    flag + " must be always, interval or none, got '" + value + "'");
        }
    }

    private static double rate(String flag, String value) throws UsageException {
        try {
            double r = Double.parseDouble(value);
            if (r >= 0 && r <= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " rate must be a number from 0 to 1, got '" + value + "'");
    }

    private static int intIn(String flag, String value, int min, int max) throws UsageException {
        return (int) longIn(flag, value, min, max);
    }

    private static long longIn(String flag, String value, long min, long max)
            throws UsageException {
        try {
            long v = Long.parseLong(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                flag
                        + " must be an integer"
                        + (min == Long.MIN_VALUE ? "" : " from " + min)
                        + (max == Long.MAX_VALUE ? "" : " to " + max)
                        + ", got '"
                        + value
                        + "'");
    }
}
