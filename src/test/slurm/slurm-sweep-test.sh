#!/usr/bin/env bash
# Integration test of `mixrl sweep slurm` on a real single-node Slurm (start-slurm.sh).
#  1. a small sweep through a job array: every run done, collect sees them all, and one run's
#     metrics.csv equals a direct `mixrl train` of the same config (wall_time aside);
#  2. an array task killed mid-run (scancel): resubmitting finishes the sweep, the killed run
#     resumed from its checkpoint, and its metrics equal an uninterrupted direct train.
# Prints "N passed, M failed" and exits non-zero on any failure. Run as root from anywhere.
set -uo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
mixrl="$root/mixrl"
passed=0
failed=0
t0=$SECONDS

ok() { echo "PASS: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
  echo "slurm sweep test: $passed passed, $failed failed ($((SECONDS - t0)) s)"
  [[ $failed -eq 0 ]]
  exit $?
}

# Builds the jar once, up front, so no array task ever triggers a build.
"$mixrl" --version >/dev/null || { bad "mixrl does not build"; finish; }
bash "$root/src/test/slurm/start-slurm.sh" || { bad "Slurm did not start (logs above)"; finish; }

work="$(mktemp -d /tmp/mixrl-slurm-it.XXXXXX)"
echo "[slurm-it] working in $work"
common='"env": "Pendulum-v1", "learning-starts": 100, "batch-size": 32, "hidden": [16, 16],
        "eval-episodes": 1, "eval-every": 100, "checkpoint-every": 100'

# Waits until Slurm job $1 has left the queue (at most $2 seconds); squeue only, no sacct.
wait_job() {
  local job="$1" limit="$2" start=$SECONDS
  while [[ -n "$(squeue -h -j "$job" 2>/dev/null)" ]]; do
    if (( SECONDS - start > limit )); then
      echo "[slurm-it] job $job still queued after ${limit}s:"; squeue -j "$job"
      scancel "$job"
      return 1
    fi
    sleep 2
  done
}

# The train command line of a planned run (its options), for a direct run into $2.
direct_train() {
  local run_dir="$1" out="$2"
  local args
  args="$(sed -n '/"options"/,/}/p' "$run_dir/config.json" | grep -v '"options"\|^ *}' \
    | sed -E 's/^ *"([^"]+)": *(.*[^,]),?$/--\1 \2/; s/,$//; s/"//g; s/\[([^]]*)\]/\1/; s/, /,/g')"
  # shellcheck disable=SC2086 # word splitting of the option list is intended
  "$mixrl" train $args --no-progress --out "$out" >/dev/null
}

# metrics.csv without the wall_time column (the only one allowed to differ).
strip_wall() {
  local col
  col="$(head -n 1 "$1" | tr ',' '\n' | grep -n '^wall_time$' | cut -d: -f1)"
  cut -d, -f"$col" --complement "$1"
}

# ---------------------------------------------------------------- test 1: a sweep on an array
cat > "$work/spec1.json" <<SPEC
{"command": "train",
 "base": {$common, "steps": 400},
 "grid": {"policy": ["sg", "sgm"], "estimator": ["rp", "mrp"], "seed": [1, 2]}}
SPEC
s1="$work/sweep1"
plan="$("$mixrl" sweep plan "$work/spec1.json" --out "$s1")"
echo "$plan" | tail -n 1
if echo "$plan" | grep -q "4 runs added, 0 already planned, 4 invalid"; then
  ok "plan: 4 runs, 4 invalid combinations skipped"
else
  bad "plan: expected 4 runs and 4 skipped, got: $(echo "$plan" | tail -n 1)"
fi
job1="$("$mixrl" sweep slurm "$s1" --max-parallel 2 --time 00:10:00 --job-name mixrl-it1)"
echo "[slurm-it] submitted array $job1"
if [[ "$job1" =~ ^[0-9]+$ ]] && wait_job "$job1" 300; then
  ok "array $job1 ran to the end"
else
  bad "array $job1 did not finish (submit output: $job1)"
fi
status="$("$mixrl" sweep status "$s1")"
echo "$status"
if echo "$status" | grep -q "^4 runs: 0 pending, 0 running, 4 done, 0 failed"; then
  ok "status: 4 done"
else
  bad "status after the array: $status"
  tail -n 30 "$s1"/slurm/logs/* "$s1"/runs/*/attempt.log 2>/dev/null
fi
collect="$("$mixrl" sweep collect "$s1")"
echo "$collect"
if echo "$collect" | grep -q "4 of 4 runs done, 2 groups" \
    && [[ $(grep -c ',done,' "$s1/collect/runs.csv") -eq 4 ]] \
    && [[ -s "$s1/collect/learning-curves.png" && -s "$s1/collect/final-return.png" ]]; then
  ok "collect: 4 done runs, 2 groups, figures written"
else
  bad "collect did not see every run done"
fi
r1="$(ls -d "$s1"/runs/Pendulum-v1_sg_rp_s1_* | head -n 1)"
direct_train "$r1" "$work/direct1"
if [[ -f "$work/direct1/metrics.csv" ]] \
    && diff <(strip_wall "$r1/out/metrics.csv") <(strip_wall "$work/direct1/metrics.csv") >/dev/null; then
  ok "run $(basename "$r1") on Slurm equals a direct mixrl train ($(wc -l < "$r1/out/metrics.csv") lines)"
else
  bad "run $(basename "$r1") differs from a direct mixrl train"
  diff <(strip_wall "$r1/out/metrics.csv") <(strip_wall "$work/direct1/metrics.csv") | head -n 10
fi

# ------------------------------------------------ test 2: a task killed mid-run, resubmitted
cat > "$work/spec2.json" <<SPEC
{"command": "train",
 "base": {$common, "steps": 1500, "policy": "sgm", "components": 2, "estimator": "mrp"},
 "grid": {"seed": [1, 2]}}
SPEC
s2="$work/sweep2"
"$mixrl" sweep plan "$work/spec2.json" --out "$s2" | tail -n 1
job2="$("$mixrl" sweep slurm "$s2" --time 00:10:00 --job-name mixrl-it2)"
echo "[slurm-it] submitted array $job2"
list2="$(ls "$s2"/slurm/*.runs | head -n 1)"
victim="$(sed -n 1p "$list2")"
# kill task 0 once its run has checkpointed at least twice (so there is something to resume)
start=$SECONDS
killed=""
while (( SECONDS - start < 180 )); do
  rows=$(grep -c '^eval_deterministic' "$s2/runs/$victim/out/metrics.csv" 2>/dev/null || true)
  if [[ -f "$s2/runs/$victim/out/checkpoint.bin" && ${rows:-0} -ge 3 ]]; then
    scancel "${job2}_0" && killed=yes
    break
  fi
  sleep 0.5
done
wait_job "$job2" 300
status="$("$mixrl" sweep status "$s2")"
echo "$status"
if [[ -n "$killed" ]] && [[ ! -f "$s2/runs/$victim/done.json" ]] \
    && echo "$status" | grep -q "^2 runs: 1 pending, 0 running, 1 done, 0 failed" \
    && echo "$status" | grep -q "pending  $victim (resumable)"; then
  ok "scancel ${job2}_0 left $victim unfinished and resumable, the other run done"
else
  bad "killing task ${job2}_0 (killed=${killed:-no}) did not leave the expected state"
fi
job3="$("$mixrl" sweep slurm "$s2" --time 00:10:00 --job-name mixrl-it3)"
echo "[slurm-it] resubmitted: array $job3 ($(grep -o 'array=[^ ]*' "$(ls -t "$s2"/slurm/*.sbatch | head -n 1)"))"
wait_job "$job3" 300
status="$("$mixrl" sweep status "$s2")"
if echo "$status" | grep -q "^2 runs: 0 pending, 0 running, 2 done, 0 failed" \
    && grep -q " resume$" "$s2/runs/$victim/attempts.log"; then
  ok "resubmitted array $job3 finished the sweep; $victim resumed from its checkpoint"
else
  bad "resubmission did not finish by resuming: $status"
  cat "$s2/runs/$victim/attempts.log" "$s2/runs/$victim/attempt.log" 2>/dev/null | tail -n 20
fi
direct_train "$s2/runs/$victim" "$work/direct2"
if [[ -f "$work/direct2/metrics.csv" ]] && diff <(strip_wall "$s2/runs/$victim/out/metrics.csv") \
    <(strip_wall "$work/direct2/metrics.csv") >/dev/null; then
  ok "killed-and-resumed run equals an uninterrupted direct mixrl train"
else
  bad "killed-and-resumed run differs from an uninterrupted direct mixrl train"
  diff <(strip_wall "$s2/runs/$victim/out/metrics.csv") <(strip_wall "$work/direct2/metrics.csv") | head -n 10
fi

# a run that is done is skipped by a task, and submitting a finished sweep submits nothing
again="$("$mixrl" sweep task "$s2" --list "$list2" --index 0)"
if echo "$again" | grep -q "already done" \
    && "$mixrl" sweep slurm "$s2" | grep -q "nothing to submit"; then
  ok "a task for a done run skips it; a finished sweep submits nothing"
else
  bad "a done run was not skipped: $again"
fi

[[ $failed -eq 0 ]] && rm -rf "$work"
finish
