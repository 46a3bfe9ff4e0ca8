#!/usr/bin/env bash
# Intake with a large table: the Postgres durable-202 rate (wrk on /v1/hooks/lead-arrived, as bench/intake.sh
# postgres) on the freshly migrated schema, then on the same schema after FILL runs (1,000,000 by default) are in the
# tables, same server, same run; then large/empty. The fill is SQL (generate_series): completed lead-to-audit runs of the
# same connection with upstream ids, a result and created_at spread over 90 days (so the unique (connection, lead)
# index, the list index and the project and finished indexes all grow), and their five timeline rows each (queued,
# convert attempting/converted, triggered, completed); then ANALYZE and a CHECKPOINT, so that neither the fill's
# statistics nor its dirty pages land in the timed phase. Each phase: 5 s warm-up, then SECONDS_EACH.
# Usage: bench/intake-million.sh [seconds=15] [connections=32] [fill=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-15}; CONNECTIONS=${2:-32}; FILL=${3:-1000000}; PORT=${PORT:-18080}; DB=postgres
echo "load before: $(uptime | sed 's/.*load average/load average/')"
. bench/intake-bridge.sh
SQLB() { "${PSQL[@]}" -c "set search_path=bench; $1"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
requests() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p'; }
HZ=$(getconf CLK_TCK)

# One timed phase on the durable hook; prints the line and sets RATE.
phase() {
  SQLB "checkpoint;" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/lead-arrived.lua "http://localhost:$PORT" -- /v1/hooks/lead-arrived >/dev/null
  local before; before=$(cpu_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/lead-arrived.lua "http://localhost:$PORT" \
    -- /v1/hooks/lead-arrived > "$WORK/wrk-$1"
  local ticks=$(( $(cpu_ticks) - before ))
  grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors" "$WORK/wrk-$1" || true
  echo "bridge CPU: $(python3 -c "print(f'{1e6 * $ticks / $HZ / $(requests < "$WORK/wrk-$1"):.0f} µs a request')")"
  RATE=$(awk '/Requests\/sec/{print $2}' "$WORK/wrk-$1")
}

echo "== durable hook, empty tables (${SECONDS_EACH}s, $CONNECTIONS connections)"
phase empty; EMPTY=$RATE
# The fill goes to the connection the hooks use (the bench key's), so its unique (connection, lead) index is the one hit.
CONN=$(SQLB "select connection_id from run limit 1")
echo "runs after the empty phase: $(SQLB "select count(*) from run") (connection '$CONN')"

echo "== fill: $FILL runs and their timeline rows"
T0=$SECONDS
SQLB "insert into run (id, connection_id, flow, status, step, input, lead_id, project_id, job_id, analysis_id, result,
        attempts, step_started_at, next_at, created_at, updated_at, finished_at, version)
      select md5('fill' || i)::uuid::text, '$CONN', 'lead-to-audit', 'completed', 'done',
        '{\"leadId\":\"fill-' || i || '\",\"metadata\":{\"source\":\"crm\",\"campaign\":\"c' || (i % 97) || '\"}}',
        'fill-' || i, 'prj_' || md5('p' || i), 'job_' || md5('j' || i), 'ana_' || md5('a' || i),
        '{\"projectId\":\"prj_' || md5('p' || i) || '\",\"status\":\"completed\",\"resultUrl\":\"https://app.audity.example/projects/prj_'
          || md5('p' || i) || '\"}',
        3, t, null, t, t + interval '40 seconds', t + interval '40 seconds', 6
      from (select i, now() - interval '90 days' + (i * interval '90 days' / $FILL) t
            from generate_series(1, $FILL) i) s;" >/dev/null
echo "runs: $((SECONDS - T0)) s"; T0=$SECONDS
SQLB "insert into run_event (run_id, at, step, outcome, detail)
      select md5('fill' || i)::uuid::text, now() - interval '90 days' + (i * interval '90 days' / $FILL) + e.off, e.step, e.outcome, e.detail
      from generate_series(1, $FILL) i,
        (values (interval '0 s', 'intake', 'queued', 'accepted lead-to-audit'),
                (interval '1 s', 'convert', 'attempting', null), (interval '2 s', 'convert', 'converted', null),
                (interval '3 s', 'trigger', 'triggered', null), (interval '40 s', 'poll', 'completed', null))
          e(off, step, outcome, detail);" >/dev/null
echo "timeline rows: $((SECONDS - T0)) s"; T0=$SECONDS
SQLB "analyze;" >/dev/null; echo "analyze: $((SECONDS - T0)) s"
echo "run: $(SQLB "select count(*) from run") rows, $(SQLB "select pg_size_pretty(pg_total_relation_size('run'))");" \
  "run_event: $(SQLB "select count(*) from run_event") rows, $(SQLB "select pg_size_pretty(pg_total_relation_size('run_event'))")"

echo "== durable hook, $FILL runs in the tables (${SECONDS_EACH}s, $CONNECTIONS connections)"
phase large; LARGE=$RATE
echo "== result"
echo "durable 202/s empty $EMPTY, with $FILL runs $LARGE: large/empty = $(python3 -c "print(f'{100*$LARGE/$EMPTY:.1f} %')")"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
