#!/usr/bin/env bash
# Long soak: one bridge left alone for MINUTES under a steady stream of hooks, with upstream faults in phases and
# retention set short, sampled every 60 s (RSS, threads, heap used after a full GC, table rows, database size) to
# show that nothing grows. PASS when the series are flat and no lead was charged twice (bench/soak-long.py).
#
# Usage: bench/soak-long.sh [minutes=30] [hooks-per-second=2]
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=soak   Postgres (user postgres, trust):
#                          row counts and the schema's size are read with psql. Default: an H2 file, whose size is
#                          read on disk; its row counts cannot be read from outside (the file is locked) and are left
#                          blank.
#   VACUUM=auto|on|off     Postgres only: after each sample, VACUUM the schema's tables; `auto` (default) does it
#                          when the server's autovacuum is off (as on the shared bench server), standing in for it.
#   NMT=1                  run the bridge with -XX:NativeMemoryTracking=summary and sample its categories (nmt.csv),
#                          to tell which native area a growing RSS comes from (costs a little memory and CPU)
#   SEED=…                 seed of the hook mix (default: random, printed)
#   OUT=dir                where samples.csv, sizes.csv (Postgres: KiB per table), summary.txt, unconfirmed.txt (the
#                          timelines of runs that ended *_UNCONFIRMED) and the logs go (default target/soak-long/<time>)
#
# Three processes and the driver, all on loopback: the simulator (this jar with BRIDGE_SIMULATOR=true and no
# AUDITY_TOKEN, scheduler off), the bridge (AUDITY_TOKEN = the simulator's demo token, base URLs at the simulator),
# and bench/soak-long.py, which takes the signed callbacks (verified with the bridge's secret), cycles the faults,
# sends the hooks and samples. Not production settings, so that a run takes seconds and retention has something to
# do within the hour: simulator jobs 0.2 s + 1 s, converts 100 ms, interview analysis 2 s after conversion; retention
# 3 min for ended runs, 2 min for webhook delivery ids and idempotency keys (their floor, the intake's
# idempotency TTL, is lowered with them), every 30 s; a paid call in doubt settles for 10 s, looks 2 s apart; read
# timeout 2 s; per-token limits raised together on both sides. Builds the jar only if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}; RATE=${2:-2}; SEED=${SEED:-$RANDOM}
JAR=$PWD/target/audity-bridge-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
TOKEN=aky_DemoSimulatorToken0123456789abcd; KEY=soak-key
WRITES=3000; READS=6000; POLLS=6000; REPO=1000
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SIM_PORT=$(free_port); BRIDGE_PORT=$(free_port); RECV_PORT=$(free_port)
OUT=${OUT:-$PWD/target/soak-long/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"; WORK=$(mktemp -d); cp "$JAR" "$WORK/bridge.jar"; JAR=$WORK/bridge.jar # a rebuild meanwhile cannot touch it
SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
say() { echo "[$(date -u +%T)] $*"; }

if [ -n "${DATASOURCES_DEFAULT_URL:-}" ]; then
  SCHEMA=$(sed -n 's/.*currentSchema=\([a-z_0-9]*\).*/\1/p' <<<"$DATASOURCES_DEFAULT_URL"); SCHEMA=${SCHEMA:-soak}
  PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $SCHEMA cascade; create schema $SCHEMA;"
  DB=postgres; DBARGS=(DATASOURCES_DEFAULT_URL="$DATASOURCES_DEFAULT_URL" DATASOURCES_DEFAULT_USERNAME="${DATASOURCES_DEFAULT_USERNAME:-postgres}" DATASOURCES_DEFAULT_PASSWORD=)
else
  SCHEMA=; DB=h2; DBARGS=(-u DATASOURCES_DEFAULT_URL) # the default H2 file, ./data under the bridge's directory ($WORK)
fi

wait_health() { # url pid
  for _ in $(seq 1 480); do curl -sf "$1/health" >/dev/null && return 0; kill -0 "$2" 2>/dev/null || return 1; sleep 0.25; done; return 1
}

env -u AUDITY_TOKEN -u DATASOURCES_DEFAULT_URL BRIDGE_SIMULATOR=true PORT=$SIM_PORT BRIDGE_SCHEDULER_AUTOSTART=false \
  DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/sim;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  SIM_AUDITY_JOB_PENDING=200ms SIM_AUDITY_JOB_PROCESSING=1s SIM_AUDITY_CONVERT_DURATION=100ms SIM_AUDITY_INTERVIEW_ANALYSIS_DELAY=2s \
  SIM_AUDITY_CREDITS=1000000000 SIM_AUDITY_ANALYSIS_BUDGET_USD=100000000 \
  SIM_AUDITY_WRITES_PER_MINUTE=$WRITES SIM_AUDITY_READS_PER_MINUTE=$READS SIM_AUDITY_POLLS_PER_MINUTE=$POLLS \
  SIM_REPO_AUDIT_STAGE_DURATION=500ms SIM_REPO_AUDIT_ANONYMOUS_DAILY_LIMIT=1000000 SIM_REPO_AUDIT_MAX_IN_FLIGHT=1000 \
  SIM_REPO_AUDIT_SUBMITS_PER_MINUTE=$REPO SIM_REPO_AUDIT_STATUS_PER_MINUTE=$POLLS SIM_REPO_AUDIT_HISTORY_PER_MINUTE=$REPO \
  SIM_REPO_AUDIT_QUOTA_PER_MINUTE=$REPO \
  java -Xmx512m -jar "$JAR" > "$OUT/sim.log" 2>&1 &
PIDS+=($!); SIM_PID=$!
wait_health "http://127.0.0.1:$SIM_PORT" "$SIM_PID" || { echo "the simulator did not start (see $OUT/sim.log)"; exit 1; }

(cd "$WORK" && exec env "${DBARGS[@]}" AUDITY_TOKEN=$TOKEN PORT=$BRIDGE_PORT \
  AUDITY_BASE_URL=http://127.0.0.1:$SIM_PORT/sim/audity REPO_AUDIT_BASE_URL=http://127.0.0.1:$SIM_PORT/sim/repo-audit \
  BRIDGE_API_KEYS=$KEY BRIDGE_ALLOW_PRIVATE_CALLBACKS=true BRIDGE_SIGNING_SECRET=$SECRET BRIDGE_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  UPSTREAM_WRITES_PER_MINUTE=$WRITES UPSTREAM_READS_PER_MINUTE=$READS UPSTREAM_POLLS_PER_MINUTE=$POLLS \
  UPSTREAM_REPO_SUBMITS_PER_MINUTE=$REPO UPSTREAM_REPO_STATUS_PER_MINUTE=$POLLS \
  UPSTREAM_INITIAL_BACKOFF=1s UPSTREAM_MAX_BACKOFF=30s UPSTREAM_CIRCUIT_WAIT_IN_OPEN=3s \
  AUDITY_READ_TIMEOUT=2s REPO_AUDIT_READ_TIMEOUT=2s \
  BRIDGE_INTAKE_REQUESTS_PER_MINUTE=100000 BRIDGE_INTAKE_IDEMPOTENCY_TTL=2m \
  BRIDGE_FLOWS_POLL_INITIAL=1s BRIDGE_FLOWS_POLL_MAX=3s BRIDGE_FLOWS_PREREQUISITE_CHECK=3s BRIDGE_FLOWS_PREREQUISITE_MAX=10s \
  BRIDGE_FLOWS_REPO_POLL_INITIAL=1s BRIDGE_FLOWS_REPO_POLL_MAX=3s \
  BRIDGE_RETENTION_RUNS=3m BRIDGE_RETENTION_DEAD_LETTERS=3m BRIDGE_RETENTION_INBOUND_DELIVERIES=2m \
  BRIDGE_RETENTION_IDEMPOTENCY_KEYS=2m BRIDGE_RETENTION_EVERY=30s \
  BRIDGE_PAID_CALLS_SETTLE_WINDOW=10s BRIDGE_PAID_CALLS_LOOK_SPACING=2s BRIDGE_PAID_CALLS_LOOK_FOR=5m BRIDGE_PAID_CALLS_LANE_RECHECK=1s \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError ${NMT:+-XX:NativeMemoryTracking=summary} -jar "$JAR" > "$OUT/bridge.log" 2>&1) &
PIDS+=($!)
wait_health "http://127.0.0.1:$BRIDGE_PORT" "$!" || { echo "the bridge did not start (see $OUT/bridge.log)"; exit 1; }
BRIDGE_PID=$(pgrep -P "${PIDS[-1]}" java || echo "${PIDS[-1]}") # the subshell execs java, so this is usually the same pid
say "soak: $MINUTES min at $RATE hooks/s, $DB${SCHEMA:+ (schema $SCHEMA)}, seed $SEED; bridge pid $BRIDGE_PID on $BRIDGE_PORT," \
  "simulator on $SIM_PORT, receiver on $RECV_PORT; out $OUT; load $(cut -d' ' -f1-3 /proc/loadavg)"

SIM=http://127.0.0.1:$SIM_PORT BRIDGE=http://127.0.0.1:$BRIDGE_PORT KEY=$KEY TOKEN=$TOKEN SECRET=$SECRET \
  RECV_PORT=$RECV_PORT BRIDGE_PID=$BRIDGE_PID DB=$DB SCHEMA=$SCHEMA H2_DIR="$WORK/data" OUT="$OUT" SEED=$SEED \
  RETENTION_RUNS_S=180 RETENTION_EVERY_S=30 VACUUM=${VACUUM:-auto} NMT=${NMT:-} \
  python3 bench/soak-long.py "$MINUTES" "$RATE"
