# Shared by bench/engine.sh and bench/inflight.sh: a simulator process and bridge replicas on one Postgres schema.
# Expects SCHEMA, SIMPORT and WORK; sets PIDS. Upstream limits are raised on both sides (LIMITS per minute), unless
# REAL_LIMITS=1: then the simulator keeps Audity's (reads 100, writes 20, polls 120 a minute) and the bridge its defaults.
JAR=${BENCH_JAR:-target/audity-bridge-0.1.0-SNAPSHOT.jar}
LIMITS=${LIMITS:-10000000}
PIDS=()
if [ "${REAL_LIMITS:-0}" = 1 ]; then
  SIM_RATES=(); BRIDGE_RATES=()
else
  SIM_RATES=(SIM_AUDITY_READS_PER_MINUTE=$LIMITS SIM_AUDITY_WRITES_PER_MINUTE=$LIMITS SIM_AUDITY_POLLS_PER_MINUTE=$LIMITS)
  BRIDGE_RATES=(UPSTREAM_READS_PER_MINUTE=$LIMITS UPSTREAM_WRITES_PER_MINUTE=$LIMITS UPSTREAM_POLLS_PER_MINUTE=$LIMITS)
fi
[ -f $JAR ] || ./mvnw -B -q package -DskipTests
SQL() { PGOPTIONS="--client-min-messages=warning --search_path=$SCHEMA" psql -h 127.0.0.1 -U postgres -d test -qtAc "$1"; }
wait_up() { for _ in $(seq 1 120); do curl -sf "localhost:$1/health" >/dev/null && return; sleep 0.5; done; echo "port $1 not up"; exit 1; }
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"; }

# The simulator: the jar with BRIDGE_SIMULATOR=true and no AUDITY_TOKEN, its scheduler off, its own H2 file.
# $1: how long a job stays processing.
start_sim() {
  env -u AUDITY_TOKEN BRIDGE_SIMULATOR=true PORT=$SIMPORT BRIDGE_SCHEDULER_AUTOSTART=false \
    DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/sim;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    "${SIM_RATES[@]}" SIM_AUDITY_CREDITS=1000000000 SIM_AUDITY_ANALYSIS_BUDGET_USD=100000000 \
    SIM_AUDITY_JOB_PENDING=0s SIM_AUDITY_JOB_PROCESSING="$1" \
    java -Xmx1g -jar $JAR > "$WORK/sim.log" 2>&1 & PIDS+=($!)
  SQL "drop schema if exists $SCHEMA cascade; create schema $SCHEMA;"
  wait_up $SIMPORT
}

# A bridge replica on the shared schema. $1: port, $2: scheduler autostart (true|false).
bridge() {
  env PORT=$1 BRIDGE_SCHEDULER_AUTOSTART=$2 AUDITY_TOKEN=aky_DemoSimulatorToken0123456789abcd \
    AUDITY_BASE_URL=http://127.0.0.1:$SIMPORT/sim/audity BRIDGE_API_KEYS=bench-key \
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
    DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= \
    "${BRIDGE_RATES[@]}" BRIDGE_ADMIN_TOKEN=bench-admin \
    BRIDGE_INTAKE_REQUESTS_PER_MINUTE=$LIMITS BRIDGE_FLOWS_POLL_INITIAL=${POLL_INITIAL:-5s} \
    java -Xmx512m -jar $JAR > "$WORK/bridge-$1.log" 2>&1 & PIDS+=($!)
}
# The machine's busy and total CPU ticks since boot, all cores (/proc/stat: busy = all but idle and iowait).
machine_ticks() { awk '/^cpu /{t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t}' /proc/stat; }
