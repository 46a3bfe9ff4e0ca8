#!/usr/bin/env bash
# Runs the n8n examples for real, with one n8n (server mode) against the bridge on its simulator:
#   a. lead-to-audit.json: HTTP Request nodes, the Wait node resumed by the bridge's signed callback;
#   b. lead-to-audit-node.json: the community node's Audity Bridge node (lead arrived, Wait for Result),
#      which verifies the callback with the credential's signing secret; b'. the same with a lead Audity does
#      not know: the run's run.failed fails the node;
#   c. audit-events-trigger.json: the Audity Bridge Trigger; publishing it subscribes it on the bridge, a run
#      started through the bridge's API reaches it as a signed audit.completed, unpublishing removes the
#      subscription;
#   d. audit-summary-to-chat.json: HTTP Request nodes asking for the audit's parts; the callback's executive summary
#      is posted to a chat webhook (a local receiver here); d'. the same when the deliverables could not be read: the
#      chat gets the result's address instead; d''. with a lead Audity does not know: run.failed stops the
#      execution in "Run failed" and nothing is posted.
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
start_chat_receiver

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
CHAT_WEBHOOK=$CHAT/services/T0000DEMO/B0000DEMO/audity-demo # shaped like a Slack incoming webhook
python3 - "$HERE" "$WORK/workflows" "$BRIDGE" "$KEY" "$CHAT_WEBHOOK" <<'EOF'
import json, sys
here, out, url, key, chat = sys.argv[1:]
for name in ["lead-to-audit", "lead-to-audit-node", "audit-events-trigger", "audit-summary-to-chat"]:
    wf = json.load(open(f"{here}/{name}.json"))
    for node in wf["nodes"]:
        node["type"] = node["type"].replace("n8n-nodes-audity-bridge.", "CUSTOM.")
        if node["name"] == "Settings":
            for a in node["parameters"]["assignments"]["assignments"]:
                a["value"] = {"bridgeUrl": url, "bridgeApiKey": key, "chatWebhookUrl": chat}.get(a["name"], a["value"])
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
log "credential and 4 workflows imported"
start_n8n
mapfile -t LEADS < <(sim_leads)
[ "${#LEADS[@]}" -ge 3 ] || fail "the simulator has fewer than 3 unconverted leads"
# d. and d'. each on a lead of its own, made in the simulator with a company name that the chat message must carry.
SUMMARY_COMPANY="Harbor & Pine Outfitters"
FALLBACK_COMPANY="Kestrel Field Services"
SUMMARY_LEAD=$(sim_new_lead "$SUMMARY_COMPANY") || fail "adding a lead to the simulator"
FALLBACK_LEAD=$(sim_new_lead "$FALLBACK_COMPANY") || fail "adding a lead to the simulator"
wait_http "$CHAT/" "the chat receiver" 10
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
publish AuditySummary001
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
summary_webhook() { # leadId companyName: starts audit-summary-to-chat.json as a CRM would
  call_webhook audity-summary-to-chat "$(python3 -c 'import json, sys; print(json.dumps({"leadId": sys.argv[1], "companyName": sys.argv[2]}))' "$1" "$2")"
}
summary_webhook "$SUMMARY_LEAD" "$SUMMARY_COMPANY"
FAILED_COMPANY="Nowhere Holdings"
UNKNOWN_SUMMARY_LEAD=no-such-lead-$(random_hex 4)
summary_webhook "$UNKNOWN_SUMMARY_LEAD" "$FAILED_COMPANY"
log "started: a. lead ${LEADS[0]}, b. lead ${LEADS[1]} and lead $UNKNOWN_LEAD, c. run $RUN_C (lead ${LEADS[2]}), d. lead $SUMMARY_LEAD ($SUMMARY_COMPANY) and lead $UNKNOWN_SUMMARY_LEAD"

# d'. needs Audity's deliverables read to fail, which the simulator can only do for every project at once
# (failReads): it starts once d.'s run has read its own (no other run here reads any part).
run_of_lead() { bridge "$BRIDGE/v1/runs?leadId=$1" | json '" ".join([d["runs"][0]["runId"], d["runs"][0]["status"]]) if d["runs"] else "- -"'; }
for ((i = 0; i < TIMEOUT; i++)); do
  read -r SUMMARY_RUN SUMMARY_RUN_STATUS < <(run_of_lead "$SUMMARY_LEAD") || true
  case "$SUMMARY_RUN_STATUS" in completed | failed | cancelled) break ;; esac
  sleep 1
done
sim_admin -X PUT "$BRIDGE/sim/admin/faults" -d '{"failReads":["deliverables"]}' >/dev/null || fail "PUT /sim/admin/faults"
summary_webhook "$FALLBACK_LEAD" "$FALLBACK_COMPANY"
log "d. run $SUMMARY_RUN $SUMMARY_RUN_STATUS; started d'. lead $FALLBACK_LEAD ($FALLBACK_COMPANY) with Audity's deliverables failing"

bridge_run() { # runId: "status analysisId"
  bridge "$BRIDGE/v1/runs/$1" | json '" ".join([d["status"], (d.get("result") or {}).get("analysisId") or "-"])'
}
bridge_failure() { # runId: "status error.code"
  bridge "$BRIDGE/v1/runs/$1" | json '" ".join([d["status"], (d.get("error") or {}).get("code") or "-"])'
}
final_delivery() { # runId: the final callback's event, status and HTTP status
  bridge "$BRIDGE/v1/runs/$1/deliveries" \
    | json '"; ".join(x["eventType"] + " " + x["status"] + " (HTTP " + str(x.get("lastStatus")) + ")" for x in d["deliveries"] if x["finalCallback"]) or "none"'
}

# The execution (SUMMARY) ended in error at this node: sets LAST (the node it ended at) and ERROR (its message).
failed_at() { # node name
  LAST=$(json 'd["lastNode"]' <<<"$SUMMARY")
  ERROR=$(json 'd["error"]' <<<"$SUMMARY")
  [ "$STATUS" = error ] && [ "$LAST" = "$1" ]
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

# The execution that a lead started through the webhook "Lead arrived (webhook)" (lead-to-audit-node.json,
# audit-summary-to-chat.json).
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
  local run bridged
  run=$(sed -n 's/^Run \([^ ]*\) failed: .*/\1/p' <<<"$(json 'd["error"]' <<<"$SUMMARY")")
  failed_at "Convert and audit the lead" && [ -n "$run" ] && json '"Audit done" not in d["out"]' <<<"$SUMMARY" | grep -q True \
    || { check_failed "b'. execution $EXECUTION $STATUS at $LAST: $ERROR"; return; }
  bridged=$(bridge_failure "$run") || { check_failed "b'. GET /v1/runs/$run"; return; }
  [ "$bridged" = "failed NOT_FOUND" ] || { check_failed "b'. the bridge's run $run is '$bridged'"; return; }
  pass "b'. Audity Bridge node, unknown lead: execution $EXECUTION failed in the node with \"$ERROR\" (Audit done not run); the bridge's run $run failed NOT_FOUND; callback: $(final_delivery "$run")"
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

# The messages the chat receiver got whose text begins with "<company>:", as JSON lines of {contentType, text}.
chat_messages() { # companyName
  python3 - "$WORK/chat.jsonl" "$1" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    text = json.loads(m["body"]).get("text", "")
    if text.startswith(sys.argv[2] + ":"):
        print(json.dumps({"contentType": m["contentType"], "text": text}))
EOF
}
chat_count() { wc -l <"$WORK/chat.jsonl" | tr -d ' '; }
one_chat_message() { # check companyName: sets TEXT and CONTENT_TYPE of the only message for that company, or fails
  local messages
  messages=$(chat_messages "$2")
  [ "$(grep -c . <<<"$messages")" = 1 ] || { check_failed "$1 the chat got $(grep -c . <<<"$messages") messages for $2: $messages"; return 1; }
  TEXT=$(json 'd["text"]' <<<"$messages")
  CONTENT_TYPE=$(json 'd["contentType"]' <<<"$messages")
}

# d. The audit's parts in the callback: the executive summary the bridge's GET /v1/runs/{id}/result shows for the
# run is posted to the chat, once, after the company's name.
check_summary_workflow() {
  find_execution AuditySummary001 "$(for_lead "$SUMMARY_LEAD")" "$TIMEOUT" || { check_failed "d. no execution for lead $SUMMARY_LEAD ended within $TIMEOUT s"; return; }
  local run overview
  run=$(out "Send lead to the bridge" runId)
  [ "$STATUS" = success ] && [ "$(json 'd["lastNode"]' <<<"$SUMMARY")" = "Post to chat" ] && json '"Summary message" in d["out"]' <<<"$SUMMARY" | grep -q True \
    || { check_failed "d. execution $EXECUTION $STATUS at $(json 'd["lastNode"], d["error"]' <<<"$SUMMARY")"; return; }
  overview=$(bridge "$BRIDGE/v1/runs/$run/result" | json 'd["deliverables"]["executiveSummary"]["overview"]') \
    || { check_failed "d. GET /v1/runs/$run/result has no deliverables.executiveSummary.overview"; return; }
  one_chat_message d. "$SUMMARY_COMPANY" || return
  [[ "$TEXT" == *"$overview"* ]] || { check_failed "d. the chat message is not the run's executive summary: $TEXT"; return; }
  pass "d. audit summary to chat: execution $EXECUTION (Post to chat) resumed by the bridge; lead $SUMMARY_LEAD -> run $run completed with its deliverables -> the chat got 1 message ($CONTENT_TYPE, ${#TEXT} characters) \"${TEXT:0:90}…\", with the executive summary of GET /v1/runs/{id}/result; callback: $(final_delivery "$run")"
}

# d'. The deliverables read failed (data.missing): the chat gets the result's address instead, once.
check_summary_fallback() {
  find_execution AuditySummary001 "$(for_lead "$FALLBACK_LEAD")" "$TIMEOUT" || { check_failed "d'. no execution for lead $FALLBACK_LEAD ended within $TIMEOUT s"; return; }
  sim_admin -X PUT "$BRIDGE/sim/admin/faults" -d '{}' >/dev/null || true
  local run missing
  run=$(out "Send lead to the bridge" runId)
  [ "$STATUS" = success ] && json '"Result link message" in d["out"] and "Summary message" not in d["out"]' <<<"$SUMMARY" | grep -q True \
    || { check_failed "d'. execution $EXECUTION $STATUS at $(json 'd["lastNode"], d["error"]' <<<"$SUMMARY")"; return; }
  missing=$(bridge "$BRIDGE/v1/runs/$run" | json '", ".join(m["part"] + " " + m["code"] for m in d["result"].get("missing") or [])')
  one_chat_message "d'." "$FALLBACK_COMPANY" || return
  [[ "$missing" == deliverables* ]] && [[ "$TEXT" == *"not read: $missing"* ]] && [[ "$TEXT" == *"$BRIDGE/v1/runs/$run/result "* ]] \
    || { check_failed "d'. run $run missing '$missing'; the chat message: $TEXT"; return; }
  bridge -o /dev/null "$BRIDGE/v1/runs/$run/result" || { check_failed "d'. the message's result address does not answer"; return; }
  [ "$(chat_count)" = 2 ] || { check_failed "d'. the chat got $(chat_count) messages in all, not 2"; return; }
  pass "d'. audit summary to chat, deliverables not read: execution $EXECUTION (Result link message); run $run completed with missing: $missing -> the chat got 1 message: \"$TEXT\" (2 messages in all); callback: $(final_delivery "$run")"
}

# d''. A failed run: its run.failed ends the execution in error at "Run failed", and the chat gets nothing.
check_summary_failure() {
  find_execution AuditySummary001 "$(for_lead "$UNKNOWN_SUMMARY_LEAD")" "$TIMEOUT" || { check_failed "d''. no execution for lead $UNKNOWN_SUMMARY_LEAD ended within $TIMEOUT s"; return; }
  local run bridged
  run=$(out "Send lead to the bridge" runId)
  failed_at "Run failed" && [[ "$ERROR" == *"run.failed NOT_FOUND"* ]] && json '"Post to chat" not in d["out"]' <<<"$SUMMARY" | grep -q True \
    || { check_failed "d''. execution $EXECUTION $STATUS at $LAST: $ERROR"; return; }
  bridged=$(bridge_failure "$run") || { check_failed "d''. GET /v1/runs/$run"; return; }
  [ "$bridged" = "failed NOT_FOUND" ] || { check_failed "d''. the bridge's run $run is '$bridged'"; return; }
  [ -z "$(chat_messages "$FAILED_COMPANY")" ] || { check_failed "d''. the chat got a message for the failed run: $(chat_messages "$FAILED_COMPANY")"; return; }
  pass "d''. audit summary to chat, unknown lead: execution $EXECUTION stopped in Run failed with \"$ERROR\"; the bridge's run $run failed NOT_FOUND; nothing posted to the chat; callback: $(final_delivery "$run")"
}

check_http_workflow
check_node_workflow
check_node_failure
check_trigger_workflow
check_summary_workflow
check_summary_fallback
check_summary_failure

log "n8n $N8N_VERSION, node package built from $(basename "$PACKAGE"), bridge on its simulator: total $(( $(date +%s) - START )) s"
echo "n8n examples: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
