#!/usr/bin/env bash
# Runs the emulator, client, source and sink benchmarks one after the other and rewrites the
# "Latest run" section of docs/benchmarks.md with their printed figures, the machine and the JDK.
#   tools/run-benchmarks.sh                 # from the repository root
#   MVN_FLAGS=-o tools/run-benchmarks.sh    # offline, with a warm Maven cache
#   BENCH_ARGS="-Dbench.records=20000" tools/run-benchmarks.sh   # a quick smoke run
# Takes several minutes and all cores: run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN_FLAGS=${MVN_FLAGS:-}
# smaller runs for a smoke test, e.g. BENCH_ARGS="-Dbench.records=20000" (passed to every benchmark)
BENCH_ARGS=${BENCH_ARGS:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # name, command...
    local name=$1; shift
    echo "==> $name: $*" >&2
    if "$@" > "$out/$name.log" 2>&1; then echo ok > "$out/$name.rc"; else echo "failed ($?)" > "$out/$name.rc"; fi
    # keep the benchmark's own report: lines that are not Maven's build log
    grep -vE '^\[(INFO|WARNING|ERROR|DEBUG)\]|^Download|^Progress' "$out/$name.log" > "$out/$name.txt" || true
}

run emulator ./mvnw -B $MVN_FLAGS -pl datahub-emulator -Pbenchmark test-compile exec:java $BENCH_ARGS
run client ./mvnw -B $MVN_FLAGS -pl flink-connector-datahub -am -Pbenchmark process-test-classes $BENCH_ARGS
run source ./mvnw -B $MVN_FLAGS -pl flink-connector-datahub -am -Psource-benchmark process-test-classes $BENCH_ARGS
if [[ -f flink-connector-datahub/src/test/java/io/github/flinkdatahub/connector/sink/SinkBenchmark.java ]]; then
    # From the root with the emulator in the reactor: the classpath then names this checkout's
    # emulator classes, not a (possibly stale or missing) snapshot in the local repository.
    ./mvnw -B $MVN_FLAGS -q -pl datahub-emulator,flink-connector-datahub test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test > "$out/sink-build.log" 2>&1
    run sink java -XX:+UseG1GC --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
        $BENCH_ARGS -cp "flink-connector-datahub/target/test-classes:flink-connector-datahub/target/classes:$(cat flink-connector-datahub/target/bench.cp)" \
        io.github.flinkdatahub.connector.sink.SinkBenchmark
else
    echo "SinkBenchmark is not on this branch" > "$out/sink.txt"; echo "not run" > "$out/sink.rc"
fi

{
    echo "## Latest run"
    echo
    echo "Written by \`tools/run-benchmarks.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')${BENCH_ARGS:+, with BENCH_ARGS=\"$BENCH_ARGS\" (a smoke run, smaller than the defaults)}."
    echo
    echo "| machine | |"
    echo "| --- | --- |"
    echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || uname -m), $(nproc) cores |"
    echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null) |"
    echo "| OS | $(uname -sr) |"
    echo "| JDK | $(java -version 2>&1 | head -1) |"
    echo
    echo "Each benchmark prints its own throughput (records/s, MB/s) and, where it has one, its ratio"
    echo "to the plain client loop measured in the same run. Each prints its peak heap (\`peak heap: N MiB\`, the sum of the heap pools' peaks, an upper bound)."
    for name in emulator client source sink; do
        echo
        echo "### $name ($(cat "$out/$name.rc"))"
        echo
        echo '```text'
        tail -60 "$out/$name.txt"
        echo '```'
    done
} > "$out/latest.md"

doc=docs/benchmarks.md
if grep -q '^## Latest run' "$doc"; then
    sed -n '/^## Latest run/q;p' "$doc" > "$out/head.md"
else
    cp "$doc" "$out/head.md"; echo >> "$out/head.md"
fi
cat "$out/head.md" "$out/latest.md" > "$doc"
echo "Wrote $doc" >&2
