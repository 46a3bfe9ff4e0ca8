#!/usr/bin/env python3
"""Callback receiver for the crash suite: verifies each Standard Webhooks signature with the bridge's secret
and appends one JSON line per request (webhook-id, verified, event type, runId, status) to a file.
It outlives the bridge's crashes. Usage: receiver.py PORT OUTFILE WHSEC_SECRET"""
import base64, hashlib, hmac, json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, out, secret = int(sys.argv[1]), sys.argv[2], sys.argv[3]
key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
log = open(out, "a", buffering=1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        wid, ts = self.headers.get("webhook-id", ""), self.headers.get("webhook-timestamp", "")
        expected = base64.b64encode(hmac.new(key, f"{wid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
        given = [s.split(",", 1)[1] for s in self.headers.get("webhook-signature", "").split() if "," in s]
        verified = any(hmac.compare_digest(expected, g) for g in given)
        try:
            event = json.loads(body)
        except ValueError:
            event = {}
        data = event.get("data") or {}
        log.write(json.dumps({"webhookId": wid, "verified": verified, "type": event.get("type"),
                              "runId": data.get("runId"), "status": data.get("status"),
                              "leadId": data.get("leadId"), "at": time.time()}) + "\n")
        self.send_response(204 if verified else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
