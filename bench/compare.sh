#!/usr/bin/env bash
# Compares jgrad with PyTorch on the seven reference workloads of bench/torch_workloads.py and on
# 1024x1024 float32 GEMM throughput. See BENCHMARKS.md for results and how to read them.
#
# Usage: bench/compare.sh [-r ROUNDS] [-w "name name ..."] [--no-build] [--no-gemm]
#   -r ROUNDS     rounds (default 5); each round runs PyTorch's file, then jgrad's Workloads (the
#                 order alternates from round to round), and the table shows the median over rounds
#                 of each program's per-round median
#   -w NAMES      only these workloads (default: all seven, in the Python file's order)
#   --no-build    use jgrad-bench/target/benchmarks.jar as it is
#   --no-gemm     skip the GEMM GFLOPS line
# Environment:
#   JAVA_HOME      the JDK that builds and runs jgrad (default: java on PATH)
#   PYTHON         the Python with PyTorch (default /usr/bin/python3, Debian's, with python3-torch = 1.13)
#   JGRAD_THREADS  jgrad's threads (default: unset, jgrad's own default, the available processors; PyTorch's
#                  TORCH_THREADS=1 still runs its GEMMs on OpenBLAS threads, one per core, see BENCHMARKS.md)
#   JGRAD_JVM_OPTS extra JVM flags for jgrad (default none; --add-modules jdk.incubator.vector is always given)
#   OUT_DIR        where the raw outputs and the table go (default bench/out/<date>-jdk<version>)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5
names=""
build=1
gemm=1
while [ $# -gt 0 ]; do
  case "$1" in
    -r) rounds="$2"; shift 2 ;;
    -w) names="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-gemm) gemm=0; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see $0 --help)" >&2; exit 2 ;;
  esac
done

if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java="$(command -v java)"; fi
python="${PYTHON:-/usr/bin/python3}"
export TORCH_THREADS=1
jvm_opts=(--add-modules jdk.incubator.vector ${JGRAD_JVM_OPTS:-})
jar=jgrad-bench/target/benchmarks.jar
java_version="$("$java" -version 2>&1 | head -1)"
java_major="$("$java" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ {gsub(/ /, "", $2); print $2}')"
out="${OUT_DIR:-bench/out/$(date +%Y%m%d-%H%M%S)-jdk$java_major}"
mkdir -p "$out"

echo "== jgrad vs PyTorch: $rounds rounds, results in $out"
echo "java: $java ($java_version)"
echo "jgrad: JGRAD_THREADS=${JGRAD_THREADS:-unset (available processors: $(nproc))}, JVM flags: ${jvm_opts[*]}"

torch_ok=1
if [ ! -x "$python" ]; then
  torch_ok=0; why="$python not found"
elif ! torch_version="$("$python" -c 'import torch; print(torch.__version__)' 2>/dev/null)"; then
  torch_ok=0; why="$python cannot import torch"
fi
if [ "$torch_ok" = 1 ]; then
  echo "pytorch: $torch_version via $python, TORCH_THREADS=1"
else
  echo
  echo "!! PyTorch is MISSING: $why."
  echo "!! Only jgrad is measured; the PyTorch columns read 'missing'. On Debian: apt-get install python3-torch"
  echo
fi

if [ "$build" = 1 ]; then
  echo "== building jgrad-bench (mvn -q -pl jgrad-bench -am package -DskipTests)"
  mvn -q -pl jgrad-bench -am package -DskipTests
fi
[ -f "$jar" ] || { echo "$jar is missing: run without --no-build" >&2; exit 1; }

# One output line 'name\t12.3 us/iter\tchecksum=1.2345' -> 'round\tname\tus\tchecksum'.
collect() { awk -F'\t' -v r="$1" 'NF == 3 && $2 ~ / us\/iter$/ { split($2, t, " "); c = $3; sub(/^checksum=/, "", c); print r "\t" $1 "\t" t[1] "\t" c }'; }

run_torch() {
  # shellcheck disable=SC2086
  "$python" bench/torch_workloads.py $names > "$out/torch-round$1.txt"
  collect "$1" < "$out/torch-round$1.txt" >> "$out/torch.tsv"
}
run_jgrad() {
  # shellcheck disable=SC2086
  "$java" "${jvm_opts[@]}" -cp "$jar" io.jgrad.bench.Workloads $names > "$out/jgrad-round$1.txt" 2> "$out/jgrad-round$1.err"
  collect "$1" < "$out/jgrad-round$1.txt" >> "$out/jgrad.tsv"
}

: > "$out/torch.tsv"; : > "$out/jgrad.tsv"; : > "$out/gemm.tsv"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then order="torch jgrad"; else order="jgrad torch"; fi
  for who in $order; do
    if [ "$who" = torch ] && [ "$torch_ok" = 0 ]; then continue; fi
    start=$(date +%s)
    "run_$who" "$r"
    echo "round $r/$rounds: $who done in $(( $(date +%s) - start )) s"
  done
  if [ "$gemm" = 1 ]; then
    if [ "$torch_ok" = 1 ]; then
      "$python" bench/torch_gemm.py | awk -F'\t' -v r="$r" '{ split($2, g, " "); print r "\ttorch\t" g[1] }' >> "$out/gemm.tsv"
    fi
    "$java" "${jvm_opts[@]}" -cp "$jar" io.jgrad.bench.GemmFlops 2>/dev/null \
      | awk -F'\t' -v r="$r" '{ split($2, g, " "); print r "\tjgrad\t" g[1] }' >> "$out/gemm.tsv"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"

# The table: medians over rounds, ratio jgrad/PyTorch, the target ratio, pass/fail, checksums.
awk -F'\t' -v torch_ok="$torch_ok" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  BEGIN {
    split("scalar_graph logistic tiny_model mlp gemm elementwise hvp", order, " ")
    target["scalar_graph"] = 0.03; target["logistic"] = 0.10; target["hvp"] = 0.20; target["tiny_model"] = 0.60
    target["elementwise"] = 1.0; target["mlp"] = 1.0; target["gemm"] = 1.3
  }
  FILENAME ~ /torch.tsv$/ { tt[$2] = tt[$2] " " $3; tc[$2] = $4; next }
  FILENAME ~ /jgrad.tsv$/ { jt[$2] = jt[$2] " " $3; jc[$2] = $4; next }
  FILENAME ~ /gemm.tsv$/  { g[$2] = g[$2] " " $3; next }
  END {
    printf "%-13s %16s %16s %10s %8s %6s  %s\n", "workload", "PyTorch us/iter", "jgrad us/iter", "jgrad/PT", "target", "result", "checksums (PyTorch / jgrad)"
    pass = 0; fail = 0
    for (i = 1; i <= 7; i++) {
      w = order[i]
      if (!(w in jt)) continue
      jm = median(jt[w])
      if (torch_ok == 1 && (w in tt)) {
        tm = median(tt[w]); ratio = jm / tm
        res = ratio <= target[w] ? "PASS" : "FAIL"; if (res == "PASS") pass++; else fail++
        same = tc[w] == jc[w] ? "same" : "differ"
        printf "%-13s %16.1f %16.1f %10.3f %8s %6s  %s / %s (%s)\n", w, tm, jm, ratio, "<= " target[w], res, tc[w], jc[w], same
      } else {
        printf "%-13s %16s %16.1f %10s %8s %6s  - / %s\n", w, "missing", jm, "n/a", "<= " target[w], "n/a", jc[w]
      }
    }
    if (torch_ok == 1) printf "targets met: %d of %d\n", pass, pass + fail
    if ("jgrad" in g) {
      printf "\n1024x1024 float32 GEMM (torch.mm / jgrad mm, no grad, median): PyTorch %s GFLOPS, jgrad %.1f GFLOPS\n",
        (torch_ok == 1 && ("torch" in g)) ? sprintf("%.1f", median(g["torch"])) : "missing", median(g["jgrad"])
    }
  }' "$out/torch.tsv" "$out/jgrad.tsv" "$out/gemm.tsv" | tee "$out/table.txt"
echo "(medians over $rounds rounds; raw outputs in $out)"
