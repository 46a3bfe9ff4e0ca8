#!/usr/bin/env python3
"""Small load helper for bench/engine.sh and bench/inflight.sh (stdlib only, keep-alive connections).

  load.py leads SIM_PORT N [TOKEN]    adds N unconverted leads to the simulator account of TOKEN (the bridge's demo
                                      token by default), prints their ids
  load.py hooks BRIDGE_PORT KEY FILE  posts lead-arrived for every lead id in FILE (4 threads), prints counts
"""
import http.client, json, sys, threading

TOKEN = "aky_DemoSimulatorToken0123456789abcd"  # the simulator's demo token, meaningless outside it


def leads(port, n, token=TOKEN):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for i in range(n):
        conn.request("POST", "/sim/admin/audity/leads", json.dumps({"token": token, "companyName": f"Bench {i}"}),
                     {"Content-Type": "application/json", "X-Sim-Admin-Token": "sim-admin"})
        r = conn.getresponse(); body = r.read()
        if r.status != 201:
            sys.exit(f"lead {i}: {r.status} {body[:200]!r}")
        print(json.loads(body)["id"])


def hooks(port, key, path):
    ids = [l.strip() for l in open(path) if l.strip()]
    counts, lock = {}, threading.Lock()

    def worker(part):
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for lead in part:
            conn.request("POST", "/v1/hooks/lead-arrived", json.dumps({"leadId": lead}),
                         {"Content-Type": "application/json", "Authorization": "Bearer " + key})
            r = conn.getresponse(); r.read()
            with lock:
                counts[r.status] = counts.get(r.status, 0) + 1

    threads = [threading.Thread(target=worker, args=(ids[i::4],)) for i in range(4)]
    [t.start() for t in threads]; [t.join() for t in threads]
    print("hook answers:", counts)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "leads":
        leads(int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:5])
    elif cmd == "hooks":
        hooks(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
