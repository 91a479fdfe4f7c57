"""lspclient.py - a minimal LSP client over a child's stdio, for the tests
and the latency benchmark (framing, requests, waiting for notifications)."""
import json
import os
import select
import subprocess
import time


def frame(obj):
    """One framed message (obj is a dict, or bytes sent as the body as is)."""
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    """dmacheck lsp as a child process."""

    def __init__(self, exe, args=(), timeout=30):
        self.p = subprocess.Popen([exe, "lsp", *args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.buf = b""
        self.timeout = timeout
        self.next_id = 1
        self.log = []      # every message received, in order

    def write(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, *msgs):
        """Send messages in one write (so the server sees them together)."""
        self.write(b"".join(frame(m) for m in msgs))

    def notify(self, method, params):
        return {"jsonrpc": "2.0", "method": method, "params": params}

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            m["params"] = params
        return m

    def _read_some(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no message from the server in time")
        r, _, _ = select.select([self.p.stdout], [], [], left)
        if not r:
            raise TimeoutError("no message from the server in time")
        chunk = os.read(self.p.stdout.fileno(), 1 << 20)
        if not chunk:
            raise EOFError("server closed its output")
        self.buf += chunk

    def recv(self, deadline=None):
        """The next message from the server (a dict)."""
        deadline = deadline or time.monotonic() + self.timeout
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                head = self.buf[:end].decode()
                n = None
                for line in head.split("\r\n"):
                    k, _, v = line.partition(":")
                    if k.lower() == "content-length":
                        n = int(v)
                assert n is not None, "header without Content-Length: %r" % head
                if len(self.buf) >= end + 4 + n:
                    body = self.buf[end + 4:end + 4 + n]
                    self.buf = self.buf[end + 4 + n:]
                    msg = json.loads(body)
                    self.log.append(msg)
                    return msg
            self._read_some(deadline)

    def wait_for(self, pred, timeout=None):
        """Read until pred(msg) holds; returns (msg, messages skipped)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        skipped = []
        while True:
            m = self.recv(deadline)
            if pred(m):
                return m, skipped
            skipped.append(m)

    def call(self, method, params=None):
        """Send a request and return its response (and what came before it)."""
        req = self.request(method, params)
        self.send(req)
        return self.wait_for(lambda m: m.get("id") == req["id"] and "method" not in m)

    def diagnostics(self, uri, version=None):
        """Wait for publishDiagnostics for uri (at version if given)."""
        def ok(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.wait_for(ok)

    def close(self):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.p.wait(self.timeout)
        finally:
            self.p.stdout.close()
            self.p.stderr.close()
