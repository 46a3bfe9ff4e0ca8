#!/usr/bin/env python3
"""Helpers of bench/budget.sh (stdlib only).

  budget.py receive PORT FILE                    a callback receiver: one line per callback, "<epoch s> <runId> <type>"
  budget.py hooks KEY CALLBACK FILE OUT PORT...  lead-arrived for each lead id in FILE, in order, round-robin over the
                                                 bridge PORTs; one line per hook in OUT, "<epoch s> <runId> <status>"
  budget.py burst HOOKS CALLBACKS                first, median and last callback after the first hook, and the order
  budget.py window SIM_PORT SECONDS              the simulator's writes in the next SECONDS and its sliding-minute peaks
"""
import http.client, http.server, json, statistics, sys, time


def receive(port, path):
    out = open(path, "a", buffering=1)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            at = time.time()
            try:
                event = json.loads(body)
                out.write(f"{at:.3f} {event.get('data', {}).get('runId', '?')} {event.get('type', '?')}\n")
            except ValueError:
                out.write(f"{at:.3f} ? unreadable\n")
            self.send_response(204); self.end_headers()

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def hooks(key, callback, leads_path, out_path, ports):
    leads = [l.strip() for l in open(leads_path) if l.strip()]
    conns = [http.client.HTTPConnection("127.0.0.1", p) for p in ports]
    with open(out_path, "w") as out:
        for i, lead in enumerate(leads):
            conn = conns[i % len(conns)]
            conn.request("POST", "/v1/hooks/lead-arrived", json.dumps({"leadId": lead, "callbackUrl": callback}),
                         {"Content-Type": "application/json", "Authorization": "Bearer " + key})
            r = conn.getresponse(); body = r.read()
            run = json.loads(body).get("runId", "?") if r.status == 202 else "?"
            out.write(f"{time.time():.3f} {run} {r.status}\n")
            if r.status != 202:
                sys.exit(f"hook {i}: {r.status} {body[:300]!r}")


def burst(hooks_path, callbacks_path):
    sent = [l.split() for l in open(hooks_path)]
    order = {run: i for i, (_, run, _) in enumerate(sent)}
    first_hook = float(sent[0][0])
    seen = {}
    for line in open(callbacks_path):
        at, run, kind = line.split()
        seen.setdefault(run, (float(at) - first_hook, kind))
    arrivals = sorted((t, order.get(run, -1), kind) for run, (t, kind) in seen.items())
    times = [t for t, _, _ in arrivals]
    places = [p for _, p, _ in arrivals]
    inversions = sum(1 for i in range(len(places)) for j in range(i + 1, len(places)) if places[i] > places[j])
    kinds = {}
    for _, _, k in arrivals:
        kinds[k] = kinds.get(k, 0) + 1
    print(f"hooks {len(sent)} (answers {sorted(set(s[2] for s in sent))}), callbacks {len(arrivals)} {kinds}")
    if times:
        print(f"after the first hook: first {times[0]:.1f} s, median {statistics.median(times):.1f} s, "
              f"last {times[-1]:.1f} s")
    print(f"arrival places of the callbacks, in callback order: {places}")
    print(f"pairs out of arrival order: {inversions} of {len(places) * (len(places) - 1) // 2}")


def counters(port):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/sim/admin/counters", headers={"X-Sim-Admin-Token": "sim-admin"})
    return json.loads(conn.getresponse().read())


def writes(snapshot):
    calls = snapshot.get("calls", {})
    return sum(n for route, by in calls.items() if route.startswith(("POST", "PATCH", "DELETE"))
               for status, n in by.items())


def window(port, seconds):
    before = writes(counters(port))
    time.sleep(seconds)
    after = counters(port)
    print(f"writes in {seconds} s: {writes(after) - before} (limit 20 a minute: at most "
          f"{20 * seconds // 60 + 2} with the burst); sliding-minute peaks {after.get('peaks')}; "
          f"429s {after.get('rateLimited')}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "receive":
        receive(int(args[0]), args[1])
    elif cmd == "hooks":
        hooks(args[0], args[1], args[2], args[3], [int(p) for p in args[4:]])
    elif cmd == "burst":
        burst(args[0], args[1])
    elif cmd == "window":
        window(int(args[0]), int(args[1]))
    else:
        sys.exit(__doc__)
