#!/usr/bin/env bash
# Upstream fault soak: the crash harness with the simulator's faults on, in phases that take turns every
# PHASE_SECONDS (8 s): flaky (20% 5xx, 5% resets, 30 ms latency), a 429 storm, flaky again, an outage (90% 5xx,
# so the circuit breaker opens, then closes when it ends), and commit-then-hang on convert (the convert
# charges, then answers after 4 s; the bridge's read timeout is 2 s here, so the outcome is unknown and the
# run must reconcile instead of converting again). Jobs fail 10% of the time throughout.
# Checks, besides the crash suite's: each run completed, or failed with ANALYSIS_FAILED when its job failed;
# the circuit opened and closed; the simulator's per-token peaks stayed within the limits.
# Usage: bench/crash/soak.sh [leads=100] [kills=3]
set -euo pipefail
cd "$(dirname "$0")"
FLAKY='{"errorRate":0.2,"resetRate":0.05,"latencyMs":30,"jobFailureRate":0.1,"seed":7}'
STORM='{"rateLimitStorm":true,"jobFailureRate":0.1}'
OUTAGE='{"errorRate":0.9,"jobFailureRate":0.1}'
HANG='{"convertCommitThenHang":true,"hangMs":4000,"errorRate":0.2,"resetRate":0.05,"jobFailureRate":0.1}'
export FAULTS="$FLAKY|$STORM|$FLAKY|$OUTAGE|$FLAKY|$HANG" EXPECT_CIRCUIT=1 AUDITY_READ_TIMEOUT=${AUDITY_READ_TIMEOUT:-2s}
# Retries must outlast a fault cycle (48 s), as the production backoff (2 s doubling to 5 min) does: 1 s to 30 s
# here; the default 8 attempts.
export UPSTREAM_INITIAL_BACKOFF=1s UPSTREAM_MAX_BACKOFF=30s
exec ./crash.sh "${1:-100}" "${2:-3}"
