#!/usr/bin/env python3
"""Driver of bench/soak-long.sh (stdlib only; started by it with the processes' addresses in the environment).

  soak-long.py MINUTES HOOKS_PER_SECOND

Four threads: a callback receiver (verifies each Standard Webhooks signature with the bridge's secret and counts the
final events by type, status and error code), the fault cycler (PUT /sim/admin/faults, phases taking turns), the
sender (hooks at a fixed pace, a mix of new leads, repeated leads, analysis requests, repo audits and Audity
webhooks) and the sampler (every 60 s: RSS and threads from /proc, heap used after `jcmd GC.run` from `jstat -gc`,
row counts and the schema's size from Postgres, or the H2 file's size). Then it waits for the runs to end, reads the
simulator's counters and prints the summary; exit 0 on PASS, 1 on FAIL.
"""
import base64, collections, csv, hashlib, hmac, http.client, json, os, random, re, statistics, subprocess, sys
import threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MINUTES, RATE = int(sys.argv[1]), float(sys.argv[2])
E = os.environ
SIM, BRIDGE, KEY, TOKEN, SECRET = E["SIM"], E["BRIDGE"], E["KEY"], E["TOKEN"], E["SECRET"]
RECV_PORT, PID, DB, SCHEMA, OUT = int(E["RECV_PORT"]), int(E["BRIDGE_PID"]), E["DB"], E.get("SCHEMA", ""), E["OUT"]
RETENTION_RUNS_S, RETENTION_EVERY_S = int(E["RETENTION_RUNS_S"]), int(E["RETENTION_EVERY_S"])
rnd = random.Random(int(E.get("SEED", "1")))
CALLBACK = f"http://127.0.0.1:{RECV_PORT}/cb"
TERMINAL = ("completed", "failed", "cancelled")
TABLES = ["run", "run_event", "event", "delivery", "delivery_attempt", "paid_call", "idempotency_key",
          "inbound_delivery", "scheduled_tasks"]
LOG = open(os.path.join(OUT, "driver.log"), "a", buffering=1)
lock = threading.Lock()


def say(msg):
    line = time.strftime("[%H:%M:%S] ", time.gmtime()) + msg
    print(line, flush=True)
    LOG.write(line + "\n")


# Faults: (seconds, settings), taking turns until the sending ends. A cycle of 4 minutes: calm, flaky (a few % 5xx
# and resets), lost answers of paid calls (convert and trigger commit, then the connection closes), flaky, a 429
# storm, calm. 3 % of jobs and repo audits fail throughout.
FAIL = {"jobFailureRate": 0.03}
PHASES = [
    (50, "calm", dict(FAIL)),
    (60, "flaky", {"errorRate": 0.03, "resetRate": 0.02, "latencyMs": 20, **FAIL}),
    (20, "lose-answer", {"loseAnswer": ["convert", "trigger"], "errorRate": 0.02, **FAIL}),
    (50, "flaky", {"errorRate": 0.03, "resetRate": 0.02, "latencyMs": 20, **FAIL}),
    (10, "storm", {"rateLimitStorm": True, **FAIL}),
    (50, "calm", dict(FAIL)),
]
phase = {"name": "-"}


# --- HTTP ------------------------------------------------------------------------------------------------------------
local = threading.local()


def call(base, method, path, body=None, headers=None, timeout=15):
    """One request on this thread's keep-alive connection to base; answers (status, parsed JSON or None)."""
    conns = local.__dict__.setdefault("conns", {})
    for attempt in (1, 2):
        conn = conns.get(base)
        if conn is None:
            u = urllib.parse.urlparse(base)
            conn = conns[base] = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
        try:
            h = {"Content-Type": "application/json", **(headers or {})}
            conn.request(method, path, None if body is None else json.dumps(body), h)
            r = conn.getresponse()
            raw = r.read()
            try:
                data = json.loads(raw) if raw else None
            except ValueError:
                data = None
            return r.status, data
        except (OSError, http.client.HTTPException):
            conn.close()
            conns.pop(base, None)
            if attempt == 2:
                return 0, None


ADMIN = {"X-Sim-Admin-Token": "sim-admin"}
AUTH = {"Authorization": "Bearer " + KEY}


# --- the receiver ----------------------------------------------------------------------------------------------------
secret_key = base64.b64decode(SECRET[len("whsec_"):])
finals = {}                    # runId -> (type, status, error code, flow)
receipts = collections.Counter()  # verified / unverified / repeated
projects = collections.deque(maxlen=500)   # projects of completed lead-to-audit runs, for analysis requests


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        wid, ts = self.headers.get("webhook-id", ""), self.headers.get("webhook-timestamp", "")
        expected = base64.b64encode(hmac.new(secret_key, f"{wid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
        given = [s.split(",", 1)[1] for s in self.headers.get("webhook-signature", "").split() if "," in s]
        ok = any(hmac.compare_digest(expected, g) for g in given)
        try:
            event = json.loads(body)
        except ValueError:
            event = {}
        data = event.get("data") or {}
        with lock:
            receipts["verified" if ok else "unverified"] += 1
            run = data.get("runId")
            if ok and run:
                if run in finals:
                    receipts["repeated"] += 1
                code = (data.get("error") or {}).get("code", "")
                finals[run] = (event.get("type"), data.get("status"), code, data.get("flow"))
                if data.get("status") == "completed" and data.get("projectId") and data.get("flow") == "lead-to-audit":
                    projects.append(data["projectId"])
        self.send_response(204 if ok else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


# --- probes ------------------------------------------------------------------------------------------------------------
def proc_status():
    s = open(f"/proc/{PID}/status").read()
    return int(re.search(r"VmRSS:\s+(\d+)", s).group(1)), int(re.search(r"Threads:\s+(\d+)", s).group(1))


def heap_after_gc():
    """Heap used, heap committed and metaspace used (KiB) right after a full GC (jcmd GC.run = System.gc())."""
    subprocess.run(["jcmd", str(PID), "GC.run"], capture_output=True, timeout=120)
    out = subprocess.run(["jstat", "-gc", str(PID)], capture_output=True, text=True, timeout=60).stdout.split("\n")
    row = dict(zip(out[0].split(), (float(v) for v in out[1].split())))
    return (round(row["S0U"] + row["S1U"] + row["EU"] + row["OU"]), round(row["S0C"] + row["S1C"] + row["EC"] + row["OC"]),
            round(row["MU"]))


NMT = E.get("NMT") == "1"
nmt_rows = []


def native_memory():
    """Committed KiB per Native Memory Tracking category (the bridge runs with -XX:NativeMemoryTracking=summary)."""
    out = subprocess.run(["jcmd", str(PID), "VM.native_memory", "summary"], capture_output=True, text=True,
                         timeout=60).stdout
    cats = {"Total": int(re.search(r"Total: reserved=\d+KB, committed=(\d+)KB", out).group(1))}
    for name, committed in re.findall(r"-\s+([A-Za-z][A-Za-z ]*?) \(reserved=\d+KB, committed=(\d+)KB\)", out):
        cats[name.strip()] = int(committed)
    return cats


def psql(sql):
    env = dict(os.environ, PGOPTIONS=f"--client-min-messages=warning --search_path={SCHEMA}")
    r = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qtAX", "-F", "\t", "-c", sql],
                       capture_output=True, text=True, timeout=120, env=env)
    if r.returncode:
        raise RuntimeError(r.stderr.strip())
    return [line.split("\t") for line in r.stdout.split("\n") if line]


def db_probe():
    """Row counts, open runs, made conversions (paid_call convert/done) and the database's size in KiB."""
    if DB != "postgres":
        size = sum(os.path.getsize(os.path.join(E["H2_DIR"], f)) for f in os.listdir(E["H2_DIR"])) \
            if os.path.isdir(E["H2_DIR"]) else 0
        return {t: "" for t in TABLES} | {"runs_open": "", "paid_call_kept": "", "db_kib": size // 1024,
                                          "paid_call_kib": "", "db_other_kib": ""}
    counts = ", ".join(f"(select count(*) from {t})" for t in TABLES)
    row = psql(f"select {counts}, (select count(*) from run where status not in {TERMINAL}),"
               " (select count(*) from paid_call where kind = 'convert' and state = 'done'),"
               " (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on"
               f" n.oid = c.relnamespace where n.nspname = '{SCHEMA}' and c.relkind = 'r')")[0]
    values = [int(v) for v in row]
    out = dict(zip(TABLES, values))
    out.update(runs_open=values[-3], paid_call_kept=values[-2], db_kib=values[-1] // 1024)
    sizes = {name: int(kib) for name, kib in psql(
        "select c.relname, pg_total_relation_size(c.oid) / 1024 from pg_class c join pg_namespace n"
        f" on n.oid = c.relnamespace where n.nspname = '{SCHEMA}' and c.relkind = 'r'")}
    out.update(paid_call_kib=sizes.get("paid_call", 0), db_other_kib=out["db_kib"] - sizes.get("paid_call", 0))
    out["_sizes"] = sizes
    return out


table_sizes = []  # per sample: minute and KiB per table (with its indexes and TOAST), for sizes.csv


ended = {}  # runId -> (flow, status, error code), read from Postgres before retention deletes it


def collect_ended():
    if DB == "postgres":
        for rid, flow, status, code in psql(f"select id, flow, status, coalesce(error_code, '') from run"
                                            f" where status in {TERMINAL}"):
            if rid not in ended and code.endswith("_UNCONFIRMED"):
                keep_timeline(rid)
            ended[rid] = (flow, status, code)


def keep_timeline(rid):
    """A run a person would have to look at: its input, timeline and paid-call records, before retention deletes them."""
    with open(os.path.join(OUT, "unconfirmed.txt"), "a") as f:
        f.write(f"== run {rid}\n")
        for q in (f"select flow, status, lead_id, project_id, error_code, error_message, input from run where id = '{rid}'",
                  f"select at, step, outcome, detail from run_event where run_id = '{rid}' order by id",
                  f"select kind, state, doubts, looks, first_sent_at, sent_at, result_id, result_how, evidence"
                  f" from paid_call where run_id = '{rid}'"):
            for line in psql(q):
                f.write("  " + " | ".join(line) + "\n")


def prometheus():
    """Sums of the bridge's own counters: runs started, runs finished by status, rows retention deleted."""
    u = urllib.parse.urlparse(BRIDGE)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    conn.request("GET", "/prometheus")
    text = conn.getresponse().read().decode()
    out = collections.Counter()
    for line in text.split("\n"):
        m = re.match(r'(bridge_runs_started_total|bridge_runs_finished_total|bridge_retention_deleted_total)'
                     r'(\{[^}]*\})?\s+([0-9.eE+-]+)', line)
        if m:
            name, labels, v = m.group(1), m.group(2) or "", float(m.group(3))
            out[name] += v
            st = re.search(r'status="([^"]+)"', labels)
            if name == "bridge_runs_finished_total" and st:
                out["finished_" + st.group(1)] += v
            tb = re.search(r'table="([^"]+)"', labels)
            if name == "bridge_retention_deleted_total" and tb:
                out["deleted_" + tb.group(1)] += v
    return out


vacuum = False
if DB == "postgres":
    av = psql("show autovacuum")[0][0]
    vacuum = E.get("VACUUM", "auto") == "on" or (E.get("VACUUM", "auto") == "auto" and av == "off")
    say(f"Postgres autovacuum is {av}; the driver {'VACUUMs the schema after each sample' if vacuum else 'does not vacuum'}")


# --- sampler -----------------------------------------------------------------------------------------------------------
COLUMNS = ["minute", "utc", "load1", "phase", "hooks_sent", "rss_kib", "threads", "heap_after_gc_kib",
           "heap_committed_kib", "metaspace_kib", "nmt_committed_kib", "runs_open"] + TABLES \
    + ["paid_call_kept", "db_kib", "paid_call_kib", "db_other_kib", "runs_started", "retention_deleted"]
samples = []
sent = collections.Counter()
csv_file = open(os.path.join(OUT, "samples.csv"), "w", newline="")
writer = csv.DictWriter(csv_file, COLUMNS)
writer.writeheader()


def sample(minute):
    for attempt in (1, 2, 3):
        try:
            return sample_once(minute)
        except Exception as e:  # a probe that timed out on the loaded machine: try again
            say(f"sample {minute}, attempt {attempt}: {e!r}")
            time.sleep(5)


def sample_once(minute):
    rss, threads = proc_status()
    heap, committed, meta = heap_after_gc()
    nmt = native_memory() if NMT else {}
    db = db_probe()
    collect_ended()
    prom = prometheus()
    with lock:
        hooks = sum(sent.values())
    row = {"minute": minute, "utc": time.strftime("%H:%M:%S", time.gmtime()),
           "load1": open("/proc/loadavg").read().split()[0], "phase": phase["name"], "hooks_sent": hooks,
           "rss_kib": rss, "threads": threads, "heap_after_gc_kib": heap, "heap_committed_kib": committed,
           "metaspace_kib": meta, "nmt_committed_kib": nmt.get("Total", ""),
           "runs_started": int(prom["bridge_runs_started_total"]),
           "retention_deleted": int(prom["bridge_retention_deleted_total"]), **db}
    sizes = row.pop("_sizes", None)
    samples.append(row)
    if sizes:
        table_sizes.append({"minute": minute, **sizes})
    if nmt:
        nmt_rows.append({"minute": minute, **nmt})
    writer.writerow(row)
    csv_file.flush()
    say(f"min {minute:>3}: RSS {rss // 1024} MiB, threads {threads}, heap after GC {heap // 1024} MiB,"
        f" runs {db['run']} ({db['runs_open']} open), run_event {db['run_event']}, delivery {db['delivery']},"
        f" paid_call {db['paid_call']} (kept {db['paid_call_kept']}), db {db['db_kib'] // 1024} MiB,"
        f" hooks {hooks}, deleted {row['retention_deleted']}, load {row['load1']}, phase {phase['name']}")
    if vacuum:
        psql("vacuum " + ", ".join(f"{SCHEMA}.{t}" for t in TABLES + ["paid_lane"]))


# --- sender ------------------------------------------------------------------------------------------------------------
answers = collections.Counter()   # (kind, status)
leads = []                        # (lead id, time sent)
lead_set_by_time = collections.deque()
stop = threading.Event()


def new_lead(i):
    status, lead = call(SIM, "POST", "/sim/admin/audity/leads", {"token": TOKEN, "companyName": f"Soak {i}"}, ADMIN)
    if status != 201:
        raise RuntimeError(f"simulator lead: {status}")
    return lead["id"]


def hook(i, kind, path, body, headers=None):
    status, _ = call(BRIDGE, "POST", path, body, {**AUTH, **(headers or {})})
    with lock:
        answers[(kind, status)] += 1
        sent[kind] += 1
    return status


def send_one(i, now):
    """One hook of the mix: new lead 78 %, repeat of a recent lead 3 %, repeat of a lead old enough that retention
    deleted its run 4 %, analysis request 7 %, repo audit 4 %, Audity webhook analysis_generated 4 %."""
    roll = rnd.random()
    with lock:
        old = [l for l, t in leads[-2000:] if now - t > RETENTION_RUNS_S + 2 * RETENTION_EVERY_S + 60]
        recent = [l for l, t in leads[-60:] if now - t < 30]
        project = projects.popleft() if projects and 0.85 <= roll < 0.96 else None
    body = {"callbackUrl": CALLBACK, "metadata": {"suite": "soak-long", "i": i}}
    if 0.78 <= roll < 0.81 and recent:
        return hook(i, "lead-repeat-recent", "/v1/hooks/lead-arrived", {"leadId": rnd.choice(recent), **body})
    if 0.81 <= roll < 0.85 and old:
        return hook(i, "lead-repeat-old", "/v1/hooks/lead-arrived", {"leadId": rnd.choice(old), **body})
    if 0.85 <= roll < 0.92 and project:
        return hook(i, "analysis-requested", "/v1/hooks/analysis-requested", {"projectId": project, **body})
    if 0.92 <= roll < 0.96 and project:
        delivery = f"soak-dlv-{i}" if rnd.random() < 0.9 else f"soak-dlv-{max(0, i - 50)}"
        return hook(i, "audity-webhook", "/v1/hooks/audity", {"version": "1", "event": "analysis_generated",
                    "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "data": {"projectId": project}},
                    {"X-Audity-Delivery": delivery, "X-Audity-Event": "analysis_generated"})
    if 0.96 <= roll:
        return hook(i, "repo-audit-requested", "/v1/hooks/repo-audit-requested",
                    {"repoUrl": f"https://github.com/soak-org/repo-{i}", "publishConsent": True, **body})
    lead = new_lead(i)
    with lock:
        leads.append((lead, now))
    headers = {"Idempotency-Key": f"soak-{i}"} if rnd.random() < 0.25 else None
    return hook(i, "lead-new", "/v1/hooks/lead-arrived", {"leadId": lead, **body}, headers)


def send_safely(i, at):
    try:
        send_one(i, at)
    except Exception as e:  # counted and logged; the soak goes on
        with lock:
            answers[("error", 0)] += 1
        say(f"hook {i}: {e!r}")


def sender(t0, total):
    from concurrent.futures import ThreadPoolExecutor
    behind = 0
    with ThreadPoolExecutor(6) as pool:
        pending = collections.deque()
        for i in range(total):
            at = t0 + i / RATE
            delay = at - time.time()
            if delay > 0:
                time.sleep(delay)
            elif delay < -5:
                behind += 1
            while pending and pending[0].done():
                pending.popleft().result()
            if len(pending) > 200:  # bounded: never more than 200 hooks waiting for an answer
                pending.popleft().result()
            pending.append(pool.submit(send_safely, i, at))
        for f in pending:
            f.result()
    if behind:
        say(f"the sender fell more than 5 s behind its pace for {behind} hooks")


def cycler(t0, end):
    i = 0
    while time.time() < end:
        secs, name, settings = PHASES[i % len(PHASES)]
        status, _ = call(SIM, "PUT", "/sim/admin/faults", settings, ADMIN)
        phase["name"] = name
        LOG.write(f"{time.time() - t0:8.1f} s phase {name} {json.dumps(settings)} -> {status}\n")
        stop.wait(min(secs, max(0, end - time.time())))
        i += 1
    call(SIM, "PUT", "/sim/admin/faults", {}, ADMIN)
    phase["name"] = "none"


# --- summary -----------------------------------------------------------------------------------------------------------
def write_csv(name, rows):
    keys = list(dict.fromkeys(k for r in rows for k in r))
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.DictWriter(f, keys)
        w.writeheader()
        w.writerows(rows)


def slope_per_10min(xs, ys):
    if len(xs) < 2:
        return 0.0
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return 10 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def main():
    server = ThreadingHTTPServer(("127.0.0.1", RECV_PORT), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    total = int(MINUTES * 60 * RATE)
    sample(0)
    t0 = time.time() + 1
    end = t0 + MINUTES * 60
    threading.Thread(target=cycler, args=(t0, end), daemon=True).start()
    send = threading.Thread(target=sender, args=(t0, total))
    send.start()
    for m in range(1, MINUTES + 1):
        time.sleep(max(0, t0 + 60 * m - time.time()))
        sample(m)
    send.join()
    stop.set()
    call(SIM, "PUT", "/sim/admin/faults", {}, ADMIN)
    say(f"sending done ({sum(sent.values())} hooks); faults off; waiting up to 5 min for the open runs to end")
    deadline = time.time() + 300
    while time.time() < deadline:
        collect_ended()
        prom = prometheus()
        open_runs = int(prom["bridge_runs_started_total"] - prom["bridge_runs_finished_total"])
        if open_runs <= 0:
            break
        time.sleep(5)
    drained = time.time()
    while time.time() < drained + 60:  # the last final callbacks
        prom = prometheus()
        with lock:
            if len(finals) >= prom["bridge_runs_finished_total"]:
                break
        time.sleep(2)
    collect_ended()
    prom = prometheus()
    _, counters = call(SIM, "GET", "/sim/admin/counters", None, ADMIN, timeout=120)
    summary(prom, counters, drained)


def summary(prom, counters, drained):
    lines = []
    p = lines.append
    series = samples[1:]
    n = len(series)
    third = max(1, n // 3)
    parts = [series[:third], series[third:n - third], series[n - third:]]
    p(f"soak: {MINUTES} min at {RATE:g} hooks/s on {DB}{' (schema ' + SCHEMA + ')' if SCHEMA else ''},"
      f" {n} samples after minute 0; thirds: minutes {parts[0][0]['minute']}-{parts[0][-1]['minute']},"
      f" {parts[1][0]['minute']}-{parts[1][-1]['minute']}, {parts[2][0]['minute']}-{parts[2][-1]['minute']}")
    loads = [float(s["load1"]) for s in samples]
    p(f"load average (1 min) during the soak: min {min(loads):.1f}, median {statistics.median(loads):.1f},"
      f" max {max(loads):.1f} on {os.cpu_count()} CPUs")
    verdicts = []

    def avg(rows, key):
        vals = [float(r[key]) for r in rows if r[key] != ""]
        return statistics.fmean(vals) if vals else float("nan")

    def derived(key):
        if key == "paid_call_not_kept":
            return [(r["minute"], float(r["paid_call"]) - float(r["paid_call_kept"])) for r in series if r["paid_call"] != ""]
        return [(r["minute"], float(r[key])) for r in series if r[key] != ""]

    p("")
    p(f"{'series':<22}{'first third':>14}{'middle third':>14}{'last third':>14}{'slope/10min':>14}"
      f"{'slope last 2/3':>16}  verdict")
    checks = [("rss_kib", "rel", 0.15), ("heap_after_gc_kib", "rel", 0.15), ("metaspace_kib", "rel", 0.15),
              ("threads", "abs", 5)]
    if DB == "postgres":
        checks += [(t, "rows", 0.20) for t in TABLES if t != "paid_call"]
        checks += [("paid_call_not_kept", "rows", 0.20), ("paid_call_kept", "info", None)]
    if DB == "postgres":
        checks += [("db_other_kib", "rel", 0.20), ("db_kib", "info", None), ("paid_call_kib", "info", None)]
    else:
        checks += [("db_kib", "rel", 0.20)]
    checks += [("heap_committed_kib", "info", None)] + ([("nmt_committed_kib", "info", None)] if NMT else [])
    for key, kind, tol in checks:
        pts = derived(key)
        if not pts:
            continue
        thirds = [[v for m, v in pts if any(m == r["minute"] for r in part)] for part in parts]
        a = [statistics.fmean(t) if t else float("nan") for t in thirds]
        s_all = slope_per_10min([m for m, _ in pts], [v for _, v in pts])
        tail = [(m, v) for m, v in pts if m >= parts[1][0]["minute"]]
        s_tail = slope_per_10min([m for m, _ in tail], [v for _, v in tail])
        if kind == "rel":
            ok = a[2] <= a[1] * (1 + tol)
            rule = f"last <= middle +{tol:.0%}"
        elif kind == "rows":
            ok = a[2] <= a[1] * (1 + tol) + 20
            rule = f"last <= middle +{tol:.0%} +20"
        elif kind == "abs":
            ok = abs(a[2] - a[1]) <= tol
            rule = f"last within +-{tol} of middle"
        else:
            ok, rule = None, {"paid_call_kept": "not judged: one row per lead converted, kept by design",
                              "db_kib": "not judged: with paid_call",
                              "paid_call_kib": "not judged: the kept conversions in it grow by design"}.get(key, "not judged")
        if ok is not None:
            verdicts.append((key, ok))
        p(f"{key:<22}{a[0]:>14.0f}{a[1]:>14.0f}{a[2]:>14.0f}{s_all:>14.1f}{s_tail:>16.1f}  "
          f"{'' if ok is None else ('ok' if ok else 'GROWS')} ({rule})")
    if DB == "postgres":
        # Ended runs still stored: those that ended within the retention window, plus up to one retention period
        # waiting for the task, plus 120 s for runs that end in a burst (a backlog after a fault phase draining).
        bound = RATE * (RETENTION_RUNS_S + RETENTION_EVERY_S + 120)
        peak = max(int(r["run"]) - int(r["runs_open"]) for r in series[third:])
        peak_open = max(int(r["runs_open"]) for r in series[third:])
        ok = peak <= bound
        verdicts.append(("ended runs within the retention window", ok))
        p(f"ended runs stored, peak over the last two thirds: {peak} (bound: rate x (runs retention"
          f" {RETENTION_RUNS_S} s + every {RETENTION_EVERY_S} s + 120 s) = {bound:.0f}) {'ok' if ok else 'EXCEEDED'};"
          f" open runs, peak: {peak_open}")

    def thirds_of(rows, key):
        return [statistics.fmean([r.get(key, 0) for r in rows if part[0]["minute"] <= r["minute"] <= part[-1]["minute"]]
                                 or [0]) for part in parts]

    if nmt_rows:
        write_csv("nmt.csv", nmt_rows)
        p("")
        p("native memory (NMT, committed KiB) by category, averages of the thirds (not judged):")
        for cat in sorted(nmt_rows[-1], key=lambda c: -nmt_rows[-1][c]):
            if cat != "minute" and nmt_rows[-1][cat] >= 1024:
                a = thirds_of(nmt_rows[1:], cat)
                p(f"  {cat:<24}{a[0]:>10.0f}{a[1]:>10.0f}{a[2]:>10.0f}   last - middle {a[2] - a[1]:+.0f}")
    if table_sizes:
        rows = table_sizes
        write_csv("sizes.csv", rows)
        p("")
        p("table sizes with their indexes (KiB), averages of the thirds (not judged):")
        for name in sorted(table_sizes[-1], key=lambda n: -table_sizes[-1][n]):
            if name != "minute" and table_sizes[-1][name] >= 64:
                a = thirds_of(rows[1:], name)
                p(f"  {name:<24}{a[0]:>10.0f}{a[1]:>10.0f}{a[2]:>10.0f}   last - middle {a[2] - a[1]:+.0f}")

    p("")
    by_kind = collections.defaultdict(collections.Counter)
    for (kind, status), c in answers.items():
        by_kind[kind][status] += c
    p(f"hooks sent: {sum(sent.values())} (" + ", ".join(f"{k} {v}" for k, v in sorted(sent.items())) + ")")
    p("hook answers: " + "; ".join(f"{k}: " + ", ".join(f"{s} x{c}" for s, c in sorted(v.items()))
                                   for k, v in sorted(by_kind.items())))
    bad = sum(c for (k, s), c in answers.items() if not 200 <= s < 300)
    verdicts.append(("every hook answered 2xx", bad == 0))
    started, finished = int(prom["bridge_runs_started_total"]), int(prom["bridge_runs_finished_total"])
    p(f"runs started {started}, finished {finished} (Prometheus: completed {int(prom['finished_completed'])},"
      f" failed {int(prom['finished_failed'])}, cancelled {int(prom['finished_cancelled'])});"
      f" still open {started - finished} at {time.strftime('%H:%M:%S', time.gmtime(drained))} UTC")
    verdicts.append(("no run open 5 min after the last hook", started == finished))
    with lock:
        fin = dict(finals)
        rec = dict(receipts)
    by = collections.Counter((f[3], f[1], f[2]) for f in fin.values())
    p("final callbacks by flow/status/code: " + ", ".join(f"{fl}/{st}{'/' + c if c else ''} {n}"
                                                         for (fl, st, c), n in sorted(by.items(), key=str)))
    p(f"callback receipts: {rec.get('verified', 0)} verified, {rec.get('unverified', 0)} unverified,"
      f" {rec.get('repeated', 0)} repeats of a run's final event; {len(fin)} runs with a final callback")
    verdicts.append(("every signature verified", rec.get("unverified", 0) == 0))
    if DB == "postgres":
        byc = collections.Counter((v[0], v[1], v[2]) for v in ended.values())
        p(f"runs seen ended in the database (read every minute, before retention): {len(ended)}: "
          + ", ".join(f"{fl}/{st}{'/' + c if c else ''} {n}" for (fl, st, c), n in sorted(byc.items(), key=str)))
    p(f"rows deleted by retention: {int(prom['bridge_retention_deleted_total'])} ("
      + ", ".join(f"{k[8:]} {int(v)}" for k, v in sorted(prom.items()) if k.startswith("deleted_")) + ")")

    conv = (counters or {}).get("conversions", {})
    ours = {l for l, _ in leads}
    twice = {l: c for l, c in conv.items() if c > 1}
    p(f"conversions (simulator): {sum(conv.values())} charges for {len(conv)} leads of {len(ours)} leads sent;"
      f" leads charged more than once: {len(twice)}{' ' + json.dumps(twice) if twice else ''};"
      f" leads sent again more than 5 min after their first hook: {sent['lead-repeat-old']}"
      f" (a new run, its run deleted: {answers[('lead-repeat-old', 202)]}; deduped to the stored run:"
      f" {answers[('lead-repeat-old', 200)]})")
    verdicts.append(("no lead charged twice", not twice))
    jobs = (counters or {}).get("jobs", {})
    p(f"analysis jobs (simulator): {sum(jobs.values())} for {len(jobs)} projects; repo audits:"
      f" {sum((counters or {}).get('audits', {}).values())}; 429s sent: {(counters or {}).get('rateLimited')}")

    p("")
    failed = [k for k, ok in verdicts if not ok]
    if os.path.exists(os.path.join(OUT, "unconfirmed.txt")):
        p(f"timelines of the runs that ended *_UNCONFIRMED: {os.path.join(OUT, 'unconfirmed.txt')}")
    p("PASS" if not failed else "FAIL: " + "; ".join(failed))
    text = "\n".join(lines)
    print(text, flush=True)
    open(os.path.join(OUT, "summary.txt"), "w").write(text + "\n")
    sys.exit(0 if not failed else 1)


if __name__ == "__main__":
    main()
