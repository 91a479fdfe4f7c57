#!/usr/bin/env python3
"""test_lsp.py - scripted JSON-RPC transcript against `dmacheck lsp`.

usage: test_lsp.py DMACHECK RULES_DIR

Checks the lifecycle, diagnostics of an unsaved buffer (range, severity,
code, codeDescription.href, relatedInformation, version, UTF-16 columns),
hover, incremental edits, dropping of stale versions, and JSON-RPC errors.
"""
import os
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server  # noqa: E402

EXE, RULES = sys.argv[1], os.path.abspath(sys.argv[2])
URI = "file:///nonexistent/dir%20x/drv.c"   # never read from disk: the buffer is checked

BUGGY = """\
#include <linux/dma-mapping.h>

static int foo_send(struct device *dev, void __iomem *mmio, void *buf, size_t len)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(lower_32_bits(h), mmio + 0x10);
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	return 0;
}

static int foo_leak(struct device *dev, void *buf, size_t len)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	if (len > 64)
		return -EINVAL;
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	return 0;
}
"""

failures = []


def check(cond, what, detail=None):
    if cond:
        print("ok   " + what)
    else:
        print("FAIL " + what + ("" if detail is None else ": %r" % (detail,)))
        failures.append(what)


def pos(line, ch):
    return {"line": line, "character": ch}


def rng(l1, c1, l2, c2):
    return {"start": pos(l1, c1), "end": pos(l2, c2)}


def by_code(diags, code):
    return [d for d in diags if d.get("code") == code]


def change(version, *edits):
    return {"jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": URI, "version": version},
                       "contentChanges": list(edits)}}


def hover(s, line, ch, uri=URI):
    return s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, ch)})


def main():
    s = Server(EXE, ["--rules-dir", RULES])

    # -- lifecycle: requests before initialize are refused
    r, _ = hover(s, 0, 0)
    check(r.get("error", {}).get("code") == -32002, "request before initialize -> -32002", r)

    r, _ = s.call("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    res = r.get("result", {})
    caps = res.get("capabilities", {})
    check(caps.get("textDocumentSync") == {"openClose": True, "change": 2,
                                           "save": {"includeText": False}},
          "initialize: textDocumentSync", caps)
    check(caps.get("hoverProvider") is True, "initialize: hoverProvider", caps)
    check(res.get("serverInfo", {}).get("name") == "dmacheck"
          and res["serverInfo"].get("version"), "initialize: serverInfo", res)
    r, _ = s.call("initialize", {"capabilities": {}})
    check(r.get("error", {}).get("code") == -32600, "second initialize -> -32600", r)
    s.send(s.notify("initialized", {}))

    # -- diagnostics for the unsaved buffer
    s.send(s.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "c", "version": 1, "text": BUGGY}}))
    m, _ = s.diagnostics(URI)
    p = m["params"]
    diags = p["diagnostics"]
    check(p.get("version") == 1, "publishDiagnostics carries the version", p.get("version"))
    unchecked = by_code(diags, "dma-map-error-unchecked")
    check(len(unchecked) == 1, "dma-map-error-unchecked reported once", diags)
    if unchecked:
        d = unchecked[0]
        check(d["range"] == rng(6, 5, 6, 49), "range is 0-based, end exclusive", d["range"])
        check(d.get("severity") == 2 and d.get("source") == "dmacheck",
              "severity warning (2), source dmacheck", d)
        check("dma_mapping_error()" in d.get("message", ""), "message", d.get("message"))
        href = d.get("codeDescription", {}).get("href", "")
        check(href == "file://" + os.path.join(RULES, "docs", "dma-map-error-unchecked.md")
              and os.path.exists(href[len("file://"):]), "codeDescription.href is the rule doc", href)
    leak = by_code(diags, "dma-map-leak")
    check(len(leak) == 1, "dma-map-leak reported once", diags)
    if leak:
        rel = leak[0].get("relatedInformation", [])
        check(len(rel) == 1 and rel[0]["location"]["uri"] == URI
              and rel[0]["location"]["range"]["start"] == pos(16, 5)
              and "was mapped here" in rel[0]["message"],
              "relatedInformation: where the leaked buffer was mapped", rel)

    # -- hover
    r, _ = hover(s, 6, 10)
    val = ((r.get("result") or {}).get("contents") or {}).get("value", "")
    check(r.get("result", {}).get("contents", {}).get("kind") == "markdown"
          and val.startswith("**dma-map-error-unchecked**") and "dma_mapping_error()" in val,
          "hover on a diagnostic: rule id and summary", val)
    check(r["result"].get("range") == rng(6, 5, 6, 49), "hover range", r["result"].get("range"))
    r, _ = hover(s, 2, 0)
    check("result" in r and r["result"] is None, "hover elsewhere is null", r)
    r, _ = hover(s, 0, 0, uri="file:///not/open.c")
    check("result" in r and r["result"] is None, "hover on a document that is not open is null", r)

    # -- an incremental edit that fixes both bugs clears the diagnostics
    s.send(change(2,
                  {"range": rng(7, 0, 7, 0),
                   "text": "\tif (dma_mapping_error(dev, h))\n\t\treturn -ENOMEM;\n"},
                  {"range": rng(21, 0, 23, 0), "text": ""}))   # drop 'if (len > 64) return -EINVAL;'
    m, skipped = s.diagnostics(URI)
    check(m["params"].get("version") == 2 and m["params"]["diagnostics"] == [],
          "fixing edit clears the diagnostics", m["params"])

    # -- three quick edits: only the last version is published
    broken = {"range": rng(7, 0, 9, 0), "text": ""}                # drop the check again: v3 buggy
    comment = {"range": rng(0, 0, 0, 0), "text": "/* v4 */\n"}    # v4: lines shift
    tail = {"range": rng(1000, 0, 1000, 0), "text": "/* v5 */\n"}  # v5: out of range -> appended
    s.send(change(3, broken), change(4, comment), change(5, tail))
    m, skipped = s.diagnostics(URI, version=5)
    stale = [x["params"].get("version") for x in skipped
             if x.get("method") == "textDocument/publishDiagnostics"]
    check(stale == [], "stale versions 3 and 4 are never published", stale)
    diags = m["params"]["diagnostics"]
    check([d["code"] for d in diags] == ["dma-map-error-unchecked"]
          and diags[0]["range"]["start"] == pos(7, 5), "version 5 diagnostics", diags)

    # -- UTF-16 columns on a line with non-ASCII text
    prefix = "\t/* é😀 */ "
    s.send(change(6, {"range": rng(7, 0, 7, 1), "text": prefix}))
    m, _ = s.diagnostics(URI, version=6)
    want = len(prefix.encode("utf-16-le")) // 2 + 4   # 'h = ' then dma_map_single
    got = [d["range"]["start"] for d in m["params"]["diagnostics"]]
    check(got == [pos(7, want)], "non-ASCII prefix: UTF-16 start column", (got, want))
    r, _ = hover(s, 7, want + 3)
    check((r.get("result") or {}).get("range", {}).get("start") == pos(7, want),
          "hover after non-ASCII text", r)

    # -- JSON-RPC errors; the server keeps running
    s.write(b"Content-Length: 9\r\n\r\n{not json")
    r, _ = s.wait_for(lambda m: "error" in m)
    check(r["error"]["code"] == -32700 and r.get("id") is None, "malformed JSON -> -32700, id null", r)
    r, _ = hover(s, 7, want + 3)
    check((r.get("result") or {}).get("contents") is not None, "still answers after a parse error", r)
    s.send(b"[1,2]")
    r, _ = s.wait_for(lambda m: "error" in m)
    check(r["error"]["code"] == -32600, "non-object message -> -32600", r)
    s.send({"jsonrpc": "2.0", "id": {"x": 1}, "method": "textDocument/hover"})
    r, _ = s.wait_for(lambda m: "error" in m)
    check(r["error"]["code"] == -32600 and r.get("id") is None, "object id -> -32600", r)
    r, _ = s.call("textDocument/definition", {"textDocument": {"uri": URI}, "position": pos(0, 0)})
    check(r.get("error", {}).get("code") == -32601, "unknown request -> -32601", r)
    r, _ = s.call("textDocument/hover", {"position": "nowhere"})
    check(r.get("error", {}).get("code") == -32602, "hover with bad params -> -32602", r)
    s.send(s.notify("workspace/didChangeConfiguration", {"settings": {}}),
           s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///other.c", "version": 9},
                                                "contentChanges": [{"text": "x"}]}),
           s.notify("textDocument/didChange", {"textDocument": {"uri": URI}, "contentChanges": 7}),
           s.notify("textDocument/didOpen", {}))
    r, skipped = s.call("shutdown")
    check(skipped == [], "bad and unknown notifications are ignored silently", skipped)
    check("result" in r and r["result"] is None and "error" not in r, "shutdown -> null", r)

    # -- after shutdown
    r, _ = hover(s, 0, 0)
    check(r.get("error", {}).get("code") == -32600, "request after shutdown -> -32600", r)
    s.send(s.notify("exit", None))
    check(s.close() == 0, "exit after shutdown: status 0")

    # -- didClose clears, exit without shutdown is status 1
    s = Server(EXE, ["--rules-dir", RULES])
    s.call("initialize", {"capabilities": {}})
    s.send(s.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "c", "version": 1, "text": BUGGY}}))
    s.diagnostics(URI, version=1)
    s.send(s.notify("textDocument/didClose", {"textDocument": {"uri": URI}}))
    m, _ = s.diagnostics(URI)
    check(m["params"]["diagnostics"] == [] and "version" not in m["params"],
          "didClose publishes empty diagnostics", m["params"])
    s.send(s.notify("exit", None))
    check(s.close() == 1, "exit without shutdown: status 1")

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
