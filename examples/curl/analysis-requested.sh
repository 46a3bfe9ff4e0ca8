#!/usr/bin/env bash
# Ask for an audit analysis of an existing project. Usage: examples/curl/analysis-requested.sh <projectId>
set -euo pipefail
PROJECT=${1:?usage: $0 <projectId>}
URL=${BRIDGE_URL:-http://localhost:8080}
curl -sS -X POST "$URL/v1/hooks/analysis-requested" \
  -H "Authorization: Bearer ${BRIDGE_API_KEY:-demo-key}" -H 'Content-Type: application/json' \
  -d "{\"projectId\":\"$PROJECT\",\"callbackUrl\":\"${CALLBACK_URL:-$URL/sim/inbox}\"}"
echo
