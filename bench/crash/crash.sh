#!/usr/bin/env bash
# Crash suite: kill -9 the bridge at random moments while N lead-to-audit runs are under way, restart it on
# the same database each time, then check that every run completed, every lead was converted exactly once,
# and every final callback arrived (at least once, one stable webhook-id per run).
#
# Usage: bench/crash/crash.sh [leads=200] [kills=10]
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://…  run on Postgres (user postgres, trust auth); default: an H2 file
#   FAULTS='{"errorRate":0.2,…}|{…}'              upstream faults, phases taking turns (the soak: bench/crash/soak.sh)
#   SEED=…                                         seed of the kill moments (default: random, printed)
#
# Three processes: the simulator (this jar without AUDITY_TOKEN, its own port, nobody calls its hooks), the
# bridge (AUDITY_TOKEN = the simulator's demo token, so its own simulator is off), and receiver.py (callbacks).
# The simulator's account has credits and AI budget for every lead. So that a run takes seconds, the
# simulator's jobs are short (0.2 s pending, 1 s processing) and the bridge polls after 1 s; and so that
# 200 leads need not take 30 minutes of writes, the per-token limits are raised together on both sides:
# writes 600/min, reads 1200/min, polls 1200/min (production: 20, 100, 120). Builds the jar only if missing.
# The process plumbing is shared with the aimed suite (aimed.sh): bench/crash/lib.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
LEADS=${1:-200}; KILLS=${2:-10}; SEED=${SEED:-$RANDOM}; RANDOM=$SEED
source bench/crash/lib.sh
crash_setup crash
WRITES=600; READS=1200; POLLS=1200
start_sim SIM_AUDITY_JOB_PENDING=200ms SIM_AUDITY_JOB_PROCESSING=1s SIM_AUDITY_INTERVIEW_ANALYSIS_DELAY=2s SIM_AUDITY_CREDITS=100000000 SIM_AUDITY_ANALYSIS_BUDGET_USD=1000000 \
  SIM_AUDITY_WRITES_PER_MINUTE=$WRITES SIM_AUDITY_READS_PER_MINUTE=$READS SIM_AUDITY_POLLS_PER_MINUTE=$POLLS
start_receiver
BRIDGE_ENV=(UPSTREAM_WRITES_PER_MINUTE=$WRITES UPSTREAM_READS_PER_MINUTE=$READS UPSTREAM_POLLS_PER_MINUTE=$POLLS
  UPSTREAM_INITIAL_BACKOFF=${UPSTREAM_INITIAL_BACKOFF:-500ms} UPSTREAM_MAX_BACKOFF=${UPSTREAM_MAX_BACKOFF:-5s} UPSTREAM_CIRCUIT_WAIT_IN_OPEN=3s
  BRIDGE_FLOWS_POLL_INITIAL=1s BRIDGE_FLOWS_POLL_MAX=3s BRIDGE_SCHEDULER_HEARTBEAT=1s
  BRIDGE_FLOWS_PREREQUISITE_CHECK=2s BRIDGE_PAID_CALLS_LANE_RECHECK=500ms
  AUDITY_READ_TIMEOUT=3s BRIDGE_PAID_CALLS_SETTLE_WINDOW=15s BRIDGE_PAID_CALLS_LOOK_SPACING=2s)

wait_health "$SIM" "$SIM_PID" || fail "the simulator did not start (see $WORK/sim.log)"
say "simulator on $SIM_PORT, receiver on $RECV_PORT, $DB; $LEADS leads, $KILLS kills, seed $SEED"
# Faults: one setting, or several separated by '|' that take turns every PHASE_SECONDS (default 8) until the end.
set_faults() { curl -sf "${ADMIN[@]}" -X PUT "$SIM/sim/admin/faults" -H 'Content-Type: application/json' -d "$1" >/dev/null; }
IFS='|' read -ra PHASES <<<"${FAULTS:-{\}}"
set_faults "${PHASES[0]}"
if [ "${#PHASES[@]}" -gt 1 ]; then
  ( i=0; while sleep "${PHASE_SECONDS:-8}"; do i=$(( (i + 1) % ${#PHASES[@]} )); set_faults "${PHASES[$i]}" || true; done ) &
  CYCLER=$!; PIDS+=($CYCLER)
fi
python3 - "$SIM" "$TOKEN" "$LEADS" > "$WORK/leads" <<'EOF'
import json, sys, urllib.request
sim, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(n):
    req = urllib.request.Request(sim + "/sim/admin/audity/leads", data=json.dumps({"token": token}).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-Sim-Admin-Token": "sim-admin"})
    print(json.load(urllib.request.urlopen(req))["id"])
EOF
start_bridge
say "bridge up (pid $BRIDGE_PID)"

# The sender: each hook is sent until it is answered 2xx (a crash refuses or cuts the request; the same lead
# again is deduplicated to the same run, so re-sending is safe).
send_hooks() {
  while read -r lead; do
    for _ in $(seq 1 400); do
      code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST "$BRIDGE/v1/hooks/lead-arrived" -H "Authorization: Bearer $KEY" \
        -H 'Content-Type: application/json' \
        -d "{\"leadId\":\"$lead\",\"callbackUrl\":\"http://127.0.0.1:$RECV_PORT/cb\",\"metadata\":{\"suite\":\"crash\"}}" || true)
      case $code in 2*) break ;; esac; sleep 0.25
    done
    case $code in 2*) ;; *) echo "hook for $lead never accepted (last $code)" >> "$WORK/sender.err" ;; esac
  done < "$WORK/leads"
}
send_hooks & SENDER=$!; PIDS+=($SENDER)

# The killer: kill -9 at random moments (0.5–6 s after the bridge came up), then restart on the same database.
START=$(date +%s)
for k in $(seq 1 "$KILLS"); do
  sleep "$((RANDOM % 56 / 10 + 0)).$((RANDOM % 10))"; sleep 0.5
  curl -s -m 2 "$BRIDGE/prometheus" > "$WORK/prometheus-$k.txt" || true
  kill_bridge
  say "kill $k/$KILLS"
  start_bridge
done
wait "$SENDER" || true
[ ! -s "$WORK/sender.err" ] || fail "$(cat "$WORK/sender.err")"
say "kills done after $(( $(date +%s) - START )) s; waiting for the runs to end"

DEADLINE=$(( $(date +%s) + ${END_WAIT:-300} ))
while :; do
  runs_json > "$WORK/runs.json"
  open=$(python3 -c 'import json,sys; print(sum(r["status"] not in ("completed","failed","cancelled") for r in json.load(open(sys.argv[1]))))' "$WORK/runs.json")
  [ "$open" = 0 ] && break
  [ "$(date +%s)" -lt "$DEADLINE" ] || fail "$open runs still open at the deadline"
  sleep 1
done
# Final callbacks: give the outbox a moment for deliveries still under way.
[ -z "${CYCLER:-}" ] || kill "$CYCLER"
curl -sf "${ADMIN[@]}" "$SIM/sim/admin/counters" > "$WORK/counters.json"
DEADLINE=$(( $(date +%s) + 60 ))
until python3 bench/crash/check.py "$WORK" "$LEADS" "$KILLS" "$WRITES" "$READS" "$POLLS" --quiet; do
  [ "$(date +%s)" -lt "$DEADLINE" ] || break; sleep 1
done
curl -sf -H "Authorization: Bearer $KEY" "$BRIDGE/v1/deliveries?status=dead&limit=200" > "$WORK/dead.json"
curl -sf "$BRIDGE/prometheus" > "$WORK/prometheus.txt" || true
python3 bench/crash/check.py "$WORK" "$LEADS" "$KILLS" "$WRITES" "$READS" "$POLLS" || fail "checks failed"
say "PASS in $(( $(date +%s) - START )) s ($DB, $LEADS leads, $KILLS kills, seed $SEED)"
