#!/usr/bin/env bash
# The README's Slurm job array, run on a real Slurm: munged, slurmctld and slurmd from Debian's
# packages, started here with a one-node configuration in a temporary folder (as root, on
# ports of their own). The README's script, with four tasks, converts the shared corpus; every
# input must be in exactly one task's manifest (merge-manifests). Then one task of a second run
# is killed mid-run (its briefkit, with SIGKILL) and the array resubmitted: the rerun converts only what is
# missing. The daemons started are stopped, whatever happens.
# Usage: slurm_test.sh BRIEFKIT_EXE SOURCE_DIR [CORPUS_DIR]; exits 77 (skipped) without root,
# Slurm or the corpus.
set -euo pipefail
exe=$(realpath "$1") source=$(realpath "$2")
corpus=${3:-$source/../shared/corpus}
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || skip "starting slurmctld, slurmd and munged needs root"
for p in munged slurmctld slurmd sbatch; do command -v "$p" > /dev/null || skip "no $p (Debian: munge slurmctld slurmd slurm-client)"; done
[ -d "$corpus" ] || skip "no corpus at $corpus"
corpus=$(realpath "$corpus")

tmp=$(mktemp -d /tmp/briefkit-slurm.XXXXXX)
chmod 755 "$tmp"
node=$(hostname -s)
stop_daemons() {
    for pidfile in "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munged.pid"; do
        [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2> /dev/null || true
    done
    for _ in $(seq 50); do
        pgrep -f "$tmp/(slurm.conf|munge)" > /dev/null || break
        sleep 0.2
    done
    pkill -KILL -f "$tmp/(slurm.conf|munge)" 2> /dev/null || true
}
finish() {
    local code=$?
    stop_daemons
    if pgrep -f "$tmp/(slurm.conf|munge)" > /dev/null; then echo "FAIL: a daemon still runs" >&2; code=1; fi
    [ "$code" -eq 0 ] || tail -n 20 "$tmp"/*.log "$tmp"/logs/* 2> /dev/null >&2 || true
    rm -rf "$tmp"
    exit "$code"
}
trap finish EXIT

# munged, on a socket of its own.
dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge.key"
munged --force --key-file="$tmp/munge.key" --socket="$tmp/munge.socket" --pid-file="$tmp/munged.pid" \
       --log-file="$tmp/munged.log" --seed-file="$tmp/munge.seed"

# One node of four CPUs (the configuration's, whatever the machine has), on free ports.
port=$((20000 + RANDOM % 20000))
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/logs" "$tmp/work"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=briefkit-test
SlurmctldHost=$node
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
KillWait=5
NodeName=$node CPUs=4 RealMemory=8192 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -c -f "$tmp/slurm.conf"
slurmd -f "$tmp/slurm.conf"
for _ in $(seq 100); do
    [ "$(sinfo -h -o %T 2> /dev/null)" = "idle" ] && break
    sleep 0.3
done
[ "$(sinfo -h -o %T)" = "idle" ] || fail "the node is not idle: $(sinfo -h -o %T)"
echo "slurm: $(sinfo -h -o '%P %D %c %T') (slurmctld on port $port)"

# The README's job-array script, with four tasks of one CPU over the corpus.
script=$(awk '/^#!\/bin\/bash$/ {on=1} on {print} on && /^srun / {exit}' "$source/README.md")
grep -q -- '--array=1-16' <<< "$script" || fail "the README has no job-array script"
script=${script//--array=1-16/--array=1-4}
script=${script//--cpus-per-task=8/--cpus-per-task=1}
script=${script//\/shared\/articles/$corpus}
script=${script//\/shared\/out/$tmp\/out}
script=${script//srun briefkit /srun $exe }
printf '%s\n' "$script" > "$tmp/job.sh"

submit() {  # submit NAME: runs the array, waits for it, prints its job id
    sbatch --parsable --chdir="$tmp/work" --output="$tmp/logs/$1-%a.out" "$tmp/job.sh"
}
wait_for() {  # wait_for JOB: until no task of it is queued or running
    for _ in $(seq 600); do
        [ -z "$(squeue -h -j "$1" 2> /dev/null)" ] && return 0
        sleep 0.5
    done
    fail "job $1 still runs after 5 minutes"
}
merge() {  # merge: merge-manifests over the four shards; fails on a duplicate or missing input
    "$exe" merge-manifests "$tmp"/out/.briefkit/manifest-*-of-4.ndjson -o "$tmp/merged.ndjson" --inputs "$corpus" \
        2> "$tmp/merge.log" || { cat "$tmp/merge.log" >&2; fail "merge-manifests: $(tail -1 "$tmp/merge.log")"; }
    tail -1 "$tmp/merge.log"
}
summary() { grep -h "converted," "$tmp/logs/$1-$2.out" | tail -1; }

start=$SECONDS
job=$(submit first)
wait_for "$job"
ls "$tmp"/out/.briefkit/manifest-*-of-4.ndjson | wc -l | grep -qx 4 || fail "not four shard manifests"
echo "first array ($job, 4 tasks) in $((SECONDS - start)) s; $(merge)"
for task in 1 2 3 4; do echo "  task $task: $(summary first "$task")"; done
inputs=$(wc -l < "$tmp/merged.ndjson")

# Again from nothing; task 2 killed once it has converted some of its share.
rm -rf "$tmp/out"
job=$(submit second)
# Task ID i converts shard i mod 4 + 1 (so that arrays numbered from 0 and from 1 both work):
# task 2 writes manifest-3-of-4.
shard="$tmp/out/.briefkit/manifest-$((2 % 4 + 1))-of-4.ndjson"
for _ in $(seq 600); do
    [ -s "$shard" ] && [ "$(wc -l < "$shard")" -ge 20 ] && break
    sleep 0.1
done
# SIGKILL to task 2's briefkit, as the kernel's OOM killer or a crash would (scancel would send
# SIGTERM first, which briefkit answers by finishing what is in flight).
killed=""
for pid in $(pgrep -x briefkit); do
    if tr '\0' '\n' < "/proc/$pid/environ" 2> /dev/null | grep -qx 'SLURM_ARRAY_TASK_ID=2'; then
        kill -KILL "$pid" && killed=$pid
    fi
done
[ -n "$killed" ] || fail "task 2's briefkit was not running to be killed"
wait_for "$job"
done_when_killed=$(grep -c '"status":"converted"' "$shard")
echo "second array ($job): task 2's briefkit (pid $killed) killed with SIGKILL, $done_when_killed inputs converted"
grep -q "converted," "$tmp/logs/second-2.out" && fail "task 2 of the second array was not killed mid-run"
job=$(submit rerun)
wait_for "$job"
echo "rerun ($job): $(merge)"
for task in 1 3 4; do
    line=$(summary rerun "$task")
    echo "  task $task: $line"
    grep -q "^briefkit: 0 converted" <<< "$line" || fail "task $task converted again: $line"
done
line=$(summary rerun 2)
echo "  task 2: $line"
converted=$(sed -E 's/^briefkit: ([0-9]+) converted, ([0-9]+) skipped.*/\1/' <<< "$line")
skipped=$(sed -E 's/^briefkit: ([0-9]+) converted, ([0-9]+) skipped.*/\2/' <<< "$line")
[ "$converted" -gt 0 ] || fail "the rerun of task 2 converted nothing"
[ "$skipped" -eq "$done_when_killed" ] || fail "the rerun of task 2 skipped $skipped, though $done_when_killed inputs were converted"
[ "$(wc -l < "$tmp/merged.ndjson")" -eq "$inputs" ] || fail "merged $(wc -l < "$tmp/merged.ndjson") records for $inputs inputs"
if find "$tmp/out" -name '*.tmp-*' | grep -q .; then fail "a partial file is left"; fi
echo "slurm test passed in $((SECONDS - start)) s"
