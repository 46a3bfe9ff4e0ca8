# syntax=docker/dockerfile:1
# Audity Bridge image: `docker build -t audity-bridge .`, then for the demo
# `docker run -p 8080:8080 -e BRIDGE_SIMULATOR=true audity-bridge` (H2 under /app/data and the embedded simulator);
# without AUDITY_TOKEN and without BRIDGE_SIMULATOR=true the service refuses to start (docs/operations.md).
# Not built by CI (no Docker engine there).

# --- build: the Maven wrapper on a JDK 17 (the wrapper fetches Maven 3.9.11)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -DskipTests \
 && cp target/audity-bridge-*.jar /src/app.jar

# --- runtime: a JRE 17, non-root
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 bridge \
 && useradd --system --uid 10001 --gid bridge --home-dir /app --no-create-home bridge \
 && mkdir -p /app/data && chown bridge:bridge /app/data
WORKDIR /app
COPY --from=build /src/app.jar /app/audity-bridge.jar
# Numeric user, so Kubernetes can check runAsNonRoot.
USER 10001:10001
# Heap from the container's memory limit; die on OOM so the orchestrator restarts the container.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# The H2 demo database (./data); mount a volume to keep it. Production uses Postgres.
VOLUME ["/app/data"]
# No HEALTHCHECK (the JRE image has no HTTP client we can rely on): Kubernetes probes /health/liveness
# and /health/readiness itself (see helm/audity-bridge).
# exec form: java is PID 1 and gets SIGTERM itself (graceful shutdown).
ENTRYPOINT ["java", "-jar", "/app/audity-bridge.jar"]
