# Shared by bench/intake.sh and bench/rate.sh: one bridge taking hooks on H2 or on the schema `bench` of the local
# Postgres, its scheduler off (only intake is measured, not the runs it queues) and the connection's inbound rate
# (600 hook calls/min by default, answered 429) raised. Expects DB (h2|postgres) and PORT; sets WORK, PID, JAR and PSQL.
# BENCH_JAR runs another build of the bridge (a before/after comparison); BENCH_JAVA_OPTS is added to its java line.
JAR=${BENCH_JAR:-target/audity-bridge-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PSQL=(env PGOPTIONS="--client-min-messages=warning" psql -h 127.0.0.1 -U postgres -d test -qtA)
if [ "$DB" = postgres ]; then
  "${PSQL[@]}" -c "drop schema if exists bench cascade; create schema bench;"
  export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench"
  export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
else
  export DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
fi
# shellcheck disable=SC2086
PORT=$PORT BRIDGE_SIMULATOR=true BRIDGE_API_KEYS=bench-key BRIDGE_SCHEDULER_AUTOSTART=false BRIDGE_BENCH_NOOP_HOOK=true \
  BRIDGE_INTAKE_REQUESTS_PER_MINUTE=100000000 \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
