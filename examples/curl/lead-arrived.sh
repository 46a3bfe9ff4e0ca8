#!/usr/bin/env bash
# Send "lead arrived" and print the run's answer. BRIDGE_URL, BRIDGE_API_KEY and CALLBACK_URL are optional.
# Usage: examples/curl/lead-arrived.sh <leadId> [wait-seconds]
set -euo pipefail
LEAD=${1:?usage: $0 <leadId> [wait-seconds]}
WAIT=${2:-0}
URL=${BRIDGE_URL:-http://localhost:8080}
KEY=${BRIDGE_API_KEY:-demo-key}
CALLBACK=${CALLBACK_URL:-$URL/sim/inbox}
curl -sS -X POST "$URL/v1/hooks/lead-arrived?wait=$WAIT" \
  -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: lead-$LEAD" \
  -d "{\"leadId\":\"$LEAD\",\"callbackUrl\":\"$CALLBACK\",\"metadata\":{\"source\":\"curl\"}}"
echo
