#!/usr/bin/env python3
"""Where a JFR recording's time goes. CPU: the top frames (self time), the service's own frame each sample is in (the
first com.auditybridge method that is not a lambda or a JDBC helper, inclusive) and the samples per thread group.
Waiting (recorded with settings=profile: parks over 20 ms, socket reads over 10 ms, contended monitors over 10 ms):
the summed durations by what was waited for (a pool connection, a database answer, a lock) and the service frame.
Usage: bench/jfr-top.py recording.jfr [rows=15]"""
import collections, json, re, subprocess, sys

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 15
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events",
                      "jdk.ExecutionSample,jdk.NativeMethodSample,jdk.ThreadPark,jdk.SocketRead,jdk.JavaMonitorEnter", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]

def frame(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

HELPERS = ("$$", "$Proxy", ".db.Sql.", ".UnflushedCommits.", ".TransactionJoiningDataSource.", "$Definition",
           "$Intercepted")


def service_frame(frames):
    return next((f for f in frames if f.startswith("com.auditybridge.") and not any(h in f for h in HELPERS)),
                "(no com.auditybridge frame)")


def waited_for(kind, frames):
    joined = " ".join(frames)
    if "HikariPool.getConnection" in joined:
        return "a pool connection"
    if kind == "jdk.SocketRead":
        return "a database answer" if "org.postgresql" in joined else "a socket read"
    if kind == "jdk.JavaMonitorEnter":
        return "a monitor"
    if "ThreadPoolExecutor.getTask" in joined or "EPoll" in joined:
        return "(idle: no work)"
    return "a park in " + next((f for f in frames if not f.startswith(("jdk.", "java."))), frames[0])


def duration_ms(value):
    if isinstance(value, (int, float)):
        return value / 1e6
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", value)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000 if m else 0.0


def group(thread):
    name = re.sub(r"[-#]?\d+$", "", thread or "?")
    return re.sub(r"-\d+-", "-", name)

def table(title, counter, total):
    print(f"\n{title} (of {total} samples)")
    for key, n in counter.most_common(rows):
        print(f"  {100 * n / total:5.1f}%  {n:6d}  {key}")

for kind in ("jdk.ExecutionSample",):
    samples = [e["values"] for e in events if e["type"] == kind and e["values"].get("stackTrace")]
    if not samples:
        continue
    top, own, threads, libs = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    for s in samples:
        frames = [frame(f) for f in s["stackTrace"]["frames"]]
        top[frames[0]] += 1
        libs[".".join(frames[0].split(".")[:3])] += 1
        own[service_frame(frames)] += 1
        t = s.get("sampledThread") or {}
        threads[group(t.get("javaName") or t.get("osName"))] += 1
    print(f"\n==== CPU: {kind}")
    table("top frames (self)", top, len(samples))
    table("self time by package", libs, len(samples))
    table("first service frame (inclusive)", own, len(samples))
    table("threads", threads, len(samples))

waits, threads_waiting = collections.Counter(), collections.Counter()
for e in events:
    if e["type"] not in ("jdk.ThreadPark", "jdk.SocketRead", "jdk.JavaMonitorEnter") or not e["values"].get("stackTrace"):
        continue
    v = e["values"]
    frames = [frame(f) for f in v["stackTrace"]["frames"]]
    what = waited_for(e["type"], frames)
    if what.startswith("(idle"):
        continue
    ms = duration_ms(v["duration"])
    waits[f"{what:<22} {service_frame(frames)}"] += ms
    t = v.get("eventThread") or {}
    threads_waiting[group(t.get("javaName") or t.get("osName"))] += ms
if waits:
    total = sum(waits.values())
    print(f"\n==== waiting (summed over threads, {total / 1000:.1f} s; idle pool threads left out)")
    for key, ms in waits.most_common(rows):
        print(f"  {100 * ms / total:5.1f}%  {ms / 1000:7.1f} s  {key}")
    print("  by thread group: " + ", ".join(f"{k} {v / 1000:.1f} s" for k, v in threads_waiting.most_common(5)))
