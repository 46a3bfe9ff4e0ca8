#!/usr/bin/env python3
"""The crash suite's end checks over the files crash.sh collected in WORK.
Usage: check.py WORK LEADS KILLS WRITES READS POLLS [--quiet]   (env FAULTS: the faults that were on)"""
import glob, json, os, re, sys
from collections import Counter, defaultdict

work, leads_n, kills, writes, reads, polls = sys.argv[1], *map(int, sys.argv[2:7])
quiet = "--quiet" in sys.argv
faults = os.environ.get("FAULTS") or ""  # one JSON setting, or phases separated by '|'
problems = []
leads = open(f"{work}/leads").read().split()
runs = json.load(open(f"{work}/runs.json"))
counters = json.load(open(f"{work}/counters.json"))
received = [json.loads(l) for l in open(f"{work}/received.jsonl")] if os.path.exists(f"{work}/received.jsonl") else []

# 1. One run per lead, each ended with its correct outcome.
by_lead = defaultdict(list)
for r in runs:
    by_lead[r["input"].get("leadId")].append(r)
if len(leads) != leads_n or set(by_lead) != set(leads) or any(len(v) != 1 for v in by_lead.values()):
    problems.append(f"expected one run for each of {leads_n} leads, got {len(runs)} runs for {len(by_lead)} leads")
statuses = Counter(r["status"] for r in runs)
for r in runs:
    err = (r.get("error") or {}).get("code")
    ok = r["status"] == "completed" or ("jobFailureRate" in faults and r["status"] == "failed" and err == "ANALYSIS_FAILED")
    if not ok:
        problems.append(f"run {r['runId']} ended {r['status']} {err or ''}: {json.dumps(r.get('error'))}")

# 2. Exactly one conversion per lead, as the simulator counted them.
conversions = counters.get("conversions", {})
wrong = {l: conversions.get(l, 0) for l in leads if conversions.get(l, 0) != 1}
if wrong:
    problems.append(f"{len(wrong)} leads not converted exactly once: {dict(list(wrong.items())[:10])}")

# 3. Every final callback arrived, verified, with one stable webhook-id per run (re-receipts of that id are
#    what at-least-once allows; a second id for the same run would be a second delivery or event).
finals = defaultdict(list)
for m in received:
    if not m["verified"]:
        problems.append(f"unverified callback {m}")
    if m["type"] in ("audit.completed", "run.failed"):
        finals[m["runId"]].append(m)
missing = [r["runId"] for r in runs if r["status"] in ("completed", "failed") and r["runId"] not in finals]
if missing:
    problems.append(f"{len(missing)} runs without a final callback, e.g. {missing[:5]}")
unknown = set(finals) - {r["runId"] for r in runs}
if unknown:
    problems.append(f"final callbacks for unknown runs {list(unknown)[:5]}")
ids_per_run = {run: {m["webhookId"] for m in ms} for run, ms in finals.items()}
several = {run: ids for run, ids in ids_per_run.items() if len(ids) != 1}
if several:
    problems.append(f"{len(several)} runs got their final callback under several webhook-ids: {dict(list(several.items())[:3])}")
receipts = Counter(m["webhookId"] for ms in finals.values() for m in ms)
repeats = sum(c - 1 for c in receipts.values())
run_status = {r["runId"]: r["status"] for r in runs}
mismatch = [m for ms in finals.values() for m in ms if m["status"] != run_status.get(m["runId"])]
if mismatch:
    problems.append(f"{len(mismatch)} final callbacks disagree with their run's status, e.g. {mismatch[:2]}")
non_final = Counter(m["type"] for m in received if m["type"] not in ("audit.completed", "run.failed"))
if non_final:
    problems.append(f"callbacks nobody asked for: {dict(non_final)}")

if not quiet:
    # 4. No dead letters; upstream calls within the per-token limits (the raised ones of this suite).
    dead = json.load(open(f"{work}/dead.json")).get("deliveries", []) if os.path.exists(f"{work}/dead.json") else []
    if dead:
        problems.append(f"{len(dead)} dead deliveries, e.g. {dead[:2]}")
    for prefix, by_class in counters.get("peaks", {}).items():
        for cls, limit in (("writes", writes), ("reads", reads), ("polling", polls)):
            if by_class.get(cls, 0) > limit:
                problems.append(f"token {prefix}: {by_class[cls]} {cls} in one minute, limit {limit}")
    # 5. With faults on: the circuit breaker opened and closed again (summed over the bridge's lifetimes).
    transitions = Counter()
    for path in glob.glob(f"{work}/prometheus*.txt"):
        for line in open(path):
            m = re.match(r'bridge_upstream_circuit_transitions_total\{(.*)\} ([0-9.e+]+)', line)
            if m:
                labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
                transitions[labels.get("to_state") or labels.get("to") or m.group(1)] += float(m.group(2))
    if "errorRate" in faults or "rateLimitStorm" in faults:
        print(f"circuit transitions: {dict(transitions)}")
        if os.environ.get("EXPECT_CIRCUIT") and not any("OPEN" in k.upper() and "HALF" not in k.upper() for k in transitions):
            problems.append("the circuit breaker never opened")
        if os.environ.get("EXPECT_CIRCUIT") and not any("CLOSED" in k.upper() for k in transitions):
            problems.append("the circuit breaker never closed again")
    print(f"runs: {dict(statuses)}; conversions: {sum(conversions.get(l, 0) for l in leads)} for {len(leads)} leads; "
          f"final callbacks: {len(finals)} runs, {sum(receipts.values())} receipts ({repeats} repeated, same webhook-id); "
          f"dead: {len(dead)}; peaks: {counters.get('peaks')}; 429s: {counters.get('rateLimited')}")
    for p in problems:
        print("PROBLEM:", p)
sys.exit(1 if problems else 0)
