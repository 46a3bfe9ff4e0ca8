#!/usr/bin/env bash
# Update a project's fields (Audity's PATCH allowlist). Usage: examples/curl/project-update.sh <projectId> '<changes JSON>'
set -euo pipefail
PROJECT=${1:?usage: $0 <projectId> '<changes JSON>'}
CHANGES=${2:-'{"companySize":"50-200"}'}
URL=${BRIDGE_URL:-http://localhost:8080}
curl -sS -X POST "$URL/v1/hooks/project-update" \
  -H "Authorization: Bearer ${BRIDGE_API_KEY:-demo-key}" -H 'Content-Type: application/json' \
  -d "{\"projectId\":\"$PROJECT\",\"changes\":$CHANGES}"
echo
