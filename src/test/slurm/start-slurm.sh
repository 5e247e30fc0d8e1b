#!/usr/bin/env bash
# Starts a single-node Slurm on this machine for the sweep integration test (root only).
# Installs Debian's slurm-wlm and munge when missing, writes mixrl's own minimal slurm.conf
# (no cgroups, linuxproc process tracking: works inside containers), starts munged, slurmctld
# and slurmd, and waits until sinfo reports the node idle. On failure prints the daemon logs
# and exits non-zero: CI must fail loudly rather than skip the Slurm test.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
conf_dir=/etc/slurm
log_dir=/var/log/mixrl-slurm
mkdir -p "$log_dir"

dump_logs() {
  echo "--- [slurm] daemon logs ($log_dir) ---" >&2
  for f in "$log_dir"/*.log /var/log/munge/munged.log; do
    [[ -f "$f" ]] || continue
    echo "--- $f (last 60 lines)" >&2
    tail -n 60 "$f" >&2 || true
  done
}
fail() {
  echo "[slurm] FAILED: $*" >&2
  dump_logs
  exit 1
}

if [[ $(id -u) -ne 0 ]]; then
  fail "must run as root (starts daemons, writes $conf_dir)"
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
    || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  echo "[slurm] installing slurm-wlm and munge"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

host="$(hostname -s)"
# RealMemory in MB, a little under the machine's total so slurmd accepts the node.
mem_mb=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
cpus=2

mkdir -p "$conf_dir" /var/spool/slurmctld /var/spool/slurmd /run/munge /var/log/munge
cat > "$conf_dir/slurm.conf" <<CONF
# Written by mixrl's src/test/slurm/start-slurm.sh: one node, localhost, no cgroups.
ClusterName=mixrl-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=$log_dir/slurmctld.log
SlurmdLogFile=$log_dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
MaxArraySize=10001
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
# No cgroup.conf: with proctrack/linuxproc and task/none slurmd 22.05 only probes cgroups
# (autodetect) and runs without them; "CgroupPlugin=disabled" is unknown before 23.02.

if [[ ! -s /etc/munge/munge.key ]]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/log/munge 2>/dev/null || true
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key

if ! pgrep -x munged >/dev/null; then
  # --force: a stale socket from an earlier container run must not stop it.
  if id munge >/dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged --force || fail "munged did not start"
  else
    /usr/sbin/munged --force || fail "munged did not start"
  fi
fi
munge -n | unmunge >/dev/null || fail "munge round trip failed"

# Restart the Slurm daemons so that they read this configuration (a running pair from an
# earlier start is harmless but may hold another config).
for d in slurmd slurmctld; do
  pid="$(cat "/run/$d.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
done
/usr/sbin/slurmctld -i >>"$log_dir/slurmctld.out" 2>&1 || fail "slurmctld did not start"
/usr/sbin/slurmd >>"$log_dir/slurmd.out" 2>&1 || fail "slurmd did not start"

for i in $(seq 60); do
  state="$(sinfo -h -n "$host" -o %T 2>/dev/null | head -n 1 || true)"
  case "$state" in
    idle|mixed|allocated) echo "[slurm] node $host is $state after ${i}s"; exit 0 ;;
    down*|drain*|fail*) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
fail "node $host not idle after 60 s (sinfo: $(sinfo 2>&1 | tr '\n' ' '))"
