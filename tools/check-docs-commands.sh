#!/usr/bin/env bash
# Runs the cheap commands of README.md and docs/ exactly as documented, so they cannot rot, and
# checks that every relative link in the Markdown files points at an existing file.
#   tools/check-docs-commands.sh            # from the repository root; needs only a JDK 17+
#   MVN_FLAGS=-o tools/check-docs-commands.sh   # offline, with a warm Maven cache
set -euo pipefail
cd "$(dirname "$0")/.."
MVN_FLAGS=${MVN_FLAGS:-}
fail() { echo "FAILED: $*" >&2; exit 1; }
step() { echo; echo "==> $*"; }
log=$(mktemp -d)
emulator_pid=
cleanup() { if [[ -n "$emulator_pid" ]]; then kill "$emulator_pid" 2>/dev/null || true; fi; rm -rf "$log"; }
trap cleanup EXIT

step "README commands are the ones this script runs"
grep -qF './mvnw -Prun-example -pl examples -am verify -DskipTests' README.md || fail "quick start command not in README.md"
grep -qF 'java -jar datahub-emulator/target/datahub-emulator.jar --port 9080' README.md || fail "emulator command not in README.md"

step "Quick start: ./mvnw -Prun-example -pl examples -am verify -DskipTests"
./mvnw -B $MVN_FLAGS -Prun-example -pl examples -am verify -DskipTests > "$log/quickstart.out" 2>&1 \
    || { tail -50 "$log/quickstart.out"; fail "quick start build"; }
grep -q 'The output topic holds exactly the expected window results.' "$log/quickstart.out" \
    || { tail -50 "$log/quickstart.out"; fail "quick start output"; }
grep -E '^(window_start|Records in:)' "$log/quickstart.out"

step "Example flags: ./mvnw -Prun-example -pl examples -am verify -DskipTests -Dexample.args=--help"
./mvnw -B $MVN_FLAGS -Prun-example -pl examples -am verify -DskipTests -Dexample.args=--help > "$log/help.out" 2>&1 \
    || { tail -50 "$log/help.out"; fail "example --help"; }
grep -q -- '--endpoint URL' "$log/help.out" || fail "example --help output"

step "Emulator: ./mvnw -pl datahub-emulator package -DskipTests; java -jar ... --help"
./mvnw -B $MVN_FLAGS -q -pl datahub-emulator package -DskipTests > "$log/emulator-build.out" 2>&1 \
    || { tail -50 "$log/emulator-build.out"; fail "emulator package"; }
java -jar datahub-emulator/target/datahub-emulator.jar --help | grep -q -- '--port PORT' || fail "emulator --help"

step "Emulator: java -jar datahub-emulator/target/datahub-emulator.jar --port 0 prints its ready line"
java -jar datahub-emulator/target/datahub-emulator.jar --port 0 > "$log/emulator.out" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do
    grep -q '^DataHub emulator listening on http://127.0.0.1:' "$log/emulator.out" && break
    sleep 0.2
done
grep '^DataHub emulator listening on http://127.0.0.1:' "$log/emulator.out" || fail "emulator ready line"
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=

step "Relative links in README.md, CONTRIBUTING.md, CHANGELOG.md and docs/*.md resolve"
broken=0
for md in README.md CONTRIBUTING.md CHANGELOG.md docs/*.md; do
    dir=$(dirname "$md")
    while IFS= read -r target; do
        path=${target%%#*}
        [[ -z "$path" || "$path" == http* || "$path" == mailto:* ]] && continue
        if [[ ! -e "$dir/$path" ]]; then echo "  $md -> $target (missing)"; broken=1; fi
    done < <(grep -oE '\]\([^)]+\)' "$md" | sed -E 's/^\]\((.*)\)$/\1/')
done
[[ $broken -eq 0 ]] || fail "broken links"

echo; echo "All documented commands checked."
