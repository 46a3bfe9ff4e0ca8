#!/usr/bin/env bash
# Show a run with its timeline, or the newest runs. Usage: examples/curl/run.sh [runId]
set -euo pipefail
URL=${BRIDGE_URL:-http://localhost:8080}
curl -sS -H "Authorization: Bearer ${BRIDGE_API_KEY:-demo-key}" "$URL/v1/runs${1:+/$1}"
echo
