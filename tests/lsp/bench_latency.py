#!/usr/bin/env python3
"""bench_latency.py - how long `dmacheck lsp` takes to publish diagnostics
for a 5,000-line driver after an edit (not a CTest test).

usage: bench_latency.py DMACHECK [SRC_DIR] [--lines N] [--edits N]

SRC_DIR defaults to ~/.cache/dmacheck/linux-source-6.1/drivers/net/ethernet
(unpacked by the kmod-fixtures build or by hand from Debian's
linux-source-6.1). Real driver files that use dma_map_single() are
concatenated, in sorted path order, to N lines (cut after the next
top-level '}'). The file is opened once; then each edit is an incremental
didChange that changes a comment in the middle of the file, and the time
is from writing the didChange to reading the publishDiagnostics of that
version. Prints median, min, max and the time of `dmacheck FILE` itself.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server  # noqa: E402


def build_file(src, nlines):
    files = []
    for root, dirs, names in os.walk(src):
        dirs.sort()
        for n in sorted(names):
            if n.endswith(".c"):
                files.append(os.path.join(root, n))
    out, used = [], []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        if "dma_map_single(" not in text:
            continue
        out.extend(text.splitlines(keepends=True))
        used.append(os.path.relpath(f, src))
        if len(out) >= nlines:
            break
    # cut after the first top-level '}' at or after line N
    end = next((i + 1 for i in range(nlines - 1, len(out)) if out[i].startswith("}")), len(out))
    return "".join(out[:end]), used


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("src", nargs="?", default=os.path.expanduser(
        "~/.cache/dmacheck/linux-source-6.1/drivers/net/ethernet"))
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=20)
    a = ap.parse_args()

    text, used = build_file(a.src, a.lines)
    nlines = text.count("\n")
    path = os.path.join(tempfile.mkdtemp(prefix="dmc-bench-"), "big_driver.c")
    with open(path, "w") as fh:
        fh.write(text)
    print("file: %s: %d lines, %d bytes, from %d drivers (%s ... %s)"
          % (path, nlines, len(text.encode()), len(used), used[0], used[-1]))

    t = time.monotonic()
    cli = subprocess.run([a.exe, path], capture_output=True, text=True)
    cli_ms = (time.monotonic() - t) * 1000
    nfind = sum(1 for l in cli.stdout.splitlines() if l.endswith("]") and ": warning: " in l)
    print("dmacheck FILE (process start, rules load, check): %.1f ms, %d findings" % (cli_ms, nfind))

    uri = "file://" + path
    s = Server(a.exe, timeout=120)
    s.call("initialize", {"capabilities": {}})
    s.send(s.notify("initialized", {}))
    t = time.monotonic()
    s.send(s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "c", "version": 1, "text": text}}))
    m, _ = s.diagnostics(uri, version=1)
    print("didOpen -> diagnostics: %.1f ms, %d diagnostics"
          % ((time.monotonic() - t) * 1000, len(m["params"]["diagnostics"])))

    mid = nlines // 2
    times = []
    for i in range(a.edits):
        v = i + 2
        line = mid + (i % 7)
        change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                          "end": {"line": line, "character": 0}},
                                "text": "/* edit %d */" % v}]}}
        t = time.monotonic()
        s.send(change)
        m, _ = s.diagnostics(uri, version=v)
        times.append((time.monotonic() - t) * 1000)
    s.call("shutdown")
    s.send(s.notify("exit", None))
    s.close()
    times.sort()
    print("edit -> publishDiagnostics over %d edits: median %.1f ms, min %.1f ms, max %.1f ms"
          % (len(times), statistics.median(times), times[0], times[-1]))
    print("all (ms): " + " ".join("%.1f" % x for x in times))


if __name__ == "__main__":
    main()
