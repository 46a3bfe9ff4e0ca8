#!/usr/bin/env bash
# Engine steps/s: RUNS lead-to-audit runs (convert ▸ trigger ▸ poll) through the real db-scheduler on Postgres,
# with 1 or 2 bridge replicas, against the simulator in its own process. Upstream limits are raised on both
# sides so the engine is measured, not the 20 writes/min budget. The runs are queued first with the scheduler
# off; then the replicas start and the completed steps (run_event rows) are counted until every run ended.
# Usage: bench/engine.sh [replicas=1|2] [runs=2000] [tokens=1]
# tokens > 1: the runs are spread over that many connections, each with an Audity token of its own (made through the
# admin API; the simulator gives each token an account), so that they do not all wait for one token's conversion lane.
# BENCH_JAR runs another build (before/after); BENCH_JFR=file.jfr records the first replica with JFR (settings=profile) from its start-up to the last run's end.
set -euo pipefail
echo "load before: $(uptime | sed 's/.*load average/load average/')"
cd "$(dirname "$0")/.."
REPLICAS=${1:-1}; RUNS=${2:-2000}; TOKENS=${3:-1}; SIMPORT=${SIMPORT:-18190}; BASE=${BASE:-18191}; SCHEMA=engine
WORK=$(mktemp -d); POLL_INITIAL=1s
# The engine is measured, not the simulator's pace nor the designed waits: converts answer at once (the simulator's
# demo default is 1 s of work), and a converted project has its interview analysis at once (no prerequisite wait).
# Conversions of one token take turns (docs/paid-calls.md): the one that settles wakes the next; LANE_RECHECK sets how
# soon a waiting convert also looks again on its own (the bridge's default, 5 s, unless given).
export BRIDGE_ENCRYPTION_KEY=${BRIDGE_ENCRYPTION_KEY:-$(head -c 32 /dev/urandom | base64)}
export SIM_AUDITY_CONVERT_DURATION=0s SIM_AUDITY_INTERVIEW_ANALYSIS_DELAY=0s
[ -z "${LANE_RECHECK:-}" ] || export BRIDGE_PAID_CALLS_LANE_RECHECK=$LANE_RECHECK
. bench/lib.sh
trap stop_all EXIT

start_sim 1s
bridge $BASE false; wait_up $BASE
for t in $(seq 1 "$TOKENS"); do
  if [ "$t" = 1 ]; then
    TOKEN=aky_DemoSimulatorToken0123456789abcd; KEY=bench-key
  else
    TOKEN=$(printf 'aky_BenchEngineToken%016d' "$t")
    KEY=$(curl -sf -X POST "localhost:$BASE/v1/admin/connections" -H "Authorization: Bearer bench-admin" \
      -H "Content-Type: application/json" -d "{\"name\":\"bench $t\",\"audityToken\":\"$TOKEN\"}" \
      | python3 -c "import json, sys; print(json.load(sys.stdin)['apiKey']['key'])")
  fi
  python3 bench/load.py leads $SIMPORT $(( RUNS / TOKENS )) "$TOKEN" > "$WORK/leads-$t"
  python3 bench/load.py hooks $BASE "$KEY" "$WORK/leads-$t"
done
kill "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null || true
echo "queued runs: $(SQL "select count(*) from run"), timeline rows before: $(SQL "select count(*) from run_event")"
SINCE=$(SQL "select now()")

for i in $(seq 1 "$REPLICAS"); do bridge $((BASE + i)) true; done
if [ -n "${BENCH_JFR:-}" ]; then
  until jcmd "${PIDS[2]}" JFR.start name=engine settings=profile >/dev/null 2>&1; do sleep 0.2; done
fi
# The first replica's CPU (user + system) per timeline row, from when it answers /health (start-up done) to the end.
wait_up $((BASE + 1))
TICKS0=$(awk '{print $14 + $15}' "/proc/${PIDS[2]}/stat"); ROWS0=$(SQL "select count(*) from run_event")
SIMTICKS0=$(awk '{print $14 + $15}' "/proc/${PIDS[0]}/stat"); read -r BUSY0 ALL0 < <(machine_ticks)
DEADLINE=$((SECONDS + 900))
while [ "$(SQL "select count(*) from run where status not in ('completed','failed','cancelled')")" != 0 ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "runs did not end in 15 min"; break; }
  sleep 2
done
TICKS=$(( $(awk '{print $14 + $15}' "/proc/${PIDS[2]}/stat") - TICKS0 )); ROWS=$(( $(SQL "select count(*) from run_event") - ROWS0 ))
SIMTICKS=$(( $(awk '{print $14 + $15}' "/proc/${PIDS[0]}/stat") - SIMTICKS0 )); read -r BUSY ALL < <(machine_ticks)
BUSY=$((BUSY - BUSY0)); ALL=$((ALL - ALL0))
[ -z "${BENCH_JFR:-}" ] || jcmd "${PIDS[2]}" JFR.stop name=engine filename="$(realpath -m "$BENCH_JFR")" >/dev/null
echo "runs by status: $(SQL "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from run group by status) s")"
SQL "select 'steps=' || count(*) || ' seconds=' || round(extract(epoch from max(at) - min(at))::numeric, 1)
       || ' steps/s=' || round(count(*) / greatest(extract(epoch from max(at) - min(at)), 0.001)::numeric, 1)
     from run_event where at > '$SINCE'"
# No step ran twice: the timeline rows per run (the same number for every run when each step ran once) and the
# (run, step, outcome) rows written more than once, and the paid calls per run (one convert and one trigger each).
echo "timeline rows per run: $(SQL "select string_agg(n || ' rows: ' || c || ' runs', ', ' order by n) from (select n, count(*) c
       from (select count(*) n from run_event group by run_id) x group by n) y")"
echo "(run, step, outcome) written twice: $(SQL "select count(*) from (select 1 from run_event group by run_id, step, outcome
       having count(*) > 1) d"), paid calls per run: $(SQL "select string_agg(n || ': ' || c || ' runs', ', ' order by n) from
       (select n, count(*) c from (select count(*) n from paid_call group by run_id) x group by n) y")"
echo "first replica's CPU: $(python3 -c "print(f'{1e3 * $TICKS / $(getconf CLK_TCK) / max($ROWS, 1):.2f} ms a step over $ROWS steps')")"
# Where the machine's CPU went meanwhile: the first replica, the simulator, and everything else (Postgres, the other
# replica, other work on the machine), each per step; and how busy the cores were.
echo "CPU a step: $(python3 -c "t = 1e3 / $(getconf CLK_TCK) / max($ROWS, 1); print(f'first replica {t * $TICKS:.2f} ms, simulator {t * $SIMTICKS:.2f} ms, rest {t * ($BUSY - $TICKS - $SIMTICKS):.2f} ms, machine busy {100 * $BUSY / max($ALL, 1):.0f} %')")"
echo "replicas=$REPLICAS runs=$RUNS tokens=$TOKENS  load: $(uptime | sed 's/.*load/load/')"
