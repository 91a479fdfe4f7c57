#!/usr/bin/env python3
"""test_lsp_robust.py - `dmacheck lsp` must survive bad input.

usage: test_lsp_robust.py DMACHECK RULES_DIR [ITERATIONS]

Each case starts a fresh server, initializes it, sends the bad bytes, then
(where the framing can recover) a hover request that must be answered, and
closes stdin. The server must exit by itself with status 0 or 1 (never a
signal, never a sanitizer report). Then seeded random mutations of a valid
session are thrown at it the same way.
"""
import json
import os
import random
import subprocess
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import frame  # noqa: E402

EXE, RULES = sys.argv[1], sys.argv[2]
ITER = int(sys.argv[3]) if len(sys.argv) > 3 else 60
URI = "file:///tmp/x.c"
TEXT = "#include <linux/dma-mapping.h>\nint f(struct device *d, void *b)\n{\n" \
       "\tdma_addr_t h = dma_map_single(d, b, 4, DMA_TO_DEVICE);\n\treturn h ? 0 : 1;\n}\n"


def msg(method, params=None, id=None):
    m = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        m["params"] = params
    if id is not None:
        m["id"] = id
    return m


INIT = frame(msg("initialize", {"capabilities": {}}, id=1)) + frame(msg("initialized", {}))
OPEN = frame(msg("textDocument/didOpen", {"textDocument": {
    "uri": URI, "languageId": "c", "version": 1, "text": TEXT}}))
PROBE = frame(msg("textDocument/hover", {"textDocument": {"uri": URI},
                                          "position": {"line": 3, "character": 20}}, id=99))


def change(changes, version=2, uri=URI):
    return frame(msg("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": changes}))


def r(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


# (name, bytes, whether the probe after them must be answered)
CASES = [
    ("truncated header", b"Content-Len", False),
    ("truncated body", b"Content-Length: 100\r\n\r\n{\"jsonrpc\":", False),
    ("huge Content-Length", b"Content-Length: 99999999999999999999999\r\n\r\n{}", False),
    ("Content-Length over the limit", b"Content-Length: 67108865\r\n\r\n{}", False),
    ("Content-Length not a number", b"Content-Length: abc\r\n\r\n", True),
    ("negative Content-Length", b"Content-Length: -5\r\n\r\n", True),
    ("no Content-Length", b"Content-Type: x\r\n\r\n", True),
    ("endless header", b"A" * 20000, False),
    ("empty body", b"Content-Length: 0\r\n\r\n", True),
    ("NUL bytes", b"Content-Length: 4\r\n\r\n\0\0\0\0", True),
    ("invalid UTF-8", frame(b'{"jsonrpc":"2.0","method":"x\xff\xfe"}'), True),
    ("deep nesting", frame(b"[" * 100000 + b"]" * 100000), True),
]
for v in [b"1", b'"x"', b"null", b"true", b"[]", b"{}", b'{"id":1}', b'{"method":5}',
          b'{"id":[],"method":"shutdown"}', b'{"id":1.5,"method":"textDocument/hover"}',
          b'{"id":null,"method":"textDocument/hover"}', b'{"id":1,"result":null}']:
    CASES.append(("message " + v.decode(), frame(v), True))
BAD_PARAMS = [None, 5, "x", [], {}, {"textDocument": "x"}, {"textDocument": {"uri": 5}},
              {"textDocument": {"uri": URI, "text": 5}}, {"textDocument": {"uri": URI, "version": "1"}},
              {"textDocument": {"uri": URI}, "position": {"line": "a", "character": 0}},
              {"textDocument": {"uri": URI}, "position": {"line": -5, "character": 1e30}},
              {"textDocument": {"uri": URI}, "contentChanges": 3},
              {"textDocument": {"uri": URI}, "contentChanges": [5, None, {}]}]
for m in ["initialize", "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave",
          "textDocument/didClose", "textDocument/hover", "shutdown"]:
    for i, p in enumerate(BAD_PARAMS):
        # as a request and as a notification
        CASES.append(("%s params #%d (request)" % (m, i), frame(msg(m, p, id=1000 + i)), m != "shutdown"))
        CASES.append(("%s params #%d (notification)" % (m, i), frame(msg(m, p)), True))
CASES += [
    ("didChange for an unknown URI", change([{"text": "x"}], uri="file:///nope.c"), True),
    ("range far out of bounds", change([{"range": r(10**9, 10**9, 10**12, 5), "text": "y"}]), True),
    ("range end before start", change([{"range": r(4, 3, 1, 0), "text": "z"}]), True),
    ("negative range", change([{"range": r(-1, -7, -1, -1), "text": "z"}]), True),
    ("range inside a surrogate pair",
     change([{"range": r(0, 0, 0, 0), "text": "😀é\n"}, {"range": r(0, 1, 0, 2), "text": "q"}]), True),
    ("huge line/character integers", change([{"range": r(2**62, 2**62, 2**63 - 1, 2**63 - 1), "text": "w"}]), True),
    ("text with NUL", change([{"text": "int x;\0\0 garbage"}]), True),
    ("invalid UTF-8 in path URI", frame(msg("textDocument/didOpen", {"textDocument": {
        "uri": "file:///%ff%00%zz%", "version": 1, "text": TEXT}})), True),
    ("close then change", frame(msg("textDocument/didClose", {"textDocument": {"uri": URI}}))
     + change([{"text": "x"}]), True),
    ("double open", OPEN + OPEN, True),
]


def run(data, want_probe):
    """Returns None if fine, else a description of what went wrong."""
    p = subprocess.Popen([EXE, "lsp", "--rules-dir", RULES], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = p.communicate(INIT + OPEN + data + PROBE, timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return "timeout"
    if p.returncode not in (0, 1):
        return "exit status %d: %s" % (p.returncode, err.decode(errors="replace")[-800:])
    if b"Sanitizer" in err or b"runtime error" in err:
        return "sanitizer: " + err.decode(errors="replace")[-800:]
    # every message the server wrote must be well framed JSON
    ids = []
    while out:
        head, sep, rest = out.partition(b"\r\n\r\n")
        if not sep or not head.startswith(b"Content-Length: "):
            return "bad framing in output: %r" % out[:80]
        n = int(head[16:])
        body = json.loads(rest[:n])
        ids.append(body.get("id"))
        out = rest[n:]
    if want_probe and 99 not in ids:
        return "probe request not answered (ids %r)" % ids
    return None


def mutate(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(4)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:
            del b[i:i + rng.randint(1, 40)]
        elif op == 1:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2 and i < len(b):
            b[i] = rng.choice(b'{}[]":,0123456789\r\n\\ ')
        else:
            j = rng.randrange(len(b) + 1)
            b[i:i] = b[j:j + rng.randint(1, 200)]
    return bytes(b)


def main():
    bad = 0
    for name, data, want in CASES:
        why = run(data, want)
        if why:
            bad += 1
            print("FAIL %s: %s" % (name, why))
    print("%d fixed cases, %d failed" % (len(CASES), bad))
    rng = random.Random(7)
    session = (change([{"range": r(3, 1, 3, 11), "text": "u64"}])
               + change([{"text": TEXT + "/* é😀 */\n"}], version=3) + PROBE
               + frame(msg("shutdown", None, id=5)) + frame(msg("exit")))
    rbad = 0
    for i in range(ITER):
        why = run(mutate(rng, session), False)
        if why:
            rbad += 1
            print("FAIL random mutation %d: %s" % (i, why))
    print("%d random mutations, %d failed" % (ITER, rbad))
    return 1 if bad or rbad else 0


if __name__ == "__main__":
    sys.exit(main())
