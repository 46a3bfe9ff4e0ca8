#!/usr/bin/env python3
"""Helpers of the aimed crash suite (bench/crash/aimed.sh).

  setup SIM WORK BRIDGE ADMIN_TOKEN SECRET PLAN   connections, leads, trigger projects, repositories (files in WORK)
  slow-hooks BRIDGE WORK CALLBACK                 a lead-arrived hook for every slow lead
  aim SIM KIND SUBJECT PID DEADLINE BRIDGE KEY PATH BODY OUT
                                                  sends the hook, waits until the simulator holds the call of KIND
                                                  about SUBJECT, then kill -9 PID at once; what it saw goes to OUT,
                                                  "RUN HELD-CALL" to stdout
  verify BRIDGE KEY RUN KIND AIM OUTCOME DBSTATE KILLS HEAD DBTEXT TAIL
                                                  after the restart: was the kill inside the paid window? (exit 0/3)
  extra SIM WORK KIND                             one more subject of KIND (after a missed kill)
  wait BRIDGE WORK ROLE DEADLINE                  waits until every run of ROLE has ended
  collect BRIDGE WORK                             every run with its timeline, every dead delivery (files in WORK)
  check WORK LIMITS [--quiet]                     the end checks; prints the summary line, exit 1 on a problem
"""
import calendar, json, os, re, signal, sys, time, urllib.error, urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

SIM_ADMIN = {"X-Sim-Admin-Token": "sim-admin"}
STEP = {"convert": "convert", "trigger": "trigger", "submit": "submit"}
FINAL = {"lead-to-audit": "audit.completed", "project-analysis": "analysis.completed", "repo-audit": "repo_audit.completed"}


def call(method, url, body=None, headers=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        raw = r.read()
        return r.status, (json.loads(raw) if raw else None)


def instant(text):
    """An ISO instant (nanoseconds, Z or offset) as epoch seconds."""
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$", text)
    base = calendar.timegm(time.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S"))
    frac = float("0." + m.group(2)) if m.group(2) else 0.0
    off = m.group(3) or "Z"
    if off != "Z":
        base -= (1 if off[0] == "+" else -1) * (int(off[1:3]) * 3600 + int(off[4:6]) * 60)
    return base + frac


def run_view(bridge, key, run_id):
    return call("GET", f"{bridge}/v1/runs/{run_id}", headers={"Authorization": "Bearer " + key})[1]


def setup(sim, work, bridge, admin_token, secret, plan):
    """PLAN: connections=N,trigger_conns=M,slow=S,convert=C,trigger=T,submit=U. Writes conns.tsv (name key audity
    repo), leads.tsv (lead conn role), projects.tsv (project lead conn), repos.tsv (repo conn)."""
    p = dict((k, int(v)) for k, v in (kv.split("=") for kv in plan.split(",")))
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    rnd = os.urandom(64)
    conns = [("default", os.environ["KEY"], os.environ["TOKEN"], os.environ["REPO_AUDIT_TOKEN"])]

    def new_conn(name):
        token = "aky_" + "".join(alphabet[b % 62] for b in os.urandom(32))
        repo = "rat_" + name + "_" + os.urandom(8).hex()
        _, made = call("POST", f"{bridge}/v1/admin/connections",
                       {"name": name, "audityToken": token, "repoAuditToken": repo, "signingSecret": secret},
                       {"Authorization": "Bearer " + admin_token})
        return name, made["apiKey"]["key"], token, repo

    conns += [new_conn(f"lane{i}") for i in range(1, p["connections"])]
    trig = [new_conn(f"trig{i}") for i in range(1, p["trigger_conns"] + 1)]
    with open(f"{work}/conns.tsv", "w") as f:
        for c in conns + trig:
            f.write("\t".join(c) + "\n")

    def lead(conn, n):
        _, made = call("POST", f"{sim}/sim/admin/audity/leads", {"token": conn[2], "companyName": f"Aimed Co {n}"}, SIM_ADMIN)
        return made["id"]

    rows = []
    for i in range(p["slow"]):
        c = conns[i % len(conns)]
        rows.append((lead(c, len(rows)), c[0], "slow"))
    for i in range(p["convert"]):
        c = conns[i % len(conns)]
        rows.append((lead(c, len(rows)), c[0], "convert"))
    setup_leads = []
    for i in range(p["trigger"]):
        c = trig[i % len(trig)]
        setup_leads.append((lead(c, len(rows) + i), c))

    def convert(item):  # the trigger projects: converted here, directly on the simulator, then made ready
        lead_id, c = item
        _, answer = call("POST", f"{sim}/sim/audity/api/lead-generation/leads/{lead_id}/convert", {},
                         {"Authorization": "Bearer " + c[2]}, timeout=60)
        project = answer["data"]["auditId"]
        call("PUT", f"{sim}/sim/admin/audity/projects/{project}", {"hasAnalysis": True, "hasInterviewAnalysis": True}, SIM_ADMIN)
        return project, lead_id, c[0]

    with ThreadPoolExecutor(8) as pool:
        projects = list(pool.map(convert, setup_leads))
    rows += [(lead_id, conn, "trigger-setup") for _, lead_id, conn in projects]
    with open(f"{work}/leads.tsv", "w") as f:
        f.writelines("\t".join(r) + "\n" for r in rows)
    with open(f"{work}/projects.tsv", "w") as f:
        f.writelines("\t".join(r) + "\n" for r in projects)
    with open(f"{work}/repos.tsv", "w") as f:
        for i in range(p["submit"]):
            f.write(f"https://github.com/aimed/repo-{i + 1}\t{conns[i % len(conns)][0]}\n")
    print(f"{len(conns)} lead connections ({', '.join(c[0] for c in conns)}), {len(trig)} trigger connection(s); "
          f"{p['slow']} slow leads, {p['convert']} convert-kill leads, {len(projects)} ready projects (converted directly), "
          f"{p['submit']} repositories")


def slow_hooks(bridge, work, callback):
    """A lead-arrived hook for every slow lead, with its connection's key, from one process."""
    keys = dict(l.split("\t")[:2] for l in open(f"{work}/conns.tsv"))
    sent = 0
    for line in open(f"{work}/leads.tsv"):
        lead, conn, role = line.rstrip("\n").split("\t")
        if role == "slow":
            body = {"leadId": lead, "callbackUrl": callback, "metadata": {"suite": "aimed", "role": "slow"}}
            status, _ = call("POST", f"{bridge}/v1/hooks/lead-arrived", body, {"Authorization": "Bearer " + keys[conn]})
            sent += 200 <= status < 300
    print(sent)


def aim(sim, kind, subject, pid, deadline, bridge, key, path, body, out):
    """Sends the hook, then polls the held list; another run's call held meanwhile is released at once with commit
    (so that only the aimed run is killed inside its window). When the aimed call is listed: kill -9 PID at once,
    then read the list again. One process for both, so that no interpreter start eats into the 1-s window."""
    run_id = None
    for _ in range(240):
        try:
            status, answer = call("POST", f"{bridge}{path}", json.loads(body), {"Authorization": "Bearer " + key})
            if 200 <= status < 300:
                run_id = answer["runId"]
                break
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    if run_id is None:
        json.dump({"timeout": True, "what": "hook never accepted"}, open(out, "w"))
        sys.exit(2)
    start, end, foreign = time.time(), time.time() + float(deadline), []
    while time.time() < end:
        try:
            held = call("GET", f"{sim}/sim/admin/holds", headers=SIM_ADMIN, timeout=5)[1]["held"]
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
            continue
        ours = [h for h in held if h["kind"] == kind and h["subject"].lower() == subject.lower()]
        if ours:
            time.sleep(float(os.environ.get("AIM_LATE") or 0))  # only to show that a late kill is caught as a miss
            os.kill(int(pid), signal.SIGKILL)
            killed = time.time()
            after = call("GET", f"{sim}/sim/admin/holds", headers=SIM_ADMIN)[1]["held"]
            json.dump({"runId": run_id, "heldId": ours[0]["id"], "since": ours[0]["since"],
                       "seenAfter": round(killed - start, 3), "killedAt": killed,
                       "stillHeld": any(h["id"] == ours[0]["id"] for h in after),
                       "othersHeldAtKill": [h for h in after if h["id"] != ours[0]["id"]], "foreign": foreign}, open(out, "w"))
            print(run_id, ours[0]["id"])
            return
        for h in held:
            if h["kind"] == kind and h["subject"].lower() != subject.lower():
                try:
                    call("POST", f"{sim}/sim/admin/holds/{h['id']}/release", {"outcome": "commit"}, SIM_ADMIN)
                    foreign.append(h)
                except urllib.error.HTTPError:
                    pass
        time.sleep(0.02)
    json.dump({"runId": run_id, "timeout": True, "foreign": foreign}, open(out, "w"))
    sys.exit(2)


def verify(bridge, key, run_id, kind, aim_file, outcome, db_state, kills_file, head, db_text, tail):
    """The kill was inside the paid window when, of the run's timeline rows written before the kill, the last one is
    the paid step's `attempting` (intent committed; no answer, timeout or in-doubt row yet), the paid_call row read
    while the bridge was down said 'in-flight', and the held call was still unreleased after the kill. Appends the
    record to KILLS_FILE, prints the line (HEAD … DB_TEXT … TAIL); exit 0 when it landed, 3 when it missed."""
    aimed = json.load(open(aim_file))
    view = run_view(bridge, key, run_id)
    rows = [dict(r, t=instant(r["at"])) for r in view.get("timeline") or []]
    before = [r for r in rows if r["t"] < aimed["killedAt"]]
    last = before[-1] if before else None
    attempting = last is not None and last["step"] == STEP[kind] and last["outcome"] == "attempting"
    landed = attempting and aimed["stillHeld"] and db_state == "in-flight"
    record = {"kind": kind, "runId": run_id, "heldId": aimed["heldId"], "outcome": outcome, "landed": landed,
              "attemptingRow": attempting, "stillHeld": aimed["stillHeld"], "dbState": db_state,
              "sinceAttempting": round(aimed["killedAt"] - last["t"], 3) if last else None,
              "seenAfter": aimed["seenAfter"], "lastBefore": last and {k: last[k] for k in ("at", "step", "outcome")},
              "foreign": len(aimed["foreign"]), "othersHeldAtKill": len(aimed["othersHeldAtKill"])}
    with open(kills_file, "a") as f:
        f.write(json.dumps(record) + "\n")
    now = time.strftime("%H:%M:%S")
    if landed:
        print(f"[{now}] {head} — held call listed {aimed['seenAfter']} s after the hook, kill -9 at once; in the window: "
              f"the last timeline row before the kill is {last['step']}/{last['outcome']} ({record['sinceAttempting']} s "
              f"before the kill), {db_text}, the call still held after the kill; {tail}")
    else:
        print(f"[{now}] {head.split(' (')[0].replace('#', 'attempt ')} MISSED the window, not counted: {json.dumps(record)}")
    sys.exit(0 if landed else 3)


def all_runs(bridge, work):
    runs = []
    for line in open(f"{work}/conns.tsv"):
        name, key = line.split("\t")[:2]
        cursor = None
        while True:
            url = f"{bridge}/v1/runs?limit=100" + (f"&cursor={cursor}" if cursor else "")
            page = call("GET", url, headers={"Authorization": "Bearer " + key})[1]
            for r in page.get("runs", []):
                r["connection"], r["key"] = name, key
                runs.append(r)
            cursor = page.get("nextCursor")
            if not cursor:
                break
    return runs


def wait(bridge, work, role, deadline):
    """Waits until every run of ROLE (a leads.tsv role, or 'all') has ended; prints how they ended."""
    leads = {l.split("\t")[0] for l in open(f"{work}/leads.tsv") if role == "all" or l.rstrip("\n").split("\t")[2] == role}
    end = time.time() + float(deadline)
    while True:
        try:
            runs = [r for r in all_runs(bridge, work) if role == "all" or r["input"].get("leadId") in leads]
        except (urllib.error.URLError, OSError):
            runs = None
        if runs is not None:
            open_runs = [r for r in runs if r["status"] not in ("completed", "failed", "cancelled")]
            if not open_runs and (role == "all" or len(runs) >= len(leads)):
                print(json.dumps(dict(Counter(r["status"] for r in runs))))
                return
        if time.time() > end:
            print(json.dumps({"open": len(open_runs) if runs is not None else "?"}))
            sys.exit(1)
        time.sleep(1)


def extra(sim, work, kind):
    """One more subject of KIND after a missed kill, appended to its file; prints "subject<TAB>connection"."""
    conns = [l.rstrip("\n").split("\t") for l in open(f"{work}/conns.tsv")]
    lanes, trig = [c for c in conns if not c[0].startswith("trig")], [c for c in conns if c[0].startswith("trig")]
    n = sum(1 for _ in open(f"{work}/leads.tsv"))
    if kind == "submit":
        i = sum(1 for _ in open(f"{work}/repos.tsv"))
        row = (f"https://github.com/aimed/repo-{i + 1}", lanes[i % len(lanes)][0])
        with open(f"{work}/repos.tsv", "a") as f:
            f.write("\t".join(row) + "\n")
    else:
        c = lanes[n % len(lanes)] if kind == "convert" else trig[n % len(trig)]
        lead = call("POST", f"{sim}/sim/admin/audity/leads", {"token": c[2], "companyName": f"Aimed Co {n}"}, SIM_ADMIN)[1]["id"]
        if kind == "convert":
            row = (lead, c[0])
            with open(f"{work}/leads.tsv", "a") as f:
                f.write(f"{lead}\t{c[0]}\tconvert\n")
        else:
            answer = call("POST", f"{sim}/sim/audity/api/lead-generation/leads/{lead}/convert", {},
                          {"Authorization": "Bearer " + c[2]}, timeout=60)[1]
            project = answer["data"]["auditId"]
            call("PUT", f"{sim}/sim/admin/audity/projects/{project}", {"hasAnalysis": True, "hasInterviewAnalysis": True}, SIM_ADMIN)
            row = (project, c[0])
            with open(f"{work}/leads.tsv", "a") as f:
                f.write(f"{lead}\t{c[0]}\ttrigger-setup\n")
            with open(f"{work}/projects.tsv", "a") as f:
                f.write(f"{project}\t{lead}\t{c[0]}\n")
    print("\t".join(row))


def collect(bridge, work):
    """Every run with its timeline (runs-full.json) and every connection's dead deliveries (dead.json)."""
    runs = []
    for r in all_runs(bridge, work):
        view = run_view(bridge, r["key"], r["runId"])
        view["connection"] = r["connection"]
        runs.append(view)
    dead = []
    for line in open(f"{work}/conns.tsv"):
        key = line.split("\t")[1]
        dead += call("GET", f"{bridge}/v1/deliveries?status=dead&limit=200", headers={"Authorization": "Bearer " + key})[1].get("deliveries", [])
    json.dump(runs, open(f"{work}/runs-full.json", "w"))
    json.dump(dead, open(f"{work}/dead.json", "w"))


def check(work, limits, *flags):
    quiet = "--quiet" in flags
    reads, writes, polls = map(int, limits.split(","))
    problems = []
    leads = [l.rstrip("\n").split("\t") for l in open(f"{work}/leads.tsv")]
    projects = [l.rstrip("\n").split("\t") for l in open(f"{work}/projects.tsv")]
    repos = [l.rstrip("\n").split("\t")[0] for l in open(f"{work}/repos.tsv")]
    kills = [json.loads(l) for l in open(f"{work}/kills.jsonl")] if os.path.exists(f"{work}/kills.jsonl") else []
    wanted = json.load(open(f"{work}/wanted.json"))
    runs = json.load(open(f"{work}/runs-full.json"))
    counters = json.load(open(f"{work}/counters.json"))
    received = [json.loads(l) for l in open(f"{work}/received.jsonl")] if os.path.exists(f"{work}/received.jsonl") else []
    dead = json.load(open(f"{work}/dead.json"))

    # 1. Kills inside the paid window, per kind, both release outcomes.
    landed = Counter(k["kind"] for k in kills if k["landed"])
    outcomes = Counter((k["kind"], k["outcome"]) for k in kills if k["landed"])
    for kind, n in wanted.items():
        if landed[kind] < n:
            problems.append(f"{kind}: {landed[kind]} kills landed inside the paid window, {n} wanted")
        if n >= 2 and not (outcomes[(kind, "commit")] and outcomes[(kind, "abort")]):
            problems.append(f"{kind}: not both release outcomes were hit: {dict(outcomes)}")
    missed = [k for k in kills if not k["landed"]]

    # 2. Per lead exactly one charge; no other lead charged.
    conversions = counters["conversions"]
    ours = {l[0] for l in leads}
    wrong = {l: conversions.get(l, 0) for l in ours if conversions.get(l, 0) != 1}
    if wrong:
        problems.append(f"{len(wrong)} leads not charged exactly once: {wrong}")
    strangers = {l: n for l, n in conversions.items() if l not in ours}
    if strangers:
        problems.append(f"leads converted that no run or setup asked for: {strangers}")

    # Runs: one per subject, every one completed.
    by_flow = defaultdict(list)
    for r in runs:
        by_flow[r["flow"]].append(r)
    for r in runs:
        if r["status"] != "completed":
            problems.append(f"run {r['runId']} ({r['flow']}) ended {r['status']}: {json.dumps(r.get('error'))}")
    run_leads = Counter(r["input"].get("leadId") for r in by_flow["lead-to-audit"])
    want_leads = {l[0] for l in leads if l[2] != "trigger-setup"}
    if set(run_leads) != want_leads or any(n != 1 for n in run_leads.values()):
        problems.append(f"lead-to-audit runs: {len(by_flow['lead-to-audit'])} runs for {len(run_leads)} leads, {len(want_leads)} wanted")
    run_projects = Counter(r["input"].get("projectId") for r in by_flow["project-analysis"])
    if set(run_projects) != {p[0] for p in projects} or any(n != 1 for n in run_projects.values()):
        problems.append(f"project-analysis runs: {len(by_flow['project-analysis'])} for {len(run_projects)} projects, {len(projects)} wanted")
    run_repos = Counter(r["input"].get("repoUrl", "").lower() for r in by_flow["repo-audit"])
    if set(run_repos) != {u.lower() for u in repos} or any(n != 1 for n in run_repos.values()):
        problems.append(f"repo-audit runs: {len(by_flow['repo-audit'])} for {len(run_repos)} repositories, {len(repos)} wanted")

    # 3. Every lead-to-audit run on the one project its own conversion made.
    by_lead = counters["projectsByLead"]
    for r in by_flow["lead-to-audit"]:
        lead, got = r["input"].get("leadId"), (r.get("result") or {}).get("projectId")
        made = by_lead.get(lead, [])
        if len(made) != 1 or got != made[0]:
            problems.append(f"run {r['runId']} of lead {lead}: result.projectId {got}, the simulator made {made}")
    for r in by_flow["project-analysis"]:
        if (r.get("result") or {}).get("projectId") != r["input"].get("projectId"):
            problems.append(f"run {r['runId']}: result.projectId {(r.get('result') or {}).get('projectId')} for input {r['input'].get('projectId')}")

    # 4. Per project at most one analysis job, two only where the run's timeline says the trigger was sent again.
    jobs = counters["jobs"]
    send_again = {}
    for r in runs:
        project = (r.get("result") or {}).get("projectId") or r["input"].get("projectId")
        if project and any(t["step"] == "trigger" and t["outcome"] == "send-again" for t in r.get("timeline") or []):
            send_again[project] = r["runId"]
    for project, n in jobs.items():
        if n > 2 or (n == 2 and project not in send_again):
            problems.append(f"project {project}: {n} analysis jobs" + (f" (run {send_again[project]} sent again)" if project in send_again else ""))
    for r in by_flow["lead-to-audit"] + by_flow["project-analysis"]:
        project = (r.get("result") or {}).get("projectId")
        if r["status"] == "completed" and jobs.get(project, 0) < 1:
            problems.append(f"run {r['runId']} completed, yet its project {project} has no analysis job")
    second_jobs = sum(1 for n in jobs.values() if n == 2)

    # 5. Per repository one audit.
    audits = {u.lower(): n for u, n in counters["audits"].items()}
    wrong = {u: audits.get(u.lower(), 0) for u in repos if audits.get(u.lower(), 0) != 1}
    if wrong:
        problems.append(f"repositories not audited exactly once: {wrong}")

    # 6. The slow converts: each timed out on the bridge (convert in-doubt) and was recovered, not sent again.
    slow = {l[0] for l in leads if l[2] == "slow"}
    slow_runs = [r for r in by_flow["lead-to-audit"] if r["input"].get("leadId") in slow]
    def rows(r, step, outcome):
        return [t for t in r.get("timeline") or [] if t["step"] == step and t["outcome"] == outcome]
    timed_out = [r for r in slow_runs if rows(r, "convert", "in-doubt")]
    recovered = [r for r in slow_runs if any("recovered" in (t.get("detail") or "") for t in rows(r, "convert", "converted"))]
    resent = [r["runId"] for r in slow_runs if rows(r, "convert", "send-again")]
    if len(timed_out) != len(slow) or len(recovered) != len(slow):
        problems.append(f"slow converts: {len(timed_out)} of {len(slow)} timed out on the bridge, {len(recovered)} recovered by evidence")
    if resent:
        problems.append(f"slow converts sent again: {resent}")

    # 7. Every final callback, verified, under one webhook-id per run, agreeing with the run.
    finals = defaultdict(list)
    for m in received:
        if not m["verified"]:
            problems.append(f"unverified callback {m}")
        if m["type"] in set(FINAL.values()) | {"run.failed"}:
            finals[m["runId"]].append(m)
    for r in runs:
        ms = finals.get(r["runId"], [])
        ids = {m["webhookId"] for m in ms}
        if not ms:
            problems.append(f"run {r['runId']} ({r['flow']}): no final callback")
        elif len(ids) != 1:
            problems.append(f"run {r['runId']}: final callback under {len(ids)} webhook-ids {sorted(ids)}")
        elif any(m["type"] != (FINAL[r["flow"]] if r["status"] == "completed" else "run.failed") or m["status"] != r["status"] for m in ms):
            problems.append(f"run {r['runId']}: final callback disagrees with the run: {ms[0]}")
    unknown = set(finals) - {r["runId"] for r in runs}
    if unknown:
        problems.append(f"final callbacks for unknown runs {sorted(unknown)}")
    receipts = sum(len(ms) for ms in finals.values())
    if dead:
        problems.append(f"{len(dead)} dead deliveries: {dead[:2]}")

    # 8. The documented per-token limits held at the simulator (every call that arrived, 429s included).
    peaks = counters.get("peaks", {})
    top = Counter()
    for prefix, by_class in peaks.items():
        for cls, limit in (("reads", reads), ("writes", writes), ("polling", polls)):
            top[cls] = max(top[cls], by_class.get(cls, 0))
            if by_class.get(cls, 0) > limit:
                problems.append(f"token {prefix}: {by_class[cls]} {cls} within one minute, limit {limit}")

    if quiet:
        sys.exit(1 if problems else 0)
    for k in missed:
        print(f"missed kill (not counted): {json.dumps(k)}")
    charges = sum(conversions.get(l, 0) for l in ours)
    summary = (f"kills in the paid window: convert {landed['convert']}/{wanted.get('convert', 0)}, "
               f"trigger {landed['trigger']}/{wanted.get('trigger', 0)}, submit {landed['submit']}/{wanted.get('submit', 0)} "
               f"(commit {sum(n for (k, o), n in outcomes.items() if o == 'commit')}, abort {sum(n for (k, o), n in outcomes.items() if o == 'abort')}; "
               f"{len(missed)} missed); slow converts {len(timed_out)}/{len(slow)} timed out, {len(recovered)} recovered; "
               f"runs {sum(r['status'] == 'completed' for r in runs)}/{len(runs)} completed; "
               f"charges {charges} for {len(ours)} leads; jobs {sum(jobs.values())} on {len(jobs)} projects "
               f"({second_jobs} second jobs, {len(send_again)} send-again triggers); "
               f"audits {sum(audits.get(u.lower(), 0) for u in repos)} for {len(repos)} repositories; "
               f"final callbacks {len(finals)} runs in {receipts} receipts, dead {len(dead)}; "
               f"peaks reads {top['reads']}/{reads}, writes {top['writes']}/{writes}, polls {top['polling']}/{polls}; "
               f"429s {counters.get('rateLimited')}")
    for p in problems:
        print("PROBLEM:", p)
    print(("PASS" if not problems else "FAIL") + ": " + summary)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"setup": setup, "aim": aim, "verify": verify, "wait": wait, "check": check, "extra": extra, "collect": collect, "slow-hooks": slow_hooks}[cmd](*args)
