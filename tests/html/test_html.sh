#!/bin/bash
# test_html.sh - --format=html: a self-contained page that a real browser
# (headless Chromium) renders with the expected findings, messages and
# escaped source.
#
# usage: test_html.sh /path/to/dmacheck RULES_DIR
# Run by CTest (label "html"). Exits 77 (skipped) if chromium is missing
# (setup.sh test installs it).

set -u
BIN=${1:?usage: test_html.sh /path/to/dmacheck RULES_DIR}
RULES=${2:?usage: test_html.sh /path/to/dmacheck RULES_DIR}
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmacheck-html.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

. "$(dirname "$0")/../harness/tap.sh"
# count FILE PATTERN: occurrences of a fixed string
count() { grep -oF -- "$2" "$1" | wc -l; }

cd "$HERE"   # relative paths in the report, read back by the emitter
"$BIN" --rules-dir "$RULES" -q --format=html data >"$TMP/report.html" 2>"$TMP/err"
rc=$?
same "exit status with findings" 1 "$rc"
check "nothing on stderr with -q" test ! -s "$TMP/err"
"$BIN" --rules-dir "$RULES" -q -j 3 --format=html -o "$TMP/again.html" data
check "deterministic (-j 1 vs -j 3 with -o)" cmp "$TMP/report.html" "$TMP/again.html"
check "self-contained: no script, no external stylesheet or image" \
	bash -c "! grep -Eiq '<script|<link|<img|<iframe|src=|https?://' '$TMP/report.html'"
check "well-formed for an XML parser (balanced, escaped)" \
	"$PY" -c "import sys,xml.dom.minidom as m; t=open(sys.argv[1],encoding='utf-8').read(); m.parseString(t.replace('<!DOCTYPE html>',''))" "$TMP/report.html"
"$BIN" --rules-dir "$RULES" -q --format=html "$HERE/../cli/data/clean.c" >"$TMP/clean.html"
same "exit status without findings" 0 "$?"
check "no findings: says so" grep -q 'No findings' "$TMP/clean.html"
same "no findings: no finding elements" 0 "$(count "$TMP/clean.html" 'class="finding')"

if [ -z "$CHROMIUM" ]; then
	echo "# chromium not found: skipping the browser checks"
	echo "1..$n"
	[ "$failed" -eq 0 ] && exit 77
	exit 1
fi

chrome() {
	local profile
	profile=$(mktemp -d "$TMP/profile.XXXXXX")
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" "$@" 2>>"$TMP/chrome.err"
}
chrome --dump-dom "file://$TMP/report.html" >"$TMP/dom.html"
check "chromium dumped the DOM" test -s "$TMP/dom.html"
D=$TMP/dom.html
same "3 finding elements" 3 "$(count "$D" '<section class="finding ')"
same "header total" 1 "$(count "$D" '<span id="total-findings">3</span>')"
for rule in dma-map-error-unchecked dma-map-leak dma-unmap-args-mismatch; do
	check "rule id $rule linked to its doc" grep -qF "href=\"file://$RULES/docs/$rule.md\">$rule</a>" "$D"
	check "finding element for $rule" grep -qF "data-rule=\"$rule\"" "$D"
done
check "message of the unchecked handle" grep -qF \
	"DMA address 'h' from dma_map_single() is given to the device before it is checked with dma_mapping_error()" "$D"
check "message of the direction mismatch" grep -qF \
	"dma_unmap_single(): direction DMA_TO_DEVICE differs from the mapping's DMA_FROM_DEVICE" "$D"
check "escaped source: < and & in the context lines" grep -qF 'if (len &lt; 64 &amp;&amp; (len &amp; 1) == 0)' "$D"
check "escaped source: > in a context line" grep -qF '	writel(h, regs); /* "quoted" \x27x\x27 -&gt; y */</span>' <(sed "s/'/\\\\x27/g" "$D")
check "finding line highlighted" grep -qF '<span class="l hl"><span class="n">14 </span>	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);</span>' "$D"
check "±3 lines: lines 11-16 shown (finding at 14, file ends at 16)" \
	"$PY" -c "import re,sys; d=open(sys.argv[1]).read(); s=d[d.index('id=\"f2\"'):]; s=s[:s.index('</pre>')]; n=[int(x) for x in re.findall(r'<span class=\"n\">\s*([0-9]+) </span>', s)]; sys.exit(0 if n == list(range(11, 17)) else 1)" "$D"
check "note with its line" grep -qF '<span class="loc">data/net/lt_nic.c:15:2</span>: used here<br><code>writel(h, regs); /* "quoted" \x27x\x27 -&gt; y */</code>' <(sed "s/'/\\\\x27/g" "$D")
check "table of contents by directory" grep -qF '<a href="#d1">data/misc</a>' "$D"
check "table of contents by rule with links" grep -qF 'dma-map-leak (1): <a href="#f3">lt_nic.c:16</a>' "$D"
# the rendered text (what a reader sees)
chrome --dump-dom "file://$TMP/report.html" >/dev/null
"$PY" - "$D" >"$TMP/text" <<'PYEOF'
import html.parser, sys
class T(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.out = []; s.skip = 0
    def handle_starttag(s, tag, a):
        s.skip += tag in ("style", "head")
    def handle_endtag(s, tag):
        s.skip -= tag in ("style", "head")
    def handle_data(s, d):
        if not s.skip: s.out.append(d)
t = T(); t.feed(open(sys.argv[1]).read()); print("".join(t.out))
PYEOF
check "rendered text shows the raw source with <" grep -qF 'if (len < 64 && (len & 1) == 0)' "$TMP/text"
chrome --screenshot="$TMP/shot.png" --window-size=1200,2000 "file://$TMP/report.html" >/dev/null
check "screenshot is a non-empty PNG" "$PY" -c "import sys; d=open(sys.argv[1],'rb').read(); sys.exit(0 if len(d) > 1000 and d[:8] == b'\x89PNG\r\n\x1a\n' else 1)" "$TMP/shot.png"

tap_finish
