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

package io.github.flinkdatahub.examples.windows;

import java.time.Duration;
import java.util.Locale;

/**
 * The command-line flags of the window examples. Credentials never come from flags: they are read
 * from the environment variables {@code DATAHUB_ACCESS_ID} and {@code DATAHUB_ACCESS_KEY}.
 */
public final class ExampleArgs {

    /** The help text printed by {@code --help}. */
    public static final String USAGE =
            String.join(
                    "\n",
                    "Usage: <example> [options]",
                    "",
                    "Without --endpoint the example starts an embedded DataHub emulator.",
                    "  --endpoint URL          a DataHub endpoint; credentials from the"
                            + " environment",
                    "                          variables DATAHUB_ACCESS_ID and DATAHUB_ACCESS_KEY",
                    "  --project NAME          project (default flink_datahub_example)",
                    "  --input-topic NAME      TUPLE topic of orders (default orders)",
                    "  --output-topic NAME     TUPLE topic of window results (default"
                            + " order_windows)",
                    "  --shards N              shards of topics the example creates (default 2)",
                    "  --records N             sample orders to produce first, 0 = none (default"
                            + " 1000)",
                    "  --window-seconds N      tumbling event-time window (default 10)",
                    "  --delivery GUARANTEE    exactly-once | at-least-once (default exactly-once)",
                    "  --checkpoint-ms N       checkpoint interval (default 1000)",
                    "  --unbounded             keep reading; do not stop at the latest record",
                    "  --no-report             do not read the output topic back after the job",
                    "  --help                  print this help");

    String endpoint;
    String project = "flink_datahub_example";
    String inputTopic = "orders";
    String outputTopic = "order_windows";
    int shards = 2;
    int records = 1000;
    Duration window = Duration.ofSeconds(10);
    boolean exactlyOnce = true;
    long checkpointMillis = 1000;
    boolean unbounded;
    boolean report = true;
    boolean help;

    private ExampleArgs() {}

    /** Parses the flags; a bad flag fails with a message naming it and what it accepts. */
    public static ExampleArgs parse(String... rawArgs) {
        // Maven passes -Dexample.args="--records 100" as one argument (or an empty one).
        String[] args =
                java.util.Arrays.stream(rawArgs)
                        .flatMap(arg -> java.util.Arrays.stream(arg.trim().split("\\s+")))
                        .filter(arg -> !arg.isEmpty())
                        .toArray(String[]::new);
        ExampleArgs a = new ExampleArgs();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help" -> a.help = true;
                case "--unbounded" -> a.unbounded = true;
                case "--no-report" -> a.report = false;
                case "--endpoint" -> a.endpoint = value(args, ++i, flag);
                case "--project" -> a.project = value(args, ++i, flag);
                case "--input-topic" -> a.inputTopic = value(args, ++i, flag);
                case "--output-topic" -> a.outputTopic = value(args, ++i, flag);
                case "--shards" -> a.shards = intValue(args, ++i, flag, 1, 256);
                case "--records" -> a.records = intValue(args, ++i, flag, 0, 10_000_000);
                case "--window-seconds" ->
                        a.window = Duration.ofSeconds(intValue(args, ++i, flag, 1, 86_400));
                case "--checkpoint-ms" ->
                        a.checkpointMillis = intValue(args, ++i, flag, 10, 3_600_000);
                case "--delivery" -> {
                    String v = value(args, ++i, flag).toLowerCase(Locale.ROOT);
                    if (!v.equals("exactly-once") && !v.equals("at-least-once")) {
                        throw new IllegalArgumentException(
                                "--delivery must be exactly-once or at-least-once, got " + v);
                    }
                    a.exactlyOnce = v.equals("exactly-once");
                }
                default ->
                        throw new IllegalArgumentException(
                                "Unknown flag " + flag + "; see --help for the flags");
            }
        }
        return a;
    }

    /** The endpoint given with {@code --endpoint}, or null for the embedded emulator. */
    public String endpoint() {
        return endpoint;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value; see --help");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String flag, int min, int max) {
        String v = value(args, i, flag);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + " must be an integer from " + min + " to " + max + ", got " + v, e);
        }
    }
}
