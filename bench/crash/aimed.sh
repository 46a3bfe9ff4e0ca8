#!/usr/bin/env bash
# Aimed crash suite: kill -9 the bridge *inside the paid window* of each paid call kind — after it committed its
# intent to call, while the upstream holds the call uncommitted — then release the call (commit or abort, taking
# turns), restart the bridge on the same database and check, from the simulator's counters and the receiver
# rather than the bridge's word, that nothing was bought twice or ended on the wrong run.
#
# Usage: bench/crash/aimed.sh [convert-kills=8] [trigger-kills=6] [submit-kills=6] [slow-leads=20]
#        bench/crash/aimed.sh 2 2 2 5        # the reduced size CI runs (.ci/run)
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=aimed   on Postgres (user postgres)
#   CONNECTIONS=5       connections the lead and repo runs are spread over (the default one and N-1 made through
#                       the admin API, each with its own Audity token and repo-audit token, hence its own budgets)
#   MAX_MISSES=3        kills per kind that may miss the window (then replaced by one more aimed kill) before giving up
#   LATE=1,4            these kills (numbers as printed) wait 2 s after the call is listed, past the 1-s read timeout,
#                       so they miss the window: a check of the check (they must be reported as missed and replaced)
#
# Three processes, as crash.sh (bench/crash/lib.sh): the simulator (the jar without AUDITY_TOKEN, BRIDGE_SIMULATOR=true,
# its own port), the bridge (AUDITY_TOKEN = the simulator's demo token, base URLs at the simulator, an H2 file or
# Postgres), receiver.py (signed callbacks). The phases:
#  1. slow-then-commit: SLOW leads (no holds, no kills); the simulator's convert works 3 s, the bridge's read timeout
#     is 1 s, so every convert times out on the bridge, commits upstream later, and must be recovered by looking.
#  2. aimed kills, the kinds taking turns: convert (lead-arrived hooks), trigger (analysis-requested hooks on
#     projects converted beforehand and made ready), submit (repo-audit-requested hooks, https://github.com/aimed/repo-N).
#     For each: hold the kind (PUT /sim/admin/holds), send the hook, poll the held list until the run's call is there,
#     kill -9 at once; then prove the kill was inside the window: the call still held after the kill, the paid_call
#     row 'in-flight' in the database (read while the bridge is down: psql, or H2's Shell on the file), and the
#     run's timeline (after the restart) ends, before the kill instant, with the step's 'attempting' row. Release
#     (commit, abort, commit, …), restart. A kill that missed the window is reported and replaced.
#  3. wait for every run to end; aimed.py check: per lead one charge, per project at most one job (two only after a
#     'send-again' trigger), per repository one audit, each lead-to-audit run on the project its conversion made,
#     every run completed, one webhook-id per run's final callback, the simulator's per-token peaks within limits.
# Limits are the real ones on both sides (reads 100, writes 20, polls 120 per token and minute); the bridge's
# timings are scaled down instead: settle window 10 s (10× the 1 s read timeout), looks 2 s apart, polls 1–3 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONVERT_KILLS=${1:-8}; TRIGGER_KILLS=${2:-6}; SUBMIT_KILLS=${3:-6}; SLOW=${4:-20}
CONNECTIONS=${CONNECTIONS:-5}; MAX_MISSES=${MAX_MISSES:-3}
KEY=aimed-key
source bench/crash/lib.sh
crash_setup aimed
T0=$(date +%s)
READS=100; WRITES=20; POLLS=120 # the documented per-token limits, on both sides
ADMIN_TOKEN=aimed-admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
REPO_AUDIT_TOKEN=rat_default_$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
export KEY TOKEN REPO_AUDIT_TOKEN
CB=http://127.0.0.1:$RECV_PORT/cb
AIMED=bench/crash/aimed.py

start_sim SIM_AUDITY_CONVERT_DURATION=3s SIM_AUDITY_INTERVIEW_ANALYSIS_DELAY=2s SIM_AUDITY_JOB_PENDING=200ms \
  SIM_AUDITY_JOB_PROCESSING=1s SIM_REPO_AUDIT_STAGE_DURATION=300ms SIM_AUDITY_CREDITS=100000000 SIM_AUDITY_ANALYSIS_BUDGET_USD=1000000 \
  SIM_AUDITY_READS_PER_MINUTE=$READS SIM_AUDITY_WRITES_PER_MINUTE=$WRITES SIM_AUDITY_POLLS_PER_MINUTE=$POLLS
start_receiver
BRIDGE_ENV=(BRIDGE_ADMIN_TOKEN=$ADMIN_TOKEN BRIDGE_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" REPO_AUDIT_TOKEN=$REPO_AUDIT_TOKEN
  UPSTREAM_READS_PER_MINUTE=$READS UPSTREAM_WRITES_PER_MINUTE=$WRITES UPSTREAM_POLLS_PER_MINUTE=$POLLS
  AUDITY_READ_TIMEOUT=1s REPO_AUDIT_READ_TIMEOUT=1s
  BRIDGE_PAID_CALLS_SETTLE_WINDOW=10s BRIDGE_PAID_CALLS_LOOK_SPACING=2s BRIDGE_PAID_CALLS_LANE_RECHECK=1s
  BRIDGE_FLOWS_POLL_INITIAL=1s BRIDGE_FLOWS_POLL_MAX=3s BRIDGE_FLOWS_PREREQUISITE_CHECK=2s
  BRIDGE_FLOWS_REPO_POLL_INITIAL=1s BRIDGE_FLOWS_REPO_POLL_MAX=2s
  UPSTREAM_INITIAL_BACKOFF=500ms UPSTREAM_MAX_BACKOFF=5s UPSTREAM_CIRCUIT_WAIT_IN_OPEN=3s
  BRIDGE_SCHEDULER_HEARTBEAT=1s BRIDGE_SCHEDULER_POLLING_INTERVAL=250ms)
start_bridge # while the simulator starts too
wait_health "$SIM" "$SIM_PID" || fail "the simulator did not start (see $WORK/sim.log)"
cds_train # a class-data archive for faster restarts, made in the background while the slow phase runs
say "simulator on $SIM_PORT, bridge on $BRIDGE_PORT, receiver on $RECV_PORT, $DB; kills: convert $CONVERT_KILLS, trigger $TRIGGER_KILLS, submit $SUBMIT_KILLS; $SLOW slow leads"
echo "{\"convert\": $CONVERT_KILLS, \"trigger\": $TRIGGER_KILLS, \"submit\": $SUBMIT_KILLS}" > "$WORK/wanted.json"
say "setup: $(python3 $AIMED setup "$SIM" "$WORK" "$BRIDGE" "$ADMIN_TOKEN" "$SECRET" \
  "connections=$CONNECTIONS,trigger_conns=$(( (TRIGGER_KILLS + 5) / 6 > 0 ? (TRIGGER_KILLS + 5) / 6 : 1 )),slow=$SLOW,convert=$CONVERT_KILLS,trigger=$TRIGGER_KILLS,submit=$SUBMIT_KILLS")"
key_of() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$WORK/conns.tsv"; }
hold() { curl -sf "${ADMIN[@]}" -X PUT "$SIM/sim/admin/holds" -H 'Content-Type: application/json' -d "$1" >/dev/null; }
release() { curl -sf "${ADMIN[@]}" -X POST "$SIM/sim/admin/holds/$1" -H 'Content-Type: application/json' -d "{\"outcome\":\"$2\"}"; }

# 1. Slow-then-commit converts: no holds, no kills.
P1=$(date +%s)
sent=$(python3 $AIMED slow-hooks "$BRIDGE" "$WORK" "$CB")
say "slow: $sent lead-arrived hooks sent over $CONNECTIONS connections (convert 3 s upstream, read timeout 1 s)"
ended=$(python3 $AIMED wait "$BRIDGE" "$WORK" slow "${SLOW_WAIT:-600}") || fail "slow runs still open: $ended"
say "slow: every run ended after $(( $(date +%s) - P1 )) s: $ended"

# 2. Aimed kills, the kinds taking turns.
P2=$(date +%s)
# The paid_call row of the run, read while the bridge is down (the H2 file is free once its process is dead).
db_state() { # run kind
  local sql="select state from paid_call where run_id = '$1' and kind = '$2'"
  if [ "$DB" = postgres ]; then
    PGOPTIONS="-c search_path=$SCHEMA" psql -h 127.0.0.1 -U "$DB_USER" -d test -Atc "$sql" 2>/dev/null || echo '?'
  else
    java "${BRIDGE_JAVA_OPTS[@]}" -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/data/audity-bridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r" \
      -user sa -password '' -sql "$sql" 2>/dev/null | awk 'NR == 2 { print $1 }' || echo '?'
  fi
}
declare -A DONE=([convert]=0 [trigger]=0 [submit]=0) MISSES=([convert]=0 [trigger]=0 [submit]=0) WANT=([convert]=$CONVERT_KILLS [trigger]=$TRIGGER_KILLS [submit]=$SUBMIT_KILLS)
declare -A NEXT=([convert]=0 [trigger]=0 [submit]=0) # the next unused subject of each kind
subject_of() { # kind index → "subject<TAB>connection"
  case $1 in
    convert) awk -F'\t' '$3 == "convert"' "$WORK/leads.tsv" | sed -n "$(( $2 + 1 ))p" | cut -f1,2 ;;
    trigger) sed -n "$(( $2 + 1 ))p" "$WORK/projects.tsv" | cut -f1,3 ;;
    submit) sed -n "$(( $2 + 1 ))p" "$WORK/repos.tsv" ;;
  esac
}
n=0
while :; do
  progressed=
  for kind in submit trigger convert; do
    [ "${DONE[$kind]}" -lt "${WANT[$kind]}" ] || continue
    progressed=1; n=$((n + 1))
    i=${NEXT[$kind]}; NEXT[$kind]=$((i + 1))
    row=$(subject_of "$kind" "$i")
    [ -n "$row" ] || row=$(python3 $AIMED extra "$SIM" "$WORK" "$kind") # a replacement subject after a miss
    subject=${row%%$'\t'*}; conn=${row#*$'\t'}; key=$(key_of "$conn")
    outcome=$([ $(( DONE[$kind] % 2 )) = 0 ] && echo commit || echo abort)
    case $kind in
      convert) path=/v1/hooks/lead-arrived; body="{\"leadId\":\"$subject\",\"callbackUrl\":\"$CB\",\"metadata\":{\"suite\":\"aimed\"}}" ;;
      trigger) path=/v1/hooks/analysis-requested; body="{\"projectId\":\"$subject\",\"callbackUrl\":\"$CB\",\"metadata\":{\"suite\":\"aimed\"}}" ;;
      submit) path=/v1/hooks/repo-audit-requested; body="{\"repoUrl\":\"$subject\",\"publishConsent\":true,\"callbackUrl\":\"$CB\",\"metadata\":{\"suite\":\"aimed\"}}" ;;
    esac
    hold "{\"$kind\":true}"
    exec 4>&2 2>/dev/null # no "Killed" notice from bash for the bridge python kills
    aimed=$(AIM_LATE=$([[ ",${LATE:-}," == *",$n,"* ]] && echo 2 || echo 0) python3 $AIMED aim "$SIM" "$kind" "$subject" \
      "$BRIDGE_PID" "${AIM_WAIT:-180}" "$BRIDGE" "$key" "$path" "$body" "$WORK/aim-$n.json" 2>&4) \
      || { exec 2>&4; fail "kill $n: the $kind call about $subject was never held: $(cat "$WORK/aim-$n.json")"; }
    wait "$BRIDGE_PID" 2>/dev/null || true
    exec 2>&4 4>&-
    run=${aimed% *}; held=${aimed#* }
    t=${EPOCHREALTIME/./}; state=$(db_state "$run" "$kind"); dbt=$(( (${EPOCHREALTIME/./} - t) / 100000 ))
    hold '{}'
    release "$held/release" "$outcome" >/dev/null || fail "kill $n: could not release $held"
    others=$(release release-all commit | { grep -o '"id"' || true; } | wc -l)
    cds_use; t=${EPOCHREALTIME/./}; start_bridge; up=$(( (${EPOCHREALTIME/./} - t) / 100000 ))
    if python3 $AIMED verify "$BRIDGE" "$key" "$run" "$kind" "$WORK/aim-$n.json" "$outcome" "${state:-?}" "$WORK/kills.jsonl" \
        "kill $n: $kind #$(( DONE[$kind] + 1 )) (run $run, $subject, $conn)" \
        "paid_call '${state:-?}' (read in $((dbt / 10)).$((dbt % 10)) s)" \
        "released $outcome$([ "$others" = 0 ] || echo ", $others other held call(s) committed"); bridge back in $((up / 10)).$((up % 10)) s"; then
      DONE[$kind]=$(( DONE[$kind] + 1 ))
    else
      MISSES[$kind]=$(( MISSES[$kind] + 1 ))
      [ "${MISSES[$kind]}" -le "$MAX_MISSES" ] || fail "$kind: more than $MAX_MISSES kills missed the window"
    fi
  done
  [ -n "$progressed" ] || break
done
say "aimed kills: $n in $(( $(date +%s) - P2 )) s (convert ${DONE[convert]}, trigger ${DONE[trigger]}, submit ${DONE[submit]}; missed: convert ${MISSES[convert]}, trigger ${MISSES[trigger]}, submit ${MISSES[submit]})"

# 3. Every run ends; then the checks, from the simulator and the receiver.
P3=$(date +%s)
ended=$(python3 $AIMED wait "$BRIDGE" "$WORK" all "${END_WAIT:-600}") || fail "runs still open at the deadline: $ended"
say "every run ended after $(( $(date +%s) - P3 )) s more: $ended"
collect() {
  python3 $AIMED collect "$BRIDGE" "$WORK"
  curl -sf "${ADMIN[@]}" "$SIM/sim/admin/counters" > "$WORK/counters.json"
}
DEADLINE=$(( $(date +%s) + 60 )) # deliveries still under way
until collect && python3 $AIMED check "$WORK" "$READS,$WRITES,$POLLS" --quiet; do
  [ "$(date +%s)" -lt "$DEADLINE" ] || break; sleep 1
done
curl -sf "$BRIDGE/prometheus" > "$WORK/prometheus.txt" || true
python3 $AIMED check "$WORK" "$READS,$WRITES,$POLLS" || fail "checks failed ($DB)"
say "PASS in $(( $(date +%s) - T0 )) s ($DB; slow phase $(( P2 - P1 )) s, kills $(( P3 - P2 )) s, end $(( $(date +%s) - P3 )) s)"
