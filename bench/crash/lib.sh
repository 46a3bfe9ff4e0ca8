# Shared pieces of the crash suites (crash.sh, aimed.sh): sourced, not run. From the repository root:
#   source bench/crash/lib.sh; crash_setup <default-schema>
#   start_sim VAR=value…; start_receiver; wait_health "$SIM" "$SIM_PID"
#   BRIDGE_ENV=(VAR=value…); start_bridge; … kill_bridge; start_bridge …
# crash_setup copies the jar to a fresh $WORK (a rebuild meanwhile cannot touch it), picks free ports for the
# simulator, the bridge and the receiver, makes a fresh whsec_ secret, and picks the database: an H2 file under
# $WORK/data (the bridge's working directory), an H2 URL of one's own when DATASOURCES_DEFAULT_URL is a jdbc:h2: URL,
# or Postgres when DATASOURCES_DEFAULT_URL is given (its
# currentSchema is dropped and created again; user postgres, trust auth).
TOKEN=aky_DemoSimulatorToken0123456789abcd # the simulator's demo token (application-sim.yml)
ADMIN=(-H 'X-Sim-Admin-Token: sim-admin')
KEY=${KEY:-crash-key}
PIDS=()
BRIDGE_ENV=()
BRIDGE_JAVA_OPTS=()

say() { echo "[$(date +%T)] $*"; }
fail() { echo "FAIL: $*"; echo "(logs: $WORK, kept)"; KEEP_WORK=1; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() {
  for p in "${PIDS[@]}" ${BRIDGE_PID:-}; do kill "$p" 2>/dev/null || true; done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}

crash_setup() { # default Postgres schema
  JAR=$PWD/target/audity-bridge-0.1.0-SNAPSHOT.jar
  [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
  SIM_PORT=$(free_port); BRIDGE_PORT=$(free_port); RECV_PORT=$(free_port)
  WORK=$(mktemp -d); cp "$JAR" "$WORK/bridge.jar"; JAR=$WORK/bridge.jar
  BRIDGE=http://127.0.0.1:$BRIDGE_PORT; SIM=http://127.0.0.1:$SIM_PORT
  SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
  trap cleanup EXIT
  if [[ "${DATASOURCES_DEFAULT_URL:-}" == jdbc:h2:* ]]; then
    DB=h2; DB_URL=$DATASOURCES_DEFAULT_URL # a user's own H2 URL, exactly as given (relative paths under $WORK)
  elif [ -n "${DATASOURCES_DEFAULT_URL:-}" ]; then
    SCHEMA=$(sed -n 's/.*currentSchema=\([a-z_0-9]*\).*/\1/p' <<<"$DATASOURCES_DEFAULT_URL"); SCHEMA=${SCHEMA:-$1}
    PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $SCHEMA cascade; create schema $SCHEMA;"
    DB_URL=$DATASOURCES_DEFAULT_URL; DB_USER=${DATASOURCES_DEFAULT_USERNAME:-postgres}; DB=postgres
  else
    DB=h2 # the default: an H2 file under ./data of the bridge's working directory ($WORK)
  fi
}

wait_health() { # url pid
  for _ in $(seq 1 480); do curl -sf "$1/health" >/dev/null && return 0; kill -0 "$2" 2>/dev/null || return 1; sleep 0.25; done; return 1
}

# The simulator: a second copy of the jar, no AUDITY_TOKEN, BRIDGE_SIMULATOR=true, its own throwaway database,
# its scheduler off, nobody calls its hooks. Arguments: more VAR=value settings (sim.* etc.). Does not wait.
start_sim() {
  env -u AUDITY_TOKEN -u DATASOURCES_DEFAULT_URL PORT=$SIM_PORT BRIDGE_SIMULATOR=true BRIDGE_SCHEDULER_AUTOSTART=false \
    DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/sim;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    "$@" java -Xmx384m -XX:TieredStopAtLevel=1 -jar "$JAR" > "$WORK/sim.log" 2>&1 &
  PIDS+=($!); SIM_PID=$!
}

start_receiver() { # receiver.py: verifies every callback with $SECRET, one JSON line each in $WORK/received.jsonl
  python3 bench/crash/receiver.py "$RECV_PORT" "$WORK/received.jsonl" "$SECRET" > "$WORK/receiver.log" 2>&1 &
  PIDS+=($!)
}

# The bridge: AUDITY_TOKEN = the simulator's demo token (so its own simulator is off), both base URLs at the
# simulator, key $KEY, the secret, plus the suite's own settings in BRIDGE_ENV. Waits until it answers /health.
start_bridge() {
  local db=(-u DATASOURCES_DEFAULT_URL)
  [ -z "${DB_URL:-}" ] || db=(DATASOURCES_DEFAULT_URL="$DB_URL")
  [ "$DB" = h2 ] || db=(DATASOURCES_DEFAULT_URL="$DB_URL" DATASOURCES_DEFAULT_USERNAME="$DB_USER" DATASOURCES_DEFAULT_PASSWORD=)
  (cd "$WORK" && exec env "${db[@]}" AUDITY_TOKEN=$TOKEN AUDITY_BASE_URL=$SIM/sim/audity REPO_AUDIT_BASE_URL=$SIM/sim/repo-audit PORT=$BRIDGE_PORT \
    BRIDGE_API_KEYS=$KEY BRIDGE_ALLOW_PRIVATE_CALLBACKS=true BRIDGE_SIGNING_SECRET=$SECRET "${BRIDGE_ENV[@]}" \
    java -Xmx384m -XX:TieredStopAtLevel=1 "${BRIDGE_JAVA_OPTS[@]}" -jar "$JAR" >> "$WORK/bridge.log" 2>&1) &
  BRIDGE_PID=$!
  wait_health "$BRIDGE" "$BRIDGE_PID" || fail "the bridge did not start (see $WORK/bridge.log)"
}

# Faster restarts: a throwaway bridge (own port and H2 file, scheduler off, no upstream) started in the background
# writes a class-data archive of the jar when it stops (-XX:ArchiveClassesAtExit); once it has, cds_use has every
# later start use it (on this 2-core machine under load: ~5 s to /health instead of ~15 s). Without it, nothing changes.
cds_train() {
  local port; port=$(free_port); mkdir -p "$WORK/cds"
  (cd "$WORK/cds" && exec env -u DATASOURCES_DEFAULT_URL AUDITY_TOKEN=$TOKEN AUDITY_BASE_URL=http://127.0.0.1:9/none \
    REPO_AUDIT_BASE_URL=http://127.0.0.1:9/none PORT=$port BRIDGE_SCHEDULER_AUTOSTART=false BRIDGE_GRACEFUL_SHUTDOWN=false \
    java -Xmx384m -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$WORK/bridge.jsa" -jar "$JAR" > "$WORK/cds.log" 2>&1) &
  CDS_PID=$!; PIDS+=($CDS_PID)
  (wait_health "http://127.0.0.1:$port" "$CDS_PID" && kill -TERM "$CDS_PID") > /dev/null 2>&1 &
}
cds_use() { # does not wait: uses the archive once the trainer has exited having written it
  [ -n "${CDS_PID:-}" ] && ! kill -0 "$CDS_PID" 2>/dev/null || return 0
  wait "$CDS_PID" 2>/dev/null || true; CDS_PID=
  if [ -s "$WORK/bridge.jsa" ]; then BRIDGE_JAVA_OPTS=(-XX:SharedArchiveFile="$WORK/bridge.jsa"); say "restarts use the class-data archive from now on"; fi
}

kill_bridge() { kill -9 "$BRIDGE_PID" 2>/dev/null || true; wait "$BRIDGE_PID" 2>/dev/null || true; }

runs_json() { # [key]: every run of the key's connection, following the cursor
  python3 - "$BRIDGE" "${1:-$KEY}" <<'EOF'
import json, sys, urllib.request
base, key, cursor, runs = sys.argv[1], sys.argv[2], None, []
while True:
    url = base + "/v1/runs?limit=100" + ("&cursor=" + cursor if cursor else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + key})))
    runs += page.get("runs", []); cursor = page.get("nextCursor")
    if not cursor: break
print(json.dumps(runs))
EOF
}
