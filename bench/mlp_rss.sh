#!/usr/bin/env bash
# Peak resident memory (RSS) of the mlp workload: PyTorch's process and jgrad's, each measured by
# /usr/bin/time -v ("Maximum resident set size"), with the workload's time per iteration beside it.
# jgrad runs once per JVM flag set given as an argument (each one quoted string), e.g.
#   bench/mlp_rss.sh "" "-Xmx128m" "-Xmx64m -XX:+UseSerialGC"
# Default flag sets: the JVM's defaults, then the heap settings BENCHMARKS.md compares.
# Environment: JAVA_HOME, PYTHON (default /usr/bin/python3), JGRAD_THREADS (default unset: the available processors), WORKLOAD (default mlp).
# Needs jgrad-bench/target/benchmarks.jar (mvn -q -pl jgrad-bench -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java="$(command -v java)"; fi
python="${PYTHON:-/usr/bin/python3}"
workload="${WORKLOAD:-mlp}"
export TORCH_THREADS=1
jar=jgrad-bench/target/benchmarks.jar
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
[ -f "$jar" ] || { echo "$jar is missing: mvn -q -pl jgrad-bench -am package -DskipTests" >&2; exit 1; }
if [ $# -eq 0 ]; then
  set -- "" "-Xmx256m" "-Xmx128m" "-Xmx64m" "-Xmx128m -XX:+UseSerialGC" "-Xmx64m -XX:+UseSerialGC"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
measure() {  # label, command...: prints 'label | peak RSS MB | workload line'
  local label="$1"; shift
  /usr/bin/time -v "$@" > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err" >&2; return 1; }
  local kb
  kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/err")"
  printf "%-45s %8.1f MB   %s\n" "$label" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')" "$(grep -P '\tchecksum=' "$tmp/out" | tr '\t' ' ')"
}

echo "workload $workload; java: $("$java" -version 2>&1 | head -1); JGRAD_THREADS=${JGRAD_THREADS:-unset}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-45s %11s   %s\n" "process" "peak RSS" "workload line"
if "$python" -c 'import torch' 2>/dev/null; then
  measure "PyTorch $("$python" -c 'import torch; print(torch.__version__)')" "$python" bench/torch_workloads.py "$workload"
else
  echo "!! PyTorch is MISSING ($python cannot import torch): jgrad only"
fi
for flags in "$@"; do
  # shellcheck disable=SC2086
  measure "jgrad ${flags:-(JVM defaults)}" "$java" --add-modules jdk.incubator.vector $flags -cp "$jar" io.jgrad.bench.Workloads "$workload"
done
