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

package io.github.flinkdatahub.connector.client;

import io.github.flinkdatahub.connector.testutils.PeakHeap;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Throughput of the DataHub client: the record codecs alone ({@link CodecBenchmark}) and whole
 * calls against an embedded in-memory emulator ({@link EndToEndBenchmark}). Not a test: it prints
 * tables of medians and asserts nothing about timing. It lives in the client package because the
 * codecs are package-private.
 *
 * <p>Run from the repository root: {@code ./mvnw -pl flink-connector-datahub -am -Pbenchmark
 * test-compile exec:java@client-benchmark -DskipTests}. Sizes via system properties, see {@link
 * Options#fromSystemProperties()} and {@code docs/client.md}.
 */
public final class ClientBenchmark {

    private ClientBenchmark() {}

    /** Benchmark sizes, read from {@code bench.*} system properties. */
    record Options(
            Set<String> parts,
            int recordBytes,
            int batch,
            int codecRecords,
            int codecWarmupRounds,
            int codecRounds,
            List<EndToEndBenchmark.Mode> modes,
            int[] shards,
            int records,
            int threads,
            int warmupRecords,
            int rounds,
            List<SdkComparisonBenchmark.Mode> sdkModes,
            int[] sdkShards,
            int asyncShards) {

        static Options fromSystemProperties() {
            Options options =
                    new Options(
                            Set.copyOf(list("bench.parts", "codec,e2e,sdk,async")),
                            integer("bench.recordBytes", 1024),
                            integer("bench.batch", 1000),
                            integer("bench.codecRecords", 50_000),
                            integer("bench.codecWarmupRounds", 5),
                            integer("bench.codecRounds", 5),
                            list("bench.modes", "PROTOBUF_LZ4,JSON").stream()
                                    .map(Options::mode)
                                    .collect(Collectors.toList()),
                            list("bench.shards", "1,4,16").stream()
                                    .mapToInt(Integer::parseInt)
                                    .toArray(),
                            integer("bench.records", 50_000),
                            integer("bench.threads", 4),
                            integer("bench.warmupRecords", 50_000),
                            integer("bench.rounds", 3),
                            list("bench.sdkModes", "PROTOBUF_LZ4,PROTOBUF,JSON").stream()
                                    .map(SdkComparisonBenchmark.Mode::valueOf)
                                    .collect(Collectors.toList()),
                            list("bench.sdkShards", "1,4").stream()
                                    .mapToInt(Integer::parseInt)
                                    .toArray(),
                            integer("bench.asyncShards", 4));
            options.validate();
            return options;
        }

        private void validate() {
            if (!Set.of("codec", "e2e", "sdk", "async").containsAll(parts)) {
                throw new IllegalArgumentException(
                        "bench.parts must be a list of codec, e2e, sdk and async but was " + parts);
            }
            if (batch < 1 || batch > 1000) {
                throw new IllegalArgumentException("bench.batch must be 1..1000 but was " + batch);
            }
            if (codecRounds < 1 || rounds < 1 || threads < 1) {
                throw new IllegalArgumentException(
                        "bench.codecRounds, bench.rounds and bench.threads must be at least 1");
            }
            if (modes.isEmpty() || shards.length == 0) {
                throw new IllegalArgumentException(
                        "bench.modes and bench.shards must not be empty");
            }
            if (recordBytes < 96) {
                throw new IllegalArgumentException(
                        "bench.recordBytes must be at least 96 but was " + recordBytes);
            }
        }

        private static EndToEndBenchmark.Mode mode(String name) {
            try {
                return EndToEndBenchmark.Mode.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "bench.modes must list "
                                + Arrays.toString(EndToEndBenchmark.Mode.values())
                                + " but contains "
                                + name,
                        e);
            }
        }

        /** A whole number; an unset or empty property (Maven's default) is the default. */
        private static int integer(String property, int defaultValue) {
            String value = System.getProperty(property, "").trim();
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                return Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        property + " must be a whole number but was '" + value + "'", e);
            }
        }

        /** A comma-separated list; an unset or empty property (Maven's default) is the default. */
        private static List<String> list(String property, String defaultValue) {
            String value = System.getProperty(property, "");
            return Arrays.stream((value.isBlank() ? defaultValue : value).split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toList());
        }
    }

    /** Runs the benchmark and prints its peak heap. */
    public static void main(String[] args) throws Exception {
        PeakHeap.reset();
        runBenchmark(args);
        PeakHeap.print();
    }

    private static void runBenchmark(String[] args) throws Exception {
        // The SDK's protobuf classes are old gencode; protobuf warns about each one otherwise.
        System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
        Options options = Options.fromSystemProperties();
        System.out.printf(
                Locale.ROOT,
                "DataHub client benchmark: ~%d-byte six-field tuple records, %d per request;"
                        + " JVM %s, %d cpus, LZ4 codec %s, load average %.1f%n",
                options.recordBytes(),
                options.batch(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Lz4Codec.INSTANCE.name,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        List<CodecBenchmark.Row> codec = List.of();
        List<EndToEndBenchmark.Row> endToEnd = List.of();
        if (options.parts().contains("codec")) {
            System.out.printf(
                    Locale.ROOT,
                    "Codecs, one thread, %d records per round, median of %d rounds after %d"
                            + " warm-up rounds:%n",
                    options.codecRecords(),
                    options.codecRounds(),
                    options.codecWarmupRounds());
            codec = new CodecBenchmark(options).run();
        }
        if (options.parts().contains("e2e")) {
            System.out.printf(
                    Locale.ROOT,
                    "Client against an embedded in-memory emulator, %d writer threads, %d records"
                            + " per round, median of %d rounds after a %d-record warm-up:%n",
                    options.threads(),
                    options.records(),
                    options.rounds(),
                    options.warmupRecords());
            endToEnd = new EndToEndBenchmark(options).run();
        }
        List<SdkComparisonBenchmark.Cell> sdk = List.of();
        if (options.parts().contains("sdk")) {
            System.out.printf(
                    Locale.ROOT,
                    "Ours vs the official SDK, one emulator, one thread per shard, %d records"
                            + " per cell, median of %d rounds (alternating which goes first):%n",
                    options.records(),
                    options.rounds());
            sdk = new SdkComparisonBenchmark(options).run();
        }
        List<AsyncBenchmark.Row> async = List.of();
        if (options.parts().contains("async")) {
            async = new AsyncBenchmark(options).run();
        }
        if (!codec.isEmpty()) {
            CodecBenchmark.printTable(codec);
        }
        if (!endToEnd.isEmpty()) {
            EndToEndBenchmark.printTable(endToEnd);
        }
        if (!sdk.isEmpty()) {
            SdkComparisonBenchmark.printTable(sdk);
        }
        if (!async.isEmpty()) {
            AsyncBenchmark.printTable(options.asyncShards(), async);
        }
    }
}
