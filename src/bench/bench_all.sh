#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md in turn and writes one file per command into
# OUT_DIR (default: bench-results-<time>). Run it from the repository root on a quiet machine:
# the tables in docs/benchmarks.md come from one run of this script.
# Needs: python3-torch (apt-get install python3-torch) for the PyTorch side, and for the
# OpenBLAS columns libopenblas0-pthread unpacked into /tmp/openblas (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-bench-results-$(date -u +%Y%m%dT%H%M)}"
mkdir -p "$out"
ob=/tmp/openblas/root/usr/lib/x86_64-linux-gnu/openblas-pthread
j25=/usr/lib/jvm/temurin-25-jdk-amd64
uptime > "$out/uptime-start.txt"
./mixrl bench sac --threads 1,2 > "$out/java17-sac.txt"
./mixrl bench mlp --threads 1,2 > "$out/java17-mlp.txt"
./mixrl bench matmul --threads 1,2 > "$out/java17-matmul.txt"
./mixrl bench act > "$out/java17-act.txt"
if [[ -x "$j25/bin/java" ]]; then
  JAVA_HOME=$j25 ./mixrl bench sac --threads 1,2 > "$out/java25-sac.txt"
  JAVA_HOME=$j25 ./mixrl bench mlp --threads 1,2 > "$out/java25-mlp.txt"
  JAVA_HOME=$j25 ./mixrl bench matmul --threads 1,2 > "$out/java25-matmul.txt"
  JAVA_HOME=$j25 ./mixrl bench act > "$out/java25-act.txt"
fi
py=src/bench/python
if [[ -d "$ob" ]]; then
  for t in 1 2; do
    LD_LIBRARY_PATH=$ob OPENBLAS_NUM_THREADS=$t /usr/bin/python3 $py/sac_update_bench.py $t 7 > "$out/torch-openblas-sac-$t.txt"
    LD_LIBRARY_PATH=$ob OPENBLAS_NUM_THREADS=$t /usr/bin/python3 $py/mlp_bench.py $t 7 > "$out/torch-openblas-mlp-$t.txt"
    LD_LIBRARY_PATH=$ob OPENBLAS_NUM_THREADS=$t /usr/bin/python3 $py/matmul_bench.py 256,1024 $t 7 > "$out/torch-openblas-matmul-$t.txt"
  done
fi
/usr/bin/python3 $py/sac_update_bench.py 1,2 7 > "$out/torch-refblas-sac.txt"
/usr/bin/python3 $py/mlp_bench.py 1,2 7 > "$out/torch-refblas-mlp.txt"
/usr/bin/python3 $py/matmul_bench.py 256,1024 1,2 7 > "$out/torch-refblas-matmul.txt"
/usr/bin/python3 $py/act_latency_bench.py > "$out/torch-act.txt"
uptime > "$out/uptime-end.txt"
echo "$out"
