#!/usr/bin/env bash
# Intake benchmark: durable 202s per second (run + first task committed before the answer) next to what the database
# can do with the same writes, and next to a no-op endpoint of the same server (same key check, parsing and
# validation, no database), same run.
#   postgres: first pgbench with the 202's write shape (bench/intake-shape.sql: run row with a small JSON, timeline
#             row, db-scheduler task row, one commit) on the migrated schema, the same number of clients; then the
#             no-op and the durable hook under wrk; then durable/pgbench and durable/no-op.
#   h2:       the no-op and the durable hook; durable/no-op.
# Usage: bench/intake.sh [h2|postgres] [seconds] [connections]
# BENCH_JAR and BENCH_JAVA_OPTS: see bench/intake-bridge.sh. BENCH_JFR=file.jfr records the durable hook's timed phase
# with JFR (settings=profile) into that file (read it with bench/jfr-top.py); JFR slows the bridge a lot, so take the
# rates from runs without it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}; SECONDS_EACH=${2:-20}; CONNECTIONS=${3:-32}; PORT=${PORT:-18080}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
echo "load before: $(uptime | sed 's/.*load average/load average/')"
. bench/intake-bridge.sh

rate() { grep -E "Requests/sec" | awk '{print $2}'; }
# The bridge's CPU time so far (user + system, in clock ticks) and the number of requests wrk sent.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
requests() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p'; }
HZ=$(getconf CLK_TCK)
PGBENCH=""
if [ "$DB" = postgres ]; then
  # The schema is migrated now (the bridge is up): the reference writes into the very tables, indexes and sequence.
  echo "== pgbench, the 202's write shape ($CONNECTIONS clients, ${SECONDS_EACH}s)"
  PGBENCH=$(PGOPTIONS="-c search_path=bench" pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" \
      -j 2 -T "$SECONDS_EACH" -f bench/intake-shape.sql test 2>&1 | tee "$WORK/pgbench" \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  grep -E "^(latency average|tps)" "$WORK/pgbench" || true
  "${PSQL[@]}" -c "set search_path=bench; delete from scheduled_tasks where task_name = 'pgb';
    delete from run_event where run_id like 'pgb-%'; delete from run where id like 'pgb-%';"
fi

echo "== warm-up"; wrk -t2 -c"$CONNECTIONS" -d5s -s bench/lead-arrived.lua "http://localhost:$PORT" -- /v1/hooks/lead-arrived >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/lead-arrived.lua "http://localhost:$PORT" -- /bench/noop-lead-arrived >/dev/null
declare -A RATE
for path in /bench/noop-lead-arrived /v1/hooks/lead-arrived; do
  echo "== $path ($DB, ${SECONDS_EACH}s, $CONNECTIONS connections)"
  [ -z "${BENCH_JFR:-}" ] || [ "$path" != /v1/hooks/lead-arrived ] || jcmd $PID JFR.start name=durable settings=profile >/dev/null
  BEFORE=$(cpu_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/lead-arrived.lua "http://localhost:$PORT" -- "$path" \
    > "$WORK/wrk"
  TICKS=$(( $(cpu_ticks) - BEFORE ))
  grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors" "$WORK/wrk" || true
  echo "bridge CPU: $(python3 -c "print(f'{1e6 * $TICKS / $HZ / $(requests < "$WORK/wrk"):.0f} µs a request, {100 * $TICKS / $HZ / $SECONDS_EACH:.0f} % of one core')")"
  RATE[$path]=$(rate < "$WORK/wrk")
  [ -z "${BENCH_JFR:-}" ] || [ "$path" != /v1/hooks/lead-arrived ] \
    || jcmd $PID JFR.stop name=durable filename="$(realpath -m "$BENCH_JFR")" >/dev/null
done
DURABLE=${RATE[/v1/hooks/lead-arrived]}; NOOP=${RATE[/bench/noop-lead-arrived]}
echo "== result ($DB)"
echo "durable 202/s $DURABLE, no-op $NOOP/s: durable/no-op = $(python3 -c "print(f'{100*$DURABLE/$NOOP:.1f} %')")"
[ -z "$PGBENCH" ] || echo "durable 202/s $DURABLE, pgbench $PGBENCH tps: durable/pgbench = $(python3 -c "print(f'{100*$DURABLE/$PGBENCH:.1f} %')")"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
