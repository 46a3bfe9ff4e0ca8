#!/usr/bin/env bash
# Intake benchmark: durable 202s per second (run + first task committed before the answer) next to a
# no-op endpoint of the same server (same key check, parsing and validation, no database), same run.
# Usage: bench/intake.sh [h2|postgres] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}; SECONDS_EACH=${2:-20}; CONNECTIONS=${3:-32}; PORT=${PORT:-18080}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/audity-bridge-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q package -DskipTests

WORK=$(mktemp -d)
if [ "$DB" = postgres ]; then
  PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists bench cascade; create schema bench;"
  export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench"
  export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
else
  export DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
fi
# The scheduler is off so that only intake is measured, not the runs it queues. The connection's inbound
# rate (600 hook calls/min by default, answered 429) is raised: the benchmark measures the 202 path.
PORT=$PORT BRIDGE_SIMULATOR=true BRIDGE_API_KEYS=bench-key BRIDGE_SCHEDULER_AUTOSTART=false BRIDGE_BENCH_NOOP_HOOK=true \
  BRIDGE_INTAKE_REQUESTS_PER_MINUTE=100000000 \
  java -Xmx512m -jar target/audity-bridge-0.1.0-SNAPSHOT.jar > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done

echo "== warm-up"; wrk -t2 -c"$CONNECTIONS" -d5s -s bench/lead-arrived.lua "http://localhost:$PORT" -- /v1/hooks/lead-arrived >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/lead-arrived.lua "http://localhost:$PORT" -- /bench/noop-lead-arrived >/dev/null
for path in /bench/noop-lead-arrived /v1/hooks/lead-arrived; do
  echo "== $path ($DB, ${SECONDS_EACH}s, $CONNECTIONS connections)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/lead-arrived.lua "http://localhost:$PORT" -- "$path" \
    | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors"
done
