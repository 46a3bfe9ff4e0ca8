#!/usr/bin/env bash
# Engine steps/s: RUNS lead-to-audit runs (convert ▸ trigger ▸ poll) through the real db-scheduler on Postgres,
# with 1 or 2 bridge replicas, against the simulator in its own process. Upstream limits are raised on both
# sides so the engine is measured, not the 20 writes/min budget. The runs are queued first with the scheduler
# off; then the replicas start and the completed steps (run_event rows) are counted until every run ended.
# Usage: bench/engine.sh [replicas=1|2] [runs=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICAS=${1:-1}; RUNS=${2:-2000}; SIMPORT=${SIMPORT:-18190}; BASE=${BASE:-18191}
[ -f target/audity-bridge-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q package -DskipTests
JAR=target/audity-bridge-0.1.0-SNAPSHOT.jar
SQL() { PGOPTIONS="--client-min-messages=warning --search_path=engine" psql -h 127.0.0.1 -U postgres -d test -qtAc "$1"; }
WORK=$(mktemp -d); PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT
wait_up() { for _ in $(seq 1 120); do curl -sf "localhost:$1/health" >/dev/null && return; sleep 0.5; done; echo "port $1 not up"; exit 1; }
LIMITS="10000000"

# The simulator: the jar with no AUDITY_TOKEN (simulator on), its scheduler off, its own H2 file.
env -u AUDITY_TOKEN PORT=$SIMPORT BRIDGE_SCHEDULER_AUTOSTART=false \
  DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/sim;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  SIM_AUDITY_READS_PER_MINUTE=$LIMITS SIM_AUDITY_WRITES_PER_MINUTE=$LIMITS SIM_AUDITY_POLLS_PER_MINUTE=$LIMITS \
  SIM_AUDITY_CREDITS=1000000000 SIM_AUDITY_ANALYSIS_BUDGET_USD=100000000 \
  SIM_AUDITY_JOB_PENDING=0s SIM_AUDITY_JOB_PROCESSING=1s \
  java -Xmx512m -jar $JAR > "$WORK/sim.log" 2>&1 & PIDS+=($!)
SQL "drop schema if exists engine cascade; create schema engine;"
bridge() { # port autostart
  PORT=$1 BRIDGE_SCHEDULER_AUTOSTART=$2 AUDITY_TOKEN=aky_DemoSimulatorToken0123456789abcd \
  AUDITY_BASE_URL=http://127.0.0.1:$SIMPORT/sim/audity BRIDGE_API_KEYS=bench-key \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=engine" \
  DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= \
  UPSTREAM_READS_PER_MINUTE=$LIMITS UPSTREAM_WRITES_PER_MINUTE=$LIMITS UPSTREAM_POLLS_PER_MINUTE=$LIMITS \
  BRIDGE_INTAKE_REQUESTS_PER_MINUTE=$LIMITS BRIDGE_FLOWS_POLL_INITIAL=1s \
  java -Xmx512m -jar $JAR > "$WORK/bridge-$1.log" 2>&1 & PIDS+=($!)
}
wait_up $SIMPORT
python3 bench/load.py leads $SIMPORT "$RUNS" > "$WORK/leads"
bridge $BASE false; wait_up $BASE
python3 bench/load.py hooks $BASE bench-key "$WORK/leads"
kill "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null || true
BEFORE=$(SQL "select count(*) from run_event"); echo "queued runs: $(SQL "select count(*) from run"), timeline rows before: $BEFORE"
SINCE=$(SQL "select now()")

for i in $(seq 1 "$REPLICAS"); do bridge $((BASE + i)) true; done
DEADLINE=$((SECONDS + 900))
while [ "$(SQL "select count(*) from run where status not in ('completed','failed','cancelled')")" != 0 ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "runs did not end in 15 min"; break; }
  sleep 2
done
echo "runs by status: $(SQL "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from run group by status) s")"
SQL "select 'steps=' || count(*) || ' seconds=' || round(extract(epoch from max(at) - min(at))::numeric, 1)
       || ' steps/s=' || round(count(*) / greatest(extract(epoch from max(at) - min(at)), 0.001)::numeric, 1)
     from run_event where at > '$SINCE'"
echo "replicas=$REPLICAS runs=$RUNS  load: $(uptime | sed 's/.*load/load/')"
