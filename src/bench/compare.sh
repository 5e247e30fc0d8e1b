#!/usr/bin/env bash
# Runs mixrl's and PyTorch's side of every workload of issue 11 in one window and prints one
# table: mixrl's time, torch's f64 and f32 times, and mixrl / torch f32. Raw outputs go to
# OUT_DIR (default bench-compare-<time>); the table is also written to OUT_DIR/table.md.
#
#   src/bench/compare.sh [OUT_DIR]          # from anywhere; takes about 6-8 min on 2 idle cores
#   CLOCK=cpu src/bench/compare.sh          # one-thread rows by thread CPU time (busy machine)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 src/bench/compare.sh   # mixrl on JDK 25
#   PRECISION=f32 src/bench/compare.sh      # mixrl's matmul, MLP and SAC rows with f32 products
#                                           # (the estimator row stays f64: it has no f32 path)
#   ROUNDS=3 src/bench/compare.sh           # three alternating passes (mixrl, torch, mixrl, ...)
#                                           # in OUT_DIR/r1..r3; medians of the rounds, and each
#                                           # ratio's per-round range (the window's noise)
#
# Needs python3-torch (installed with apt-get if missing) and OpenBLAS for torch's BLAS
# (libopenblas0-pthread unpacked into /tmp/openblas with apt-get download + dpkg -x, leaving
# the system's BLAS alternatives untouched; see docs/benchmarks.md). Two-thread rows are
# always wall-clock: thread CPU time of the caller does not count the helper thread.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)"
cd "$root"
out="${1:-bench-compare-$(date -u +%Y%m%dT%H%M)}"
mkdir -p "$out"
clock="${CLOCK:-wall}"
case "$clock" in wall|cpu) ;; *) echo "CLOCK must be wall or cpu, got '$clock'" >&2; exit 2;; esac
rounds="${ROUNDS:-1}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2; }
prec="${PRECISION:-f64}"
case "$prec" in f64|f32) ;; *) echo "PRECISION must be f64 or f32, got '$prec'" >&2; exit 2;; esac
py=/usr/bin/python3
pyd="$root/src/bench/python"

if ! "$py" -c 'import torch' 2>/dev/null; then
  echo "compare.sh: installing python3-torch ..." >&2
  apt-get install -y python3-torch >&2
fi
ob=/tmp/openblas/root/usr/lib/x86_64-linux-gnu/openblas-pthread
if [[ ! -d "$ob" ]]; then
  echo "compare.sh: unpacking OpenBLAS into /tmp/openblas ..." >&2
  mkdir -p /tmp/openblas
  (cd /tmp/openblas && apt-get download libopenblas0-pthread >&2 \
    && dpkg -x libopenblas0-pthread_*.deb root)
fi

# the jar, built once (./mixrl rebuilds it when sources changed)
./mixrl --version > "$out/mixrl-version.txt"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
cp="$root/target/mixrl-$version.jar:$root/target/lib/*"
java="java"
[[ -n "${JAVA_HOME:-}" ]] && java="$JAVA_HOME/bin/java"
jrun() { "$java" -cp "$cp" "$@"; }
torch() {  # threads, then the script and its arguments
  local t="$1"; shift
  LD_LIBRARY_PATH="$ob" OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t" \
    BENCH_CLOCK="$([[ $t == 1 ]] && echo "$clock" || echo wall)" "$py" "$@"
}

{ date -u; uptime; "$java" -version 2>&1 | head -n 1; } > "$out/window-start.txt"
cases=sg-rp,sgm-mrp,sgm-lr
for round in $(seq "$rounds"); do
  r="$out"; [[ "$rounds" == 1 ]] || { r="$out/r$round"; mkdir -p "$r"; }
  echo "compare.sh: round $round of $rounds, mixrl side ..." >&2
  jrun org.mixrl.bench.SacUpdateBenchmark 30 100 1 256,256 256 $cases $prec > "$r/mixrl-sac256-t1.txt"
  jrun org.mixrl.bench.SacUpdateBenchmark 30 100 2 256,256 256 $cases $prec > "$r/mixrl-sac256-t2.txt"
  jrun org.mixrl.bench.SacUpdateBenchmark 30 100 1 64,64 256 $cases $prec > "$r/mixrl-sac64-b256-t1.txt"
  jrun org.mixrl.bench.SacUpdateBenchmark 30 100 1 64,64 32 $cases $prec > "$r/mixrl-sac64-b32-t1.txt"
  jrun org.mixrl.bench.MlpBenchmark 30 300 1 $prec > "$r/mixrl-mlp-t1.txt"
  jrun org.mixrl.bench.EstimatorBenchmark 15 0.2 > "$r/mixrl-estimator.txt"
  jrun org.mixrl.bench.MatMulBenchmark 256 1 7 $prec > "$r/mixrl-matmul.txt"
  echo "compare.sh: round $round of $rounds, PyTorch side ..." >&2
  for t in 1 2; do
    torch $t "$pyd/sac_update_bench.py" $t 7 sg-rp,sgm-mrp,sgm-lr 256,256 256 > "$r/torch-sac256-t$t.txt"
  done
  torch 1 "$pyd/sac_update_bench.py" 1 7 sg-rp,sgm-mrp,sgm-lr 64,64 256 > "$r/torch-sac64-b256-t1.txt"
  torch 1 "$pyd/sac_update_bench.py" 1 7 sg-rp,sgm-mrp,sgm-lr 64,64 32 > "$r/torch-sac64-b32-t1.txt"
  torch 1 "$pyd/mlp_bench.py" 1 7 > "$r/torch-mlp-t1.txt"
  torch 1 "$pyd/estimator_bench.py" 1 7 > "$r/torch-estimator.txt"
  torch 1 "$pyd/matmul_bench.py" 256 1 7 > "$r/torch-matmul.txt"
done
{ date -u; uptime; } > "$out/window-end.txt"
"$py" "$pyd/compare_table.py" "$out" "$clock" "$prec" | tee "$out/table.md"
