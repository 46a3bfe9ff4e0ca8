#!/usr/bin/env bash
# Runs the n8n examples for real, with one n8n (server mode) against the bridge on its simulator:
#   a. lead-to-audit.json: HTTP Request nodes, the Wait node resumed by the bridge's signed callback;
#   b. lead-to-audit-node.json: the community node's Audity Bridge node (lead arrived, Wait for Result),
#      which verifies the callback with the credential's signing secret; b'. the same with a lead Audity does
#      not know: the run's run.failed fails the node;
#   c. audit-events-trigger.json: the Audity Bridge Trigger; publishing it subscribes it on the bridge, a run
#      started through the bridge's API reaches it as a signed audit.completed, unpublishing removes the
#      subscription.
# The community node (integrations/n8n-nodes-audity-bridge) is built here and loaded with N8N_CUSTOM_EXTENSIONS.
#
#   examples/n8n/run-examples.sh              # PASS lines and "N passed, N failed"; exit 0 when all passed
#   examples/n8n/run-examples.sh --if-cached  # "SKIPPED: …" and exit 0 when n8n is not installed yet (CI)
#
# First run installs Node 24 and n8n from npm into $AUDITY_N8N_CACHE (default ~/.cache/audity-bridge-n8n,
# ~3 GB, ~9 min); later runs reuse it. Needs java 17, npm, curl, python3. Builds the jar when missing.
# KEEP_WORK=1 keeps the temp folder (logs, n8n user folder, bridge database, executions).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
PACKAGE=$ROOT/integrations/n8n-nodes-audity-bridge
TIMEOUT=${N8N_RUN_TIMEOUT:-180}
PASSED=0 FAILED=0
pass() { log "PASS: $*"; PASSED=$((PASSED + 1)); }
check_failed() { log "FAIL: $*"; FAILED=$((FAILED + 1)); }

if [ "${1:-}" = --if-cached ] && ! n8n_cached; then
  echo "SKIPPED: n8n $N8N_VERSION is not installed in $CACHE (run examples/n8n/run-examples.sh once without --if-cached to install it, ~9 min)"
  exit 0
fi
install_n8n
[ -x "$N8N_BIN" ] || fail "no n8n at $N8N_BIN"

start_bridge

# --- The community node package: built, and staged where its n8n-workflow is n8n's own (as a peer dependency
# resolves in a real install). Loaded as custom extensions, its types are CUSTOM.<name>.
if [ ! -d "$PACKAGE/node_modules" ]; then
  log "installing the node package's build tools (npm ci)"
  (cd "$PACKAGE" && npm ci --no-audit --no-fund) >"$WORK/npm.log" 2>&1 || { tail -n 20 "$WORK/npm.log"; fail "npm ci"; }
fi
(cd "$PACKAGE" && npm run build) >"$WORK/npm.log" 2>&1 || { tail -n 20 "$WORK/npm.log"; fail "npm run build"; }
mkdir -p "$WORK/extensions/audity-bridge"
cp -r "$PACKAGE/dist/." "$WORK/extensions/audity-bridge/"
ln -s "$CACHE/n8n/node_modules" "$WORK/extensions/node_modules"
export N8N_CUSTOM_EXTENSIONS=$WORK/extensions/audity-bridge
log "node package built ($(cd "$PACKAGE" && node -p 'require("./package.json").version'))"

n8n_env
wait_http "$BRIDGE/health" "bridge" 90
log "bridge ready"

# --- The workflows as a user imports them: the HTTP one with its Settings placeholders filled, the node ones
# with their credential (made here with n8n import:credentials) and the custom types.
mkdir -p "$WORK/workflows"
python3 - "$HERE" "$WORK/workflows" "$BRIDGE" "$KEY" <<'EOF'
import json, sys
here, out, url, key = sys.argv[1:]
for name in ["lead-to-audit", "lead-to-audit-node", "audit-events-trigger"]:
    wf = json.load(open(f"{here}/{name}.json"))
    for node in wf["nodes"]:
        node["type"] = node["type"].replace("n8n-nodes-audity-bridge.", "CUSTOM.")
        if node["name"] == "Settings":
            for a in node["parameters"]["assignments"]["assignments"]:
                a["value"] = {"bridgeUrl": url, "bridgeApiKey": key}.get(a["name"], a["value"])
    json.dump(wf, open(f"{out}/{name}.json", "w"))
EOF
python3 - "$WORK/credentials.json" "$BRIDGE" "$KEY" "$SIGNING_SECRET" <<'EOF'
import json, sys
out, url, key, secret = sys.argv[1:]
json.dump([{"id": "AudityBridgeCred", "name": "Audity Bridge account", "type": "audityBridgeApi",
            "data": {"baseUrl": url, "apiKey": key, "signingSecret": secret}}], open(out, "w"))
EOF
n8n_cli import:credentials --input="$WORK/credentials.json"
n8n_cli import:workflow --separate --input="$WORK/workflows"
log "credential and 3 workflows imported"
start_n8n
mapfile -t LEADS < <(sim_leads)
[ "${#LEADS[@]}" -ge 3 ] || fail "the simulator has fewer than 3 unconverted leads"
wait_http "$N8N/healthz/readiness" "n8n" 120
owner_login
log "n8n ready"

# Publishing a workflow through the REST API, as the editor's Publish button does.
publish() { # workflowId
  local version
  version=$(rest "workflows/$1" | json 'd["data"]["versionId"]') || fail "GET /rest/workflows/$1"
  rest "workflows/$1/activate" -X POST -d "{\"versionId\":\"$version\"}" >"$WORK/publish-$1.json" \
    || fail "publishing $1: $(curl -s -b "$COOKIES" -H 'Content-Type: application/json' -X POST "$N8N/rest/workflows/$1/activate" -d "{\"versionId\":\"$version\"}")"
}
publish AudityLeadAudit1
publish AudityLeadNode01
publish AudityTrigger001
# The bridge's subscriptions, as "id targetUrl" lines.
subscriptions() { bridge "$BRIDGE/v1/subscriptions" | json '"\n".join(s["id"] + " " + s["targetUrl"] for s in d["subscriptions"])'; }
# n8n registers a published trigger's webhook (and so the subscription) while it activates the workflow.
for ((i = 0; i < 60; i++)); do
  read -r SUBSCRIPTION TARGET < <(subscriptions) || true
  [ -n "${SUBSCRIPTION:-}" ] && break
  sleep 0.5
done
[ -n "${SUBSCRIPTION:-}" ] || fail "the published trigger made no subscription on the bridge"
log "workflows published; the trigger subscribed on the bridge: $SUBSCRIPTION -> ${TARGET%%\?*}"

# --- All three at once: a. and b. through their webhooks, c. a run made through the bridge's API -----------
call_webhook audity-lead-to-audit "{\"leadId\":\"${LEADS[0]}\"}"
call_webhook audity-lead-to-audit-node "{\"leadId\":\"${LEADS[1]}\"}"
UNKNOWN_LEAD=no-such-lead-$(random_hex 4)
call_webhook audity-lead-to-audit-node "{\"leadId\":\"$UNKNOWN_LEAD\"}"
RUN_C=$(bridge -X POST "$BRIDGE/v1/hooks/lead-arrived" -H 'Content-Type: application/json' \
  -d "{\"leadId\":\"${LEADS[2]}\",\"metadata\":{\"source\":\"run-examples.sh\"}}" | json 'd["runId"]') \
  || fail "POST /v1/hooks/lead-arrived"
log "started: a. lead ${LEADS[0]}, b. lead ${LEADS[1]} and lead $UNKNOWN_LEAD, c. run $RUN_C (lead ${LEADS[2]})"

bridge_run() { # runId: "status analysisId"
  bridge "$BRIDGE/v1/runs/$1" | json '" ".join([d["status"], (d.get("result") or {}).get("analysisId") or "-"])'
}
final_delivery() { # runId: the final callback's event, status and HTTP status
  bridge "$BRIDGE/v1/runs/$1/deliveries" \
    | json '"; ".join(x["eventType"] + " " + x["status"] + " (HTTP " + str(x.get("lastStatus")) + ")" for x in d["deliveries"] if x["finalCallback"]) or "none"'
}

out() { # node name, key: that node's first output item's value, from SUMMARY
  json "str((d['out'].get('$1') or {}).get('$2') or '')" <<<"$SUMMARY"
}

# a. The HTTP-node workflow: success through "Audit done", the same analysisId as the bridge's run.
check_http_workflow() {
  find_execution AudityLeadAudit1 True "$TIMEOUT" || { check_failed "a. no execution ended within $TIMEOUT s"; return; }
  local run analysis bridged
  run=$(out "Send lead to the bridge" runId)
  analysis=$(out "Analysis result" analysisId)
  [ "$STATUS" = success ] || { check_failed "a. execution $EXECUTION $STATUS: $(json 'd["lastNode"], d["error"]' <<<"$SUMMARY")"; return; }
  bridged=$(bridge_run "$run") || { check_failed "a. GET /v1/runs/$run"; return; }
  [ "$bridged" = "completed $analysis" ] && [ -n "$analysis" ] \
    || { check_failed "a. n8n has analysisId '$analysis', the bridge's run $run is '$bridged'"; return; }
  pass "a. HTTP nodes: execution $EXECUTION ($(json 'd["lastNode"]' <<<"$SUMMARY")) resumed by the bridge; lead ${LEADS[0]} -> run $run completed -> analysisId $analysis (same in GET /v1/runs/{id}); callback: $(final_delivery "$run")"
}

# The execution of lead-to-audit-node.json that a lead started.
for_lead() { echo "(d['out'].get('Lead arrived (webhook)') or {}).get('body', {}).get('leadId') == '$1'"; }

# b. The Audity Bridge node waiting for the result: success, its output is the bridge's audit.completed.
check_node_workflow() {
  find_execution AudityLeadNode01 "$(for_lead "${LEADS[1]}")" "$TIMEOUT" || { check_failed "b. no execution for lead ${LEADS[1]} ended within $TIMEOUT s"; return; }
  local type run analysis bridged
  [ "$STATUS" = success ] || { check_failed "b. execution $EXECUTION $STATUS: $(json 'd["lastNode"], d["error"]' <<<"$SUMMARY")"; return; }
  type=$(out "Convert and audit the lead" type)
  run=$(out "Convert and audit the lead" runId)
  analysis=$(out "Convert and audit the lead" analysisId)
  [ "$type" = audit.completed ] || { check_failed "b. the node output $(json 'd["out"]' <<<"$SUMMARY")"; return; }
  bridged=$(bridge_run "$run") || { check_failed "b. GET /v1/runs/$run"; return; }
  [ "$bridged" = "completed $analysis" ] || { check_failed "b. n8n has analysisId '$analysis', the bridge's run $run is '$bridged'"; return; }
  pass "b. Audity Bridge node: execution $EXECUTION waited and resumed on the signed audit.completed (verified with the credential's signing secret); lead ${LEADS[1]} -> run $run completed -> analysisId $analysis (same in GET /v1/runs/{id}); callback: $(final_delivery "$run")"
}

# b'. The same workflow with a lead Audity does not know: the run fails, and its run.failed fails the node (the
# node stops on errors, as by default): the execution ends in error there and "Audit done" does not run.
check_node_failure() {
  find_execution AudityLeadNode01 "$(for_lead "$UNKNOWN_LEAD")" "$TIMEOUT" || { check_failed "b'. no execution for lead $UNKNOWN_LEAD ended within $TIMEOUT s"; return; }
  local last error run bridged
  last=$(json 'd["lastNode"]' <<<"$SUMMARY")
  error=$(json 'd["error"]' <<<"$SUMMARY")
  run=$(sed -n 's/^Run \([^ ]*\) failed: .*/\1/p' <<<"$error")
  [ "$STATUS" = error ] && [ "$last" = "Convert and audit the lead" ] && [ -n "$run" ] \
    && json '"Audit done" not in d["out"]' <<<"$SUMMARY" | grep -q True \
    || { check_failed "b'. execution $EXECUTION $STATUS at $last: $error"; return; }
  bridged=$(bridge "$BRIDGE/v1/runs/$run" | json 'd["status"] + " " + d["error"]["code"]') || { check_failed "b'. GET /v1/runs/$run"; return; }
  [ "$bridged" = "failed NOT_FOUND" ] || { check_failed "b'. the bridge's run $run is '$bridged'"; return; }
  pass "b'. Audity Bridge node, unknown lead: execution $EXECUTION failed in the node with \"$error\" (Audit done not run); the bridge's run $run failed NOT_FOUND; callback: $(final_delivery "$run")"
}

# c. The trigger: an execution started by the delivery of run c's audit.completed, verified; a forged one is
# refused; unpublishing deletes the subscription on the bridge.
check_trigger_workflow() {
  find_execution AudityTrigger001 "(d['out'].get('Audity Bridge Trigger') or {}).get('runId') == '$RUN_C'" "$TIMEOUT" \
    || { check_failed "c. no trigger execution for run $RUN_C within $TIMEOUT s"; return; }
  local type analysis webhook bridged delivery forged
  type=$(out "Audity Bridge Trigger" type)
  analysis=$(out "Audity Bridge Trigger" analysisId)
  webhook=$(out "Audity Bridge Trigger" webhookId)
  bridged=$(bridge_run "$RUN_C")
  [ "$STATUS" = success ] && [ "$type" = audit.completed ] && [ "$bridged" = "completed $analysis" ] \
    || { check_failed "c. trigger execution $EXECUTION: $STATUS $type analysisId $analysis; the bridge's run is '$bridged'"; return; }
  delivery=$(bridge "$BRIDGE/v1/runs/$RUN_C/deliveries" \
    | json '"; ".join(x["eventType"] + " " + x["status"] + " (HTTP " + str(x.get("lastStatus")) + ")" for x in d["deliveries"] if x.get("subscriptionId"))')
  # A delivery that does not carry the subscription's signature does not start the workflow.
  forged=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$TARGET" -H 'Content-Type: application/json' \
    -H "webhook-id: forged-1" -H "webhook-timestamp: $(date +%s)" -H 'webhook-signature: v1,Zm9yZ2VkLXNpZ25hdHVyZS1mb3ItdGhlLWV4YW1wbGU=' \
    -d "{\"type\":\"audit.completed\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"runId\":\"forged\"}}")
  [ "$forged" = 401 ] || { check_failed "c. a forged delivery was answered $forged, not 401"; return; }
  rest "workflows/AudityTrigger001/deactivate" -X POST -d '{}' >/dev/null || { check_failed "c. unpublishing the trigger workflow"; return; }
  local left i
  for ((i = 0; i < 60; i++)); do
    left=$(subscriptions)
    [ -z "$left" ] && break
    sleep 0.5
  done
  [ -z "$left" ] || { check_failed "c. subscriptions left on the bridge after unpublishing: $left"; return; }
  pass "c. Audity Bridge Trigger: published -> subscription $SUBSCRIPTION on the bridge; run $RUN_C (lead ${LEADS[2]}, started through the bridge's API) -> execution $EXECUTION on the verified audit.completed (webhook-id $webhook, analysisId $analysis as in GET /v1/runs/{id}; delivery: $delivery); a forged delivery -> 401; unpublished -> GET /v1/subscriptions empty"
}

check_http_workflow
check_node_workflow
check_node_failure
check_trigger_workflow

log "n8n $N8N_VERSION, node package built from $(basename "$PACKAGE"), bridge on its simulator: total $(( $(date +%s) - START )) s"
echo "n8n examples: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
