#!/usr/bin/env bash
# The shared per-token budget with Audity's real limits on the simulator (reads 100, writes 20, polls 120 a minute)
# and the bridge's defaults (the same limits, a burst of 2), replicas on one Postgres schema (bench/lib.sh):
#  (a) a burst of 30 lead-to-audit hooks on one token, 1 replica: the callbacks' times after the first hook and their
#      order against the hooks' (a receiver of its own timestamps them);
#  (b) writes and the simulator's sliding-minute peaks over WINDOW seconds: 1 replica (the burst of (a)), 2 and 3
#      replicas with one of them given all the hooks, then 3 replicas given them in turn;
#  (c) the cost of a budget check on Postgres (BudgetsOnPostgresTest).
#  (d) replicas started and stopped during the window, as an autoscaler would (2, then 3, then 2 again, then 3).
# Jobs take 5 s and a converted project has its analyses at once, so the writes (convert, trigger) are what binds.
# Usage: bench/budget.sh [window-seconds=120] [parts=abcd]   (e.g. `bench/budget.sh 120 a`: only the burst)
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${1:-120}; PARTS=${2:-abcd}; SIMPORT=${SIMPORT:-18290}; BASE=${BASE:-18291}; RECV=${RECV:-18299}; SCHEMA=budget
WORK=$(mktemp -d); REAL_LIMITS=1
export SIM_AUDITY_INTERVIEW_ANALYSIS_DELAY=0s BRIDGE_ALLOW_PRIVATE_CALLBACKS=true
export BRIDGE_SIGNING_SECRET=whsec_$(head -c 32 /dev/urandom | base64)
. bench/lib.sh
trap stop_all EXIT
CALLBACK=http://127.0.0.1:$RECV/callback

echo "$(date -u +%FT%TZ) before: $(uptime)"
start_sim 5s
python3 bench/budget.py receive $RECV "$WORK/callbacks" & PIDS+=($!)
KEEP=${#PIDS[@]}

# Stops the replicas, empties the schema and the simulator, adds $1 leads.
fresh() {
  for p in "${PIDS[@]:$KEEP}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=("${PIDS[@]:0:$KEEP}")
  SQL "drop schema if exists $SCHEMA cascade; create schema $SCHEMA;"
  curl -sf -X POST -H 'X-Sim-Admin-Token: sim-admin' localhost:$SIMPORT/sim/admin/reset
  : > "$WORK/callbacks"
  python3 bench/load.py leads $SIMPORT "$1" > "$WORK/leads"
}
replicas() { for i in $(seq 1 "$1"); do bridge $((BASE + i - 1)) true; done; for i in $(seq 1 "$1"); do wait_up $((BASE + i - 1)); done; }
budgets() { curl -s -H 'Authorization: Bearer bench-admin' localhost:$BASE/v1/admin/budgets | python3 -c '
import json, sys
for b in json.load(sys.stdin).get("budgets", []):
    print("   ", {k: v for k, v in b.items() if k in ("budget", "limitPerMinute", "available", "usedLastMinute", "store")})'; }

if [[ $PARTS == *a* ]]; then
echo "== (a) a burst of 30 lead-to-audit hooks, one token, 1 replica"
fresh 30; replicas 1
python3 bench/budget.py window $SIMPORT "$WINDOW" > "$WORK/window-1" & WIN=$!; PIDS+=($WIN)
python3 bench/budget.py hooks bench-key $CALLBACK "$WORK/leads" "$WORK/hooks" $BASE
DEADLINE=$((SECONDS + 420))
while [ "$(wc -l < "$WORK/callbacks")" -lt 30 ] && [ $SECONDS -lt $DEADLINE ]; do sleep 2; done
python3 bench/budget.py burst "$WORK/hooks" "$WORK/callbacks"
wait $WIN; echo "== (b) 1 replica, the burst's first $WINDOW s:"; cat "$WORK/window-1"
budgets
fi

[[ $PARTS == *b* ]] && for setup in "2 one" "3 one" "3 all"; do
  set -- $setup
  echo "== (b) $1 replicas, hooks to $([ "$2" = one ] && echo "one of them" || echo "each in turn"), $WINDOW s"
  fresh 40; replicas "$1"
  PORTS=$BASE; [ "$2" = all ] && PORTS=$(seq -s ' ' $BASE $((BASE + $1 - 1)))
  python3 bench/budget.py hooks bench-key $CALLBACK "$WORK/leads" "$WORK/hooks" $PORTS
  python3 bench/budget.py window $SIMPORT "$WINDOW"
  budgets
done
if [[ $PARTS == *d* ]]; then
  # Replicas come and go as an autoscaler would have them: 2 at the start, a third at a quarter of the window, the
  # second stopped (SIGTERM, as a scale-down does) at half, a fourth at three quarters.
  echo "== (d) replicas started and stopped during $WINDOW s (hooks to the first)"
  fresh 40; replicas 2
  python3 bench/budget.py hooks bench-key $CALLBACK "$WORK/leads" "$WORK/hooks" $BASE
  python3 bench/budget.py window $SIMPORT "$WINDOW" > "$WORK/window-d" & WIN=$!
  QUARTER=$((WINDOW / 4))
  sleep $QUARTER; bridge $((BASE + 2)) true; echo "   $QUARTER s: replica 3 started"
  sleep $QUARTER; kill "${PIDS[$((KEEP + 1))]}"; echo "   $((2 * QUARTER)) s: replica 2 stopped"
  sleep $QUARTER; bridge $((BASE + 3)) true; echo "   $((3 * QUARTER)) s: replica 4 started"
  wait $WIN; cat "$WORK/window-d"
  budgets
fi
fresh 0
echo "$(date -u +%FT%TZ) after (a, b, d): $(uptime)"

[[ $PARTS == *c* ]] || exit 0
echo "== (c) a budget check on Postgres (BudgetsOnPostgresTest)"
./mvnw -B -o -q -Ppostgres test -Dtest=BudgetsOnPostgresTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 || true
grep -hE "a budget check on Postgres|three replicas, 3 minutes" \
  target/surefire-reports/com.auditybridge.upstream.BudgetsOnPostgresTest-output.txt | sed 's/.*BudgetsOnPostgresTest *- /    /'
echo "$(date -u +%FT%TZ) after: $(uptime)"
