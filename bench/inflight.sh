#!/usr/bin/env bash
# RSS and threads of one bridge with RUNS in-flight runs, scheduler running: lead-to-audit runs whose simulated
# analysis jobs take a day, so each run converts, triggers and then sits in its poll step (polled every ≤ 60 s).
# Postgres schema `inflight`, simulator in its own process, upstream limits raised so the runs get there quickly.
# Usage: bench/inflight.sh [runs=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10000}; SIMPORT=${SIMPORT:-18290}; PORT=${PORT:-18291}; SCHEMA=inflight
WORK=$(mktemp -d)
. bench/lib.sh
trap stop_all EXIT
ticks() { awk '{print $14 + $15}' /proc/"$BRIDGE"/stat; }   # user + system CPU, 1/100 s
rows() { SQL "select count(*) from run_event"; }
sample() { echo "$1: RSS $(ps -o rss= -p "$BRIDGE") KiB, threads $(awk '/^Threads/ {print $2}' /proc/"$BRIDGE"/status)," \
  "runs in poll: $(SQL "select count(*) from run where step = 'poll'"), load: $(uptime | sed 's/.*load average: //')"; }

start_sim 24h
python3 bench/load.py leads $SIMPORT "$RUNS" > "$WORK/leads"
bridge $PORT true; BRIDGE=${PIDS[1]}; wait_up $PORT
sample "idle, 0 runs"
python3 bench/load.py hooks $PORT bench-key "$WORK/leads"
DEADLINE=$((SECONDS + 1200))
while [ "$(SQL "select count(*) from run where step = 'poll'")" -lt "$RUNS" ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "not all runs reached poll in 20 min"; break; }
  sleep 5
done
echo "runs by status/step: $(SQL "select string_agg(status || '/' || step || '=' || n, ' ') from (select status, step, count(*) n from run group by status, step) s")"
for i in 1 2 3; do
  T0=$(ticks); R0=$(rows); sleep 20
  sample "in flight, sample $i"; echo "  last 20 s: CPU $(( ($(ticks) - T0) / 20 ))% of one core, $(( ($(rows) - R0) / 20 )) timeline rows/s"
done
