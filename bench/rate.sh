#!/usr/bin/env bash
# Constant-rate intake: RATE lead-arrived hooks a second, each with a new lead id, sent on schedule whatever the
# answers (bench/RateClient.java, an open loop), for SECONDS after 10 s of warm-up, on 64 kept-alive connections; latency from each hook's planned send
# to its durable 202. Same bridge as bench/intake.sh (bench/intake-bridge.sh).
# Usage: bench/rate.sh [h2|postgres] [rate=500] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}; RATE=${2:-500}; SECONDS_RUN=${3:-30}; PORT=${PORT:-18080}
echo "load before: $(uptime | sed 's/.*load average/load average/')"
. bench/intake-bridge.sh
if [ "$DB" = postgres ]; then
  # The database's own tail at this rate: pgbench sends the 202's write shape (bench/intake-shape.sql) on schedule
  # (-R, latency counted from the scheduled start), 16 clients, on the migrated schema.
  echo "== pgbench -R $RATE, the 202's write shape, ${SECONDS_RUN}s"
  (cd "$WORK" && PGOPTIONS="-c search_path=bench" pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 16 -j 2 \
      -R "$RATE" -T "$SECONDS_RUN" --log --log-prefix=pgb -f "$OLDPWD/bench/intake-shape.sql" test > pgbench.out 2>&1)
  grep -E "^tps|latency average" "$WORK/pgbench.out" || true
  cat "$WORK"/pgb.* | python3 -c "
import sys
# pgbench's log: client, transaction, time (µs, from the scheduled start under -R), script, epoch, µs, lag
t = sorted(int(line.split()[2]) for line in sys.stdin)
q = lambda p: t[min(len(t) - 1, int(p * len(t)))] / 1000
print(f'pgbench latency from the scheduled start: p50 {q(.5):.1f} ms, p90 {q(.9):.1f} ms, p99 {q(.99):.1f} ms, max {t[-1] / 1000:.1f} ms')"
  "${PSQL[@]}" -c "set search_path=bench; delete from scheduled_tasks where task_name = 'pgb';
    delete from run_event where run_id like 'pgb-%'; delete from run where id like 'pgb-%';"
fi
echo "== $RATE hooks/s on $DB, ${SECONDS_RUN}s"
java -Xmx256m bench/RateClient.java "http://localhost:$PORT/v1/hooks/lead-arrived" "$RATE" "$SECONDS_RUN" 10 64
echo "load after: $(uptime | sed 's/.*load average/load average/')"
