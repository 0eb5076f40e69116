#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, to test deploy/slurm/ for real (CI runs it) or to try
# the job array before using a real cluster. Needs root and Debian's packages slurm-wlm and munge
# (installed with apt-get when missing).
#
#   deploy/slurm/local-cluster.sh start    # install if needed, start munged, slurmctld, slurmd;
#                                          # wait until the node is idle (at most 60 s)
#   export SLURM_CONF=$(deploy/slurm/local-cluster.sh conf)   # then sbatch, squeue, sinfo work
#   deploy/slurm/local-cluster.sh status
#   deploy/slurm/local-cluster.sh stop     # cancel all jobs, stop the three daemons and every
#                                          # job step process they started
#
# Everything lives in one folder, $TEPAT_SLURM_DIR (default ${TMPDIR:-/tmp}/tepat-slurm): its own
# munge key and socket, slurm.conf, state, spool, logs and pid files. Nothing under /etc is
# changed and nothing of a Slurm or munge already on the machine is touched. The daemons are
# stopped by the process ids they wrote, never by name. `start` and `stop` may be repeated.
#
# The cluster: one node named after this machine (address 127.0.0.1) with all its cores and
# its memory less 1 GiB, one partition `main`; processes tracked through /proc
# (proctrack/linuxproc, task/none), no cgroups, no accounting database, so it runs in a
# container. Finished jobs stay visible to `scontrol show job` for an hour (MinJobAge).
#
# Exit codes: 0 done; 1 the cluster did not come up (the daemons' logs are printed);
# 3 the packages are missing and cannot be installed (callers may skip, saying so).
set -euo pipefail

# The daemons are in /usr/sbin, which a non-login PATH may lack.
PATH=$PATH:/usr/sbin:/sbin
DIR=${TEPAT_SLURM_DIR:-${TMPDIR:-/tmp}/tepat-slurm}
CONF=$DIR/slurm.conf
WAIT_IDLE_S=${TEPAT_SLURM_WAIT_S:-60}

say() { echo "local-cluster: $*" >&2; }

have_packages() {
    command -v munged >/dev/null && command -v slurmctld >/dev/null &&
        command -v slurmd >/dev/null && command -v sbatch >/dev/null
}

install_packages() {
    have_packages && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        say "slurm-wlm and munge are not installed, and apt-get cannot install them here (needs root and apt-get)"
        return 3
    fi
    say "installing slurm-wlm and munge with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq slurm-wlm munge >"$DIR/apt.log" 2>&1; then
        # The package lists may be missing or old on a fresh machine.
        apt-get update -qq >>"$DIR/apt.log" 2>&1 || true
        if ! apt-get install -y -qq slurm-wlm munge >>"$DIR/apt.log" 2>&1; then
            tail -n 20 "$DIR/apt.log" >&2
            say "apt-get could not install slurm-wlm and munge"
            return 3
        fi
    fi
    have_packages || { say "slurm-wlm installed but its commands are not on PATH"; return 3; }
}

# The pid in a pid file (slurmd.pid, slurmctld.pid, munged.pid), if that process is alive (a
# zombie is not) and is the daemon the file is named after (not a later process that got the
# number of a daemon gone long ago).
alive() {
    local f=$1 pid stat comm
    [ -s "$f" ] || return 1
    pid=$({ tr -dc 0-9 <"$f"; } 2>/dev/null)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    { read -r comm <"/proc/$pid/comm"; } 2>/dev/null || return 1
    [ "$comm" = "$(basename "$f" .pid)" ] || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ] && echo "$pid"
}

write_conf() {
    local host cpus mem_mb
    host=$(hostname -s)
    cpus=$(nproc)
    mem_mb=$(awk '/^MemTotal:/ { m = int($2 / 1024) - 1024; if (m < 512) m = 512; print m }' /proc/meminfo)
    cat >"$CONF" <<EOF
# Written by deploy/slurm/local-cluster.sh: a one-node test cluster. Not for production.
ClusterName=tepat-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$DIR/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=3600
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

print_logs() {
    local f
    for f in munge/munged.log slurmctld.log slurmd.log; do
        if [ -f "$DIR/$f" ]; then
            echo "----- $DIR/$f (last 40 lines) -----" >&2
            tail -n 40 "$DIR/$f" >&2
        fi
    done
}

running() {
    alive "$DIR/munge/munged.pid" >/dev/null && alive "$DIR/slurmctld.pid" >/dev/null &&
        alive "$DIR/slurmd.pid" >/dev/null && [ -f "$CONF" ] &&
        SLURM_CONF=$CONF timeout 10 sinfo -h >/dev/null 2>&1
}

node_state() {
    SLURM_CONF=$CONF timeout 10 sinfo -h -N -o %T 2>/dev/null | head -n 1
}

start() {
    mkdir -p "$DIR"
    if running; then
        say "already running (SLURM_CONF=$CONF), node $(node_state)"
        return 0
    fi
    # Half up or left over from an earlier start: begin afresh.
    stop_daemons quiet
    local rc=0
    install_packages || rc=$?
    [ "$rc" = 0 ] || return "$rc"
    rm -rf "$DIR/state" "$DIR/spool" "$DIR/munge" "$DIR"/*.log "$DIR"/*.pid
    mkdir -p "$DIR/state" "$DIR/spool" "$DIR/munge"
    chmod 700 "$DIR" "$DIR/munge"
    dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$DIR/munge/munge.key"
    write_conf

    # --force: munged refuses to run as root, or beside a world-writable /tmp, without it.
    munged --force --key-file="$DIR/munge/munge.key" \
        --socket="$DIR/munge/munge.socket" --pid-file="$DIR/munge/munged.pid" \
        --log-file="$DIR/munge/munged.log" --seed-file="$DIR/munge/munged.seed" ||
        { say "munged did not start"; print_logs; stop_daemons quiet; return 1; }
    env SLURM_CONF="$CONF" slurmctld ||
        { say "slurmctld did not start"; print_logs; stop_daemons quiet; return 1; }
    env SLURM_CONF="$CONF" slurmd -N "$(hostname -s)" ||
        { say "slurmd did not start"; print_logs; stop_daemons quiet; return 1; }

    local t0=$SECONDS state=""
    while [ $((SECONDS - t0)) -lt "$WAIT_IDLE_S" ]; do
        state=$(node_state || true)
        if [ "$state" = idle ]; then
            say "node $(hostname -s) idle after $((SECONDS - t0)) s (SLURM_CONF=$CONF)"
            return 0
        fi
        sleep 1
    done
    say "the node is not idle after $WAIT_IDLE_S s (state: '${state:-no answer}')"
    SLURM_CONF=$CONF timeout 10 scontrol show node >&2 || true
    print_logs
    stop_daemons quiet
    return 1
}

# Stop a daemon by its pid file: TERM, then KILL after 15 s.
stop_pid() {
    local name=$1 f=$2 pid
    pid=$(alive "$f") || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
        alive "$f" >/dev/null || { [ "${3:-}" = quiet ] || say "stopped $name ($pid)"; return 0; }
        sleep 0.1
    done
    say "$name ($pid) did not stop after 15 s: killed"
    kill -KILL "$pid" 2>/dev/null || true
}

# Processes of this cluster that outlive its daemons, as when slurmctld died with a job
# running: the job step daemons (slurmstepd, which write to this cluster's slurmd log), the
# processes running a job script of its spool folder, and all processes under these.
leftovers() {
    local p pid stat fd k v args changed daemons
    local -A parent=() mine=()
    # The daemons themselves, even while they exit, are stop_pid's business.
    daemons=" $(cat "$DIR/slurmd.pid" "$DIR/slurmctld.pid" "$DIR/munge/munged.pid" 2>/dev/null | tr '\n' ' ') "
    for p in /proc/[0-9]*; do
        pid=${p#/proc/}
        [ "$pid" = "$$" ] && continue
        [[ "$daemons" == *" $pid "* ]] && continue
        { read -r stat <"$p/stat"; } 2>/dev/null || continue
        stat=${stat##*) }
        # stat: state ppid ...; zombies cannot be stopped and hold nothing.
        [ "${stat%% *}" = Z ] && continue
        stat=${stat#* }
        parent[$pid]=${stat%% *}
        args=()
        { mapfile -d '' args <"$p/cmdline"; } 2>/dev/null || true
        if [[ "${args[*]:-}" == *"$DIR/spool/"* ]]; then
            mine[$pid]=1
            continue
        fi
        for fd in "$p"/fd/*; do
            if [ "$fd" -ef "$DIR/slurmd.log" ] || [ "$fd" -ef "$DIR/slurmctld.log" ]; then
                # Written to (O_WRONLY or O_RDWR), not only read as by `tail -f`.
                while read -r k v; do
                    if [ "$k" = flags: ] && [ $((8#$v & 3)) != 0 ]; then
                        mine[$pid]=1
                    fi
                done <"$p/fdinfo/${fd##*/}"
            fi
        done 2>/dev/null
    done
    changed=1
    while [ "$changed" = 1 ]; do
        changed=0
        for pid in "${!parent[@]}"; do
            if [ -z "${mine[$pid]:-}" ] && [ -n "${mine[${parent[$pid]}]:-}" ]; then
                mine[$pid]=1
                changed=1
            fi
        done
    done
    for pid in "${!mine[@]}"; do
        echo "$pid"
    done
}

stop_daemons() {
    local quiet=${1:-} pids
    if alive "$DIR/slurmctld.pid" >/dev/null && have_packages; then
        # Cancel every job of this cluster so that no job step keeps running.
        SLURM_CONF=$CONF timeout 5 scancel --full --quiet --partition=main 2>/dev/null || true
        local q
        for _ in $(seq 1 20); do
            q=$(SLURM_CONF=$CONF timeout 5 squeue -h -t running,completing 2>/dev/null) || break
            [ -z "$q" ] && break
            sleep 0.5
        done
    fi
    stop_pid slurmd "$DIR/slurmd.pid" "$quiet"
    stop_pid slurmctld "$DIR/slurmctld.pid" "$quiet"
    stop_pid munged "$DIR/munge/munged.pid" "$quiet"
    pids=$(leftovers)
    if [ -n "$pids" ]; then
        say "stopping leftover processes of this cluster: $(tr '\n' ' ' <<<"$pids")"
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        sleep 1
        pids=$(leftovers)
        # shellcheck disable=SC2086
        [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    fi
}

any_alive() {
    alive "$DIR/slurmd.pid" >/dev/null || alive "$DIR/slurmctld.pid" >/dev/null ||
        alive "$DIR/munge/munged.pid" >/dev/null || [ -n "$(leftovers)" ]
}

stop() {
    if [ ! -d "$DIR" ] || ! any_alive; then
        say "not running"
        return 0
    fi
    stop_daemons
    if any_alive; then
        say "some processes of this cluster are still running: $(leftovers | tr '\n' ' ')"
        return 1
    fi
    say "stopped; no daemon of this cluster is running"
}

status() {
    if running; then
        SLURM_CONF=$CONF sinfo
        SLURM_CONF=$CONF squeue
    else
        say "not running"
        return 1
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    conf) echo "$CONF" ;;
    logs) print_logs ;;
    *)
        echo "usage: $0 start|stop|status|conf|logs" >&2
        exit 2
        ;;
esac
