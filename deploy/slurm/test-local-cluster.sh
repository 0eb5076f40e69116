#!/usr/bin/env bash
# The Slurm job files of deploy/slurm/, unchanged, submitted with sbatch to a real one-node
# Slurm cluster (local-cluster.sh): .ci/run runs this after `cargo test`.
#
#   deploy/slurm/test-local-cluster.sh
#
# 1. The reference network (`tepat generate --reference`), TEPAT_TEST_RUNS replications (default
#    6,200: 13 blocks of 500, the last one short, split 3/3/3/4 over the shards) in 4 shards:
#    an array job of tepat-array.sbatch and a merge job of tepat-merge.sbatch with
#    --dependency=afterok. Every CSV and JSON file of the merged run must equal, byte for byte,
#    those of one single-machine run of the same seed and replications (run.json less its
#    machine-dependent threads, elapsed_s and replications_per_s).
# 2. The same with shard 3 made to fail (its tepat exits 1, as on a crashed node): the merge job
#    must never start (pending with DependencyNeverSatisfied) and write nothing; the merge job
#    submitted anyway, without the dependency, must fail with exit code 2 and name the missing
#    shard; shard 3 re-run alone (TEPAT_SHARDS=4, --array=3) then lets the merge succeed, equal
#    to the single run again.
#
# The tepat program: $TEPAT_BIN, else the one `cargo test` builds (found, or built, with
# `cargo test --no-run`). Packages that cannot be installed skip the test, saying so; any other
# problem fails it. The cluster is stopped at the end whatever happens, and no daemon is left.
set -euo pipefail
# tepat's messages in English whatever the machine's locale: the checks below read them.
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cluster=$here/local-cluster.sh
RUNS=${TEPAT_TEST_RUNS:-6200}
SEED=${TEPAT_TEST_SEED:-17}
SHARDS=4
FAIL_SHARD=3
JOB_LIMIT_S=${TEPAT_TEST_JOB_LIMIT_S:-90}
t_begin=$SECONDS
passed=0
failed=0

say() { echo "slurm-test: $*"; }
pass() {
    passed=$((passed + 1))
    say "ok: $*"
}
bad() {
    failed=$((failed + 1))
    say "FAILED: $*" >&2
}
# A failure after which the rest cannot run.
fatal() {
    bad "$*"
    show_logs
    exit 1
}
show_logs() {
    local f
    [ -n "${work:-}" ] && [ -d "$work" ] || return 0
    for f in "$work"/*.out; do
        [ -f "$f" ] || continue
        echo "----- job log $(basename "$f") -----" >&2
        tail -n 30 "$f" >&2
    done
    "$cluster" logs || true
}

# --- the tepat program ---------------------------------------------------------------------
if [ -z "${TEPAT_BIN:-}" ]; then
    say "finding the tepat binary of \`cargo test\` (cargo test --no-run)"
    TEPAT_BIN=$(cd "$repo" && cargo test --no-run --message-format=json |
        grep '"kind":\["bin"\]' | grep -o '"executable":"[^"]*"' | grep -v '/deps/' |
        head -n 1 | sed 's/^"executable":"//; s/"$//')
fi
[ -x "${TEPAT_BIN:-}" ] || fatal "no tepat program (TEPAT_BIN='$TEPAT_BIN')"
TEPAT_BIN=$(cd "$(dirname "$TEPAT_BIN")" && pwd)/$(basename "$TEPAT_BIN")
say "tepat: $TEPAT_BIN ($("$TEPAT_BIN" --version))"

# --- the cluster ---------------------------------------------------------------------------
work=""
skipped=""
on_exit() {
    local rc=$?
    "$cluster" stop || { bad "the cluster did not stop"; rc=1; }
    if [ "$rc" = 0 ] && [ -n "$work" ]; then
        rm -rf "$work"
    elif [ -n "$work" ]; then
        say "kept the job files for inspection: $work" >&2
    fi
    if [ -z "$skipped" ]; then
        [ "$failed" = 0 ] || rc=1
        say "wall time $((SECONDS - t_begin)) s"
        say "$passed passed, $failed failed"
    fi
    exit "$rc"
}
trap on_exit EXIT

t0=$SECONDS
rc=0
"$cluster" start || rc=$?
if [ "$rc" = 3 ]; then
    skipped=1
    say "SKIPPED: slurm-wlm and munge cannot be installed on this machine, so the Slurm job files were NOT tested"
    exit 0
fi
[ "$rc" = 0 ] || fatal "the one-node cluster did not start (exit code $rc; its logs are above)"
pass "one-node cluster up, node idle ($((SECONDS - t0)) s with any package install)"
SLURM_CONF=$("$cluster" conf)
export SLURM_CONF
if "$cluster" start 2>&1 | grep -q "already running"; then
    pass "local-cluster.sh start again: already running, nothing restarted"
else
    bad "local-cluster.sh start on a running cluster did not say 'already running'"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tepat-slurm-test.XXXXXX")
cd "$work"
"$TEPAT_BIN" generate --reference --out ref.toml

# The state and exit code of every task of a job: "TASK STATE EXIT" lines ("-" for a plain job).
job_states() {
    scontrol -o show job "$1" | while read -r line; do
        local task state code
        task=$(grep -o 'ArrayTaskId=[^ ]*' <<<"$line" | cut -d= -f2)
        state=$(grep -o 'JobState=[^ ]*' <<<"$line" | cut -d= -f2)
        code=$(grep -o ' ExitCode=[^ ]*' <<<"$line" | cut -d= -f2)
        echo "${task:--} $state $code"
    done | sort -n
}

# Wait until none of the jobs is pending or running (at most JOB_LIMIT_S).
wait_jobs() {
    local t=$SECONDS
    while [ -n "$(squeue -h -j "$1" -t pending,running,configuring,completing 2>/dev/null)" ]; do
        if [ $((SECONDS - t)) -ge "$JOB_LIMIT_S" ]; then
            squeue -j "$1" >&2 || true
            fatal "jobs $1 not finished after $JOB_LIMIT_S s"
        fi
        sleep 0.5
    done
}

# Every CSV and JSON file of two run folders equal; run.json without its machine fields.
machine_fields='^    "(threads|elapsed_s|replications_per_s)": '
comparable() {
    if [ "$(basename "$1")" = run.json ]; then
        [ "$(grep -cE "$machine_fields" "$1")" = 3 ] || {
            echo "$1 does not have the 3 machine-dependent fields the comparison leaves out" >&2
            return 1
        }
        grep -vE "$machine_fields" "$1"
    else
        cat "$1"
    fi
}
same_run() {
    local a=$1 b=$2 f n=0
    if [ ! -d "$a" ] || [ ! -d "$b" ]; then echo "missing folder $a or $b" >&2; return 1; fi
    [ "$(cd "$a" && ls)" = "$(cd "$b" && ls)" ] || { echo "the folders hold different files" >&2; return 1; }
    for f in summary.csv stations.csv run.json; do
        [ -s "$a/$f" ] || { echo "$a has no $f" >&2; return 1; }
    done
    for f in "$a"/*.csv "$a"/*.json; do
        f=$(basename "$f")
        if ! cmp -s <(comparable "$a/$f") <(comparable "$b/$f"); then
            echo "$f differs:" >&2
            diff <(comparable "$a/$f") <(comparable "$b/$f") | head -n 10 >&2
            return 1
        fi
        n=$((n + 1))
    done
    echo "$n files equal"
}

submit() {
    sbatch --parsable "$@" | cut -d';' -f1
}

# --- the single-machine run ----------------------------------------------------------------
"$TEPAT_BIN" run ref.toml --runs "$RUNS" --seed "$SEED" --out single --quiet
"$TEPAT_BIN" run ref.toml --runs "$RUNS" --seed "$((SEED + 1))" --out other-seed --quiet

# --- 1. the array and the merge ------------------------------------------------------------
t0=$SECONDS
env_common="ALL,TEPAT_BIN=$TEPAT_BIN,TEPAT_SCENARIO=ref.toml"
jid=$(submit --array=1-$SHARDS \
    --export="$env_common,TEPAT_RUNS=$RUNS,TEPAT_SEED=$SEED,TEPAT_PARTS=parts" \
    "$repo/deploy/slurm/tepat-array.sbatch")
mid=$(submit --dependency=afterok:"$jid" \
    --export="$env_common,TEPAT_SHARDS=$SHARDS,TEPAT_PARTS=parts,TEPAT_OUT=merged" \
    "$repo/deploy/slurm/tepat-merge.sbatch")
say "submitted array job $jid ($SHARDS shards of $RUNS replications, seed $SEED) and merge job $mid"
wait_jobs "$jid,$mid"
states=$(job_states "$jid")
expected=$(for k in $(seq 1 $SHARDS); do echo "$k COMPLETED 0:0"; done)
if [ "$states" = "$expected" ]; then
    pass "array job: $SHARDS shards completed"
else
    bad "array job: tasks ended as
$states"
fi
if [ "$(job_states "$mid")" = "- COMPLETED 0:0" ]; then
    pass "merge job (afterok) completed"
else
    bad "merge job ended as $(job_states "$mid")"
fi
if msg=$(same_run single/ref merged/ref 2>&1); then
    pass "merged run equals the single-machine run: $msg ($((SECONDS - t0)) s through Slurm)"
else
    bad "merged run differs from the single-machine run: $msg"
fi
# The comparison can fail: another seed gives other files.
if ! same_run single/ref other-seed/ref >/dev/null 2>&1; then
    pass "control: a run of another seed does not compare equal"
else
    bad "control: a run of another seed compared equal, so the comparison proves nothing"
fi

# --- 2. one shard made to fail -------------------------------------------------------------
t0=$SECONDS
cat >failing-tepat <<EOF
#!/bin/sh
# tepat, except that array task $FAIL_SHARD fails before writing anything (a crashed node).
if [ "\${SLURM_ARRAY_TASK_ID:-}" = "$FAIL_SHARD" ]; then
    echo "test: shard $FAIL_SHARD made to fail" >&2
    exit 1
fi
exec "$TEPAT_BIN" "\$@"
EOF
chmod +x failing-tepat
fail_env="ALL,TEPAT_SCENARIO=ref.toml,TEPAT_PARTS=parts-fail"
jid=$(submit --array=1-$SHARDS \
    --export="$fail_env,TEPAT_BIN=$work/failing-tepat,TEPAT_RUNS=$RUNS,TEPAT_SEED=$SEED" \
    "$repo/deploy/slurm/tepat-array.sbatch")
mid=$(submit --dependency=afterok:"$jid" \
    --export="$fail_env,TEPAT_BIN=$TEPAT_BIN,TEPAT_SHARDS=$SHARDS,TEPAT_OUT=merged-fail" \
    "$repo/deploy/slurm/tepat-merge.sbatch")
say "submitted array job $jid with shard $FAIL_SHARD made to fail, and merge job $mid"
wait_jobs "$jid"
states=$(job_states "$jid")
expected=$(for k in $(seq 1 $SHARDS); do
    if [ "$k" = "$FAIL_SHARD" ]; then echo "$k FAILED 1:0"; else echo "$k COMPLETED 0:0"; fi
done)
if [ "$states" = "$expected" ]; then
    pass "array job: shard $FAIL_SHARD failed, the others completed"
else
    bad "array job with a failing shard: tasks ended as
$states"
fi
# The scheduler marks the dependency as never satisfied when it next looks at the queue.
t=$SECONDS
merge_state=""
while [ $((SECONDS - t)) -lt 60 ]; do
    merge_state=$(squeue -h -j "$mid" -o '%T %r' 2>/dev/null || true)
    [ "$merge_state" = "PENDING DependencyNeverSatisfied" ] && break
    [ -z "$merge_state" ] && break
    sleep 1
done
if [ "$merge_state" = "PENDING DependencyNeverSatisfied" ] && [ ! -e merged-fail ]; then
    pass "merge job never started: PENDING (DependencyNeverSatisfied), nothing written"
else
    bad "merge job after a failed shard: '${merge_state:-gone}' $(job_states "$mid"); merged-fail exists: $([ -e merged-fail ] && echo yes || echo no)"
fi
scancel "$mid"
# Submitted anyway, without the dependency: tepat merge refuses the incomplete set.
fid=$(submit --export="$fail_env,TEPAT_BIN=$TEPAT_BIN,TEPAT_SHARDS=$SHARDS,TEPAT_OUT=merged-fail" \
    "$repo/deploy/slurm/tepat-merge.sbatch")
wait_jobs "$fid"
if [ "$(job_states "$fid")" = "- FAILED 2:0" ] && grep -q "shards missing: $FAIL_SHARD/$SHARDS" "tepat-merge-$fid.out" &&
    [ ! -e merged-fail ]; then
    pass "merge of the incomplete set refused (exit code 2): $(grep -o "error.*shards missing.*" "tepat-merge-$fid.out" || grep -o "shards missing.*" "tepat-merge-$fid.out")"
else
    bad "merge of the incomplete set: $(job_states "$fid"), log:
$(cat "tepat-merge-$fid.out" 2>/dev/null)"
fi
# Recovery: shard 3 alone, then the merge.
rid=$(submit --array=$FAIL_SHARD \
    --export="$fail_env,TEPAT_BIN=$TEPAT_BIN,TEPAT_RUNS=$RUNS,TEPAT_SEED=$SEED,TEPAT_SHARDS=$SHARDS" \
    "$repo/deploy/slurm/tepat-array.sbatch")
mid=$(submit --dependency=afterok:"$rid" \
    --export="$fail_env,TEPAT_BIN=$TEPAT_BIN,TEPAT_SHARDS=$SHARDS,TEPAT_OUT=merged-fail" \
    "$repo/deploy/slurm/tepat-merge.sbatch")
wait_jobs "$rid,$mid"
if [ "$(job_states "$mid")" = "- COMPLETED 0:0" ] && msg=$(same_run single/ref merged-fail/ref 2>&1); then
    pass "shard $FAIL_SHARD re-run alone (TEPAT_SHARDS=$SHARDS --array=$FAIL_SHARD), merged: $msg ($((SECONDS - t0)) s)"
else
    bad "after re-running shard $FAIL_SHARD: re-run $(job_states "$rid"), merge $(job_states "$mid"): ${msg:-}"
fi

# --- the cluster stops and leaves nothing running ------------------------------------------
if "$cluster" stop && ! "$cluster" status >/dev/null 2>&1; then
    pass "cluster stopped, no daemon or job step of it left running"
else
    bad "the cluster did not stop cleanly"
fi
[ "$failed" = 0 ] || show_logs
